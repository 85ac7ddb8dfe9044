package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
)

// SNAT entries: the table must belong to a NAT, the SNAT IPs must be EIPs bound to that NAT
// (otherwise the retryable EIP_NOT_IN_GATEWAY the provider waits on), and the source vSwitch must exist.
func (s *Server) natOfSnatTable(table string) (*natRes, *apiError) {
	for _, n := range s.st.nats {
		if n.SnatTableID == table {
			return n, nil
		}
	}
	return nil, notFound("InvalidSnatTableId.NotFound", "Specified SNAT table %q does not exist.", table)
}

func createSnatEntry(s *Server, c *rpcCall) (any, *apiError) {
	n, e := s.natOfSnatTable(c.get("SnatTableId"))
	if e != nil {
		return nil, e
	}
	var bound []string
	for _, eip := range s.eipsBoundTo(n.ID) {
		bound = append(bound, eip.IP)
	}
	for _, ip := range strings.Split(c.get("SnatIp"), ",") {
		if !slices.Contains(bound, ip) {
			return nil, errf(400, "EIP_NOT_IN_GATEWAY", "The SNAT IP %s is not an EIP associated with NAT gateway %s.", ip, n.ID)
		}
	}
	src := c.get("SourceVSwitchId")
	if src != "" {
		if _, e := s.vswitchOf(src); e != nil {
			return nil, e
		}
	} else if c.get("SourceCIDR") == "" {
		return nil, errf(400, "MissingParameter", "One of SourceVSwitchId and SourceCIDR is required.")
	}
	for _, other := range s.st.snats {
		if other.NatID == n.ID && src != "" && other.SourceVSwitchID == src {
			return nil, errf(400, "Forbidden.SourceVSwitchId.Duplicated", "vSwitch %s already has SNAT entry %s.", src, other.ID)
		}
	}
	aff, _ := strconv.Atoi(orDefault(c.get("EipAffinity"), "0"))
	sn := &snatRes{ID: newID("snat"), TableID: n.SnatTableID, NatID: n.ID, SnatIP: c.get("SnatIp"), SourceVSwitchID: src,
		SourceCIDR: c.get("SourceCIDR"), Name: c.get("SnatEntryName"), EipAffinity: aff}
	if src != "" && sn.SourceCIDR == "" {
		sn.SourceCIDR = s.st.vswitches[src].CidrBlock
	}
	sn.Slow = s.slowFault("CreateSnatEntry", "Pending")
	s.st.snats[sn.ID] = sn
	s.st.order = append(s.st.order, sn.ID)
	s.event("snat %s created table=%s ip=%s source=%s%s", sn.ID, sn.TableID, sn.SnatIP, src, sn.SourceCIDR)
	resp := vpc.CreateCreateSnatEntryResponse()
	resp.SnatEntryId = sn.ID
	return resp, nil
}

func describeSnatTableEntries(s *Server, c *rpcCall) (any, *apiError) {
	table := c.get("SnatTableId")
	if table != "" {
		if _, e := s.natOfSnatTable(table); e != nil {
			return nil, e
		}
	}
	resp := vpc.CreateDescribeSnatTableEntriesResponse()
	resp.PageNumber, resp.PageSize = 1, 10
	for _, id := range s.st.order {
		sn := s.st.snats[id]
		if sn == nil || (table != "" && sn.TableID != table) || (c.get("SnatEntryId") != "" && c.get("SnatEntryId") != id) ||
			(c.get("NatGatewayId") != "" && c.get("NatGatewayId") != sn.NatID) {
			continue
		}
		resp.SnatTableEntries.SnatTableEntry = append(resp.SnatTableEntries.SnatTableEntry, vpc.SnatTableEntry{
			Status: sn.Slow.current("Available"), SnatEntryName: sn.Name, SourceVSwitchId: sn.SourceVSwitchID, SourceCIDR: sn.SourceCIDR,
			SnatEntryId: sn.ID, SnatTableId: sn.TableID, SnatIp: sn.SnatIP, NatGatewayId: sn.NatID, EipAffinity: strconv.Itoa(sn.EipAffinity)})
	}
	resp.TotalCount = len(resp.SnatTableEntries.SnatTableEntry)
	return resp, nil
}

func (s *Server) snatOf(table, id string) (*snatRes, *apiError) {
	if _, e := s.natOfSnatTable(table); e != nil {
		return nil, e
	}
	sn := s.st.snats[id]
	if sn == nil || sn.TableID != table {
		return nil, notFound("InvalidSnatEntryId.NotFound", "Specified SNAT entry %q does not exist in table %s.", id, table)
	}
	return sn, nil
}

func modifySnatEntry(s *Server, c *rpcCall) (any, *apiError) {
	sn, e := s.snatOf(c.get("SnatTableId"), c.get("SnatEntryId"))
	if e != nil {
		return nil, e
	}
	if v, ok := c.params["SnatEntryName"]; ok {
		sn.Name = v
	}
	if v, ok := c.params["SnatIp"]; ok {
		sn.SnatIP = v
	}
	if v, ok := c.params["EipAffinity"]; ok {
		sn.EipAffinity, _ = strconv.Atoi(v)
	}
	s.event("snat %s modified ip=%s name=%q", sn.ID, sn.SnatIP, sn.Name)
	return vpc.CreateModifySnatEntryResponse(), nil
}

func deleteSnatEntry(s *Server, c *rpcCall) (any, *apiError) {
	sn, e := s.snatOf(c.get("SnatTableId"), c.get("SnatEntryId"))
	if e != nil {
		return nil, e
	}
	delete(s.st.snats, sn.ID)
	s.event("snat %s deleted", sn.ID)
	return vpc.CreateDeleteSnatEntryResponse(), nil
}
