package main

import (
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
)

// NAT gateways and their SNAT entries (VPC 2016-04-28).
func init() {
	register("Vpc", map[string]*rpcAction{
		"CreateNatGateway":          {request: vpc.CreateNatGatewayRequest{}, required: []string{"VpcId"}, handle: createNatGateway},
		"DescribeNatGateways":       {request: vpc.DescribeNatGatewaysRequest{}, handle: describeNatGateways},
		"ModifyNatGatewayAttribute": {request: vpc.ModifyNatGatewayAttributeRequest{}, required: []string{"NatGatewayId"}, handle: modifyNatGatewayAttribute},
		"ModifyNatGatewaySpec":      {request: vpc.ModifyNatGatewaySpecRequest{}, required: []string{"NatGatewayId", "Spec"}, handle: modifyNatGatewaySpec},
		"DeletionProtection":        {request: vpc.DeletionProtectionRequest{}, required: []string{"InstanceId", "ProtectionEnable", "Type"}, handle: deletionProtection},
		"DeleteNatGateway":          {request: vpc.DeleteNatGatewayRequest{}, required: []string{"NatGatewayId"}, handle: deleteNatGateway},
		"CreateSnatEntry":           {request: vpc.CreateSnatEntryRequest{}, required: []string{"SnatTableId", "SnatIp"}, handle: createSnatEntry},
		"DescribeSnatTableEntries":  {request: vpc.DescribeSnatTableEntriesRequest{}, handle: describeSnatTableEntries},
		"ModifySnatEntry":           {request: vpc.ModifySnatEntryRequest{}, required: []string{"SnatTableId", "SnatEntryId"}, handle: modifySnatEntry},
		"DeleteSnatEntry":           {request: vpc.DeleteSnatEntryRequest{}, required: []string{"SnatTableId", "SnatEntryId"}, handle: deleteSnatEntry},
	})
}

// createNatGateway gives an Enhanced NAT its SNAT and forward tables at once, as the real API does.
func createNatGateway(s *Server, c *rpcCall) (any, *apiError) {
	v, e := s.vpcOf(c.get("VpcId"))
	if e != nil {
		return nil, e
	}
	natType := orDefault(c.get("NatType"), "Enhanced")
	sw := c.get("VSwitchId")
	if natType == "Enhanced" && sw == "" {
		return nil, errf(400, "MissingParameter", "The input parameter \"VSwitchId\" that is mandatory for an Enhanced NAT gateway is not supplied.")
	}
	if sw != "" {
		vs, e := s.vswitchOf(sw)
		if e != nil {
			return nil, e
		}
		if vs.VpcID != v.ID {
			return nil, errf(400, "InvalidVSwitchId.NotBelongToVpc", "vSwitch %s is not in VPC %s.", sw, v.ID)
		}
	}
	n := &natRes{ID: newID("ngw"), VpcID: v.ID, VSwitchID: sw, Name: c.get("Name"), Description: c.get("Description"),
		Spec: c.get("Spec"), NatType: natType, SnatTableID: newID("stb"), ForwardTableID: newID("ftb"),
		InternetChargeType: orDefault(c.get("InternetChargeType"), "PayByLcu"), InstanceChargeType: orDefault(c.get("InstanceChargeType"), "PostPaid"),
		NetworkType: orDefault(c.get("NetworkType"), "internet"), EipBindMode: orDefault(c.get("EipBindMode"), "MULTI_BINDED"),
		IcmpReplyEnabled: c.get("IcmpReplyEnabled") != "false", PrivateLinkEnabled: c.get("PrivateLinkEnabled") == "true", Created: now()}
	if sw != "" {
		n.PrivateIP = s.allocIP(sw)
	}
	n.Slow = s.slowFault("CreateNatGateway", "Creating")
	s.st.nats[n.ID] = n
	s.st.order = append(s.st.order, n.ID)
	s.st.tags[n.ID] = c.tags("Tag")
	s.event("nat %s created vpc=%s vswitch=%s type=%s snat-table=%s forward-table=%s", n.ID, v.ID, sw, natType, n.SnatTableID, n.ForwardTableID)
	resp := vpc.CreateCreateNatGatewayResponse()
	resp.NatGatewayId = n.ID
	resp.SnatTableIds.SnatTableId = []string{n.SnatTableID}
	resp.ForwardTableIds.ForwardTableId = []string{n.ForwardTableID}
	return resp, nil
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

func (s *Server) natOf(id string) (*natRes, *apiError) {
	n := s.st.nats[id]
	if n == nil {
		return nil, notFound("InvalidNatGatewayId.NotFound", "Specified NAT gateway %q does not exist.", id)
	}
	return n, nil
}

func describeNatGateways(s *Server, c *rpcCall) (any, *apiError) {
	resp := vpc.CreateDescribeNatGatewaysResponse()
	resp.PageNumber, resp.PageSize = 1, 10
	for _, id := range s.st.order {
		n := s.st.nats[id]
		if n == nil || (c.get("NatGatewayId") != "" && c.get("NatGatewayId") != id) || (c.get("VpcId") != "" && c.get("VpcId") != n.VpcID) {
			continue
		}
		resp.NatGateways.NatGateway = append(resp.NatGateways.NatGateway, s.natView(n))
	}
	resp.TotalCount = len(resp.NatGateways.NatGateway)
	return resp, nil
}

func (s *Server) natView(n *natRes) vpc.NatGateway {
	g := vpc.NatGateway{NatGatewayId: n.ID, Status: n.Slow.current("Available"), CreationTime: rfc3339(n.Created), VpcId: n.VpcID,
		NatType: n.NatType, Spec: n.Spec, DeletionProtection: n.DeletionProtection, NetworkType: n.NetworkType,
		InstanceChargeType: n.InstanceChargeType, RegionId: s.region, IcmpReplyEnabled: n.IcmpReplyEnabled, Description: n.Description,
		ResourceGroupId: s.st.vpcs[n.VpcID].ResourceGroupID, InternetChargeType: n.InternetChargeType, BusinessStatus: "Normal",
		Name: n.Name, PrivateLinkEnabled: n.PrivateLinkEnabled, EipBindMode: n.EipBindMode, EnableSessionLog: "false"}
	g.ForwardTableIds.ForwardTableId = []string{n.ForwardTableID}
	g.SnatTableIds.SnatTableId = []string{n.SnatTableID}
	g.NatGatewayPrivateInfo.VswitchId, g.NatGatewayPrivateInfo.PrivateIpAddress = n.VSwitchID, n.PrivateIP
	if sw := s.st.vswitches[n.VSwitchID]; sw != nil {
		g.NatGatewayPrivateInfo.IzNo = sw.ZoneID
	}
	for _, eip := range s.eipsBoundTo(n.ID) {
		g.IpLists.IpList = append(g.IpLists.IpList, vpc.IpList{AllocationId: eip.ID, IpAddress: eip.IP, SnatEntryEnabled: true, UsingStatus: "UsedBySnatTable"})
	}
	for _, t := range s.st.tags[n.ID] {
		g.Tags.Tag = append(g.Tags.Tag, vpc.Tag{TagKey: t.Key, TagValue: t.Value})
	}
	return g
}

func modifyNatGatewayAttribute(s *Server, c *rpcCall) (any, *apiError) {
	n, e := s.natOf(c.get("NatGatewayId"))
	if e != nil {
		return nil, e
	}
	if v, ok := c.params["Name"]; ok {
		n.Name = v
	}
	if v, ok := c.params["Description"]; ok {
		n.Description = v
	}
	if v, ok := c.params["IcmpReplyEnabled"]; ok {
		n.IcmpReplyEnabled = v == "true"
	}
	s.event("nat %s modified name=%q", n.ID, n.Name)
	return vpc.CreateModifyNatGatewayAttributeResponse(), nil
}

func modifyNatGatewaySpec(s *Server, c *rpcCall) (any, *apiError) {
	n, e := s.natOf(c.get("NatGatewayId"))
	if e != nil {
		return nil, e
	}
	n.Spec = c.get("Spec")
	s.event("nat %s spec=%s", n.ID, n.Spec)
	return vpc.CreateModifyNatGatewaySpecResponse(), nil
}

func deletionProtection(s *Server, c *rpcCall) (any, *apiError) {
	on := c.get("ProtectionEnable") == "true"
	id := c.get("InstanceId")
	switch c.get("Type") {
	case "NATGW":
		n, e := s.natOf(id)
		if e != nil {
			return nil, e
		}
		n.DeletionProtection = on
	case "EIP":
		eip, e := s.eipOf(id)
		if e != nil {
			return nil, e
		}
		eip.DeletionProtection = on
	default:
		return nil, errf(400, "InvalidParameter", "The Type %q is not supported by the local cloud (NATGW, EIP).", c.get("Type"))
	}
	s.event("deletion protection of %s: %v", id, on)
	return vpc.CreateDeletionProtectionResponse(), nil
}

func deleteNatGateway(s *Server, c *rpcCall) (any, *apiError) {
	n, e := s.natOf(c.get("NatGatewayId"))
	if e != nil {
		return nil, e
	}
	if n.DeletionProtection {
		return nil, errf(400, "DeletionProtection", "NAT gateway %s has deletion protection enabled.", n.ID)
	}
	force := c.get("Force") == "true"
	for id, sn := range s.st.snats {
		if sn.NatID == n.ID {
			if !force {
				return nil, errf(400, "DependencyViolation.SnatEntry", "NAT gateway %s still has SNAT entry %s.", n.ID, id)
			}
			delete(s.st.snats, id)
		}
	}
	if eips := s.eipsBoundTo(n.ID); len(eips) > 0 {
		if !force {
			return nil, errf(400, "DependencyViolation.EIPS", "NAT gateway %s still has EIP %s associated.", n.ID, eips[0].ID)
		}
		for _, eip := range eips {
			eip.InstanceID, eip.InstanceType, eip.VpcID = "", "", ""
		}
	}
	delete(s.st.nats, n.ID)
	delete(s.st.tags, n.ID)
	s.event("nat %s deleted", n.ID)
	return vpc.CreateDeleteNatGatewayResponse(), nil
}
