// The Kubernetes half of the guide, as the engine tests deploy it on the local control plane: a cluster adopted by
// kubeconfig whose two ECS nodes the stack labels resource-role=ecs, the cluster's own ack-virtual-node configured
// through eci-profile, the cluster's own Knative with its config-features flags ensured, a created namespace and an
// adopted one, a Knative Service in every placement mode, and one with a sidecar and probes (which must not
// change where its pods may run). No Alibaba Cloud resource or call is declared.
// The engine tests run it inline (Automation API); the offline plan runs its compiled form.
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform } from "../../../sdk";

const ECS_NODES = ["cn-hangzhou.ecs-node-1", "cn-hangzhou.ecs-node-2"];
export const DEFAULT_IMAGE = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
export const SIDECAR_IMAGE = "docker.io/otel/opentelemetry-collector-contrib:0.111.0";
/** Replicas of the ecs-and-eci Services: enough for the scheduler to use both kinds of node. */
export const MIXED_REPLICAS = 6;

/** `kubeconfig`: from another resource of the same program; by default the stack's `kubeconfig` secret. */
export default function kubernetesHalf(kubeconfig?: pulumi.Input<string>): {
    serviceUrls: pulumi.Output<{ [serviceName: string]: string }>;
} {
    const config = new pulumi.Config();
    const image = config.get("image") ?? DEFAULT_IMAGE;
    const env = { TARGET: "Knative" };
    const platform = new KnativeEciPlatform("engine", {
        cluster: { existingKubeconfig: kubeconfig ?? config.requireSecret("kubeconfig"), ecsNodeNames: ECS_NODES },
        virtualNode: { vSwitchIds: ["vsw-bp1enginetests0000001", "vsw-bp1enginetests0000002"], securityGroupId: "sg-bp1enginetests000000" },
        namespaces: [
            { namespaceName: "vk" },
            { namespaceName: "vk-injected", eciInjection: true },
            // Created before the stack, with labels of its own: the stack adds one and removes only that one.
            { namespaceName: "team-existing", existing: true, labels: { "ack-knative-eci/adopted": "true" } },
        ],
        services: [
            { serviceName: "helloworld-go", namespace: "vk", placement: "eci", image, env, eciSpecs: ["2-4Gi"], scaling: { minScale: 2 } },
            {
                serviceName: "helloworld-go-injected",
                namespace: "vk-injected",
                placement: "eci-namespace",
                image,
                env,
                eciSpecs: ["2-4Gi"],
            },
            {
                serviceName: "helloworld-go-mixed",
                namespace: "vk",
                placement: "ecs-and-eci",
                image: config.get("mixedImage") ?? image,
                env,
                containerConcurrency: 10,
                scaling: { minScale: MIXED_REPLICAS },
            },
            {
                serviceName: "helloworld-go-sidecar",
                namespace: "vk",
                placement: "ecs-and-eci",
                image,
                env,
                readinessProbe: { httpGet: { path: "/" }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: {}, periodSeconds: 15 },
                // No requests, like the plain ecs-and-eci Service: the scheduler's scoring then spreads both alike.
                sidecars: [{ name: "otel-collector", image: SIDECAR_IMAGE }],
                scaling: { minScale: MIXED_REPLICAS },
            },
            { serviceName: "helloworld-go-ecs", namespace: "team-existing", placement: "ecs", image, env, scaling: { minScale: 2 } },
            {
                serviceName: "helloworld-go-first",
                namespace: "vk",
                placement: "ecs-first",
                ecsFirst: { strategy: "preferred-affinity" },
                image,
                env,
                scaling: { minScale: 2 },
            },
        ],
    });
    return { serviceUrls: platform.serviceUrls };
}
