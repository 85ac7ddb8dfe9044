import { AckClusterMode, type AckClusterPlanInput, type AckClusterLayout, checkAckClusterLayout } from "./ackClusterLayout";
import { type AckManagedClusterPlan, planManagedCluster } from "./ackManagedCluster";
import { type AckNetworkPlan, checkZoneIds, planNetwork } from "./ackNetwork";
import { type AckNodePoolPlan, checkEcsNodeLabel, planNodePool } from "./ackNodePool";
import { ACK_CLUSTER_ARGS } from "./ackClusterArgs";
import { Checker, resourceLabel } from "../core/errors";
import { type ApiServerEndpoints, KubeconfigEndpoint } from "./kubeconfig";
import { isSecurityGroupId, isVswitchId } from "../core/names";
import { bool, checkShape, opt, withFields, without } from "../core/shape";
import type { NodeLabel } from "../core/placement";

export {
    AckClusterMode,
    type AckClusterNames,
    type AckClusterPlanInput,
    type AckClusterLayout,
    type AckClusterLayoutSource,
    planInputOf,
    resolveAckClusterLayout,
} from "./ackClusterLayout";

/** Everything an `AckCluster` declares, validated. */
export interface AckClusterPlan {
    layout: AckClusterLayout;
    ecsNodeLabel: NodeLabel;
    /** Running nodes of an adopted cluster to label. */
    ecsNodeNames: string[];
    kubeconfigExpirationMinutes?: number;
    /**
     * The API server endpoint of the fetched kubeconfig: resolved for a created cluster; for a cluster adopted by
     * id, the given choice or undefined (then the public endpoint when the cluster has one, else the intranet one).
     */
    kubeconfigEndpoint?: KubeconfigEndpoint;
    /** The adopted cluster's id. */
    existingClusterId?: string;
    /** A created network's CIDRs and zones. */
    network?: AckNetworkPlan;
    /** The given network of a created cluster; pod vSwitches default to the node vSwitches. */
    givenNetwork?: { vswitchIds: string[]; podVswitchIds: string[]; securityGroupId?: string };
    cluster?: AckManagedClusterPlan;
    nodePool?: AckNodePoolPlan;
}

/** What the planner receives: the args with the (secret) kubeconfig replaced by whether one was given. */
const PLAN_INPUT_SHAPE = withFields(without(ACK_CLUSTER_ARGS, "existingKubeconfig"), { hasExistingKubeconfig: opt(bool()) });

const NODE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkVswitchIds(c: Checker, field: string, ids: string[] | undefined, generated: ReadonlySet<string>): void {
    (ids ?? []).forEach((id, i) => {
        if (generated.has(field) || generated.has(`${field}[${i}]`)) return;
        c.check(isVswitchId(id), `${field}[${i}]`, id, 'expected a vSwitch id such as "vsw-bp1s5fnvk4gn2tws03624"');
        c.check(!ids!.slice(0, i).includes(id), `${field}[${i}]`, id, "expected each vSwitch once");
    });
}

/**
 * Validates every `AckCluster` setting and plans what it declares: the layout, network CIDRs, cluster,
 * node pool (with the ECS label) and node labels of an adopted cluster. Pure; throws `InputError`.
 * Ids named in `generated` (`existingClusterId`, `vswitchIds`, `podVswitchIds`, `securityGroupId`, or
 * list elements like `vswitchIds[0]`) come from other resources and pass through.
 */
export function planAckCluster(resourceName: string, s: AckClusterPlanInput, generated: ReadonlySet<string> = new Set()): AckClusterPlan {
    const c = new Checker(resourceLabel("AckCluster", resourceName));
    checkShape(c, PLAN_INPUT_SHAPE, s, "resolved");
    const layout = checkAckClusterLayout(c, resourceName, s);
    const ecsNodeLabel = checkEcsNodeLabel(c, s.ecsNodeLabel);
    c.integer(s.kubeconfigExpirationMinutes, "kubeconfigExpirationMinutes", 15, 4320);
    if (s.existingClusterId !== undefined && !generated.has("existingClusterId")) {
        c.check(
            typeof s.existingClusterId === "string" && /^c[a-z0-9]{8,}$/.test(s.existingClusterId),
            "existingClusterId",
            s.existingClusterId,
            'expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a"',
        );
    }
    const ecsNodeNames = s.ecsNodeNames ?? [];
    ecsNodeNames.forEach((n, i) => {
        c.check(
            typeof n === "string" && n.length <= 253 && NODE_NAME.test(n),
            `ecsNodeNames[${i}]`,
            n,
            'expected a Kubernetes node name such as "cn-hangzhou.192.168.0.10"',
        );
        c.check(!ecsNodeNames.slice(0, i).includes(n), `ecsNodeNames[${i}]`, n, "expected each node once");
    });
    c.oneOf(s.kubeconfigEndpoint, "kubeconfigEndpoint", Object.values(KubeconfigEndpoint));
    const plan: AckClusterPlan = {
        layout,
        ecsNodeLabel,
        ecsNodeNames,
        ...(s.kubeconfigExpirationMinutes !== undefined ? { kubeconfigExpirationMinutes: s.kubeconfigExpirationMinutes } : {}),
        ...(s.kubeconfigEndpoint !== undefined ? { kubeconfigEndpoint: s.kubeconfigEndpoint } : {}),
        ...(s.existingClusterId !== undefined ? { existingClusterId: s.existingClusterId } : {}),
    };
    if (layout.mode !== AckClusterMode.Create) return plan;

    if (layout.createNetwork) {
        plan.network = planNetwork(c, s, layout.zoneCount);
    } else {
        checkVswitchIds(c, "vswitchIds", s.vswitchIds, generated);
        checkVswitchIds(c, "podVswitchIds", s.podVswitchIds, generated);
        if (s.zoneIds !== undefined) checkZoneIds(c, s.zoneIds, false);
        if (s.securityGroupId !== undefined && !generated.has("securityGroupId")) {
            c.check(
                isSecurityGroupId(s.securityGroupId),
                "securityGroupId",
                s.securityGroupId,
                'expected a security group id such as "sg-bp1fg655nh68xyz9y2g0"',
            );
        }
        plan.givenNetwork = {
            vswitchIds: s.vswitchIds!,
            podVswitchIds: s.podVswitchIds ?? s.vswitchIds!,
            ...(s.securityGroupId !== undefined ? { securityGroupId: s.securityGroupId } : {}),
        };
    }
    plan.cluster = planManagedCluster(c, resourceName, s, plan.network);
    // getClusterCredential asks ACK for the internet credential only; without a public endpoint the kubeconfig
    // must point at the intranet one (see kubeconfigForEndpoint).
    const publicEndpoint = plan.cluster.slbInternetEnabled;
    plan.kubeconfigEndpoint = s.kubeconfigEndpoint ?? (publicEndpoint ? KubeconfigEndpoint.Public : KubeconfigEndpoint.Private);
    c.check(
        publicEndpoint || plan.kubeconfigEndpoint === KubeconfigEndpoint.Private,
        "kubeconfigEndpoint",
        plan.kubeconfigEndpoint,
        'expected "private" (or unset) while apiServerPublic is false: the cluster gets no public API server endpoint; set apiServerPublic: true to manage it from outside the VPC',
    );
    if (layout.createNodePool) plan.nodePool = planNodePool(c, resourceName, s.nodePool ?? {}, ecsNodeLabel);
    return plan;
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
