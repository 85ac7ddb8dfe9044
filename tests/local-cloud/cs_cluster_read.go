package main

import (
	"encoding/json"
	"sort"
	"time"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// clusterDetail is GET /clusters/{id}. The provider decodes it twice, with the cs model and with
// denverdino's struct, so: RFC3339 created/updated, vswitch_id a string beside vswitch_ids, size a
// number, parameters strings only, meta_data a JSON string, master_url a JSON string of URLs.
func (s *Server) clusterDetail(cl *clusterRes) *cs.DescribeClusterDetailResponseBody {
	b := &cs.DescribeClusterDetailResponseBody{ClusterId: tea.String(cl.ID), Name: tea.String(cl.Name), State: tea.String(cl.State),
		ClusterType: tea.String(cl.ClusterType), ClusterSpec: tea.String(cl.ClusterSpec), Profile: tea.String(cl.Profile),
		RegionId: tea.String(s.region), VpcId: tea.String(cl.VpcID), VswitchIds: tea.StringSlice(cl.VSwitchIDs),
		SecurityGroupId: tea.String(cl.SecurityGroupID), DeletionProtection: tea.Bool(cl.DeletionProtection),
		CurrentVersion: tea.String(cl.KubernetesVersion), InitVersion: tea.String(cl.KubernetesVersion),
		ResourceGroupId: tea.String(cl.ResourceGroupID), Timezone: tea.String(cl.Timezone), ClusterDomain: tea.String(cl.ClusterDomain),
		ServiceCidr: tea.String(cl.ServiceCidr), ContainerCidr: tea.String(cl.ContainerCidr), ProxyMode: tea.String(cl.ProxyMode),
		IpStack: tea.String(cl.IPStack), NodeCidrMask: tea.String(cl.NodeCidrMask), NetworkMode: tea.String("vpc"),
		Created: tea.String(rfc3339(cl.Created)), Updated: tea.String(rfc3339(cl.Updated)), Size: tea.Int64(int64(cl.nodeCount())),
		DockerVersion: tea.String("containerd://1.6.38"), ExternalLoadbalancerId: tea.String("lb-" + cl.ID[1:21]),
		MetaData: tea.String(s.clusterMetaData(cl)), MasterUrl: tea.String(s.masterURL()), WorkerRamRoleName: tea.String("KubernetesWorkerRole-" + cl.ID[1:13]),
		PrivateZone: tea.Bool(false), Parameters: s.clusterParameters(cl)}
	if len(cl.VSwitchIDs) > 0 {
		b.VswitchId = tea.String(cl.VSwitchIDs[0])
		if sw := s.st.vswitches[cl.VSwitchIDs[0]]; sw != nil {
			b.ZoneId = tea.String(sw.ZoneID)
		}
	}
	for _, t := range cl.Tags {
		b.Tags = append(b.Tags, &cs.Tag{Key: tea.String(t.Key), Value: tea.String(t.Value)})
	}
	b.MaintenanceWindow = cl.create.MaintenanceWindow
	if cl.create.OperationPolicy != nil {
		b.OperationPolicy = &cs.DescribeClusterDetailResponseBodyOperationPolicy{}
		convertJSON(cl.create.OperationPolicy, b.OperationPolicy)
	}
	return b
}

// convertJSON copies between two model types that share JSON names (request → response shapes).
func convertJSON(from, to any) {
	if b, err := json.Marshal(from); err == nil {
		_ = json.Unmarshal(b, to)
	}
}

func (s *Server) masterURL() string {
	ep := s.kube.endpoint()
	b, _ := json.Marshal(map[string]string{"api_server_endpoint": ep, "intranet_api_server_endpoint": ep})
	return string(b)
}

func (s *Server) clusterMetaData(cl *clusterRes) string {
	sans := []string{}
	if cl.create.CustomSan != nil && *cl.create.CustomSan != "" {
		sans = append(sans, *cl.create.CustomSan)
	}
	md := map[string]any{
		"Capabilities":      map[string]any{"DisableEncryption": false, "EncryptionKMSKeyId": "", "NodeCIDRMask": cl.NodeCidrMask},
		"ExtraCertSAN":      sans,
		"RRSAConfig":        map[string]any{"enabled": tea.BoolValue(cl.create.EnableRrsa), "issuer": "", "oidc_name": "", "oidc_arn": ""},
		"KubernetesVersion": cl.KubernetesVersion,
		"MultiAZ":           len(cl.VSwitchIDs) > 1,
	}
	b, _ := json.Marshal(md)
	return string(b)
}

func (s *Server) clusterParameters(cl *clusterRes) map[string]*string {
	p := map[string]string{"ServiceCIDR": cl.ServiceCidr, "ContainerCIDR": cl.ContainerCidr, "ProxyMode": cl.ProxyMode,
		"KubernetesVersion": cl.KubernetesVersion, "VpcId": cl.VpcID, "LoggingType": "", "SLSProjectName": "", "Profile": cl.Profile}
	out := map[string]*string{}
	for k, v := range p {
		out[k] = tea.String(v)
	}
	return out
}

func describeClusterDetail(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	return s.clusterDetail(cl), nil
}

// describeClusters is denverdino's GET /clusters: a bare array of cluster details.
func describeClusters(s *Server, _ *roaCall) (any, *apiError) {
	out := []*cs.DescribeClusterDetailResponseBody{}
	for _, id := range s.st.order {
		if cl := s.st.clusters[id]; cl != nil {
			out = append(out, s.clusterDetail(cl))
		}
	}
	return out, nil
}

func describeClustersV1(s *Server, _ *roaCall) (any, *apiError) {
	body := &cs.DescribeClustersV1ResponseBody{}
	for _, id := range s.st.order {
		if cl := s.st.clusters[id]; cl != nil {
			item := &cs.DescribeClustersV1ResponseBodyClusters{}
			convertJSON(s.clusterDetail(cl), item)
			body.Clusters = append(body.Clusters, item)
		}
	}
	body.PageInfo = &cs.DescribeClustersV1ResponseBodyPageInfo{PageNumber: tea.Int32(1), PageSize: tea.Int32(50), TotalCount: tea.Int32(int32(len(body.Clusters)))}
	return body, nil
}

// describeClusterResources is a bare array; the API server SLB is what the provider looks for.
func describeClusterResources(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	return []*cs.DescribeClusterResourcesResponseBody{
		{ClusterId: tea.String(cl.ID), Created: tea.String(rfc3339(cl.Created)), InstanceId: tea.String("lb-" + cl.ID[1:21]),
			ResourceType: tea.String("ALIYUN::SLB::LoadBalancer"), State: tea.String("CREATE_COMPLETE"), AutoCreate: tea.Int64(1)},
		{ClusterId: tea.String(cl.ID), Created: tea.String(rfc3339(cl.Created)), InstanceId: tea.String(cl.SecurityGroupID),
			ResourceType: tea.String("ALIYUN::ECS::SecurityGroup"), State: tea.String("CREATE_COMPLETE"), AutoCreate: tea.Int64(0)},
	}, nil
}

func describeUserKubeconfig(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	minutes := 3 * 365 * 24 * 60
	if v := c.query.Get("TemporaryDurationMinutes"); v != "" {
		if n, err := parseInt(v); err == nil && n > 0 {
			minutes = n
		}
	}
	exp := time.Now().UTC().Add(time.Duration(minutes) * time.Minute)
	return &cs.DescribeClusterUserKubeconfigResponseBody{Config: tea.String(s.kube.kubeconfig(cl.ID)), Expiration: tea.String(rfc3339(exp))}, nil
}

func checkControlPlaneLog(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	comps := tea.StringSliceValue(cl.create.ControlplaneLogComponents)
	sort.Strings(comps)
	return &cs.CheckControlPlaneLogEnableResponseBody{Components: tea.StringSlice(comps), LogProject: cl.create.ControlplaneLogProject,
		LogTtl: cl.create.ControlplaneLogTtl, Aliuid: tea.String("1234567890123456")}, nil
}

func getClusterAudit(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	enabled := cl.create.AuditLogConfig != nil && tea.BoolValue(cl.create.AuditLogConfig.Enabled)
	body := &cs.GetClusterAuditProjectResponseBody{AuditEnabled: tea.Bool(enabled)}
	if enabled {
		body.SlsProjectName = cl.create.AuditLogConfig.SlsProjectName
	}
	return body, nil
}

// clusterEndpoints is denverdino's GET /clusters/{id}/endpoints.
func clusterEndpoints(s *Server, c *roaCall) (any, *apiError) {
	if _, e := s.clusterOf(c.vars["cid"]); e != nil {
		return nil, e
	}
	ep := s.kube.endpoint()
	return map[string]string{"api_server_endpoint": ep, "intranet_api_server_endpoint": ep}, nil
}

func (cl *clusterRes) nodeCount() int {
	n := 0
	for _, np := range cl.NodePools {
		n += len(np.Nodes)
	}
	return n
}
