package main

import (
	"encoding/json"
	"slices"
	"strconv"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// modifyNodePool merges the PUT body into the pool's spec. scaling_group.desired_size scales to
// that size; `count` (node_count in the provider) adds that many nodes.
func modifyNodePool(s *Server, c *roaCall) (any, *apiError) {
	cl, np, e := s.nodePoolOf(c.vars["cid"], c.vars["npid"])
	if e != nil {
		return nil, e
	}
	var patch map[string]any
	_ = json.Unmarshal(c.raw, &patch)
	want := len(np.Nodes)
	if v, ok := getPath(patch, "scaling_group", "desired_size"); ok {
		want = int(toFloat(v))
	}
	if v, ok := patch["count"]; ok {
		want += int(toFloat(v))
	}
	delete(patch, "count")
	delete(patch, "rolling_policy")
	delete(patch, "update_nodes")
	delete(patch, "concurrency")
	mergeMaps(np.spec, patch)
	if vs := stringsAt(np.spec, "scaling_group", "vswitch_ids"); len(vs) > 0 {
		np.VSwitchIDs = vs
	}
	scaling := want != len(np.Nodes)
	if scaling {
		np.State = "scaling"
	} else {
		np.State = "updating"
	}
	s.event("node pool %s modified (desired %d)", np.ID, want)
	before := len(np.Nodes)
	t := s.newTask("ModifyClusterNodePool", "nodepool_update", cl.ID, "nodepool "+np.ID, scaling, func(s *Server, ok bool, _ string) {
		np.State = "active"
		switch {
		case ok:
			s.scaleTo(np, want)
		case want > before:
			// A scale-up that fails (e.g. an instance type sold out) fails halfway: the nodes made so far stay.
			s.scaleTo(np, before+(want-before)/2)
		}
	})
	return &cs.ModifyClusterNodePoolResponseBody{NodepoolId: tea.String(np.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

func deleteNodePool(s *Server, c *roaCall) (any, *apiError) {
	cl, np, e := s.nodePoolOf(c.vars["cid"], c.vars["npid"])
	if e != nil {
		return nil, e
	}
	if len(np.Nodes) > 0 && c.query.Get("force") != "true" {
		return nil, errf(400, "ErrorNodePoolNotEmpty", "node pool %s still has %d nodes; delete with force=true", np.ID, len(np.Nodes))
	}
	np.State = "deleting"
	t := s.newTask("DeleteClusterNodepool", "nodepool_delete", cl.ID, "nodepool "+np.ID, true, func(s *Server, ok bool, _ string) {
		if !ok {
			np.State = "active"
			return
		}
		cl.NodePools = slices.DeleteFunc(cl.NodePools, func(o *nodePoolRes) bool { return o == np })
		s.event("node pool %s deleted with %d nodes", np.ID, len(np.Nodes))
	})
	return &cs.DeleteClusterNodepoolResponseBody{TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

// describeClusterNodes pages the cluster's nodes (denverdino loops until a page is short, so page_size > 0).
func describeClusterNodes(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	var all []*cs.DescribeClusterNodesResponseBodyNodes
	for _, np := range cl.NodePools {
		if q := c.query.Get("nodepool_id"); q != "" && q != np.ID {
			continue
		}
		for _, n := range np.Nodes {
			all = append(all, &cs.DescribeClusterNodesResponseBodyNodes{InstanceId: tea.String(n.InstanceID), NodeName: tea.String(n.NodeName),
				HostName: tea.String(n.NodeName), InstanceName: tea.String("worker-k8s-for-cs-" + cl.ID), InstanceType: tea.String(n.InstanceType),
				IpAddress: tea.StringSlice([]string{n.IP}), NodepoolId: tea.String(np.ID), State: tea.String("running"), NodeStatus: tea.String("Ready"),
				InstanceRole: tea.String("Worker"), InstanceStatus: tea.String("Running"), InstanceChargeType: tea.String("PostPaid"),
				CreationTime: tea.String(rfc3339(n.created)), Source: tea.String("ess_attach"), ImageId: tea.String("aliyun_3_x64_20G_alibase_20250117.vhd")})
		}
	}
	page, size := atoiOr(c.query.Get("pageNumber"), 1), atoiOr(c.query.Get("pageSize"), 10)
	lo, hi := min((page-1)*size, len(all)), min(page*size, len(all))
	return &cs.DescribeClusterNodesResponseBody{Nodes: orEmpty(all[lo:hi]), Page: &cs.DescribeClusterNodesResponseBodyPage{
		PageNumber: tea.Int32(int32(page)), PageSize: tea.Int32(int32(size)), TotalCount: tea.Int32(int32(len(all)))}}, nil
}

func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// removeClusterNodes drops the named nodes from their pools; the pools show `removing` until the task ends.
func removeClusterNodes(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	names := tea.StringSliceValue(c.body.(*cs.RemoveClusterNodesRequest).Nodes)
	var pools []*nodePoolRes
	for _, np := range cl.NodePools {
		for _, n := range np.Nodes {
			if slices.Contains(names, n.NodeName) || slices.Contains(names, n.InstanceID) {
				pools = append(pools, np)
				np.State = "removing"
				break
			}
		}
	}
	t := s.newTask("RemoveClusterNodes", "remove_nodes", cl.ID, "nodes "+itoa(len(names)), true, func(s *Server, ok bool, _ string) {
		for _, np := range pools {
			np.State = "active"
			if ok {
				np.Nodes = slices.DeleteFunc(np.Nodes, func(n *nodeRes) bool {
					return slices.Contains(names, n.NodeName) || slices.Contains(names, n.InstanceID)
				})
				setPath(np.spec, float64(len(np.Nodes)), "scaling_group", "desired_size")
				s.event("nodes %v removed from node pool %s", names, np.ID)
			}
		}
	})
	return map[string]string{"task_id": t.ID, "cluster_id": cl.ID, "request_id": newRequestID()}, nil
}

func atoiOr(v string, d int) int {
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return n
	}
	return d
}

func parseInt(v string) (int, error) { return strconv.Atoi(v) }
