package main

import (
	"net/netip"
	"slices"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
)

// createVSwitch enforces the real cross-resource rules: a zone of the region, a CIDR inside the
// VPC's and overlapping no other vSwitch of that VPC.
func createVSwitch(s *Server, c *rpcCall) (any, *apiError) {
	v, e := s.vpcOf(c.get("VpcId"))
	if e != nil {
		return nil, e
	}
	zone := c.get("ZoneId")
	if !slices.Contains(s.zones, zone) {
		return nil, errf(400, "InvalidZoneId.NotFound", "The specified zone %q does not exist in region %s.", zone, s.region)
	}
	cidr, err := netip.ParsePrefix(c.get("CidrBlock"))
	if err != nil || cidr.Masked() != cidr || cidr.Bits() < 16 || cidr.Bits() > 29 {
		return nil, errf(400, "InvalidCidrBlock.Malformed", "Specified CIDR block %q is not valid (a network address, /16 to /29).", c.get("CidrBlock"))
	}
	vpcCidr := netip.MustParsePrefix(v.CidrBlock)
	if !vpcCidr.Contains(cidr.Addr()) || cidr.Bits() < vpcCidr.Bits() {
		return nil, errf(400, "InvalidCIDRBlock.Mismatch", "Specified CIDR block %s is not inside the VPC's CIDR block %s.", cidr, v.CidrBlock)
	}
	for _, other := range s.vswitchesOf(v.ID) {
		if netip.MustParsePrefix(other.CidrBlock).Overlaps(cidr) {
			return nil, errf(400, "InvalidCidrBlock.Overlapped", "Specified CIDR block %s overlaps vSwitch %s (%s).", cidr, other.ID, other.CidrBlock)
		}
	}
	sw := &vswitchRes{ID: newID("vsw"), VpcID: v.ID, ZoneID: zone, CidrBlock: cidr.String(),
		Name: c.get("VSwitchName"), Description: c.get("Description"), Created: now()}
	sw.Slow = s.slowFault("CreateVSwitch", "Pending")
	s.st.vswitches[sw.ID] = sw
	s.st.order = append(s.st.order, sw.ID)
	s.st.tags[sw.ID] = c.tags("Tag")
	s.event("vswitch %s created vpc=%s zone=%s cidr=%s name=%q", sw.ID, v.ID, zone, sw.CidrBlock, sw.Name)
	resp := vpc.CreateCreateVSwitchResponse()
	resp.VSwitchId = sw.ID
	return resp, nil
}

func (s *Server) vswitchOf(id string) (*vswitchRes, *apiError) {
	sw := s.st.vswitches[id]
	if sw == nil {
		return nil, notFound("InvalidVSwitchId.NotFound", "Specified vSwitch %q does not exist.", id)
	}
	return sw, nil
}

func describeVSwitchAttributes(s *Server, c *rpcCall) (any, *apiError) {
	sw, e := s.vswitchOf(c.get("VSwitchId"))
	if e != nil {
		return nil, e
	}
	resp := vpc.CreateDescribeVSwitchAttributesResponse()
	resp.VSwitchId, resp.VpcId, resp.ZoneId, resp.CidrBlock = sw.ID, sw.VpcID, sw.ZoneID, sw.CidrBlock
	resp.VSwitchName, resp.Description, resp.CreationTime = sw.Name, sw.Description, rfc3339(sw.Created)
	resp.Status = sw.Slow.current("Available")
	resp.ResourceGroupId = s.st.vpcs[sw.VpcID].ResourceGroupID
	p := netip.MustParsePrefix(sw.CidrBlock)
	resp.AvailableIpAddressCount = int64(1)<<(32-p.Bits()) - 4 - int64(s.st.nextIP[sw.ID])
	resp.RouteTable.RouteTableId, resp.RouteTable.RouteTableType = s.st.vpcs[sw.VpcID].RouteTableID, "System"
	for _, t := range s.st.tags[sw.ID] {
		resp.Tags.Tag = append(resp.Tags.Tag, vpc.Tag{Key: t.Key, Value: t.Value})
	}
	return resp, nil
}

func modifyVSwitchAttribute(s *Server, c *rpcCall) (any, *apiError) {
	sw, e := s.vswitchOf(c.get("VSwitchId"))
	if e != nil {
		return nil, e
	}
	if n, ok := c.params["VSwitchName"]; ok {
		sw.Name = n
	}
	if d, ok := c.params["Description"]; ok {
		sw.Description = d
	}
	s.event("vswitch %s modified name=%q", sw.ID, sw.Name)
	return vpc.CreateModifyVSwitchAttributeResponse(), nil
}

// deleteVSwitch refuses while a NAT gateway, security-group-less cluster, image cache or node uses it.
func deleteVSwitch(s *Server, c *rpcCall) (any, *apiError) {
	sw, e := s.vswitchOf(c.get("VSwitchId"))
	if e != nil {
		return nil, e
	}
	if user := s.vswitchUser(sw.ID); user != "" {
		return nil, errf(400, "DependencyViolation", "Specified vSwitch %s is still used by %s.", sw.ID, user)
	}
	if e := s.inUse("DeleteVSwitch", "vSwitch "+sw.ID); e != nil {
		return nil, e
	}
	delete(s.st.vswitches, sw.ID)
	delete(s.st.tags, sw.ID)
	s.event("vswitch %s deleted", sw.ID)
	return vpc.CreateDeleteVSwitchResponse(), nil
}

func (s *Server) vswitchUser(id string) string {
	for _, n := range s.st.nats {
		if n.VSwitchID == id {
			return "NAT gateway " + n.ID
		}
	}
	for _, cl := range s.st.clusters {
		if slices.Contains(cl.VSwitchIDs, id) || slices.Contains(cl.PodVSwitchIDs, id) {
			return "cluster " + cl.ID
		}
		for _, np := range cl.NodePools {
			if slices.Contains(np.VSwitchIDs, id) {
				return "node pool " + np.ID
			}
		}
	}
	for _, ic := range s.st.imageCaches {
		if ic.VSwitchID == id {
			return "image cache " + ic.ID
		}
	}
	return ""
}
