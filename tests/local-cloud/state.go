package main

// The /_local/state document: everything that exists, in creation order, in the shape the
// TypeScript tests and agent read.

type kv = map[string]any

func (s *Server) snapshot() kv {
	out := kv{"region": s.region, "zones": s.zones, "vpcs": []kv{}, "vswitches": []kv{}, "securityGroups": []kv{}, "natGateways": []kv{},
		"eips": []kv{}, "snatEntries": []kv{}, "imageCaches": []kv{}, "clusters": []kv{}, "tasks": []*taskRes{}}
	add := func(key string, v kv) { out[key] = append(out[key].([]kv), v) }
	for _, id := range s.st.order {
		if v := s.st.vpcs[id]; v != nil {
			add("vpcs", kv{"id": v.ID, "name": v.Name, "cidr_block": v.CidrBlock, "status": v.Slow.current("Available"),
				"route_table_id": v.RouteTableID, "tags": orEmpty(s.st.tags[id])})
		}
		if sw := s.st.vswitches[id]; sw != nil {
			add("vswitches", kv{"id": sw.ID, "vpc_id": sw.VpcID, "zone_id": sw.ZoneID, "cidr_block": sw.CidrBlock, "name": sw.Name, "tags": orEmpty(s.st.tags[id])})
		}
		if sg := s.st.sgs[id]; sg != nil {
			add("securityGroups", kv{"id": sg.ID, "vpc_id": sg.VpcID, "name": sg.Name, "type": sg.Type, "inner_access_policy": sg.InnerAccessPolicy, "tags": orEmpty(s.st.tags[id])})
		}
		if n := s.st.nats[id]; n != nil {
			add("natGateways", kv{"id": n.ID, "vpc_id": n.VpcID, "vswitch_id": n.VSwitchID, "name": n.Name, "nat_type": n.NatType,
				"snat_table_id": n.SnatTableID, "forward_table_id": n.ForwardTableID, "deletion_protection": n.DeletionProtection, "tags": orEmpty(s.st.tags[id])})
		}
		if e := s.st.eips[id]; e != nil {
			add("eips", kv{"id": e.ID, "ip_address": e.IP, "bandwidth": e.Bandwidth, "instance_id": e.InstanceID, "instance_type": e.InstanceType, "name": e.Name})
		}
		if sn := s.st.snats[id]; sn != nil {
			add("snatEntries", kv{"id": sn.ID, "snat_table_id": sn.TableID, "nat_gateway_id": sn.NatID, "snat_ip": sn.SnatIP,
				"source_vswitch_id": sn.SourceVSwitchID, "source_cidr": sn.SourceCIDR, "name": sn.Name})
		}
		if ic := s.st.imageCaches[id]; ic != nil {
			add("imageCaches", kv{"id": ic.ID, "name": ic.Name, "images": orEmpty(ic.Images), "status": ic.Slow.current("Ready"),
				"vswitch_id": ic.VSwitchID, "security_group_id": ic.SecurityGroupID, "size": ic.Size})
		}
		if cl := s.st.clusters[id]; cl != nil {
			add("clusters", s.clusterState(cl))
		}
		if t := s.st.tasks[id]; t != nil {
			out["tasks"] = append(out["tasks"].([]*taskRes), t)
		}
	}
	counts := kv{}
	for _, k := range []string{"vpcs", "vswitches", "securityGroups", "natGateways", "eips", "snatEntries", "imageCaches", "clusters"} {
		counts[k] = len(out[k].([]kv))
	}
	counts["tasks"] = len(out["tasks"].([]*taskRes))
	out["counts"] = counts
	return out
}

func (s *Server) clusterState(cl *clusterRes) kv {
	pools := []kv{}
	for _, np := range cl.NodePools {
		labels, taints := []kv{}, []kv{}
		if v, ok := getPath(np.spec, "kubernetes_config", "labels"); ok {
			for _, l := range asList(v) {
				labels = append(labels, kv{"key": l["key"], "value": l["value"]})
			}
		}
		if v, ok := getPath(np.spec, "kubernetes_config", "taints"); ok {
			for _, t := range asList(v) {
				taints = append(taints, kv{"key": t["key"], "value": t["value"], "effect": t["effect"]})
			}
		}
		name, _ := getPath(np.spec, "nodepool_info", "name")
		disk, _ := getPath(np.spec, "scaling_group", "system_disk_category")
		size, _ := getPath(np.spec, "scaling_group", "system_disk_size")
		pools = append(pools, kv{"nodepool_id": np.ID, "name": name, "state": np.State, "desired_size": len(np.Nodes),
			"instance_types": orEmpty(stringsAt(np.spec, "scaling_group", "instance_types")), "vswitch_ids": orEmpty(np.VSwitchIDs),
			"labels": labels, "taints": taints, "system_disk_category": disk, "system_disk_size": size, "nodes": orEmpty(np.Nodes)})
	}
	return kv{"cluster_id": cl.ID, "name": cl.Name, "state": cl.State, "cluster_spec": cl.ClusterSpec, "kubernetes_version": cl.KubernetesVersion,
		"vpc_id": cl.VpcID, "vswitch_ids": orEmpty(cl.VSwitchIDs), "pod_vswitch_ids": orEmpty(cl.PodVSwitchIDs), "security_group_id": cl.SecurityGroupID,
		"deletion_protection": cl.DeletionProtection, "tags": orEmpty(cl.Tags), "node_pools": pools, "addons": orEmpty(cl.Addons)}
}

func asList(v any) []map[string]any {
	var out []map[string]any
	list, _ := v.([]any)
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
