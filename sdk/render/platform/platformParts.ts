import type * as pulumi from "@pulumi/pulumi";
import { planAckCluster } from "../cluster/ackCluster";
import type { AckClusterArgs } from "../cluster/ackClusterArgs";
import { planInputOf } from "../cluster/ackClusterLayout";
import { kubeconfigServer } from "../cluster/kubeconfig";
import { Checker, resourceLabel } from "../core/errors";
import { containsEventuals } from "../core/eventual";
import { checkGivenId, EIP_ID, RESOURCE_GROUP_ID } from "../core/names";
import { renderEciNamespace } from "../eciNamespace/eciNamespace";
import type { EciNamespaceArgs } from "../eciNamespace/eciNamespaceArgs";
import { checkRegistryCredentials } from "../knativeService/imageCache";
import { renderKnativeServiceResources, withoutRegistryCredentials } from "../knativeService/knativeService";
import type { KnativeServiceArgs } from "../knativeService/knativeServiceArgs";
import { renderAckKnative, renderExistingKnative, renderUpstreamKnative, resolveKnativeSource } from "../knativeServing/knativeServing";
import { type KnativeServingArgs, KnativeSource } from "../knativeServing/knativeServingArgs";
import { renderVirtualNode } from "../virtualNode/virtualNode";
import type { VirtualNodeArgs } from "../virtualNode/virtualNodeArgs";
import type { PlatformFacts } from "./knativeEciPlatform";
import type { KnativeEciPlatformArgs } from "./knativeEciPlatformArgs";
import { asPlatformField, neededFeatures, plainOr } from "./platformFacts";

/**
 * What the parts take from the platform's cluster. The component passes the cluster's Outputs;
 * validation, before anything is registered, passes stand-ins (`STAND_IN_WIRING`).
 */
export interface PlatformWiring {
    clusterId: pulumi.Input<string>;
    /** The created cluster's pod vSwitches (all zones), for `eci-profile`. */
    podVswitchIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The cluster's first vSwitch, for an image cache given no network. */
    firstVswitchId: pulumi.Input<string>;
    securityGroupId: pulumi.Input<string>;
    /** `f(value)`, after `value` resolves when it is an Output. */
    applied<T, R>(value: pulumi.Input<T>, f: (v: pulumi.Unwrap<T>) => R): pulumi.Input<R>;
}

/** Stand-ins for the cluster's ids: well-formed, so a part's own checks see only what the user wrote. */
export const STAND_IN_WIRING: PlatformWiring = {
    clusterId: "c-platformcluster",
    podVswitchIds: ["vsw-platformcluster"],
    firstVswitchId: "vsw-platformcluster",
    securityGroupId: "sg-platformcluster",
    // An Output stays one: the part holding it is checked by the part itself once it resolves.
    applied: <T, R>(value: pulumi.Input<T>, f: (v: pulumi.Unwrap<T>) => R) =>
        containsEventuals(value) ? (value as pulumi.Input<R>) : f(value as pulumi.Unwrap<T>),
};

/** Each part's arguments, computed once for validation and construction alike. */
export interface PlatformPartArgs {
    cluster: AckClusterArgs;
    /** Undefined when the platform declares no virtual node. */
    virtualNode?: VirtualNodeArgs;
    knative: KnativeServingArgs;
    namespaces: { namespaceName: string; args: EciNamespaceArgs }[];
    services: { serviceName: string; namespace: string; args: KnativeServiceArgs }[];
}

/** The platform's arguments split into its parts' arguments, the cluster's network filled in from `wiring`. */
export function platformPartArgs(args: KnativeEciPlatformArgs, facts: PlatformFacts, wiring: PlatformWiring): PlatformPartArgs {
    return {
        cluster: args.cluster ?? {},
        virtualNode: virtualNodeArgs(args, facts, wiring),
        knative: knativeArgs(args, facts, wiring),
        namespaces: (args.namespaces ?? []).map((ns, i) => {
            const namespaceName = facts.namespaces[i].namespaceName as string;
            return { namespaceName, args: { ...ns, namespaceName } };
        }),
        services: (args.services ?? []).map((svc, i) => ({
            serviceName: facts.services[i].serviceName as string,
            namespace: facts.services[i].namespace ?? "default",
            args: withClusterNetwork(svc, wiring),
        })),
    };
}

function virtualNodeArgs(args: KnativeEciPlatformArgs, facts: PlatformFacts, wiring: PlatformWiring): VirtualNodeArgs | undefined {
    const vn = args.virtualNode ?? {};
    const network = facts.created && vn.useClusterNetwork !== false;
    const vSwitchIds = vn.vSwitchIds ?? (network ? wiring.podVswitchIds : undefined);
    const securityGroupId = vn.securityGroupId ?? (network ? wiring.securityGroupId : undefined);
    if (facts.installsVirtualNode) {
        const { version, config, cleanupCloudResources } = vn;
        return { clusterId: wiring.clusterId, version, config, cleanupCloudResources, vSwitchIds, securityGroupId };
    }
    // The cluster's own add-on is still configured through eci-profile when ECI settings are given.
    const adopts = facts.virtualNodeEnabled && (vSwitchIds ?? securityGroupId) !== undefined;
    return adopts ? { install: false, vSwitchIds, securityGroupId } : undefined;
}

function knativeArgs(args: KnativeEciPlatformArgs, facts: PlatformFacts, wiring: PlatformWiring): KnativeServingArgs {
    const { install: _install, ...knative } = args.knative ?? {};
    const needed = neededFeatures(facts);
    const features = wiring.applied(knative.features ?? {}, (own) => ({ ...needed, ...own }));
    // The cluster's own Knative: its config-features flags must still admit the placements' pod fields.
    if (!facts.installsKnative) return { ...knative, source: KnativeSource.Existing, features };
    // Upstream Knative pins its control plane to the platform's ECS nodes.
    if (!facts.installsAckKnative) return { ecsNodeLabel: args.cluster?.ecsNodeLabel, ...knative, features };
    return { ...knative, features, clusterId: wiring.clusterId };
}

/** An image cache left without a network is built in the cluster's first vSwitch and security group. */
function withClusterNetwork(svc: KnativeServiceArgs, wiring: PlatformWiring): KnativeServiceArgs {
    const cache = svc.imageCache;
    if (cache?.mode !== "create" || (cache.vswitchId && cache.securityGroupId)) return svc;
    return {
        ...svc,
        imageCache: {
            ...cache,
            vswitchId: cache.vswitchId ?? wiring.firstVswitchId,
            securityGroupId: cache.securityGroupId ?? wiring.securityGroupId,
        },
    };
}

/** `value` as its resolved type when it holds no Output; undefined otherwise (the part checks it once it resolves). */
function resolvedNow<T>(value: T): pulumi.Unwrap<T> | undefined {
    return containsEventuals(value) ? undefined : (value as pulumi.Unwrap<T>);
}

/**
 * Each part's own checks, run on the arguments the platform will hand it (`platformPartArgs` with stand-ins for the
 * cluster's ids), before anything is registered, reported under the platform's field names, every problem of every
 * part together. Parts holding Outputs are checked by the part itself once they resolve.
 */
export function validateParts(name: string, args: KnativeEciPlatformArgs, facts: PlatformFacts): void {
    const label = resourceLabel("KnativeEciPlatform", name);
    const c = new Checker(label);
    c.collect(() => {
        const parts = platformPartArgs(args, facts, STAND_IN_WIRING);
        validateCluster(c, name, label, parts.cluster);
        const vn = parts.virtualNode;
        const vnSettings = resolvedNow({ version: vn?.version, config: vn?.config, cleanupCloudResources: vn?.cleanupCloudResources });
        if (facts.installsVirtualNode && vnSettings) {
            c.part(() => asPlatformField(label, "virtualNode.", () => renderVirtualNode(`${name}-virtual-node`, vnSettings)));
        }
        validateKnative(c, name, label, args, facts, parts.knative);
        parts.namespaces.forEach(({ namespaceName, args: ns }, i) => {
            const { existing, ...settings } = ns;
            const plain = resolvedNow(settings);
            if (facts.namespaces[i].namespaceName !== undefined && plain) {
                const render = () => renderEciNamespace(`${name}-ns-${namespaceName}`, plain, existing === true);
                c.part(() => asPlatformField(label, `namespaces[${i}].`, render));
            }
        });
        parts.services.forEach(({ serviceName, args: svc }, i) => {
            if (facts.services[i].serviceName !== undefined) validateService(c, `${name}-${serviceName}`, label, `services[${i}].`, svc);
        });
    });
}

/** One service: its EIP id and registry logins, and (when its settings are plain) its render. */
function validateService(c: Checker, resourceName: string, label: string, prefix: string, svc: KnativeServiceArgs): void {
    const eip = svc.imageCache?.eipInstanceId;
    c.part(() =>
        asPlatformField(label, prefix, () =>
            checkGivenId(label, "imageCache.eipInstanceId", eip, EIP_ID, 'an EIP id such as "eip-bp1q5n6cw5wchhp4rv6qk"'),
        ),
    );
    c.part(() => asPlatformField(label, prefix, () => checkRegistryCredentials(label, svc.imageCache?.registryCredentials)));
    // The registry passwords never reach the render (see KnativeService).
    const settings = resolvedNow(withoutRegistryCredentials(svc));
    if (settings) c.part(() => asPlatformField(label, prefix, () => renderKnativeServiceResources(resourceName, settings)));
}

function validateCluster(c: Checker, name: string, label: string, cluster: AckClusterArgs): void {
    const clusterInput = resolvedNow(planInputOf(cluster));
    if (clusterInput) c.part(() => asPlatformField(label, "cluster.", () => planAckCluster(`${name}-cluster`, clusterInput)));
    c.part(() =>
        asPlatformField(label, "cluster.", () =>
            checkGivenId(
                label,
                "resourceGroupId",
                cluster.resourceGroupId,
                RESOURCE_GROUP_ID,
                'a resource group id such as "rg-acfmzw2jz2z6kiq"',
            ),
        ),
    );
    const kubeconfig = cluster.existingKubeconfig;
    if (typeof kubeconfig === "string") c.part(() => kubeconfigServer(label, "cluster.existingKubeconfig", kubeconfig));
}

function validateKnative(
    c: Checker,
    name: string,
    label: string,
    args: KnativeEciPlatformArgs,
    facts: PlatformFacts,
    part: KnativeServingArgs,
): void {
    const source = c.part(() => asPlatformField(label, "knative.", () => resolveKnativeSource(`${name}-knative`, args.knative?.source)));
    const { clusterId: _clusterId, source: _source, ecsNodeLabel, ...rest } = part;
    // The cluster's label is the platform's to check: an Output there does not hold Knative's check back.
    const settings = resolvedNow({ ...rest, ...(ecsNodeLabel !== undefined ? { ecsNodeLabel: plainOr(ecsNodeLabel, undefined) } : {}) });
    if (!settings || source === undefined) return;
    // Without install, the cluster's own Knative only gets its config-features flags (source "existing").
    const render = !facts.installsKnative ? renderExistingKnative : !facts.installsAckKnative ? renderUpstreamKnative : renderAckKnative;
    c.part(() => asPlatformField(label, "knative.", () => render(`${name}-knative`, settings)));
}
