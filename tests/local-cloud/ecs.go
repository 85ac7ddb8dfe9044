package main

import (
	"slices"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// ECS 2014-05-26: security groups, tags and the zone / resource catalog that getZones reads.
func init() {
	register("Ecs", map[string]*rpcAction{
		"CreateSecurityGroup":            {request: ecs.CreateSecurityGroupRequest{}, handle: createSecurityGroup},
		"DescribeSecurityGroups":         {request: ecs.DescribeSecurityGroupsRequest{}, handle: describeSecurityGroups},
		"DescribeSecurityGroupAttribute": {request: ecs.DescribeSecurityGroupAttributeRequest{}, required: []string{"SecurityGroupId"}, handle: describeSecurityGroupAttribute},
		"ModifySecurityGroupPolicy":      {request: ecs.ModifySecurityGroupPolicyRequest{}, required: []string{"SecurityGroupId", "InnerAccessPolicy"}, handle: modifySecurityGroupPolicy},
		"ModifySecurityGroupAttribute":   {request: ecs.ModifySecurityGroupAttributeRequest{}, required: []string{"SecurityGroupId"}, handle: modifySecurityGroupAttribute},
		"DeleteSecurityGroup":            {request: ecs.DeleteSecurityGroupRequest{}, required: []string{"SecurityGroupId"}, handle: deleteSecurityGroup},
		"TagResources":                   {request: ecs.TagResourcesRequest{}, required: []string{"ResourceType", "ResourceId", "Tag"}, handle: ecsTagResources},
		"UntagResources":                 {request: ecs.UntagResourcesRequest{}, required: []string{"ResourceType", "ResourceId"}, handle: ecsUntagResources},
		"DescribeAvailableResource":      {request: ecs.DescribeAvailableResourceRequest{}, required: []string{"DestinationResource"}, handle: describeAvailableResource},
		"DescribeZones":                  {request: ecs.DescribeZonesRequest{}, handle: describeZones},
	})
}

func createSecurityGroup(s *Server, c *rpcCall) (any, *apiError) {
	if vpcID := c.get("VpcId"); vpcID != "" {
		if _, e := s.vpcOf(vpcID); e != nil {
			return nil, e
		}
	}
	sg := &sgRes{ID: newID("sg"), VpcID: c.get("VpcId"), Name: c.get("SecurityGroupName"), Description: c.get("Description"),
		Type: orDefault(c.get("SecurityGroupType"), "normal"), InnerAccessPolicy: "Accept", ResourceGroupID: defaultRG(c.get("ResourceGroupId")), Created: now()}
	s.st.sgs[sg.ID] = sg
	s.st.order = append(s.st.order, sg.ID)
	s.st.tags[sg.ID] = c.tags("Tag")
	s.event("security group %s created vpc=%s type=%s name=%q", sg.ID, sg.VpcID, sg.Type, sg.Name)
	resp := ecs.CreateCreateSecurityGroupResponse()
	resp.SecurityGroupId = sg.ID
	return resp, nil
}

func (s *Server) sgOf(id string) (*sgRes, *apiError) {
	sg := s.st.sgs[id]
	if sg == nil {
		return nil, notFound("InvalidSecurityGroupId.NotFound", "The specified security group %q does not exist.", id)
	}
	return sg, nil
}

// describeSecurityGroups filters by SecurityGroupId (a single id or the JSON list SecurityGroupIds) and VpcId.
func describeSecurityGroups(s *Server, c *rpcCall) (any, *apiError) {
	resp := ecs.CreateDescribeSecurityGroupsResponse()
	resp.RegionId, resp.PageNumber, resp.PageSize = s.region, 1, 10
	for _, id := range s.st.order {
		sg := s.st.sgs[id]
		if sg == nil || (c.get("SecurityGroupId") != "" && c.get("SecurityGroupId") != id) || (c.get("VpcId") != "" && c.get("VpcId") != sg.VpcID) {
			continue
		}
		if ids := c.get("SecurityGroupIds"); ids != "" && !slices.Contains(jsonStrings(ids), id) {
			continue
		}
		g := ecs.SecurityGroup{SecurityGroupId: sg.ID, SecurityGroupName: sg.Name, Description: sg.Description, SecurityGroupType: sg.Type,
			VpcId: sg.VpcID, CreationTime: rfc3339(sg.Created), ResourceGroupId: sg.ResourceGroupID, AvailableInstanceAmount: 2000}
		for _, t := range s.st.tags[sg.ID] {
			g.Tags.Tag = append(g.Tags.Tag, ecs.Tag{TagKey: t.Key, TagValue: t.Value})
		}
		resp.SecurityGroups.SecurityGroup = append(resp.SecurityGroups.SecurityGroup, g)
	}
	resp.TotalCount = len(resp.SecurityGroups.SecurityGroup)
	return resp, nil
}

func describeSecurityGroupAttribute(s *Server, c *rpcCall) (any, *apiError) {
	sg, e := s.sgOf(c.get("SecurityGroupId"))
	if e != nil {
		return nil, e
	}
	resp := ecs.CreateDescribeSecurityGroupAttributeResponse()
	resp.SecurityGroupId, resp.SecurityGroupName, resp.Description, resp.VpcId = sg.ID, sg.Name, sg.Description, sg.VpcID
	resp.InnerAccessPolicy, resp.RegionId = sg.InnerAccessPolicy, s.region
	return resp, nil
}

func modifySecurityGroupPolicy(s *Server, c *rpcCall) (any, *apiError) {
	sg, e := s.sgOf(c.get("SecurityGroupId"))
	if e != nil {
		return nil, e
	}
	p := c.get("InnerAccessPolicy")
	if p != "Accept" && p != "Drop" {
		return nil, errf(400, "InvalidInnerAccessPolicy.Malformed", "InnerAccessPolicy must be Accept or Drop, not %q.", p)
	}
	sg.InnerAccessPolicy = p
	s.event("security group %s inner access policy %s", sg.ID, p)
	return ecs.CreateModifySecurityGroupPolicyResponse(), nil
}

func modifySecurityGroupAttribute(s *Server, c *rpcCall) (any, *apiError) {
	sg, e := s.sgOf(c.get("SecurityGroupId"))
	if e != nil {
		return nil, e
	}
	if v, ok := c.params["SecurityGroupName"]; ok {
		sg.Name = v
	}
	if v, ok := c.params["Description"]; ok {
		sg.Description = v
	}
	s.event("security group %s modified name=%q", sg.ID, sg.Name)
	return ecs.CreateModifySecurityGroupAttributeResponse(), nil
}

// deleteSecurityGroup refuses while a cluster, node pool or image cache uses the group.
func deleteSecurityGroup(s *Server, c *rpcCall) (any, *apiError) {
	sg, e := s.sgOf(c.get("SecurityGroupId"))
	if e != nil {
		return nil, e
	}
	for _, cl := range s.st.clusters {
		if cl.SecurityGroupID == sg.ID {
			return nil, errf(403, "DependencyViolation", "The security group %s is used by cluster %s.", sg.ID, cl.ID)
		}
	}
	for _, ic := range s.st.imageCaches {
		if ic.SecurityGroupID == sg.ID {
			return nil, errf(403, "DependencyViolation", "The security group %s is used by image cache %s.", sg.ID, ic.ID)
		}
	}
	delete(s.st.sgs, sg.ID)
	delete(s.st.tags, sg.ID)
	s.event("security group %s deleted", sg.ID)
	return ecs.CreateDeleteSecurityGroupResponse(), nil
}

func ecsTagResources(s *Server, c *rpcCall) (any, *apiError) {
	if e := s.applyTags(c); e != nil {
		return nil, e
	}
	return ecs.CreateTagResourcesResponse(), nil
}

func ecsUntagResources(s *Server, c *rpcCall) (any, *apiError) {
	if e := s.removeTags(c); e != nil {
		return nil, e
	}
	return ecs.CreateUntagResourcesResponse(), nil
}
