// Placement "eci-namespace": the namespace label virtual-node-affinity-injection=enabled (the guide's
// `kubectl label namespace vk …`) makes ACK inject the virtual-node affinity and toleration.
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { EciNamespace, KnativeService } from "../../sdk";

const config = new pulumi.Config();
// The cluster id as identifier: a refreshed kubeconfig updates the provider instead of replacing it.
const provider = new KubernetesProvider("cluster", {
    kubeconfig: config.requireSecret("kubeconfig"),
    clusterIdentifier: config.require("clusterId"),
});

const vk = new EciNamespace("vk", { eciInjection: true }, { provider });

const hello = new KnativeService(
    "helloworld-go",
    {
        namespace: vk.namespaceName,
        placement: "eci-namespace",
        image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
        env: { TARGET: "Knative" },
        eciSpecs: ["2-4Gi"],
    },
    // The label must be in place before the first pod is admitted.
    { provider, dependsOn: vk.ready },
);

export const url = hello.url;
