// Small programs for the day-2 engine tests (tests/engine/day2/day2.engine.ts), each on its own namespace so that no
// test sees another's objects. The guide's Kubernetes half itself is kubernetesHalf.ts.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform, KnativeService } from "../../../../sdk";
import { DEFAULT_IMAGE } from "../../programs/kubernetesHalf";
import kubernetesHalf from "../../programs/kubernetesHalf";

export const KSVC_TYPE = "kubernetes:serving.knative.dev/v1:Service";
export const TRANSFORM_LABEL = { key: "day2.ack-knative-eci/transformed", value: "true" };

function provider(name: string): KubernetesProvider {
    return new KubernetesProvider(name, { kubeconfig: new pulumi.Config().requireSecret("kubeconfig") });
}

/**
 * A Service placed on ECS nodes by a label no node carries: the scheduler admits its pods nowhere, so Knative
 * reports the revision failed.
 */
export function unschedulable(): void {
    new KnativeService(
        "unschedulable",
        {
            serviceName: "day2-unschedulable",
            namespace: "default",
            placement: "ecs",
            ecsNodeLabel: { key: "day2.ack-knative-eci/pool", value: "none" },
            image: DEFAULT_IMAGE,
            readyTimeoutSeconds: 120,
        },
        { provider: provider("k8s") },
    );
}

/** A Service whose pods are never created (the test puts a `pods: 0` quota on its namespace), awaited for `create`. */
export function quotaBlocked(namespace: string, create: string): void {
    new KnativeService(
        "blocked",
        { serviceName: "day2-blocked", namespace, placement: "eci", image: DEFAULT_IMAGE },
        { provider: provider("k8s"), customTimeouts: { create } },
    );
}

/**
 * One Service with the options a user hands a component: `providers` (a map), `dependsOn`, `transforms`,
 * `ignoreChanges` and `retainOnDelete`.
 */
export function withOptions(): { providerUrn: pulumi.Output<string> } {
    const config = new pulumi.Config();
    const k8s = provider("k8s");
    const gate = new corev1.ConfigMap(
        "gate",
        { metadata: { name: "day2-gate", namespace: "default" }, data: { open: "yes" } },
        { provider: k8s },
    );
    new KnativeService(
        "options",
        { serviceName: "day2-options", namespace: "default", placement: "eci", image: config.get("image") ?? DEFAULT_IMAGE },
        {
            providers: { kubernetes: k8s },
            dependsOn: [gate],
            retainOnDelete: true,
            ignoreChanges: ["spec.template.spec.containers[0].image"],
            transforms: [
                (args) => {
                    if (args.type !== KSVC_TYPE) return undefined;
                    const metadata = (args.props.metadata ?? {}) as { labels?: Record<string, string> };
                    const labels = { ...(metadata.labels ?? {}), [TRANSFORM_LABEL.key]: TRANSFORM_LABEL.value };
                    return { props: { ...args.props, metadata: { ...metadata, labels } }, opts: args.opts };
                },
            ],
        },
    );
    return { providerUrn: k8s.urn };
}

/** A platform on the adopted cluster, protected unless the stack's `protect` config says false. */
export function protectedPlatform(): void {
    const config = new pulumi.Config();
    new KnativeEciPlatform(
        "protected",
        {
            cluster: { existingKubeconfig: config.requireSecret("kubeconfig") },
            namespaces: [{ namespaceName: "day2-protected" }],
            services: [{ serviceName: "day2-protected", namespace: "day2-protected", placement: "eci", image: DEFAULT_IMAGE }],
        },
        { protect: config.getBoolean("protect") ?? true },
    );
}

/**
 * The guide's Kubernetes half on a cluster the same run "creates": its kubeconfig is an output of another resource
 * (here a namespace created first, standing in for the cluster resource, whose status is unknown until it exists), so
 * at the first preview the platform's Kubernetes provider has no kubeconfig yet.
 */
export function clusterFromSameRun(): void {
    const bootstrap = provider("bootstrap");
    const cluster = new corev1.Namespace("cluster", { metadata: { name: "day2-new-cluster" } }, { provider: bootstrap });
    const kubeconfig = pulumi.all([cluster.status, new pulumi.Config().requireSecret("kubeconfig")]).apply(([, k]) => k);
    kubernetesHalf(pulumi.secret(kubeconfig));
}
