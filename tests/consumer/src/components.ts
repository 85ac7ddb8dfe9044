// A consumer's stack built from the components one by one (the platform is in guide.ts): its own
// cluster, virtual node, Knative and namespace, and a Service on ECI and one on ECS.
import * as pulumi from "@pulumi/pulumi";
import { AckCluster, EciNamespace, type KnativeServiceArgs, KnativeService, KnativeServing, Placement, VirtualNode } from "ack-knative-eci";

const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";

export const cluster = new AckCluster("own", { zoneIds: ["cn-hangzhou-h", "cn-hangzhou-i"], apiServerPublic: true });
const clusterId = cluster.clusterId.apply((id) => id ?? "");
const cloud = { dependsOn: cluster.ecsNodesReady, providers: [cluster.provider] };

// The cluster's generated pod vSwitches and security group go into eci-profile unvalidated.
export const virtualNode = new VirtualNode(
    "own-vn",
    {
        clusterId,
        vSwitchIds: cluster.podVswitchIds.apply((ids) => ids ?? []),
        securityGroupId: cluster.securityGroupId.apply((id) => id ?? ""),
    },
    cloud,
);
export const knative = new KnativeServing("own-knative", { clusterId }, cloud);
export const namespace = new EciNamespace("own-vk", { namespaceName: "own-vk", eciInjection: true }, { provider: cluster.provider });

const service = (name: string, args: KnativeServiceArgs) =>
    new KnativeService(name, args, { provider: cluster.provider, dependsOn: [...knative.ready, ...namespace.ready, ...virtualNode.ready] });
export const eci = service("own-eci", {
    namespace: namespace.namespaceName,
    placement: Placement.EciNamespace,
    image,
    eciSpecs: ["2-4Gi"],
    // An image cache in the cluster's generated vSwitch and security group.
    imageCache: {
        mode: "create",
        vswitchId: cluster.vswitchIds.apply((ids) => ids?.[0] ?? ""),
        securityGroupId: cluster.securityGroupId.apply((id) => id ?? ""),
    },
});
export const ecs = service("own-ecs", { placement: "ecs", image });

export const urls = pulumi.all([eci.url, ecs.url]);
