import * as cs from "@pulumi/alicloud/cs";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import type { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { type AdoptedByIdPlan, type AdoptedClusterPlan, adoptedClusterInfo } from "../../render/cluster/ackCluster";
import { ecsNodePatchMetadata } from "../../render/cluster/ackResourceSettings";
import { defaultKubeconfigEndpoint, type GivenKubeconfig, kubeconfigForEndpoint } from "../../render/cluster/kubeconfig";
import { resourceLabel } from "../../render/core/errors";
import { childOptions } from "../core/childOptions";
import { invokeWhenKnown } from "../core/invokeWhenKnown";
import { checkLate } from "../core/lateErrors";
import { clusterCredential } from "./credential";
import type { ClusterWiring, Scope } from "./wiring";

/** Adopted by kubeconfig alone: no Alibaba Cloud calls; the API server URL identifies the cluster. */
export function adoptByKubeconfig(given: pulumi.Output<GivenKubeconfig>): ClusterWiring {
    const none = pulumi.output(undefined);
    return {
        kubeconfig: given.kubeconfig,
        clusterIdentifier: given.server,
        cluster: undefined,
        nodePool: undefined,
        clusterId: none,
        vpcId: none,
        vswitchIds: none,
        podVswitchIds: none,
        securityGroupId: none,
    };
}

/** An existing cluster by id: its network from `cs.getManagedKubernetesClusters`, its kubeconfig from ACK unless given. */
export function adoptById(
    scope: Scope,
    plan: pulumi.Output<AdoptedByIdPlan>,
    givenKubeconfig: pulumi.Output<string> | undefined,
): ClusterWiring {
    const label = resourceLabel("AckCluster", scope.name);
    const clusterId = plan.apply((p) => p.existingClusterId);
    const found = invokeWhenKnown({ ids: [clusterId], enableDetails: true }, (a) =>
        cs.getManagedKubernetesClustersOutput(a, { parent: scope.parent }),
    );
    const info = checkLate(pulumi.all([clusterId, found.clusters]), ([id, clusters]) => adoptedClusterInfo(scope.name, id, clusters));
    const kubeconfig =
        givenKubeconfig ??
        checkLate(
            pulumi.all([clusterCredential(scope, clusterId, plan).kubeConfig, plan.kubeconfigEndpoint, info]),
            ([config, chosen, i]) => kubeconfigForEndpoint(label, config, chosen ?? defaultKubeconfigEndpoint(i.endpoints), i.endpoints),
        );
    return {
        kubeconfig,
        clusterIdentifier: clusterId,
        cluster: undefined,
        nodePool: undefined,
        clusterId,
        vpcId: info.apply((i) => i.vpcId),
        vswitchIds: info.apply((i) => i.vswitchIds),
        podVswitchIds: pulumi.output(undefined),
        securityGroupId: info.apply((i) => i.securityGroupId),
    };
}

/** The label of an adopted cluster's running ECS nodes: one patch per node in `ecsNodeNames`. */
export function labelEcsNodes(
    scope: Scope,
    patchNames: string[],
    plan: pulumi.Output<AdoptedClusterPlan>,
    provider: KubernetesProvider,
    external: pulumi.Input<pulumi.Resource>[],
): corev1.NodePatch[] {
    return patchNames.map(
        (patchName, i) =>
            new corev1.NodePatch(
                patchName,
                {
                    metadata: plan.apply((p) => ecsNodePatchMetadata(p, i)),
                },
                childOptions(scope.parent, scope.opts, { provider, dependsOn: external }),
            ),
    );
}
