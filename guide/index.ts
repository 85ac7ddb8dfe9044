// The guide ("Using ECI in Knative") as one stack: cluster, Knative, virtual node, namespaces and the
// helloworld-go Service in each of the guide's placement modes.
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform } from "../sdk";

const config = new pulumi.Config();
const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
const eciSpecs = config.getObject<string[]>("eciSpecs") ?? ["2-4Gi"];

const platform = new KnativeEciPlatform("guide", {
    cluster: {
        // One cluster per stack: dev and prod stacks in one account get distinct ACK cluster names.
        clusterName: `ack-knative-eci-${pulumi.getStack()}`,
        apiServerPublic: config.getBoolean("apiServerPublic") ?? true,
        deletionProtection: config.getBoolean("deletionProtection") ?? false,
        nodePool: {
            instanceTypes: config.getObject<string[]>("nodeInstanceTypes"),
            desiredSize: config.getNumber("nodeCount") ?? 3,
        },
    },
    namespaces: [
        // 方式一 without a namespace label: the Service carries affinity and toleration itself.
        { namespaceName: "vk" },
        // 方式一 with `kubectl label namespace … virtual-node-affinity-injection=enabled`.
        { namespaceName: "vk-injected", eciInjection: true },
    ],
    services: [
        { serviceName: "helloworld-go", namespace: "vk", placement: "eci", image, env: { TARGET: "Knative" }, eciSpecs },
        {
            serviceName: "helloworld-go-injected",
            namespace: "vk-injected",
            placement: "eci-namespace",
            image,
            env: { TARGET: "Knative" },
            eciSpecs,
        },
        // 方式二: ECS nodes labeled resource-role=ecs, or ECI.
        {
            serviceName: "helloworld-go-mixed",
            namespace: "vk",
            placement: "ecs-and-eci",
            image,
            env: { TARGET: "Knative" },
            eciSpecs,
            containerConcurrency: 10,
        },
    ],
});

export const clusterId = platform.clusterId;
export const kubeconfig = platform.kubeconfig;
export const serviceUrls = platform.serviceUrls;
