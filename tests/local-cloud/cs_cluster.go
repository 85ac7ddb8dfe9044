package main

import (
	"slices"
	"time"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// clusterRes is an ACK managed cluster. Its state follows its tasks: initial → running (or failed),
// deleting → gone.
type clusterRes struct {
	ID, Name, State, ClusterSpec, ClusterType, Profile, KubernetesVersion, VpcID, SecurityGroupID string
	ResourceGroupID, Timezone, ServiceCidr, ContainerCidr, ProxyMode, IPStack, NodeCidrMask       string
	ClusterDomain                                                                                 string
	VSwitchIDs, PodVSwitchIDs                                                                     []string
	DeletionProtection                                                                            bool
	Tags                                                                                          []tag
	Created, Updated                                                                              time.Time
	NodePools                                                                                     []*nodePoolRes
	Addons                                                                                        []*addonRes
	create                                                                                        *cs.CreateClusterRequest
}

func createCluster(s *Server, c *roaCall) (any, *apiError) {
	req := c.body.(*cs.CreateClusterRequest)
	// The request is judged first, as ACK would; only then the local cloud's own limit.
	if e := s.checkClusterNetwork(req); e != nil {
		return nil, e
	}
	for _, a := range req.Addons {
		if a == nil {
			continue
		}
		if e := validAddonConfig(tea.StringValue(a.Name), tea.StringValue(a.Config)); e != nil {
			return nil, e
		}
	}
	if s.kube.live() {
		for _, other := range s.st.clusters {
			return nil, errf(400, "LocalCloud.OneClusterPerControlPlane",
				"cluster %s (%s) still exists on this control plane; the local cloud backs one ACK cluster per Kubernetes control plane at a time", other.ID, other.State)
		}
	}
	cl := newClusterRes(s, req)
	s.st.clusters[cl.ID] = cl
	s.st.order = append(s.st.order, cl.ID)
	s.event("cluster %s created name=%q version=%s spec=%s vpc=%s vswitches=%v", cl.ID, cl.Name, cl.KubernetesVersion, cl.ClusterSpec, cl.VpcID, cl.VSwitchIDs)
	for _, a := range req.Addons {
		if a != nil && !tea.BoolValue(a.Disabled) {
			cl.Addons = append(cl.Addons, &addonRes{Name: tea.StringValue(a.Name), Version: s.addonVersion(tea.StringValue(a.Name), tea.StringValue(a.Version)),
				Config: tea.StringValue(a.Config), State: "installing"})
		}
	}
	t := s.newTask("CreateCluster", "cluster_create", cl.ID, "cluster "+cl.ID, true, func(s *Server, ok bool, _ string) {
		cl.State, cl.Updated = map[bool]string{true: "running", false: "failed"}[ok], now()
		for _, a := range cl.Addons {
			a.State = map[bool]string{true: "active", false: "failed"}[ok]
		}
	})
	return &cs.CreateClusterResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

func (s *Server) checkClusterNetwork(req *cs.CreateClusterRequest) *apiError {
	if tea.StringValue(req.RegionId) != s.region {
		return errf(400, "InvalidParameter", "region_id %q is not the local cloud's region %s", tea.StringValue(req.RegionId), s.region)
	}
	if _, e := s.vpcOf(tea.StringValue(req.Vpcid)); e != nil {
		return errf(400, "ErrorVpcNotFound", "vpc %s not found", tea.StringValue(req.Vpcid))
	}
	if len(req.VswitchIds) == 0 && len(req.ZoneIds) == 0 {
		return errf(400, "MissingParameter", "vswitch_ids (or zone_ids) is required for a managed cluster")
	}
	for _, id := range append(tea.StringSliceValue(req.VswitchIds), tea.StringSliceValue(req.PodVswitchIds)...) {
		sw := s.st.vswitches[id]
		if sw == nil || sw.VpcID != tea.StringValue(req.Vpcid) {
			return errf(400, "ErrorVSwitchNotFound", "vswitch %s not found in vpc %s", id, tea.StringValue(req.Vpcid))
		}
	}
	if sg := tea.StringValue(req.SecurityGroupId); sg != "" {
		if g := s.st.sgs[sg]; g == nil || g.VpcID != tea.StringValue(req.Vpcid) {
			return errf(400, "ErrorSecurityGroupNotFound", "security group %s not found in vpc %s", sg, tea.StringValue(req.Vpcid))
		}
	}
	if v := tea.StringValue(req.KubernetesVersion); v != "" && !slices.Contains(kubernetesVersions, v) {
		return errf(400, "ErrorKubernetesVersionNotSupported", "kubernetes version %s is not offered (offered: %v)", v, kubernetesVersions)
	}
	return nil
}

func newClusterRes(s *Server, req *cs.CreateClusterRequest) *clusterRes {
	cl := &clusterRes{ID: "c" + randHex(32), Name: tea.StringValue(req.Name), State: "initial",
		ClusterSpec: orDefault(tea.StringValue(req.ClusterSpec), "ack.standard"), ClusterType: orDefault(tea.StringValue(req.ClusterType), "ManagedKubernetes"),
		Profile: orDefault(tea.StringValue(req.Profile), "Default"), KubernetesVersion: orDefault(tea.StringValue(req.KubernetesVersion), kubernetesVersions[0]),
		VpcID: tea.StringValue(req.Vpcid), SecurityGroupID: tea.StringValue(req.SecurityGroupId), ResourceGroupID: defaultRG(tea.StringValue(req.ResourceGroupId)),
		Timezone: tea.StringValue(req.Timezone), ServiceCidr: orDefault(tea.StringValue(req.ServiceCidr), "172.21.0.0/20"),
		ContainerCidr: tea.StringValue(req.ContainerCidr), ProxyMode: orDefault(tea.StringValue(req.ProxyMode), "ipvs"),
		IPStack: orDefault(tea.StringValue(req.IpStack), "ipv4"), NodeCidrMask: orDefault(tea.StringValue(req.NodeCidrMask), "26"),
		ClusterDomain: orDefault(tea.StringValue(req.ClusterDomain), "cluster.local"), VSwitchIDs: tea.StringSliceValue(req.VswitchIds),
		PodVSwitchIDs: tea.StringSliceValue(req.PodVswitchIds), DeletionProtection: tea.BoolValue(req.DeletionProtection),
		Created: now(), Updated: now(), create: req}
	if cl.SecurityGroupID == "" {
		sg := &sgRes{ID: newID("sg"), VpcID: cl.VpcID, Name: "alicloud-cs-auto-created-security-group-" + cl.ID, Type: "normal",
			InnerAccessPolicy: "Accept", ResourceGroupID: cl.ResourceGroupID, Created: now()}
		if tea.BoolValue(req.IsEnterpriseSecurityGroup) {
			sg.Type, sg.InnerAccessPolicy = "enterprise", "Drop"
		}
		s.st.sgs[sg.ID] = sg
		s.st.order = append(s.st.order, sg.ID)
		cl.SecurityGroupID = sg.ID
		s.event("security group %s created by ACK for cluster %s", sg.ID, cl.ID)
	}
	for _, t := range req.Tags {
		cl.Tags = append(cl.Tags, tag{Key: tea.StringValue(t.Key), Value: tea.StringValue(t.Value)})
	}
	return cl
}

func (s *Server) clusterOf(id string) (*clusterRes, *apiError) {
	cl := s.st.clusters[id]
	if cl == nil {
		return nil, notFound("ErrorClusterNotFound", "cluster %s not found", id)
	}
	return cl, nil
}

// deleteCluster keeps the cluster in `deleting` until its task ends; then it, its node pools and
// nodes, and the security group ACK made for it are gone.
func deleteCluster(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	if cl.DeletionProtection {
		return nil, errf(400, "ErrorDeletionProtection", "cluster %s has deletion protection enabled", cl.ID)
	}
	if cl.State == "deleting" {
		return nil, errf(400, "ErrorClusterStatus", "cluster %s is already being deleted", cl.ID)
	}
	cl.State, cl.Updated = "deleting", now()
	t := s.newTask("DeleteCluster", "cluster_delete", cl.ID, "cluster "+cl.ID, true, func(s *Server, ok bool, _ string) {
		if !ok {
			cl.State = "delete_failed"
			return
		}
		delete(s.st.clusters, cl.ID)
		if sg := s.st.sgs[cl.SecurityGroupID]; sg != nil && sg.Name == "alicloud-cs-auto-created-security-group-"+cl.ID {
			delete(s.st.sgs, sg.ID)
		}
		s.event("cluster %s deleted with %d node pools", cl.ID, len(cl.NodePools))
	})
	return &cs.DeleteClusterResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

// modifyCluster applies the fields the provider updates in place (name, deletion protection, …).
func modifyCluster(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	req := c.body.(*cs.ModifyClusterRequest)
	if req.ClusterName != nil {
		cl.Name = *req.ClusterName
	}
	if req.DeletionProtection != nil {
		cl.DeletionProtection = *req.DeletionProtection
	}
	if req.ResourceGroupId != nil {
		cl.ResourceGroupID = *req.ResourceGroupId
	}
	cl.Updated = now()
	s.event("cluster %s modified name=%q deletion_protection=%v", cl.ID, cl.Name, cl.DeletionProtection)
	t := s.newTask("ModifyCluster", "cluster_update", cl.ID, "cluster "+cl.ID, false, nil)
	return &cs.ModifyClusterResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

func upgradeCluster(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	req := c.body.(*cs.UpgradeClusterRequest)
	v := tea.StringValue(req.NextVersion)
	if !slices.Contains(kubernetesVersions, v) {
		return nil, errf(400, "ErrorKubernetesVersionNotSupported", "kubernetes version %s is not offered", v)
	}
	cl.State = "upgrading"
	t := s.newTask("UpgradeCluster", "cluster_upgrade", cl.ID, "cluster "+cl.ID, false, func(s *Server, ok bool, _ string) {
		if ok {
			cl.KubernetesVersion = v
		}
		cl.State, cl.Updated = "running", now()
	})
	return &cs.UpgradeClusterResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}
