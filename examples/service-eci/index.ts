// Placement "eci": the Service itself carries the virtual-node affinity and toleration, so its pods
// run on ECI in any namespace. Needs Knative and ack-virtual-node on the cluster.
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { EciNamespace, KnativeService } from "../../sdk";

const config = new pulumi.Config();
// The cluster id as identifier: a refreshed kubeconfig updates the provider instead of replacing it.
const provider = new KubernetesProvider("cluster", {
    kubeconfig: config.requireSecret("kubeconfig"),
    clusterIdentifier: config.require("clusterId"),
});

const vk = new EciNamespace("vk", {}, { provider });

const hello = new KnativeService(
    "helloworld-go",
    {
        namespace: vk.namespaceName,
        placement: "eci",
        image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
        env: { TARGET: "Knative" },
        eciSpecs: ["2-4Gi"],
    },
    { provider },
);

export const url = hello.url;
