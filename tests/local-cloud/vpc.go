package main

import (
	"net/netip"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
)

// VPC 2016-04-28: VPCs, vSwitches, tags and the zone list for Enhanced NAT. NAT, EIP and SNAT are in vpc_nat.go.
func init() {
	register("Vpc", map[string]*rpcAction{
		"CreateVpc":                             {request: vpc.CreateVpcRequest{}, handle: createVpc},
		"DescribeVpcAttribute":                  {request: vpc.DescribeVpcAttributeRequest{}, required: []string{"VpcId"}, handle: describeVpcAttribute},
		"DescribeRouteTableList":                {request: vpc.DescribeRouteTableListRequest{}, handle: describeRouteTableList},
		"ModifyVpcAttribute":                    {request: vpc.ModifyVpcAttributeRequest{}, required: []string{"VpcId"}, handle: modifyVpcAttribute},
		"DeleteVpc":                             {request: vpc.DeleteVpcRequest{}, required: []string{"VpcId"}, handle: deleteVpc},
		"CreateVSwitch":                         {request: vpc.CreateVSwitchRequest{}, required: []string{"VpcId", "CidrBlock", "ZoneId"}, handle: createVSwitch},
		"DescribeVSwitchAttributes":             {request: vpc.DescribeVSwitchAttributesRequest{}, required: []string{"VSwitchId"}, handle: describeVSwitchAttributes},
		"ModifyVSwitchAttribute":                {request: vpc.ModifyVSwitchAttributeRequest{}, required: []string{"VSwitchId"}, handle: modifyVSwitchAttribute},
		"DeleteVSwitch":                         {request: vpc.DeleteVSwitchRequest{}, required: []string{"VSwitchId"}, handle: deleteVSwitch},
		"TagResources":                          {request: vpc.TagResourcesRequest{}, required: []string{"ResourceType", "ResourceId", "Tag"}, handle: tagResources},
		"UnTagResources":                        {request: vpc.UnTagResourcesRequest{}, required: []string{"ResourceType", "ResourceId"}, handle: untagResources},
		"ListTagResources":                      {request: vpc.ListTagResourcesRequest{}, required: []string{"ResourceType"}, handle: listVpcTagResources},
		"ListEnhanhcedNatGatewayAvailableZones": {request: vpc.ListEnhanhcedNatGatewayAvailableZonesRequest{}, handle: listEnhancedNatZones},
	})
}

func createVpc(s *Server, c *rpcCall) (any, *apiError) {
	cidr := c.get("CidrBlock")
	if cidr == "" {
		cidr = "172.16.0.0/12"
	}
	if _, err := netip.ParsePrefix(cidr); err != nil {
		return nil, errf(400, "InvalidCidrBlock.Malformed", "Specified CIDR block %q is not valid.", cidr)
	}
	v := &vpcRes{ID: newID("vpc"), Name: c.get("VpcName"), Description: c.get("Description"), CidrBlock: cidr,
		VRouterID: newID("vrt"), RouteTableID: newID("vtb"), ResourceGroupID: defaultRG(c.get("ResourceGroupId")), Created: now()}
	v.Slow = s.slowFault("CreateVpc", "Pending")
	s.st.vpcs[v.ID] = v
	s.st.order = append(s.st.order, v.ID)
	s.st.tags[v.ID] = c.tags("Tag")
	s.event("vpc %s created cidr=%s name=%q (system route table %s)", v.ID, cidr, v.Name, v.RouteTableID)
	resp := vpc.CreateCreateVpcResponse()
	resp.VpcId, resp.VRouterId, resp.RouteTableId, resp.ResourceGroupId = v.ID, v.VRouterID, v.RouteTableID, v.ResourceGroupID
	return resp, nil
}

func defaultRG(rg string) string {
	if rg == "" {
		return "rg-acfmdefault000"
	}
	return rg
}

func (s *Server) vpcOf(id string) (*vpcRes, *apiError) {
	v := s.st.vpcs[id]
	if v == nil {
		return nil, notFound("InvalidVpcId.NotFound", "Specified VPC %q does not exist.", id)
	}
	return v, nil
}

func describeVpcAttribute(s *Server, c *rpcCall) (any, *apiError) {
	v, e := s.vpcOf(c.get("VpcId"))
	if e != nil {
		return nil, e
	}
	resp := vpc.CreateDescribeVpcAttributeResponse()
	resp.VpcId, resp.VpcName, resp.Description, resp.CidrBlock = v.ID, v.Name, v.Description, v.CidrBlock
	resp.Status = v.Slow.current("Available")
	resp.CreationTime, resp.RegionId, resp.VRouterId, resp.ResourceGroupId = rfc3339(v.Created), s.region, v.VRouterID, v.ResourceGroupID
	resp.DnsHostnameStatus, resp.NetworkAclNum = "DISABLED", "0"
	for _, sw := range s.vswitchesOf(v.ID) {
		resp.VSwitchIds.VSwitchId = append(resp.VSwitchIds.VSwitchId, sw.ID)
	}
	for _, t := range s.st.tags[v.ID] {
		resp.Tags.Tag = append(resp.Tags.Tag, vpc.Tag{Key: t.Key, Value: t.Value})
	}
	return resp, nil
}

func (s *Server) vswitchesOf(vpcID string) []*vswitchRes {
	var out []*vswitchRes
	for _, id := range s.st.order {
		if sw := s.st.vswitches[id]; sw != nil && sw.VpcID == vpcID {
			out = append(out, sw)
		}
	}
	return out
}

func describeRouteTableList(s *Server, c *rpcCall) (any, *apiError) {
	resp := vpc.CreateDescribeRouteTableListResponse()
	resp.Success, resp.Code, resp.Message, resp.PageNumber, resp.PageSize = true, "200", "successful", 1, 10
	for _, id := range s.st.order {
		v := s.st.vpcs[id]
		if v == nil || (c.get("VpcId") != "" && c.get("VpcId") != v.ID) {
			continue
		}
		if rt := c.get("RouteTableId"); rt != "" && rt != v.RouteTableID {
			continue
		}
		item := vpc.RouterTableListType{VpcId: v.ID, CreationTime: rfc3339(v.Created), Status: "Available",
			RouterId: v.VRouterID, RouteTableId: v.RouteTableID, RouteTableType: "System", RouterType: "VRouter",
			ResourceGroupId: v.ResourceGroupID, RoutePropagationEnable: true}
		for _, sw := range s.vswitchesOf(v.ID) {
			item.VSwitchIds.VSwitchId = append(item.VSwitchIds.VSwitchId, sw.ID)
		}
		resp.RouterTableList.RouterTableListType = append(resp.RouterTableList.RouterTableListType, item)
	}
	resp.TotalCount = len(resp.RouterTableList.RouterTableListType)
	return resp, nil
}

func modifyVpcAttribute(s *Server, c *rpcCall) (any, *apiError) {
	v, e := s.vpcOf(c.get("VpcId"))
	if e != nil {
		return nil, e
	}
	if n, ok := c.params["VpcName"]; ok {
		v.Name = n
	}
	if d, ok := c.params["Description"]; ok {
		v.Description = d
	}
	s.event("vpc %s modified name=%q", v.ID, v.Name)
	return vpc.CreateModifyVpcAttributeResponse(), nil
}

func deleteVpc(s *Server, c *rpcCall) (any, *apiError) {
	v, e := s.vpcOf(c.get("VpcId"))
	if e != nil {
		return nil, e
	}
	if len(s.vswitchesOf(v.ID)) > 0 {
		return nil, errf(400, "DependencyViolation.VSwitch", "Specified VPC %s has vSwitches.", v.ID)
	}
	for _, sg := range s.st.sgs {
		if sg.VpcID == v.ID {
			return nil, errf(400, "DependencyViolation.SecurityGroup", "Specified VPC %s has security group %s.", v.ID, sg.ID)
		}
	}
	for _, n := range s.st.nats {
		if n.VpcID == v.ID {
			return nil, errf(400, "DependencyViolation.NatGateway", "Specified VPC %s has NAT gateway %s.", v.ID, n.ID)
		}
	}
	delete(s.st.vpcs, v.ID)
	delete(s.st.tags, v.ID)
	s.event("vpc %s deleted", v.ID)
	return vpc.CreateDeleteVpcResponse(), nil
}

func listEnhancedNatZones(s *Server, _ *rpcCall) (any, *apiError) {
	resp := vpc.CreateListEnhanhcedNatGatewayAvailableZonesResponse()
	for _, z := range s.zones {
		resp.Zones = append(resp.Zones, vpc.Zone{ZoneId: z, LocalName: zoneLocalName(s.region, z)})
	}
	return resp, nil
}

// zoneLocalName is the zh-CN name the real API returns by default ("杭州 可用区H"), which the
// provider exposes as the data source's ids.
func zoneLocalName(region, zone string) string {
	city := map[string]string{"cn-hangzhou": "杭州", "cn-shanghai": "上海", "cn-beijing": "北京"}[region]
	if city == "" {
		city = region
	}
	letter := zone[len(zone)-1:]
	return city + " 可用区" + string(rune(letter[0]-'a'+'A'))
}
