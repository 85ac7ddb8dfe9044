// A generated program for `npm run bench`: the guide's platform with `services` Knative Services (config,
// default 10), cycling through every placement mode, in an unlabeled and an ECI-injected namespace.
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform } from "../sdk";
import type { KnativeServiceArgs } from "../sdk/render/knativeService/knativeServiceArgs";

const count = new pulumi.Config().getNumber("services") ?? 10;
const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";

function service(i: number): KnativeServiceArgs {
    const serviceName = `svc-${String(i).padStart(4, "0")}`;
    const env = { TARGET: serviceName };
    switch (i % 5) {
        case 0:
            return { serviceName, namespace: "bench", placement: "eci", image, env, eciSpecs: ["2-4Gi"] };
        case 1:
            return { serviceName, namespace: "bench-injected", placement: "eci-namespace", image, env, eciSpecs: ["2-4Gi"] };
        case 2:
            return { serviceName, namespace: "bench", placement: "ecs-and-eci", image, env, eciSpecs: ["2-4Gi"], containerConcurrency: 10 };
        case 3:
            return {
                serviceName,
                namespace: "bench",
                placement: "ecs-first",
                ecsFirst: { ecsMaxPods: 4 },
                image,
                env,
                scaling: { minScale: 1 },
            };
        default:
            return { serviceName, namespace: "bench", placement: "ecs", image, env };
    }
}

const platform = new KnativeEciPlatform("bench", {
    cluster: { clusterName: "bench", apiServerPublic: true, deletionProtection: false },
    namespaces: [{ namespaceName: "bench" }, { namespaceName: "bench-injected", eciInjection: true }],
    services: Array.from({ length: count }, (_, i) => service(i)),
});

export const serviceUrls = platform.serviceUrls;
