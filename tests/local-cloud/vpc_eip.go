package main

import (
	"fmt"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
)

// EIPs and their associations (VPC 2016-04-28). An association shows at once in
// DescribeEipAddresses and in the NAT's IpLists, because the provider reads it without waiting.
func init() {
	register("Vpc", map[string]*rpcAction{
		"AllocateEipAddress":        {request: vpc.AllocateEipAddressRequest{}, handle: allocateEip},
		"DescribeEipAddresses":      {request: vpc.DescribeEipAddressesRequest{}, handle: describeEips},
		"ModifyEipAddressAttribute": {request: vpc.ModifyEipAddressAttributeRequest{}, required: []string{"AllocationId"}, handle: modifyEip},
		"AssociateEipAddress":       {request: vpc.AssociateEipAddressRequest{}, required: []string{"AllocationId", "InstanceId"}, handle: associateEip},
		"UnassociateEipAddress":     {request: vpc.UnassociateEipAddressRequest{}, required: []string{"AllocationId", "InstanceId"}, handle: unassociateEip},
		"ReleaseEipAddress":         {request: vpc.ReleaseEipAddressRequest{}, required: []string{"AllocationId"}, handle: releaseEip},
	})
}

func allocateEip(s *Server, c *rpcCall) (any, *apiError) {
	n := len(s.st.eips) + 1
	eip := &eipRes{ID: newID("eip"), IP: fmt.Sprintf("47.96.%d.%d", n/250, n%250+1), Bandwidth: orDefault(c.get("Bandwidth"), "5"),
		Name: c.get("Name"), Description: c.get("Description"), InternetChargeType: orDefault(c.get("InternetChargeType"), "PayByBandwidth"),
		ISP: orDefault(c.get("ISP"), "BGP"), Netmode: orDefault(c.get("Netmode"), "public"), ResourceGroupID: defaultRG(c.get("ResourceGroupId")), Created: now()}
	eip.Slow = s.slowFault("AllocateEipAddress", "Associating")
	s.st.eips[eip.ID] = eip
	s.st.order = append(s.st.order, eip.ID)
	s.event("eip %s allocated ip=%s bandwidth=%s", eip.ID, eip.IP, eip.Bandwidth)
	resp := vpc.CreateAllocateEipAddressResponse()
	resp.AllocationId, resp.EipAddress, resp.ResourceGroupId = eip.ID, eip.IP, eip.ResourceGroupID
	return resp, nil
}

func (s *Server) eipOf(id string) (*eipRes, *apiError) {
	eip := s.st.eips[id]
	if eip == nil {
		return nil, notFound("InvalidAllocationId.NotFound", "Specified allocation id %q does not exist.", id)
	}
	return eip, nil
}

func (s *Server) eipsBoundTo(instance string) []*eipRes {
	var out []*eipRes
	for _, id := range s.st.order {
		if eip := s.st.eips[id]; eip != nil && eip.InstanceID == instance {
			out = append(out, eip)
		}
	}
	return out
}

// describeEips answers an unknown AllocationId with an empty list, as the real API does.
func describeEips(s *Server, c *rpcCall) (any, *apiError) {
	resp := vpc.CreateDescribeEipAddressesResponse()
	resp.PageNumber, resp.PageSize = 1, 10
	for _, id := range s.st.order {
		eip := s.st.eips[id]
		if eip == nil || (c.get("AllocationId") != "" && c.get("AllocationId") != id) ||
			(c.get("AssociatedInstanceId") != "" && c.get("AssociatedInstanceId") != eip.InstanceID) {
			continue
		}
		resp.EipAddresses.EipAddress = append(resp.EipAddresses.EipAddress, s.eipView(eip))
	}
	resp.TotalCount = len(resp.EipAddresses.EipAddress)
	return resp, nil
}

func (s *Server) eipView(eip *eipRes) vpc.EipAddress {
	status := "Available"
	if eip.InstanceID != "" {
		status = "InUse"
	}
	a := vpc.EipAddress{AllocationId: eip.ID, IpAddress: eip.IP, Status: eip.Slow.current(status), AllocationTime: rfc3339(eip.Created),
		Netmode: eip.Netmode, ChargeType: "PostPaid", Description: eip.Description, Bandwidth: eip.Bandwidth, EipBandwidth: eip.Bandwidth,
		Name: eip.Name, DeletionProtection: eip.DeletionProtection, InstanceId: eip.InstanceID, InstanceType: eip.InstanceType,
		PrivateIpAddress: eip.PrivateIP, VpcId: eip.VpcID, RegionId: s.region, InstanceRegionId: s.region, HDMonitorStatus: "OFF",
		ResourceGroupId: eip.ResourceGroupID, InternetChargeType: eip.InternetChargeType, BusinessStatus: "Normal", ISP: eip.ISP,
		Mode: "NAT", BizType: "Default"}
	if eip.InstanceID != "" {
		a.Mode = "NAT"
	}
	for _, t := range s.st.tags[eip.ID] {
		a.Tags.Tag = append(a.Tags.Tag, vpc.Tag{Key: t.Key, Value: t.Value})
	}
	return a
}

func modifyEip(s *Server, c *rpcCall) (any, *apiError) {
	eip, e := s.eipOf(c.get("AllocationId"))
	if e != nil {
		return nil, e
	}
	for k, p := range map[string]*string{"Bandwidth": &eip.Bandwidth, "Name": &eip.Name, "Description": &eip.Description} {
		if v, ok := c.params[k]; ok {
			*p = v
		}
	}
	s.event("eip %s modified bandwidth=%s name=%q", eip.ID, eip.Bandwidth, eip.Name)
	return vpc.CreateModifyEipAddressAttributeResponse(), nil
}

func associateEip(s *Server, c *rpcCall) (any, *apiError) {
	eip, e := s.eipOf(c.get("AllocationId"))
	if e != nil {
		return nil, e
	}
	inst := c.get("InstanceId")
	if eip.InstanceID != "" && eip.InstanceID != inst {
		return nil, errf(400, "InvalidAllocationId.AlreadyAssociated", "EIP %s is already associated with %s.", eip.ID, eip.InstanceID)
	}
	itype := c.get("InstanceType")
	if strings.HasPrefix(inst, "ngw-") || itype == "Nat" {
		if _, e := s.natOf(inst); e != nil {
			return nil, e
		}
		// VpcId echoes the request: the provider declares vpc_id Optional and ForceNew without Computed, so an
		// EIP-to-NAT binding that read back its VPC would be replaced on every preview (no user reports that).
		itype, eip.VpcID = "Nat", c.get("VpcId")
	} else {
		return nil, errf(400, "InvalidInstanceType.NotSupported", "The local cloud associates EIPs with NAT gateways only (got %q).", inst)
	}
	eip.InstanceID, eip.InstanceType, eip.PrivateIP = inst, itype, c.get("PrivateIpAddress")
	s.event("eip %s associated with %s (%s)", eip.ID, inst, itype)
	return vpc.CreateAssociateEipAddressResponse(), nil
}

func unassociateEip(s *Server, c *rpcCall) (any, *apiError) {
	eip, e := s.eipOf(c.get("AllocationId"))
	if e != nil {
		return nil, e
	}
	if eip.InstanceID != c.get("InstanceId") {
		return nil, errf(400, "IncorrectEipStatus", "EIP %s is not associated with %s.", eip.ID, c.get("InstanceId"))
	}
	for _, sn := range s.st.snats {
		if sn.NatID == eip.InstanceID && strings.Contains(sn.SnatIP, eip.IP) {
			return nil, errf(400, "OperationUnsupported.EipInBinding", "EIP %s is used by SNAT entry %s.", eip.ID, sn.ID)
		}
	}
	s.event("eip %s unassociated from %s", eip.ID, eip.InstanceID)
	eip.InstanceID, eip.InstanceType, eip.PrivateIP, eip.VpcID = "", "", "", ""
	return vpc.CreateUnassociateEipAddressResponse(), nil
}

func releaseEip(s *Server, c *rpcCall) (any, *apiError) {
	eip, e := s.eipOf(c.get("AllocationId"))
	if e != nil {
		return nil, e
	}
	if eip.InstanceID != "" {
		return nil, errf(400, "IncorrectEipStatus", "EIP %s is still associated with %s.", eip.ID, eip.InstanceID)
	}
	if eip.DeletionProtection {
		return nil, errf(400, "DeletionProtection", "EIP %s has deletion protection enabled.", eip.ID)
	}
	delete(s.st.eips, eip.ID)
	delete(s.st.tags, eip.ID)
	s.event("eip %s released", eip.ID)
	return vpc.CreateReleaseEipAddressResponse(), nil
}
