// Placement "ecs": required node affinity on resource-role=ecs and no toleration of the virtual
// node, so the pods never run on ECI (for steady base load on nodes you already pay for).
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService } from "../../sdk";

const config = new pulumi.Config();
// The cluster id as identifier: a refreshed kubeconfig updates the provider instead of replacing it.
const provider = new KubernetesProvider("cluster", {
    kubeconfig: config.requireSecret("kubeconfig"),
    clusterIdentifier: config.require("clusterId"),
});

const api = new KnativeService(
    "steady-api",
    {
        placement: "ecs",
        image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
        env: { TARGET: "ECS" },
        resources: { requests: { cpu: "250m", memory: "256Mi" } },
        scaling: { minScale: 1, maxScale: 3 },
    },
    { provider },
);

export const url = api.url;
