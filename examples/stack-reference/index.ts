// A team's own stack: it reads the platform stack's secret kubeconfig through a StackReference and
// deploys a KnativeService with it; the platform stack keeps owning cluster, Knative and virtual node.
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService } from "../../sdk";

const config = new pulumi.Config();
const platform = new pulumi.StackReference("platform", { name: config.require("platformStack") });

const provider = new KubernetesProvider("platform-cluster", {
    kubeconfig: platform.requireOutput("kubeconfig") as pulumi.Output<string>,
    // The cluster id keeps the provider (and the Service) stable when the kubeconfig is refreshed.
    clusterIdentifier: platform.requireOutput("clusterId") as pulumi.Output<string>,
});

const reports = new KnativeService(
    "reports",
    {
        namespace: "vk",
        placement: "eci",
        image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
        env: { TARGET: "reports" },
        eciSpecs: ["1-2Gi", "2-4Gi"],
        scaling: { minScale: 0, maxScale: 5, target: 20 },
    },
    { provider },
);

export const url = reports.url;
