// Placement "ecs-first": an ACK ResourcePolicy (ACK Pro) schedules the Service's pods on the ECS node
// pool first and on ECI only when the pool is full; at most 4 pods use ECS here. Bursting pods run as
// spot ECI and start from an image cache built in the cluster's network.
import { KnativeEciPlatform } from "../../sdk";

const platform = new KnativeEciPlatform("burst", {
    cluster: { apiServerPublic: true, deletionProtection: false },
    namespaces: [{ namespaceName: "shop" }],
    services: [
        {
            serviceName: "checkout",
            namespace: "shop",
            placement: "ecs-first",
            ecsFirst: { strategy: "resource-policy", ecsMaxPods: 4 },
            image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
            env: { TARGET: "checkout" },
            resources: { requests: { cpu: "1", memory: "2Gi" } },
            eciSpecs: ["2-4Gi"],
            spot: { strategy: "SpotAsPriceGo" },
            imageCache: { mode: "create", retentionDays: 30 },
            scaling: { minScale: 1, maxScale: 20, target: 50 },
        },
    ],
});

export const serviceUrls = platform.serviceUrls;
