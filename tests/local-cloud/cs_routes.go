package main

import (
	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
)

// csRoutes: method + path as the cs-20151215 client builds them (and as tea-roa / denverdino send
// them for the same operations), with the SDK operation name and body model. Literal segments
// come before variables where both could match.
var csRoutes = []*roaRoute{
	{method: "POST", pattern: "/clusters", action: "CreateCluster", body: func() any { return &cs.CreateClusterRequest{} }, handle: createCluster},
	{method: "GET", pattern: "/clusters", action: "DescribeClusters", handle: describeClusters},
	{method: "GET", pattern: "/api/v1/clusters", action: "DescribeClustersV1", handle: describeClustersV1},
	{method: "GET", pattern: "/clusters/{cid}", action: "DescribeClusterDetail", handle: describeClusterDetail},
	{method: "DELETE", pattern: "/clusters/{cid}", action: "DeleteCluster", handle: deleteCluster},
	{method: "PUT", pattern: "/api/v2/clusters/{cid}", action: "ModifyCluster", body: func() any { return &cs.ModifyClusterRequest{} }, handle: modifyCluster},
	{method: "POST", pattern: "/api/v2/clusters/{cid}/upgrade", action: "UpgradeCluster", body: func() any { return &cs.UpgradeClusterRequest{} }, handle: upgradeCluster},
	{method: "GET", pattern: "/tasks/{tid}", action: "DescribeTaskInfo", handle: describeTaskInfo},
	{method: "GET", pattern: "/clusters/{cid}/resources", action: "DescribeClusterResources", handle: describeClusterResources},
	{method: "GET", pattern: "/k8s/{cid}/user_config", action: "DescribeClusterUserKubeconfig", handle: describeUserKubeconfig},
	{method: "GET", pattern: "/clusters/{cid}/controlplanelog", action: "CheckControlPlaneLogEnable", handle: checkControlPlaneLog},
	{method: "GET", pattern: "/clusters/{cid}/audit", action: "GetClusterAuditProject", handle: getClusterAudit},
	{method: "GET", pattern: "/clusters/{cid}/endpoints", action: "DescribeClusterEndpoints", handle: clusterEndpoints},
	{method: "POST", pattern: "/clusters/{cid}/nodepools", action: "CreateClusterNodePool", body: func() any { return &cs.CreateClusterNodePoolRequest{} }, handle: createNodePool},
	{method: "GET", pattern: "/clusters/{cid}/nodepools", action: "DescribeClusterNodePools", handle: describeNodePools},
	{method: "GET", pattern: "/clusters/{cid}/nodepools/{npid}", action: "DescribeClusterNodePoolDetail", handle: describeNodePool},
	{method: "PUT", pattern: "/clusters/{cid}/nodepools/{npid}", action: "ModifyClusterNodePool", body: func() any { return &modifyNodePoolBody{} }, handle: modifyNodePool},
	{method: "DELETE", pattern: "/clusters/{cid}/nodepools/{npid}", action: "DeleteClusterNodepool", handle: deleteNodePool},
	{method: "GET", pattern: "/clusters/{cid}/nodes", action: "DescribeClusterNodes", handle: describeClusterNodes},
	{method: "POST", pattern: "/api/v2/clusters/{cid}/nodes/remove", action: "RemoveClusterNodes", body: func() any { return &cs.RemoveClusterNodesRequest{} }, handle: removeClusterNodes},
	{method: "GET", pattern: "/clusters/{cid}/addon_instances/{name}", action: "GetClusterAddonInstance", handle: getAddonInstance},
	{method: "GET", pattern: "/addons", action: "ListAddons", handle: listAddons},
	{method: "GET", pattern: "/addons/{name}", action: "DescribeAddon", handle: describeAddon},
	{method: "POST", pattern: "/clusters/{cid}/components/install", action: "InstallClusterAddons", body: func() any { return &[]*cs.InstallClusterAddonsRequestBody{} }, handle: installAddons},
	{method: "POST", pattern: "/clusters/{cid}/components/upgrade", action: "UpgradeClusterAddons", body: func() any { return &[]*cs.UpgradeClusterAddonsRequestBody{} }, handle: upgradeAddons},
	{method: "POST", pattern: "/clusters/{cid}/components/uninstall", action: "UnInstallClusterAddons", body: func() any { return &[]*cs.UnInstallClusterAddonsRequestAddons{} }, handle: uninstallAddons},
	{method: "GET", pattern: "/clusters/{cid}/components/upgradestatus", action: "DescribeClusterAddonsUpgradeStatus", handle: addonsUpgradeStatus},
	{method: "POST", pattern: "/clusters/{cid}/components/{name}/config", action: "ModifyClusterAddon", body: func() any { return &cs.ModifyClusterAddonRequest{} }, handle: modifyAddon},
	{method: "GET", pattern: "/api/v1/metadata/versions", action: "DescribeKubernetesVersionMetadata", handle: kubernetesVersionMetadata},
}

// modifyNodePoolBody is cs.ModifyClusterNodePoolRequest plus the two top-level fields the provider
// (v1.285.0, tea-roa) sends on every update although the v7.6.0 model lacks them: `count` (node_count
// scale-up) and `rolling_policy` (always present, often {}). The real API accepts both.
type modifyNodePoolBody struct {
	cs.ModifyClusterNodePoolRequest
	Count         *int64         `json:"count,omitempty"`
	RollingPolicy *rollingPolicy `json:"rolling_policy,omitempty"`
}

type rollingPolicy struct {
	MaxParallelism *int64 `json:"max_parallelism,omitempty"`
}
