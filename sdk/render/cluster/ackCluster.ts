import {
    AckClusterKind,
    type AckClusterPlanInput,
    type AdoptedByIdLayout,
    type AdoptedByKubeconfigLayout,
    checkAckClusterLayout,
    type CreatedNetworkLayout,
    type GivenNetworkLayout,
    planInputOf,
} from "./ackClusterLayout";
import { type AckManagedClusterPlan, planManagedCluster } from "./ackManagedCluster";
import { type AckNetworkPlan, checkZoneIds, planNetwork } from "./ackNetwork";
import { type AckNodePoolPlan, checkEcsNodeLabel, planNodePool } from "./ackNodePool";
import { ACK_CLUSTER_ARGS, type AckClusterArgs } from "./ackClusterArgs";
import { declaredPart } from "../core/declaredPart";
import { Checker, resourceLabel } from "../core/errors";
import { type ApiServerEndpoints, KubeconfigEndpoint, kubeconfigServer } from "./kubeconfig";
import { checkGivenId, isSecurityGroupId, isVswitchId, RESOURCE_GROUP_ID } from "../core/names";
import { containsEventuals } from "../core/eventual";
import { bool, opt, shapedArgs, withFields, without } from "../core/shape";
import type { NodeLabel } from "../core/placement";

export {
    AckClusterKind,
    AckClusterMode,
    type AckClusterNames,
    type AckClusterPlanInput,
    type AckClusterLayout,
    type AckClusterLayoutSource,
    type AdoptedByIdLayout,
    type AdoptedByKubeconfigLayout,
    type CreatedNetworkLayout,
    type GivenNetworkLayout,
    planInputOf,
    resolveAckClusterLayout,
} from "./ackClusterLayout";

/** What a cluster the component creates is: the `ManagedKubernetes`, its node pool and its kubeconfig's endpoint. */
interface CreatedClusterFields {
    ecsNodeLabel: NodeLabel;
    cluster: AckManagedClusterPlan;
    /** The ECS node pool; undefined with `createNodePool: false`. */
    nodePool?: AckNodePoolPlan;
    kubeconfigExpirationMinutes?: number;
    /** The API server endpoint of the fetched kubeconfig. */
    kubeconfigEndpoint: KubeconfigEndpoint;
}

/** A created cluster on a network it creates. */
export interface CreatedNetworkPlan extends CreatedClusterFields {
    kind: typeof AckClusterKind.CreatedNetwork;
    layout: CreatedNetworkLayout;
    /** The network's CIDRs and zones. */
    network: AckNetworkPlan;
}

/** The vSwitches (and security group) a created cluster is given; pod vSwitches default to the node vSwitches. */
export interface GivenNetwork {
    vswitchIds: string[];
    podVswitchIds: string[];
    securityGroupId?: string;
}

/** A created cluster on given vSwitches. */
export interface GivenNetworkPlan extends CreatedClusterFields {
    kind: typeof AckClusterKind.GivenNetwork;
    layout: GivenNetworkLayout;
    givenNetwork: GivenNetwork;
}

/** A cluster adopted by id: its kubeconfig comes from ACK unless given. */
export interface AdoptedByIdPlan {
    kind: typeof AckClusterKind.AdoptedById;
    layout: AdoptedByIdLayout;
    existingClusterId: string;
    ecsNodeLabel: NodeLabel;
    /** Running nodes to label. */
    ecsNodeNames: string[];
    kubeconfigExpirationMinutes?: number;
    /**
     * The endpoint of the fetched kubeconfig when chosen; undefined: the public endpoint when the cluster has one,
     * else the intranet one.
     */
    kubeconfigEndpoint?: KubeconfigEndpoint;
}

/** A cluster adopted by kubeconfig alone. */
export interface AdoptedByKubeconfigPlan {
    kind: typeof AckClusterKind.AdoptedByKubeconfig;
    layout: AdoptedByKubeconfigLayout;
    ecsNodeLabel: NodeLabel;
    /** Running nodes to label. */
    ecsNodeNames: string[];
}

/** Everything an `AckCluster` declares, validated: one kind of plan per way of obtaining the cluster. */
export type AckClusterPlan = CreatedNetworkPlan | GivenNetworkPlan | AdoptedByIdPlan | AdoptedByKubeconfigPlan;
/** A cluster the component creates, on either network. */
export type CreatedClusterPlan = CreatedNetworkPlan | GivenNetworkPlan;
/** An adopted cluster, by id or by kubeconfig. */
export type AdoptedClusterPlan = AdoptedByIdPlan | AdoptedByKubeconfigPlan;
/** The plan of one kind. */
export type AckClusterPlanOf<K extends AckClusterKind> = Extract<AckClusterPlan, { kind: K }>;

/** What the planner receives: the args with the (secret) kubeconfig replaced by whether one was given. */
const PLAN_INPUT_SHAPE = withFields(without(ACK_CLUSTER_ARGS, "existingKubeconfig"), { hasExistingKubeconfig: opt(bool()) });

const NODE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CLUSTER_ID_EXPECTED = 'expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a"';

/**
 * Every check of an AckCluster's arguments as the component receives them, before anything is registered, every
 * problem thrown together: their shape, the resource group id and the kubeconfig given as plain values, which resources
 * the options declare (decided now, whatever is an Output), and, when no Output is among them, everything the plan
 * checks.
 */
export function checkAckClusterArgs(resourceName: string, args: AckClusterArgs): void {
    const label = resourceLabel("AckCluster", resourceName);
    const c = new Checker(label);
    c.collect(() => {
        const s = shapedArgs(c, ACK_CLUSTER_ARGS, args ?? {}, "args");
        c.part(() =>
            checkGivenId(
                label,
                "resourceGroupId",
                s.resourceGroupId,
                RESOURCE_GROUP_ID,
                'a resource group id such as "rg-acfmzw2jz2z6kiq"',
            ),
        );
        c.part(() => checkAckClusterLayout(c, resourceName, planInputOf(s)));
        c.part(() => {
            if (typeof s.existingKubeconfig === "string") kubeconfigServer(label, "existingKubeconfig", s.existingKubeconfig);
        });
        // The plan reads the arguments as given: it checks their shape again, and keeps to its own parts.
        const planInput = planInputOf(args ?? {});
        if (!containsEventuals(planInput)) c.part(() => planAckCluster(resourceName, planInput as AckClusterPlanInput));
    });
}

function checkVswitchIds(c: Checker, field: string, ids: string[] | undefined, generated: ReadonlySet<string>): void {
    (ids ?? []).forEach((id, i) => {
        if (generated.has(field) || generated.has(`${field}[${i}]`)) return;
        c.part(() => {
            c.check(isVswitchId(id), `${field}[${i}]`, id, 'expected a vSwitch id such as "vsw-bp1s5fnvk4gn2tws03624"');
            c.check(!ids!.slice(0, i).includes(id), `${field}[${i}]`, id, "expected each vSwitch once");
        });
    });
}

/**
 * Validates every `AckCluster` setting, each on its own, and plans what it declares: the layout, network CIDRs,
 * cluster, node pool (with the ECS label) and node labels of an adopted cluster. Pure; throws `InputError` naming every
 * problem found. Ids named in `generated` (`existingClusterId`, `vswitchIds`, `podVswitchIds`, `securityGroupId`, or
 * list elements like `vswitchIds[0]`) come from other resources and pass through.
 */
export function planAckCluster(
    resourceName: string,
    args: AckClusterPlanInput,
    generated: ReadonlySet<string> = new Set(),
): AckClusterPlan {
    const c = new Checker(resourceLabel("AckCluster", resourceName));
    return c.collect((): AckClusterPlan | undefined => {
        const s = shapedArgs(c, PLAN_INPUT_SHAPE, args, "resolved");
        const layout = c.part(() => checkAckClusterLayout(c, resourceName, s));
        const common = checkCommon(c, s, generated);
        if (!layout || !common) return undefined;
        const expiration =
            s.kubeconfigExpirationMinutes !== undefined ? { kubeconfigExpirationMinutes: s.kubeconfigExpirationMinutes } : {};
        switch (layout.kind) {
            case AckClusterKind.AdoptedById:
                return {
                    kind: layout.kind,
                    layout,
                    // Set: the layout is adopted-by-id because it is.
                    existingClusterId: s.existingClusterId ?? c.fail("existingClusterId", undefined, CLUSTER_ID_EXPECTED),
                    ...common,
                    ...expiration,
                    ...(s.kubeconfigEndpoint !== undefined ? { kubeconfigEndpoint: s.kubeconfigEndpoint } : {}),
                };
            case AckClusterKind.AdoptedByKubeconfig:
                return { kind: layout.kind, layout, ...common };
            default:
                return planCreated(c, resourceName, s, layout, generated, common.ecsNodeLabel);
        }
    });
}

/** The settings every kind checks, each on its own: the ECS label, the kubeconfig's lifetime and endpoint, adoption's. */
function checkCommon(
    c: Checker,
    s: AckClusterPlanInput,
    generated: ReadonlySet<string>,
): { ecsNodeLabel: NodeLabel; ecsNodeNames: string[] } | undefined {
    const ecsNodeLabel = c.part(() => checkEcsNodeLabel(c, s.ecsNodeLabel));
    c.part(() => c.integer(s.kubeconfigExpirationMinutes, "kubeconfigExpirationMinutes", 15, 4320));
    c.part(() => {
        if (s.existingClusterId !== undefined && !generated.has("existingClusterId"))
            c.check(
                typeof s.existingClusterId === "string" && /^c[a-z0-9]{8,}$/.test(s.existingClusterId),
                "existingClusterId",
                s.existingClusterId,
                CLUSTER_ID_EXPECTED,
            );
    });
    const ecsNodeNames = c.part(() => checkEcsNodeNames(c, s.ecsNodeNames ?? []));
    c.part(() => c.oneOf(s.kubeconfigEndpoint, "kubeconfigEndpoint", Object.values(KubeconfigEndpoint)));
    return ecsNodeLabel && ecsNodeNames ? { ecsNodeLabel, ecsNodeNames } : undefined;
}

/** The running nodes of an adopted cluster to label, each on its own: a node name, listed once. */
function checkEcsNodeNames(c: Checker, ecsNodeNames: string[]): string[] {
    ecsNodeNames.forEach((n, i) =>
        c.part(() => {
            c.check(
                typeof n === "string" && n.length <= 253 && NODE_NAME.test(n),
                `ecsNodeNames[${i}]`,
                n,
                'expected a Kubernetes node name such as "cn-hangzhou.192.168.0.10"',
            );
            c.check(!ecsNodeNames.slice(0, i).includes(n), `ecsNodeNames[${i}]`, n, "expected each node once");
        }),
    );
    return ecsNodeNames;
}

/** The given vSwitches and security group of a created cluster, each on its own (ids other resources generate pass through). */
function planGivenNetwork(c: Checker, s: AckClusterPlanInput, generated: ReadonlySet<string>): GivenNetwork | undefined {
    checkVswitchIds(c, "vswitchIds", s.vswitchIds, generated);
    checkVswitchIds(c, "podVswitchIds", s.podVswitchIds, generated);
    if (s.zoneIds !== undefined) c.part(() => checkZoneIds(c, s.zoneIds ?? [], false));
    c.part(() => {
        if (s.securityGroupId !== undefined && !generated.has("securityGroupId")) {
            c.check(
                isSecurityGroupId(s.securityGroupId),
                "securityGroupId",
                s.securityGroupId,
                'expected a security group id such as "sg-bp1fg655nh68xyz9y2g0"',
            );
        }
    });
    return c.part(() => {
        // Set: the layout is given-network because vswitchIds is.
        const vswitchIds = s.vswitchIds ?? [];
        return {
            vswitchIds,
            podVswitchIds: s.podVswitchIds ?? vswitchIds,
            ...(s.securityGroupId !== undefined ? { securityGroupId: s.securityGroupId } : {}),
        };
    });
}

/** The endpoint a created cluster's kubeconfig uses: the public one only when the cluster has it. */
function createdKubeconfigEndpoint(c: Checker, s: AckClusterPlanInput, publicEndpoint: boolean): KubeconfigEndpoint {
    // getClusterCredential asks ACK for the internet credential only; without a public endpoint the kubeconfig
    // must point at the intranet one (see kubeconfigForEndpoint).
    const endpoint = s.kubeconfigEndpoint ?? (publicEndpoint ? KubeconfigEndpoint.Public : KubeconfigEndpoint.Private);
    c.check(
        publicEndpoint || endpoint === KubeconfigEndpoint.Private,
        "kubeconfigEndpoint",
        endpoint,
        'expected "private" (or unset) while apiServerPublic is false: the cluster gets no public API server endpoint; set apiServerPublic: true to manage it from outside the VPC',
    );
    return endpoint;
}

/** A created cluster's network (created or given), cluster, kubeconfig endpoint and node pool, each on its own. */
function planCreated(
    c: Checker,
    resourceName: string,
    s: AckClusterPlanInput,
    layout: CreatedNetworkLayout | GivenNetworkLayout,
    generated: ReadonlySet<string>,
    ecsNodeLabel: NodeLabel,
): CreatedClusterPlan | undefined {
    const network = layout.kind === AckClusterKind.CreatedNetwork ? c.part(() => planNetwork(c, s, layout.zoneCount)) : undefined;
    const givenNetwork = layout.kind === AckClusterKind.GivenNetwork ? planGivenNetwork(c, s, generated) : undefined;
    // A wrong created network leaves the service CIDR unchecked against it (`network` undefined).
    const cluster = c.part(() => planManagedCluster(c, resourceName, s, network));
    const kubeconfigEndpoint = cluster && c.part(() => createdKubeconfigEndpoint(c, s, cluster.slbInternetEnabled));
    const nodePool = layout.createNodePool ? c.part(() => planNodePool(c, resourceName, s.nodePool ?? {}, ecsNodeLabel)) : undefined;
    if (!cluster || !kubeconfigEndpoint || (layout.createNodePool && !nodePool)) return undefined;
    const fields: CreatedClusterFields = {
        ecsNodeLabel,
        cluster,
        ...(nodePool ? { nodePool } : {}),
        ...(s.kubeconfigExpirationMinutes !== undefined ? { kubeconfigExpirationMinutes: s.kubeconfigExpirationMinutes } : {}),
        kubeconfigEndpoint,
    };
    if (layout.kind === AckClusterKind.CreatedNetwork) return network && { kind: layout.kind, layout, network, ...fields };
    return givenNetwork && { kind: layout.kind, layout, givenNetwork, ...fields };
}

/** Whether `plan` is of `kind`. */
function isOfKind<K extends AckClusterKind>(plan: AckClusterPlan, kind: K): plan is AckClusterPlanOf<K> {
    return plan.kind === kind;
}

/**
 * The plan as the kind the component declared resources for. The component decides the kind from the raw
 * arguments, by the rules that decide the plan's from the resolved ones; they differ only when
 * `existingClusterId` is an Output that resolves to undefined, which this rejects.
 */
export function planOfKind<K extends AckClusterKind>(resourceName: string, plan: AckClusterPlan, kind: K): AckClusterPlanOf<K> {
    if (isOfKind(plan, kind)) return plan;
    return new Checker(resourceLabel("AckCluster", resourceName)).fail(
        "existingClusterId",
        undefined,
        `${CLUSTER_ID_EXPECTED}: an Output given here must resolve to one (whether it is set decides that the cluster is adopted)`,
    );
}

/** The node pool of a created cluster whose layout creates one (layout and plan read the same plain `createNodePool`). */
export function plannedNodePool(plan: CreatedClusterPlan): AckNodePoolPlan {
    return declaredPart(plan.nodePool, `the node pool of cluster ${plan.cluster.name}`);
}

/** What `cs.getManagedKubernetesClusters` tells about an adopted cluster. */
export interface AdoptedClusterInfo {
    vpcId?: string;
    vswitchIds?: string[];
    securityGroupId?: string;
    /** Its API server endpoints, when reported. */
    endpoints?: ApiServerEndpoints;
}

/**
 * Picks the adopted cluster out of `cs.getManagedKubernetesClusters`' answer. Runs at deployment; a
 * cluster the account cannot see in this region is an `InputError` on `existingClusterId`.
 */
export function adoptedClusterInfo(
    resourceName: string,
    clusterId: string,
    clusters: { id: string; vpcId?: string; vswitchIds?: string[]; securityGroupId?: string; connections?: ApiServerEndpoints }[],
): AdoptedClusterInfo {
    const found = (clusters ?? []).find((x) => x.id === clusterId);
    if (!found) {
        return new Checker(resourceLabel("AckCluster", resourceName)).fail(
            "existingClusterId",
            clusterId,
            "expected the id of an ACK managed cluster this account can see in the provider's region",
        );
    }
    return {
        vpcId: found.vpcId,
        vswitchIds: found.vswitchIds,
        securityGroupId: found.securityGroupId,
        ...(found.connections ? { endpoints: found.connections } : {}),
    };
}
