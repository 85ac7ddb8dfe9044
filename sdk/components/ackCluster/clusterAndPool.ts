import * as cs from "@pulumi/alicloud/cs";
import * as pulumi from "@pulumi/pulumi";
import {
    type CreatedClusterPlan,
    type CreatedNetworkLayout,
    type GivenNetworkLayout,
    plannedNodePool,
} from "../../render/cluster/ackCluster";
import { type CreatedClusterSettings, createdClusterSettings } from "../../render/cluster/ackResourceSettings";
import { kubeconfigForEndpoint } from "../../render/cluster/kubeconfig";
import { resourceLabel } from "../../render/core/errors";
import { childOptions } from "../core/childOptions";
import { checkLate } from "../core/lateErrors";
import { clusterCredential } from "./credential";
import type { ClusterWiring, NetworkWiring, Scope } from "./wiring";

/** A new managed cluster on a created or given network, with its node pool. */
export function createClusterAndPool(
    scope: Scope,
    layout: CreatedNetworkLayout | GivenNetworkLayout,
    plan: pulumi.Output<CreatedClusterPlan>,
    network: NetworkWiring,
    external: pulumi.Input<pulumi.Resource>[],
): ClusterWiring {
    const label = resourceLabel("AckCluster", scope.name);
    const n = layout.names;
    const fixed = createdClusterSettings(layout);
    const spec = plan.apply((p) => p.cluster);
    const cluster = new cs.ManagedKubernetes(
        n.cluster,
        {
            name: spec.name,
            clusterSpec: spec.clusterSpec,
            version: spec.version,
            vswitchIds: network.vswitchIds,
            podVswitchIds: network.podVswitchIds,
            serviceCidr: spec.serviceCidr,
            securityGroupId: network.securityGroupId,
            newNatGateway: fixed.cluster.newNatGateway ?? spec.newNatGateway,
            slbInternetEnabled: spec.slbInternetEnabled,
            deletionProtection: spec.deletionProtection,
            deleteOptions: spec.deleteOptions,
            addons: spec.addons,
            proxyMode: fixed.cluster.proxyMode,
            skipSetCertificateAuthority: fixed.cluster.skipSetCertificateAuthority,
            resourceGroupId: spec.resourceGroupId,
            tags: spec.tags,
        },
        childOptions(scope.parent, scope.opts, { dependsOn: [...network.ready, ...external] }),
    );
    // Without a given or created security group, ACK creates one; the nodes join that.
    const securityGroupId = pulumi
        .all([network.securityGroupId, cluster.securityGroupId])
        .apply(([own, acks]): string | undefined => own ?? acks);
    const nodePool = layout.createNodePool
        ? createNodePool(scope, n.nodePool, fixed, plan, cluster, network.vswitchIds, securityGroupId)
        : undefined;
    const credential = clusterCredential(scope, cluster.id, plan);
    return {
        kubeconfig: pulumi
            .all([credential.kubeConfig, plan.kubeconfigEndpoint, cluster.connections])
            .apply(([config, endpoint, connections]) => kubeconfigForEndpoint(label, config, endpoint, connections)),
        clusterIdentifier: cluster.id,
        cluster,
        nodePool,
        clusterId: cluster.id,
        vpcId: network.vpcId ?? cluster.vpcId,
        vswitchIds: network.vswitchIds,
        podVswitchIds: network.podVswitchIds,
        securityGroupId,
    };
}

/** The ECS node pool, labeled with the ECS label, in the cluster's node vSwitches and security group. */
function createNodePool(
    scope: Scope,
    childName: string,
    fixed: CreatedClusterSettings,
    plan: pulumi.Output<CreatedClusterPlan>,
    cluster: cs.ManagedKubernetes,
    vswitchIds: pulumi.Output<string[]>,
    securityGroupId: pulumi.Output<string | undefined>,
): cs.NodePool {
    const pool = checkLate(plan, plannedNodePool);
    return new cs.NodePool(
        childName,
        {
            clusterId: cluster.id,
            nodePoolName: pool.nodePoolName,
            vswitchIds,
            instanceTypes: pool.instanceTypes,
            instanceChargeType: fixed.nodePool.instanceChargeType,
            desiredSize: pool.desiredSize,
            scalingConfig: pool.scalingConfig,
            labels: pool.labels,
            systemDiskCategory: pool.systemDiskCategory,
            systemDiskSize: pool.systemDiskSize,
            keyName: pool.keyName,
            multiAzPolicy: pool.multiAzPolicy,
            securityGroupIds: securityGroupId.apply((id) => (id ? [id] : undefined)),
            resourceGroupId: plan.apply((p) => p.cluster.resourceGroupId),
            tags: plan.apply((p) => p.cluster.tags),
        },
        childOptions(scope.parent, scope.opts),
    );
}
