// Placement "ecs-and-eci": required node affinity with two ORed terms, resource-role=ecs or
// type=virtual-kubelet, so the scheduler may use the labeled ECS nodes or ECI.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { EciNamespace, KnativeService } from "../../sdk";

const config = new pulumi.Config();
// The cluster id as identifier: a refreshed kubeconfig updates the provider instead of replacing it.
const provider = new KubernetesProvider("cluster", {
    kubeconfig: config.requireSecret("kubeconfig"),
    clusterIdentifier: config.require("clusterId"),
});

// The guide labels the ECS nodes by hand (kubectl label node <node> resource-role=ecs); do it as code.
const labels = (config.getObject<string[]>("ecsNodes") ?? []).map(
    (node) => new corev1.NodePatch(`ecs-label-${node}`, { metadata: { name: node, labels: { "resource-role": "ecs" } } }, { provider }),
);

const vk = new EciNamespace("vk", {}, { provider });

const hello = new KnativeService(
    "helloworld-go",
    {
        namespace: vk.namespaceName,
        placement: "ecs-and-eci",
        image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
        env: { TARGET: "Knative" },
        eciSpecs: ["2-4Gi"],
        containerConcurrency: 10,
    },
    { provider, dependsOn: labels },
);

export const url = hello.url;
