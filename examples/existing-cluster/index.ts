// Adopting an existing cluster by id: the kubeconfig comes from ACK and the named ECS nodes are
// labeled resource-role=ecs. The cluster and, by default, its add-ons stay unmanaged: destroying this
// stack removes only the labels, namespaces and Services it created. Set install: true to have this
// stack install (and own) Knative or the virtual node.
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform } from "../../sdk";

const config = new pulumi.Config();
const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";

const platform = new KnativeEciPlatform("existing", {
    cluster: {
        existingClusterId: config.require("clusterId"),
        ecsNodeNames: config.getObject<string[]>("ecsNodes") ?? [],
    },
    knative: { install: config.getBoolean("installKnative") ?? false },
    virtualNode: { install: config.getBoolean("installVirtualNode") ?? false },
    // Without listed nodes, say the nodes are labeled elsewhere (e.g. by a node pool's labels).
    ecsNodesLabeled: (config.getObject<string[]>("ecsNodes") ?? []).length === 0,
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
export const serviceUrls = platform.serviceUrls;
