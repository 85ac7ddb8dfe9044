import type { AckClusterSettings } from "./ackClusterArgs";
import { MAX_CREATED_ZONES, MIN_ZONES } from "./ackNetwork";
import { Checker, resourceLabel } from "../core/errors";
import { isEventual } from "../core/eventual";

/** How an `AckCluster` gets its cluster. */
export const AckClusterMode = {
    /** Create the cluster (and its network unless vSwitches are given). */
    Create: "create",
    /** Adopt an existing cluster by id; the kubeconfig comes from `cs.getClusterCredential`. */
    AdoptById: "adopt-by-id",
    /** Adopt the cluster a kubeconfig points at, with no Alibaba Cloud calls. */
    AdoptByKubeconfig: "adopt-by-kubeconfig",
} as const;
export type AckClusterMode = (typeof AckClusterMode)[keyof typeof AckClusterMode];

/** What decides the resources an `AckCluster` declares: its mode, and for a created cluster whose network. */
export const AckClusterKind = {
    /** Create the cluster on a network it creates. */
    CreatedNetwork: "created-network",
    /** Create the cluster on the given vSwitches. */
    GivenNetwork: "given-network",
    /** Adopt a cluster by id. */
    AdoptedById: "adopted-by-id",
    /** Adopt the cluster a kubeconfig points at. */
    AdoptedByKubeconfig: "adopted-by-kubeconfig",
} as const;
export type AckClusterKind = (typeof AckClusterKind)[keyof typeof AckClusterKind];
/** What the planner receives: the settings with the kubeconfig replaced by whether one was given (it is secret). */
export type AckClusterPlanInput = Omit<AckClusterSettings, "existingKubeconfig"> & { hasExistingKubeconfig?: boolean };
/** The same fields as they appear in the component's args, where values may still be Outputs. */
export type AckClusterLayoutSource = { readonly [K in keyof AckClusterPlanInput]?: unknown };

/**
 * The args as the planner sees them: the (secret) kubeconfig replaced by whether one was given, so
 * planning never makes the plan's values secret.
 */
export function planInputOf<T extends { existingKubeconfig?: unknown }>(
    args: T,
): Omit<T, "existingKubeconfig"> & { hasExistingKubeconfig?: boolean } {
    const { existingKubeconfig, ...rest } = args;
    return { ...rest, ...(existingKubeconfig !== undefined ? { hasExistingKubeconfig: true } : {}) };
}

/** Names of the children, all derived from the resource name. */
export interface AckClusterNames {
    vpc: string;
    vswitches: string[];
    podVswitches: string[];
    securityGroup: string;
    natGateway: string;
    eip: string;
    eipAssociation: string;
    snatEntries: string[];
    podSnatEntries: string[];
    cluster: string;
    nodePool: string;
    provider: string;
    ecsNodes: string[];
}

/** A created cluster on a network it creates. */
export interface CreatedNetworkLayout {
    kind: typeof AckClusterKind.CreatedNetwork;
    mode: typeof AckClusterMode.Create;
    /** Zones: node and pod vSwitch pairs. */
    zoneCount: number;
    /** Whether the zones come from the zone data sources (no `zoneIds` given). */
    pickZones: boolean;
    createNodePool: boolean;
    names: AckClusterNames;
}

/** A created cluster on given vSwitches. */
export interface GivenNetworkLayout {
    kind: typeof AckClusterKind.GivenNetwork;
    mode: typeof AckClusterMode.Create;
    createNodePool: boolean;
    names: AckClusterNames;
}

/** An adopted cluster: nothing is created but the labels of its running ECS nodes. */
export interface AdoptedLayout<K extends AckClusterKind, M extends AckClusterMode> {
    kind: K;
    mode: M;
    names: AckClusterNames;
}
export type AdoptedByIdLayout = AdoptedLayout<typeof AckClusterKind.AdoptedById, typeof AckClusterMode.AdoptById>;
export type AdoptedByKubeconfigLayout = AdoptedLayout<typeof AckClusterKind.AdoptedByKubeconfig, typeof AckClusterMode.AdoptByKubeconfig>;

/** Which resources an `AckCluster` declares: decided from plain arguments, before any value is known. */
export type AckClusterLayout = CreatedNetworkLayout | GivenNetworkLayout | AdoptedByIdLayout | AdoptedByKubeconfigLayout;

const ADOPT_ALLOWS = new Set([
    "existingClusterId",
    "hasExistingKubeconfig",
    "ecsNodeNames",
    "ecsNodeLabel",
    "kubeconfigExpirationMinutes",
    "kubeconfigEndpoint",
]);
const CREATED_NETWORK_ONLY = ["vpcCidr", "zoneCount", "vswitchCidrs", "podVswitchCidrs", "eipBandwidth"] as const;
const GIVEN_NETWORK_ONLY = ["podVswitchIds", "securityGroupId", "newNatGateway"] as const;

/** Values as they may appear in messages: Outputs are not printable before they resolve. */
function shown(value: unknown): unknown {
    if (isEventual(value)) return "(an Output)";
    if (Array.isArray(value)) return value.map(shown);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
    }
    return value;
}

function lengthOf(value: unknown): number | undefined {
    return Array.isArray(value) ? value.length : undefined;
}

/** Child names for a layout. */
export function ackClusterNames(name: string, zoneCount: number, ecsNodeCount: number): AckClusterNames {
    const zones = [...Array(zoneCount).keys()];
    return {
        vpc: `${name}-vpc`,
        vswitches: zones.map((i) => `${name}-vswitch-${i}`),
        podVswitches: zones.map((i) => `${name}-pod-vswitch-${i}`),
        securityGroup: `${name}-sg`,
        natGateway: `${name}-nat`,
        eip: `${name}-eip`,
        eipAssociation: `${name}-eip-association`,
        snatEntries: zones.map((i) => `${name}-snat-${i}`),
        podSnatEntries: zones.map((i) => `${name}-pod-snat-${i}`),
        cluster: `${name}-cluster`,
        nodePool: `${name}-ecs-pool`,
        provider: `${name}-provider`,
        ecsNodes: [...Array(ecsNodeCount).keys()].map((i) => `${name}-ecs-node-${i}`),
    };
}

/**
 * The layout decision with a caller's `Checker`, so the planner reports under the same resource. Each conflict is
 * reported on its own; the layout is undefined when there is one (what is declared would follow from a wrong option).
 */
export function checkAckClusterLayout(c: Checker, name: string, s: AckClusterLayoutSource): AckClusterLayout | undefined {
    const before = c.problemCount;
    const adopted = s.existingClusterId !== undefined || s.hasExistingKubeconfig;
    const layout = adopted ? checkAdoptedLayout(c, name, s) : checkCreatedLayout(c, name, s);
    return c.problemCount > before ? undefined : layout;
}

function checkCreatedLayout(c: Checker, name: string, s: AckClusterLayoutSource): CreatedNetworkLayout | GivenNetworkLayout | undefined {
    const mode = AckClusterMode.Create;
    c.part(() =>
        c.check(
            s.ecsNodeNames === undefined,
            "ecsNodeNames",
            shown(s.ecsNodeNames),
            "expected no ecsNodeNames when the cluster is created: its node pool labels its nodes with ecsNodeLabel; ecsNodeNames labels running nodes of an adopted cluster",
        ),
    );
    for (const key of ["zoneIds", "vswitchIds", "podVswitchIds", "vswitchCidrs", "podVswitchCidrs", "addons"] as const) {
        if (s[key] !== undefined && !Array.isArray(s[key]))
            c.part(() => c.fail(key, shown(s[key]), "expected a plain array (its elements may be Outputs)"));
    }
    const createNodePool = s.createNodePool !== false;
    if (!createNodePool && s.nodePool !== undefined) {
        c.part(() => c.fail("nodePool", shown(s.nodePool), "expected no nodePool when createNodePool is false"));
    }
    if (s.vswitchIds !== undefined) {
        if (!Array.isArray(s.vswitchIds)) return undefined;
        checkGivenNetwork(c, s);
        return { kind: AckClusterKind.GivenNetwork, mode, createNodePool, names: ackClusterNames(name, 0, 0) };
    }
    const zoneCount = checkCreatedNetwork(c, s);
    if (zoneCount === undefined) return undefined;
    return {
        kind: AckClusterKind.CreatedNetwork,
        mode,
        zoneCount,
        pickZones: s.zoneIds === undefined,
        createNodePool,
        names: ackClusterNames(name, zoneCount, 0),
    };
}

/** An adopted cluster takes only the adoption options: its settings, network and node pools exist. */
function checkAdoptedLayout(c: Checker, name: string, s: AckClusterLayoutSource): AdoptedByIdLayout | AdoptedByKubeconfigLayout {
    for (const [key, value] of Object.entries(s)) {
        if (value === undefined || ADOPT_ALLOWS.has(key)) continue;
        if ((key === "createNetwork" || key === "createNodePool") && value === false) continue;
        c.part(() =>
            c.fail(
                key,
                shown(value),
                `expected no ${key} when adopting an existing cluster (existingClusterId or existingKubeconfig): its settings, network and node pools already exist; label its running ECS nodes with ecsNodeNames`,
            ),
        );
    }
    for (const key of ["kubeconfigExpirationMinutes", "kubeconfigEndpoint"] as const) {
        if (s.hasExistingKubeconfig && s[key] !== undefined) {
            c.part(() => c.fail(key, shown(s[key]), `expected no ${key} with existingKubeconfig: the given kubeconfig is used as is`));
        }
    }
    if (s.ecsNodeNames !== undefined && !Array.isArray(s.ecsNodeNames)) {
        c.part(() => c.fail("ecsNodeNames", shown(s.ecsNodeNames), "expected a plain array of node names (its elements may be Outputs)"));
    }
    const names = ackClusterNames(name, 0, lengthOf(s.ecsNodeNames) ?? 0);
    return s.existingClusterId !== undefined
        ? { kind: AckClusterKind.AdoptedById, mode: AckClusterMode.AdoptById, names }
        : { kind: AckClusterKind.AdoptedByKubeconfig, mode: AckClusterMode.AdoptByKubeconfig, names };
}

/** Given vSwitches: no created-network options, and their zones (when given) one per vSwitch. */
function checkGivenNetwork(c: Checker, s: AckClusterLayoutSource): void {
    c.part(() =>
        c.check(
            s.createNetwork !== true,
            "createNetwork",
            true,
            "expected false or unset with vswitchIds: the cluster uses the given vSwitches, so no network is created",
        ),
    );
    for (const key of CREATED_NETWORK_ONLY) {
        if (s[key] !== undefined)
            c.part(() => c.fail(key, shown(s[key]), `expected no ${key} with vswitchIds: it configures a created network`));
    }
    const count = lengthOf(s.vswitchIds) ?? 0;
    const zoneIdCount = lengthOf(s.zoneIds);
    c.part(() => {
        if (zoneIdCount !== undefined) {
            c.check(
                zoneIdCount === count,
                "zoneIds",
                shown(s.zoneIds),
                `expected the zone of each vSwitch in vswitchIds, in order (${count} zones)`,
            );
        } else {
            c.check(
                count >= MIN_ZONES,
                "vswitchIds",
                shown(s.vswitchIds),
                `expected at least ${MIN_ZONES} vSwitches in different zones (ACK spreads the control plane and nodes across them); pass zoneIds too so their zones are checked`,
            );
        }
    });
}

/** A created network: no given-network options; returns its zone count (from zoneIds or zoneCount), if right. */
function checkCreatedNetwork(c: Checker, s: AckClusterLayoutSource): number | undefined {
    c.part(() =>
        c.check(
            s.createNetwork !== false,
            "createNetwork",
            false,
            "expected true or unset without vswitchIds: the cluster needs vSwitches, given (vswitchIds) or created",
        ),
    );
    for (const key of GIVEN_NETWORK_ONLY) {
        if (s[key] !== undefined)
            c.part(() => c.fail(key, shown(s[key]), `expected no ${key} when the network is created: it applies to given vswitchIds`));
    }
    const zoneCount = c.part(() => createdZoneCount(c, s));
    // One CIDR per zone: checked against a zone count that is right itself.
    for (const key of ["vswitchCidrs", "podVswitchCidrs"] as const) {
        const n = lengthOf(s[key]);
        if (n !== undefined && zoneCount !== undefined)
            c.part(() => c.check(n === zoneCount, key, shown(s[key]), `expected one CIDR per zone (${zoneCount})`));
    }
    return zoneCount;
}

function createdZoneCount(c: Checker, s: AckClusterLayoutSource): number {
    const zoneIdCount = lengthOf(s.zoneIds);
    if (zoneIdCount !== undefined) {
        c.check(s.zoneCount === undefined, "zoneCount", shown(s.zoneCount), "expected no zoneCount with zoneIds: the zones are given");
        c.check(
            zoneIdCount >= MIN_ZONES && zoneIdCount <= MAX_CREATED_ZONES,
            "zoneIds",
            shown(s.zoneIds),
            `expected ${MIN_ZONES} to ${MAX_CREATED_ZONES} zones for a created network (one node and one pod vSwitch each)`,
        );
        return zoneIdCount;
    }
    const count = s.zoneCount ?? MIN_ZONES;
    c.check(
        typeof count === "number" && Number.isInteger(count) && count >= MIN_ZONES && count <= MAX_CREATED_ZONES,
        "zoneCount",
        shown(count),
        `expected a plain integer from ${MIN_ZONES} to ${MAX_CREATED_ZONES}`,
    );
    return count as number;
}

/**
 * Decides which resources an `AckCluster` declares. Reads only what must be plain (which options are
 * set, array lengths, `createNetwork`, `createNodePool`, `zoneCount`), so it runs on the component's
 * raw arguments and throws `InputError` for conflicting options before anything is registered.
 */
export function resolveAckClusterLayout(resourceName: string, s: AckClusterLayoutSource): AckClusterLayout {
    const c = new Checker(resourceLabel("AckCluster", resourceName));
    return c.collect(() => checkAckClusterLayout(c, resourceName, s));
}
