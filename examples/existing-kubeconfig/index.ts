// Adopting a cluster by its kubeconfig: everything happens through the Kubernetes API, nothing through
// Alibaba Cloud's. The stack labels the named ECS nodes, points the cluster's own ack-virtual-node at
// ECI's vSwitches and security group, creates a namespace and a Service in each ECI placement, and
// exports what a team's stack needs to deploy more (see ../stack-reference).
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform } from "../../sdk";

const config = new pulumi.Config();
const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
const ecsNodes = config.getObject<string[]>("ecsNodes") ?? [];
const vSwitchIds = config.getObject<string[]>("eciVSwitchIds") ?? [];
const securityGroupId = config.get("eciSecurityGroupId") || undefined;

const platform = new KnativeEciPlatform("adopted", {
    cluster: { existingKubeconfig: config.requireSecret("kubeconfig"), ecsNodeNames: ecsNodes },
    virtualNode: vSwitchIds.length > 0 || securityGroupId ? { vSwitchIds, securityGroupId } : undefined,
    // Without listed nodes, the nodes are labeled elsewhere (e.g. by a node pool's labels).
    ecsNodesLabeled: ecsNodes.length === 0,
    namespaces: [{ namespaceName: "vk" }],
    services: [
        { serviceName: "helloworld-go", namespace: "vk", placement: "eci", image, env: { TARGET: "Knative" }, eciSpecs: ["2-4Gi"] },
        {
            serviceName: "helloworld-go-mixed",
            namespace: "vk",
            placement: "ecs-and-eci",
            image,
            env: { TARGET: "Knative" },
            containerConcurrency: 10,
        },
    ],
});

export const kubeconfig = platform.kubeconfig;
// The cluster's id as given: adopted by kubeconfig, the platform itself knows none.
export const clusterId = config.require("clusterId");
export const serviceUrls = platform.serviceUrls;
