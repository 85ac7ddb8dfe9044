import * as pulumi from "@pulumi/pulumi";
import { AckClusterMode, DEFAULT_CLUSTER_SPEC, planAckCluster, planInputOf, resolveAckClusterShape } from "../render/cluster/ackCluster";
import { guaranteedNodeCount } from "../render/cluster/ackNodePool";
import { Checker, InputError, resourceLabel } from "../render/core/errors";
import { kubeconfigServer } from "../render/cluster/kubeconfig";
import { checkGivenId, EIP_ID, RESOURCE_GROUP_ID } from "../render/core/names";
import { planKnativeService } from "../render/knativeService/knativeService";
import {
    renderAckKnative,
    renderExistingKnative,
    renderUpstreamKnative,
    resolveKnativeSource,
} from "../render/knativeServing/knativeServing";
import { renderEciNamespace } from "../render/eciNamespace/eciNamespace";
import { checkArguments } from "../render/core/shape";
import { renderVirtualNode } from "../render/virtualNode/virtualNode";
import { DEFAULT_ECS_NODE_LABEL, mayRunOnEci, mayRunOnEcs, type NodeLabel } from "../render/core/placement";
import { requiredKnativeFeatures } from "../render/knativeService/knativeFeatures";
import { checkPlatform, type PlatformFacts } from "../render/platform/knativeEciPlatform";
import type { AckClusterArgs } from "../render/cluster/ackClusterArgs";
import type { KnativeServiceArgs } from "../render/knativeService/knativeServiceArgs";
import { KNATIVE_ECI_PLATFORM_ARGS, type KnativeEciPlatformArgs } from "../render/platform/knativeEciPlatformArgs";
import { AckCluster } from "./ackCluster";
import { EciNamespace } from "./eciNamespace";
import { KnativeService } from "./knativeService";
import { KnativeServing, KnativeSource } from "./knativeServing";
import { VirtualNode } from "./virtualNode";
import { containsEventuals } from "./whenKnown";

export type { KnativeEciPlatformArgs, PlatformKnativeArgs, PlatformVirtualNodeArgs } from "../render/platform/knativeEciPlatformArgs";

/** A plain string from an Input that names resources, or an InputError saying it must be plain. */
function plainName(c: Checker, field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    c.check(
        typeof value === "string",
        field,
        value,
        "expected a plain string: it names the platform's resources, which must be known at preview",
    );
    return value as string;
}

/** A value with no Outputs inside, else `fallback` (Outputs are checked by the part that uses them). */
function plainOr<T>(value: pulumi.Input<T> | undefined, fallback: T): T {
    return value === undefined || containsEventuals(value) ? fallback : (value as T);
}

/** A plain array's plain elements (Outputs inside are skipped: they are checked by the part that uses them). */
function plainList<T>(value: pulumi.Input<pulumi.Input<T>[]> | undefined): T[] {
    if (!Array.isArray(value)) return [];
    return value.filter((v) => !pulumi.Output.isInstance(v) && !(v instanceof Promise)) as T[];
}

/** `{ [key]: value }` for a plain string, else nothing (an Output is checked by the part that uses it). */
function plainString<K extends string>(key: K, value: unknown): { [k in K]?: string } {
    return typeof value === "string" ? ({ [key]: value } as { [k in K]?: string }) : {};
}

/** The ECS nodes a created cluster's node pool always has, when its sizes are plain values. */
function createdEcsNodes(createNodePool: boolean, pool: AckClusterArgs["nodePool"]): PlatformFacts["ecsNodes"] {
    if (!createNodePool) return { count: 0, field: "createNodePool" };
    const sizes = { autoscaling: pool?.autoscaling, desiredSize: pool?.desiredSize, minSize: pool?.minSize, maxSize: pool?.maxSize };
    if (containsEventuals(sizes)) return undefined;
    return guaranteedNodeCount(sizes as { autoscaling?: boolean; desiredSize?: number; minSize?: number; maxSize?: number });
}

/** Collects the plain facts the cross-checks need, from args alone (before anything is registered). */
function platformFacts(name: string, args: KnativeEciPlatformArgs): PlatformFacts {
    const c = new Checker(resourceLabel("KnativeEciPlatform", name));
    let shape!: ReturnType<typeof resolveAckClusterShape>;
    asPlatformField(resourceLabel("KnativeEciPlatform", name), "cluster.", () => {
        shape = resolveAckClusterShape(`${name}-cluster`, planInputOf(args.cluster ?? {}));
    });
    const created = shape.mode === AckClusterMode.Create;
    const clusterSpec = args.cluster?.clusterSpec;
    const virtualNodeEnabled = args.virtualNode?.enabled !== false;
    const knative = args.knative ?? {};
    const installsKnative = knative.install ?? created;
    const upstream = knative.source === "upstream";
    // Adopted clusters keep their own add-ons unless told otherwise: destroy would remove them for everyone.
    const installsVirtualNode = virtualNodeEnabled && (args.virtualNode?.install ?? created);
    return {
        adoptedByKubeconfig: shape.mode === AckClusterMode.AdoptByKubeconfig,
        installsVirtualNode,
        installsKnative,
        installsAckKnative: installsKnative && !upstream,
        pinsKnativeToEcs: installsKnative && upstream && knative.pinControlPlaneToEcs !== false,
        knativeFeatures: plainOr<Record<string, unknown>>(knative.features, {}),
        virtualNodeEnabled,
        ecsNodeLabel: plainOr<NodeLabel>(args.cluster?.ecsNodeLabel, DEFAULT_ECS_NODE_LABEL),
        declaresEcsNodes: shape.createNodePool || (args.cluster?.ecsNodeNames?.length ?? 0) > 0 || args.ecsNodesLabeled === true,
        clusterSpec: created ? (typeof clusterSpec === "string" ? clusterSpec : DEFAULT_CLUSTER_SPEC) : undefined,
        ...plainString("kubernetesVersion", created ? args.cluster?.kubernetesVersion : undefined),
        ...(created ? { ecsNodes: createdEcsNodes(shape.createNodePool, args.cluster?.nodePool) } : {}),
        ...plainString("virtualNodeVersion", installsVirtualNode ? args.virtualNode?.version : undefined),
        namespaces: (args.namespaces ?? []).map((ns, i) => ({
            namespaceName: plainName(c, `namespaces[${i}].namespaceName`, ns.namespaceName),
            eciInjection: ns.eciInjection === true,
            eciLabel: ns.eciLabel === true,
        })),
        services: (args.services ?? []).map((svc, i) => ({
            serviceName: plainName(c, `services[${i}].serviceName`, svc.serviceName),
            namespace: plainName(c, `services[${i}].namespace`, svc.namespace),
            placement: svc.placement,
            ecsNodeLabel: plainOr<NodeLabel | undefined>(svc.ecsNodeLabel, undefined),
            ecsFirst: svc.ecsFirst,
            requiredFeatures: requiredKnativeFeatures({ hostNetwork: svc.hostNetwork === true, volumes: plainList(svc.volumes) }),
            imageCacheNeedsClusterNetwork:
                svc.imageCache?.mode === "create" && (!svc.imageCache.vswitchId || !svc.imageCache.securityGroupId),
        })),
    };
}

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
        // Validate everything before registering anything: the shape of every part's arguments, each
        // part's own checks (reported under the platform's field names), then how the parts fit together.
        checkArguments(resourceLabel("KnativeEciPlatform", name), KNATIVE_ECI_PLATFORM_ARGS, args);
        const facts = platformFacts(name, args);
        validateParts(name, args, facts);
        checkPlatform(name, facts);
        super("ack-knative-eci:index:KnativeEciPlatform", name, {}, opts);

        const cluster = new AckCluster(`${name}-cluster`, args.cluster ?? {}, { parent: this });
        const parts: PlatformParts = { cluster, namespaces: {}, services: {} };
        partsOf.set(this, parts);
        this.clusterId = cluster.clusterId;
        this.kubeconfig = cluster.kubeconfig;
        const created = cluster.mode === AckClusterMode.Create;
        const clusterId = cluster.clusterId.apply((id) => id ?? "");
        const k8sOpts = { parent: this, provider: cluster.provider };
        // Add-ons and Knative's control plane need nodes to run on.
        const afterNodes = { parent: this, providers: [cluster.provider], dependsOn: cluster.ecsNodesReady };

        const vn = args.virtualNode ?? {};
        const network = created && vn.useClusterNetwork !== false;
        const vSwitchIds = vn.vSwitchIds ?? (network ? cluster.podVswitchIds.apply((ids) => ids ?? []) : undefined);
        const securityGroupId = vn.securityGroupId ?? (network ? cluster.securityGroupId.apply((id) => id ?? "") : undefined);
        // The cluster's own add-on is still configured through eci-profile when ECI settings are given.
        const adoptsVirtualNode = facts.virtualNodeEnabled && !facts.installsVirtualNode && (vSwitchIds ?? securityGroupId) !== undefined;
        if (facts.installsVirtualNode || adoptsVirtualNode) {
            parts.virtualNode = new VirtualNode(
                `${name}-virtual-node`,
                facts.installsVirtualNode
                    ? {
                          clusterId,
                          version: vn.version,
                          config: vn.config,
                          cleanupCloudResources: vn.cleanupCloudResources,
                          vSwitchIds,
                          securityGroupId,
                      }
                    : { install: false, vSwitchIds, securityGroupId },
                afterNodes,
            );
        }

        const { install: _install, ...knativeArgs } = args.knative ?? {};
        const needed = neededFeatures(facts);
        const features = pulumi.output(knativeArgs.features ?? {}).apply((own) => ({ ...needed, ...own }));
        if (facts.installsKnative) {
            const upstream = knativeArgs.source === "upstream";
            parts.knative = new KnativeServing(
                `${name}-knative`,
                // Upstream Knative pins its control plane to the platform's ECS nodes.
                upstream ? { ecsNodeLabel: args.cluster?.ecsNodeLabel, ...knativeArgs, features } : { ...knativeArgs, features, clusterId },
                afterNodes,
            );
        } else {
            // The cluster's own Knative: its config-features flags must still admit the placements' pod fields.
            parts.knative = new KnativeServing(
                `${name}-knative`,
                { ...knativeArgs, source: KnativeSource.Existing, features },
                { parent: this, providers: [cluster.provider] },
            );
        }

        (args.namespaces ?? []).forEach((ns, i) => {
            const nsName = facts.namespaces[i].namespaceName as string;
            parts.namespaces[nsName] = new EciNamespace(`${name}-ns-${nsName}`, { ...ns, namespaceName: nsName }, k8sOpts);
        });

        (args.services ?? []).forEach((svc, i) => {
            const serviceName = facts.services[i].serviceName as string;
            const namespace = parts.namespaces[facts.services[i].namespace ?? "default"];
            const dependsOn: pulumi.Resource[] = [
                ...(parts.knative?.ready ?? []),
                ...(namespace?.ready ?? []),
                ...(mayRunOnEci(svc.placement) ? (parts.virtualNode?.ready ?? []) : []),
                ...(mayRunOnEcs(svc.placement) ? cluster.ecsNodesReady : []),
            ];
            parts.services[serviceName] = new KnativeService(`${name}-${serviceName}`, withClusterNetwork(svc, cluster), {
                ...k8sOpts,
                dependsOn,
            });
        });

        this.serviceUrls = pulumi
            .all(Object.entries(parts.services).map(([svcName, s]) => s.url.apply((url) => [svcName, url] as const)))
            .apply((pairs) => Object.fromEntries(pairs));
        this.registerOutputs({ clusterId: this.clusterId, kubeconfig: this.kubeconfig, serviceUrls: this.serviceUrls });
    }
}

/** An image cache left without a network is built in the cluster's first vSwitch and security group. */
function withClusterNetwork(svc: KnativeServiceArgs, cluster: AckCluster): KnativeServiceArgs {
    const cache = svc.imageCache;
    if (cache?.mode !== "create" || (cache.vswitchId && cache.securityGroupId)) return svc;
    return {
        ...svc,
        imageCache: {
            ...cache,
            vswitchId: cache.vswitchId ?? cluster.vswitchIds.apply((ids) => ids?.[0] ?? ""),
            securityGroupId: cache.securityGroupId ?? cluster.securityGroupId.apply((id) => id ?? ""),
        },
    };
}

/** The `config-features` flags the services' pod specs need; the user's own flags come on top (checked by `checkPlatform`). */
function neededFeatures(facts: PlatformFacts): Record<string, string> {
    return Object.fromEntries(facts.services.flatMap((svc) => svc.requiredFeatures ?? []).map((flag) => [flag, "enabled"]));
}

/** Runs a part's own validation; its error is reported by the platform under the field the user wrote. */
function asPlatformField(platform: string, prefix: string, validate: () => unknown): void {
    try {
        validate();
    } catch (e) {
        throw e instanceof InputError ? e.within(platform, prefix) : e;
    }
}

/**
 * Each part's own checks, run on the arguments the platform will hand it, before anything is
 * registered. Parts holding Outputs are checked by the part itself once they resolve.
 */
function validateParts(name: string, args: KnativeEciPlatformArgs, facts: PlatformFacts): void {
    const label = resourceLabel("KnativeEciPlatform", name);
    // Only parts with no Outputs inside are checked here (hence the casts to their resolved types).
    const plain = (value: unknown): boolean => !containsEventuals(value);
    const clusterInput = planInputOf(args.cluster ?? {});
    if (plain(clusterInput)) asPlatformField(label, "cluster.", () => planAckCluster(`${name}-cluster`, clusterInput as never));
    const group = args.cluster?.resourceGroupId;
    asPlatformField(label, "cluster.", () =>
        checkGivenId(label, "resourceGroupId", group, RESOURCE_GROUP_ID, 'a resource group id such as "rg-acfmzw2jz2z6kiq"'),
    );
    const kubeconfig = args.cluster?.existingKubeconfig;
    if (typeof kubeconfig === "string") kubeconfigServer(label, "cluster.existingKubeconfig", kubeconfig);

    const vn = args.virtualNode ?? {};
    const vnSettings = { version: vn.version, config: vn.config, cleanupCloudResources: vn.cleanupCloudResources };
    if (facts.installsVirtualNode && plain(vnSettings)) {
        asPlatformField(label, "virtualNode.", () => renderVirtualNode(`${name}-virtual-node`, vnSettings as never));
    }

    const { install: _install, clusterId: _clusterId, source, ...knative } = args.knative ?? {};
    asPlatformField(label, "knative.", () => resolveKnativeSource(`${name}-knative`, source));
    if (plain(knative)) {
        const settings = { ...knative, features: { ...neededFeatures(facts), ...knative.features } };
        asPlatformField(label, "knative.", () =>
            // Without install, the cluster's own Knative only gets its config-features flags (source "existing").
            !facts.installsKnative
                ? renderExistingKnative(`${name}-knative`, settings as never)
                : source === "upstream"
                  ? renderUpstreamKnative(`${name}-knative`, {
                        ecsNodeLabel: plainOr(args.cluster?.ecsNodeLabel, undefined),
                        ...settings,
                    } as never)
                  : renderAckKnative(`${name}-knative`, settings as never),
        );
    }

    (args.namespaces ?? []).forEach((ns, i) => {
        const nsName = facts.namespaces[i].namespaceName;
        const { existing, ...settings } = ns;
        if (nsName !== undefined && plain(settings)) {
            asPlatformField(label, `namespaces[${i}].`, () =>
                renderEciNamespace(`${name}-ns-${nsName}`, settings as never, existing === true),
            );
        }
    });

    (args.services ?? []).forEach((svc, i) => {
        const serviceName = facts.services[i].serviceName;
        // The registry passwords never reach the render (see KnativeService); a network the platform
        // fills in from its cluster is not the user's input, so stand-ins take its place here.
        let imageCache: KnativeServiceArgs["imageCache"];
        if (svc.imageCache) {
            const { registryCredentials: _credentials, ...cache } = svc.imageCache;
            imageCache = {
                ...cache,
                vswitchId: cache.vswitchId ?? "vsw-platformcluster",
                securityGroupId: cache.securityGroupId ?? "sg-platformcluster",
            };
        }
        const settings = { ...svc, imageCache } as KnativeServiceArgs;
        const eip = svc.imageCache?.eipInstanceId;
        asPlatformField(label, `services[${i}].`, () =>
            checkGivenId(label, "imageCache.eipInstanceId", eip, EIP_ID, 'an EIP id such as "eip-bp1q5n6cw5wchhp4rv6qk"'),
        );
        if (serviceName !== undefined && plain(settings)) {
            asPlatformField(label, `services[${i}].`, () => planKnativeService(`${name}-${serviceName}`, settings as never));
        }
    });
}
