package main

import (
	"encoding/json"
	"net/netip"
	"slices"
	"time"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// nodePoolRes keeps the create body as sent (spec) so reads echo every sub-object under the same
// keys, as the provider expects, plus the nodes the pool holds.
type nodePoolRes struct {
	ID, ClusterID, State string
	spec                 map[string]any
	VSwitchIDs           []string
	Nodes                []*nodeRes
	Created, Updated     time.Time
}

type nodeRes struct {
	InstanceID   string `json:"instance_id"`
	NodeName     string `json:"node_name"`
	IP           string `json:"ip"`
	ZoneID       string `json:"zone_id"`
	InstanceType string `json:"instance_type"`
	VSwitchID    string `json:"-"`
	created      time.Time
}

func createNodePool(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	if cl.State != "running" && cl.State != "initial" {
		return nil, errf(400, "ErrorClusterStatus", "cluster %s is %s", cl.ID, cl.State)
	}
	req := c.body.(*cs.CreateClusterNodePoolRequest)
	vsws := tea.StringSliceValue(req.ScalingGroup.VswitchIds)
	for _, id := range vsws {
		if sw := s.st.vswitches[id]; sw == nil || sw.VpcID != cl.VpcID {
			return nil, errf(400, "ErrorVSwitchNotFound", "vswitch %s not found in the cluster's vpc %s", id, cl.VpcID)
		}
	}
	for _, it := range tea.StringSliceValue(req.ScalingGroup.InstanceTypes) {
		if !slices.Contains(instanceTypes, it) {
			return nil, errf(400, "ErrorInstanceTypeNotSupported", "instance type %s is not offered in %s", it, s.region)
		}
	}
	var spec map[string]any
	_ = json.Unmarshal(c.raw, &spec)
	np := &nodePoolRes{ID: "np" + randHex(32), ClusterID: cl.ID, State: "initializing", spec: spec, VSwitchIDs: vsws, Created: now(), Updated: now()}
	cl.NodePools = append(cl.NodePools, np)
	want := int(tea.Int64Value(req.ScalingGroup.DesiredSize))
	if req.Count != nil {
		want = int(*req.Count)
	}
	s.event("node pool %s created in cluster %s name=%q desired=%d vswitches=%v", np.ID, cl.ID, tea.StringValue(req.NodepoolInfo.Name), want, vsws)
	t := s.newTask("CreateClusterNodePool", "nodepool_create", cl.ID, "nodepool "+np.ID, true, func(s *Server, ok bool, _ string) {
		np.State = map[bool]string{true: "active", false: "failed"}[ok]
		if ok {
			s.scaleTo(np, want)
		}
	})
	return &cs.CreateClusterNodePoolResponseBody{NodepoolId: tea.String(np.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

func (s *Server) nodePoolOf(cid, npid string) (*clusterRes, *nodePoolRes, *apiError) {
	cl, e := s.clusterOf(cid)
	if e != nil {
		return nil, nil, e
	}
	for _, np := range cl.NodePools {
		if np.ID == npid {
			return cl, np, nil
		}
	}
	return nil, nil, notFound("ErrorNodePoolNotFound", "node pool %s not found in cluster %s", npid, cid)
}

// scaleTo adds or drops nodes; new nodes go round-robin over the pool's vSwitches.
func (s *Server) scaleTo(np *nodePoolRes, want int) {
	types := stringsAt(np.spec, "scaling_group", "instance_types")
	for len(np.Nodes) < want && len(np.VSwitchIDs) > 0 {
		sw := s.st.vswitches[np.VSwitchIDs[len(np.Nodes)%len(np.VSwitchIDs)]]
		if sw == nil {
			break
		}
		ip := s.allocIP(sw.ID)
		n := &nodeRes{InstanceID: newID("i"), NodeName: s.region + "." + ip, IP: ip, ZoneID: sw.ZoneID, VSwitchID: sw.ID, created: now()}
		if len(types) > 0 {
			n.InstanceType = types[0]
		}
		np.Nodes = append(np.Nodes, n)
		s.event("node %s (%s) added to node pool %s in %s", n.NodeName, n.InstanceID, np.ID, n.ZoneID)
	}
	for len(np.Nodes) > want {
		n := np.Nodes[len(np.Nodes)-1]
		np.Nodes = np.Nodes[:len(np.Nodes)-1]
		s.event("node %s (%s) removed from node pool %s", n.NodeName, n.InstanceID, np.ID)
	}
	setPath(np.spec, float64(len(np.Nodes)), "scaling_group", "desired_size")
	np.Updated = now()
}

// allocIP hands out the next address of a vSwitch (skipping the network address and the gateway).
func (s *Server) allocIP(vswitch string) string {
	sw := s.st.vswitches[vswitch]
	s.st.nextIP[vswitch]++
	addr := netip.MustParsePrefix(sw.CidrBlock).Addr()
	for i := 0; i < s.st.nextIP[vswitch]+1; i++ {
		addr = addr.Next()
	}
	return addr.String()
}

func describeNodePool(s *Server, c *roaCall) (any, *apiError) {
	_, np, e := s.nodePoolOf(c.vars["cid"], c.vars["npid"])
	if e != nil {
		return nil, e
	}
	return s.nodePoolView(np), nil
}

// nodePoolView is the create body echoed, with the ids and status ACK adds.
func (s *Server) nodePoolView(np *nodePoolRes) map[string]any {
	view := deepCopy(np.spec)
	setPath(view, np.ID, "nodepool_info", "nodepool_id")
	setPath(view, rfc3339(np.Created), "nodepool_info", "created")
	setPath(view, rfc3339(np.Updated), "nodepool_info", "updated")
	setPath(view, s.region, "nodepool_info", "region_id")
	if _, ok := getPath(view, "nodepool_info", "type"); !ok {
		setPath(view, "ess", "nodepool_info", "type")
	}
	setPath(view, "asg-"+np.ID[2:22], "scaling_group", "scaling_group_id")
	if _, ok := getPath(view, "scaling_group", "instance_charge_type"); !ok {
		setPath(view, "PostPaid", "scaling_group", "instance_charge_type")
	}
	n := float64(len(np.Nodes))
	view["status"] = map[string]any{"total_nodes": n, "healthy_nodes": n, "serving_nodes": n, "offline_nodes": 0.0,
		"failed_nodes": 0.0, "initial_nodes": 0.0, "removing_nodes": 0.0, "spot_nodes": 0.0, "state": np.State}
	for _, k := range []string{"auto_scaling", "kubernetes_config", "management", "tee_config", "node_config"} {
		if _, ok := view[k]; !ok {
			view[k] = map[string]any{}
		}
	}
	return view
}

func describeNodePools(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	pools := []any{}
	for _, np := range cl.NodePools {
		pools = append(pools, s.nodePoolView(np))
	}
	return map[string]any{"nodepools": pools}, nil
}
