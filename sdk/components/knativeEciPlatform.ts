import * as pulumi from "@pulumi/pulumi";
import { InputError, reportAll, resourceLabel } from "../render/core/errors";
import { childOptions, dependsOnList, providerPackages, rejectIgnoreChanges } from "./core/childOptions";
import { mayRunOnEci, mayRunOnEcs } from "../render/core/placement";
import { checkKnativeEciPlatformArgs } from "../render/platform/platformChecks";
import type { KnativeEciPlatformArgs } from "../render/platform/knativeEciPlatformArgs";
import { platformFacts } from "../render/platform/platformFacts";
import { platformPartArgs } from "../render/platform/platformParts";
import { AckCluster } from "./ackCluster";
import { EciNamespace } from "./eciNamespace";
import { KnativeService } from "./knativeService";
import { KnativeServing } from "./knativeServing";
import { VirtualNode } from "./virtualNode";

export type { KnativeEciPlatformArgs, PlatformKnativeArgs, PlatformVirtualNodeArgs } from "../render/platform/knativeEciPlatformArgs";

/** The platform's parts. Kept out of public fields (getters below): the component analyzer cannot type them. */
interface PlatformParts {
    cluster: AckCluster;
    virtualNode?: VirtualNode;
    knative?: KnativeServing;
    namespaces: { [namespaceName: string]: EciNamespace };
    services: { [serviceName: string]: KnativeService };
}
const partsOf = new WeakMap<KnativeEciPlatform, PlatformParts>();

/**
 * The whole "Using ECI in Knative" guide as one component: an ACK cluster (new or adopted), the ECI
 * virtual node, Knative Serving, labeled namespaces and Knative Services in any placement, wired with
 * only the dependencies each needs.
 */
export class KnativeEciPlatform extends pulumi.ComponentResource {
    /** The ACK cluster id (undefined for a cluster adopted by kubeconfig alone). */
    readonly clusterId: pulumi.Output<string | undefined>;
    /** The cluster's kubeconfig (secret). */
    readonly kubeconfig: pulumi.Output<string>;
    /** serviceName → URL of every Knative Service. */
    readonly serviceUrls: pulumi.Output<{ [serviceName: string]: string }>;

    /** The Kubernetes provider for the cluster; use it for further objects (TypeScript). */
    get provider(): AckCluster["provider"] {
        return this.parts.cluster.provider;
    }
    /** The cluster component. */
    get cluster(): AckCluster {
        return this.parts.cluster;
    }
    /** The virtual node component, when installed. */
    get virtualNode(): VirtualNode | undefined {
        return this.parts.virtualNode;
    }
    /** The Knative Serving component: the install, or (for the cluster's own Knative) its `config-features` flags. */
    get knative(): KnativeServing | undefined {
        return this.parts.knative;
    }
    /** Namespaces by name. */
    get namespaces(): { [namespaceName: string]: EciNamespace } {
        return this.parts.namespaces;
    }
    /** Knative Services by serviceName. */
    get services(): { [serviceName: string]: KnativeService } {
        return this.parts.services;
    }
    private get parts(): PlatformParts {
        return partsOf.get(this) as PlatformParts;
    }

    constructor(name: string, args: KnativeEciPlatformArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Validate everything before registering anything, every problem at once: the shape of every part's
        // arguments, each part's own checks (reported under the platform's field names), how the parts fit together.
        const label = resourceLabel("KnativeEciPlatform", name);
        const why = "it is made of many objects; pass ignoreChanges to a KnativeService or EciNamespace you declare yourself";
        reportAll([
            () => checkKnativeEciPlatformArgs(name, args),
            () => rejectIgnoreChanges(label, opts, why),
            () => rejectKubernetesProvider(label, opts),
        ]);
        const facts = platformFacts(name, args);
        super("ack-knative-eci:index:KnativeEciPlatform", name, {}, opts);

        // retainOnDelete, customTimeouts, deletedWith and dependsOn reach every part, and through it each resource.
        const external = dependsOnList(opts);
        const cluster = new AckCluster(`${name}-cluster`, args.cluster ?? {}, childOptions(this, opts, { dependsOn: external }));
        const parts: PlatformParts = { cluster, namespaces: {}, services: {} };
        partsOf.set(this, parts);
        this.clusterId = cluster.clusterId;
        this.kubeconfig = cluster.kubeconfig;
        const partArgs = platformPartArgs(args, facts, {
            clusterId: cluster.clusterId.apply((id) => id ?? ""),
            podVswitchIds: cluster.podVswitchIds.apply((ids) => ids ?? []),
            firstVswitchId: cluster.vswitchIds.apply((ids) => ids?.[0] ?? ""),
            securityGroupId: cluster.securityGroupId.apply((id) => id ?? ""),
            applied: (value, f) => pulumi.output(value).apply(f),
        });
        const k8sOpts = childOptions(this, opts, { provider: cluster.provider, dependsOn: external });
        // Add-ons and Knative's control plane need nodes to run on.
        const afterNodes = childOptions(this, opts, { providers: [cluster.provider], dependsOn: [...external, ...cluster.ecsNodesReady] });

        if (partArgs.virtualNode) parts.virtualNode = new VirtualNode(`${name}-virtual-node`, partArgs.virtualNode, afterNodes);
        // The cluster's own Knative (not installed) needs no nodes: only its config-features flags are patched.
        const knativeOpts = facts.installsKnative
            ? afterNodes
            : childOptions(this, opts, { providers: [cluster.provider], dependsOn: external });
        parts.knative = new KnativeServing(`${name}-knative`, partArgs.knative, knativeOpts);

        for (const { namespaceName, args: ns } of partArgs.namespaces) {
            parts.namespaces[namespaceName] = new EciNamespace(`${name}-ns-${namespaceName}`, ns, k8sOpts);
        }
        for (const { serviceName, namespace, args: svc } of partArgs.services) {
            const dependsOn: pulumi.Resource[] = [
                ...(parts.knative?.ready ?? []),
                ...(parts.namespaces[namespace]?.ready ?? []),
                ...(mayRunOnEci(svc.placement) ? (parts.virtualNode?.ready ?? []) : []),
                ...(mayRunOnEcs(svc.placement) ? cluster.ecsNodesReady : []),
            ];
            parts.services[serviceName] = new KnativeService(
                `${name}-${serviceName}`,
                svc,
                childOptions(this, opts, { provider: cluster.provider, dependsOn: [...external, ...dependsOn] }),
            );
        }

        this.serviceUrls = pulumi
            .all(Object.entries(parts.services).map(([svcName, s]) => s.url.apply((url) => [svcName, url] as const)))
            .apply((pairs) => Object.fromEntries(pairs));
        this.registerOutputs({ clusterId: this.clusterId, kubeconfig: this.kubeconfig, serviceUrls: this.serviceUrls });
    }
}

/** The platform makes the cluster's Kubernetes provider itself (from cluster); another one would be overridden. */
function rejectKubernetesProvider(label: string, opts: pulumi.ComponentResourceOptions | undefined): void {
    if (!providerPackages(opts).includes("kubernetes")) return;
    throw new InputError(
        label,
        "opts.provider",
        "a Kubernetes provider",
        "expected no Kubernetes provider: the platform builds its own from cluster (existingKubeconfig, or the cluster it creates or adopts); pass an Alibaba Cloud provider here if you need one",
        { shown: "(a Kubernetes provider)" },
    );
}
