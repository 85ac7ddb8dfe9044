import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_CLUSTER_SPEC } from "../cluster/ackManagedCluster";
import { AckClusterMode, planInputOf, resolveAckClusterLayout } from "../cluster/ackClusterLayout";
import type { AckClusterArgs } from "../cluster/ackClusterArgs";
import { guaranteedNodeCount } from "../cluster/ackNodePool";
import { Checker, InputError, resourceLabel } from "../core/errors";
import { containsEventuals, isEventual } from "../core/eventual";
import { DEFAULT_ECS_NODE_LABEL, type NodeLabel } from "../core/placement";
import { requiredKnativeFeatures } from "../knativeService/knativeFeatures";
import type { PlatformFacts } from "./knativeEciPlatform";
import type { KnativeEciPlatformArgs } from "./knativeEciPlatformArgs";

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
export function plainOr<T>(value: pulumi.Input<T> | undefined, fallback: T): T {
    return value === undefined || containsEventuals(value) ? fallback : (value as T);
}

/** A plain array's plain elements (Outputs inside are skipped: they are checked by the part that uses them). */
function plainList<T>(value: pulumi.Input<pulumi.Input<T>[]> | undefined): T[] {
    if (!Array.isArray(value)) return [];
    return value.filter((v) => !isEventual(v)) as T[];
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

/** Runs a part's own validation; its errors (every one it found) are reported by the platform under the fields the user wrote. */
export function asPlatformField<T>(platform: string, prefix: string, validate: () => T): T {
    try {
        return validate();
    } catch (e) {
        throw e instanceof InputError ? e.within(platform, prefix) : e;
    }
}

/**
 * Collects the plain facts the cross-checks need, from args alone (before anything is registered). Throws every
 * problem found on the way (the cluster's layout, names that must be plain): the cross-checks would build on them.
 */
export function platformFacts(name: string, args: KnativeEciPlatformArgs): PlatformFacts {
    const c = new Checker(resourceLabel("KnativeEciPlatform", name));
    return c.collect(() => {
        const layout = c.part(() =>
            asPlatformField(resourceLabel("KnativeEciPlatform", name), "cluster.", () =>
                resolveAckClusterLayout(`${name}-cluster`, planInputOf(args.cluster ?? {})),
            ),
        );
        const named = namedParts(c, args);
        return layout && factsOf(args, layout, named);
    });
}

/** The names of the namespaces and services, and where each service goes, each name checked on its own. */
function namedParts(c: Checker, args: KnativeEciPlatformArgs): Pick<PlatformFacts, "namespaces" | "services"> {
    return {
        namespaces: (args.namespaces ?? []).map((ns, i) => ({
            namespaceName: c.part(() => plainName(c, `namespaces[${i}].namespaceName`, ns.namespaceName)),
            eciInjection: ns.eciInjection === true,
            eciLabel: ns.eciLabel === true,
        })),
        services: (args.services ?? []).map((svc, i) => ({
            serviceName: c.part(() => plainName(c, `services[${i}].serviceName`, svc.serviceName)),
            namespace: c.part(() => plainName(c, `services[${i}].namespace`, svc.namespace)),
            placement: svc.placement,
            ecsNodeLabel: plainOr<NodeLabel | undefined>(svc.ecsNodeLabel, undefined),
            ecsFirst: svc.ecsFirst,
            requiredFeatures: requiredKnativeFeatures({ hostNetwork: svc.hostNetwork === true, volumes: plainList(svc.volumes) }),
            imageCacheNeedsClusterNetwork:
                svc.imageCache?.mode === "create" && (!svc.imageCache.vswitchId || !svc.imageCache.securityGroupId),
        })),
    };
}

/** The facts of arguments whose layout is known. */
function factsOf(
    args: KnativeEciPlatformArgs,
    layout: ReturnType<typeof resolveAckClusterLayout>,
    named: Pick<PlatformFacts, "namespaces" | "services">,
): PlatformFacts {
    const created = layout.mode === AckClusterMode.Create;
    const createsNodePool = layout.mode === AckClusterMode.Create && layout.createNodePool;
    const clusterSpec = args.cluster?.clusterSpec;
    const virtualNodeEnabled = args.virtualNode?.enabled !== false;
    const knative = args.knative ?? {};
    const installsKnative = knative.install ?? created;
    const upstream = knative.source === "upstream";
    // Adopted clusters keep their own add-ons unless told otherwise: destroy would remove them for everyone.
    const installsVirtualNode = virtualNodeEnabled && (args.virtualNode?.install ?? created);
    return {
        created,
        adoptedByKubeconfig: layout.mode === AckClusterMode.AdoptByKubeconfig,
        installsVirtualNode,
        installsKnative,
        installsAckKnative: installsKnative && !upstream,
        pinsKnativeToEcs: installsKnative && upstream && knative.pinControlPlaneToEcs !== false,
        knativeFeatures: plainOr<Record<string, unknown>>(knative.features, {}),
        virtualNodeEnabled,
        ecsNodeLabel: plainOr<NodeLabel>(args.cluster?.ecsNodeLabel, DEFAULT_ECS_NODE_LABEL),
        declaresEcsNodes: createsNodePool || (args.cluster?.ecsNodeNames?.length ?? 0) > 0 || args.ecsNodesLabeled === true,
        clusterSpec: created ? (typeof clusterSpec === "string" ? clusterSpec : DEFAULT_CLUSTER_SPEC) : undefined,
        ...plainString("kubernetesVersion", created ? args.cluster?.kubernetesVersion : undefined),
        ...(created ? { ecsNodes: createdEcsNodes(createsNodePool, args.cluster?.nodePool) } : {}),
        ...plainString("virtualNodeVersion", installsVirtualNode ? args.virtualNode?.version : undefined),
        ...named,
    };
}

/** The `config-features` flags the services' pod specs need; the user's own flags come on top (checked by `checkPlatform`). */
export function neededFeatures(facts: PlatformFacts): Record<string, string> {
    return Object.fromEntries(facts.services.flatMap((svc) => svc.requiredFeatures ?? []).map((flag) => [flag, "enabled"]));
}
