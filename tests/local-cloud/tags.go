package main

import (
	"slices"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
)

// Tags live in one map keyed by resource id: VPC (VPC, VSWITCH, NATGATEWAY, EIP) and ECS
// (securitygroup) share the shape, and a resource's own Describe shows them.

// tagTarget checks that the resource of that type exists; the real API answers unknown ids with 404.
func (s *Server) tagTarget(resourceType, id string) *apiError {
	exists := false
	switch strings.ToUpper(resourceType) {
	case "VPC":
		exists = s.st.vpcs[id] != nil
	case "VSWITCH":
		exists = s.st.vswitches[id] != nil
	case "NATGATEWAY":
		exists = s.st.nats[id] != nil
	case "EIP":
		exists = s.st.eips[id] != nil
	case "SECURITYGROUP":
		exists = s.st.sgs[id] != nil
	default:
		return errf(400, "InvalidResourceType.NotSupported", "The resource type %q is not supported.", resourceType)
	}
	if !exists {
		return notFound("InvalidResourceId.NotFound", "The specified resource %q of type %s does not exist.", id, resourceType)
	}
	return nil
}

func (s *Server) applyTags(c *rpcCall) *apiError {
	ids := c.list("ResourceId")
	for _, id := range ids {
		if e := s.tagTarget(c.get("ResourceType"), id); e != nil {
			return e
		}
	}
	for _, id := range ids {
		for _, t := range c.tags("Tag") {
			s.st.tags[id] = slices.DeleteFunc(s.st.tags[id], func(o tag) bool { return o.Key == t.Key })
			s.st.tags[id] = append(s.st.tags[id], t)
		}
		s.event("tags of %s: %v", id, s.st.tags[id])
	}
	return nil
}

func (s *Server) removeTags(c *rpcCall) *apiError {
	ids := c.list("ResourceId")
	for _, id := range ids {
		if e := s.tagTarget(c.get("ResourceType"), id); e != nil {
			return e
		}
	}
	keys := c.list("TagKey")
	all := c.get("All") == "true"
	for _, id := range ids {
		s.st.tags[id] = slices.DeleteFunc(s.st.tags[id], func(o tag) bool { return all || slices.Contains(keys, o.Key) })
		s.event("tags of %s: %v", id, s.st.tags[id])
	}
	return nil
}

func tagResources(s *Server, c *rpcCall) (any, *apiError) {
	if e := s.applyTags(c); e != nil {
		return nil, e
	}
	return vpc.CreateTagResourcesResponse(), nil
}

func untagResources(s *Server, c *rpcCall) (any, *apiError) {
	if e := s.removeTags(c); e != nil {
		return nil, e
	}
	return vpc.CreateUnTagResourcesResponse(), nil
}

func listVpcTagResources(s *Server, c *rpcCall) (any, *apiError) {
	resp := vpc.CreateListTagResourcesResponse()
	for _, id := range c.list("ResourceId") {
		for _, t := range s.st.tags[id] {
			resp.TagResources.TagResource = append(resp.TagResources.TagResource, vpc.TagResource{
				ResourceType: c.get("ResourceType"), ResourceId: id, TagKey: t.Key, TagValue: t.Value})
		}
	}
	return resp, nil
}
