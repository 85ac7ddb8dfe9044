// A consumer's stack: the whole guide from the installed package, as the README shows it.
import { KnativeEciPlatform } from "ack-knative-eci";

const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";

export const platform = new KnativeEciPlatform("guide", {
    namespaces: [{ namespaceName: "vk" }, { namespaceName: "vk-injected", eciInjection: true }],
    services: [
        { serviceName: "helloworld-go", namespace: "vk", placement: "eci", image, env: { TARGET: "Knative" }, eciSpecs: ["2-4Gi"] },
        { serviceName: "hello-injected", namespace: "vk-injected", placement: "eci-namespace", image, eciSpecs: ["2-4Gi"] },
        { serviceName: "hello-mixed", namespace: "vk", placement: "ecs-and-eci", image, containerConcurrency: 10 },
    ],
});

export const kubeconfig = platform.kubeconfig;
export const serviceUrls = platform.serviceUrls;
