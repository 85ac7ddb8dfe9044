import { AckClusterMode, type AckClusterPlanInput, type AckClusterLayout, checkAckClusterLayout, planInputOf } from "./ackClusterLayout";
import { type AckNetworkPlan, checkServiceCidr, checkZoneIds, DEFAULT_SERVICE_CIDR, planNetwork } from "./ackNetwork";
import { ackName, type AckNodePoolPlan, checkAckName, checkEcsNodeLabel, planNodePool } from "./ackNodePool";
import { checkAddonVersion } from "../core/addon";
import { parseCidr } from "../core/cidr";
import { ACK_CLUSTER_ARGS, type AckClusterArgs } from "./ackClusterArgs";
import { Checker, resourceLabel } from "../core/errors";
import { type ApiServerEndpoints, KubeconfigEndpoint, kubeconfigServer } from "./kubeconfig";
import { checkGivenId, isSecurityGroupId, isVswitchId, RESOURCE_GROUP_ID } from "../core/names";
import { containsEventuals } from "../core/eventual";
import { bool, opt, shapedArgs, withFields, without } from "../core/shape";
import type { NodeLabel } from "../core/placement";
import { parseVersion } from "../core/version";

export {
    AckClusterMode,
    type AckClusterNames,
    type AckClusterPlanInput,
    type AckClusterLayout,
    type AckClusterLayoutSource,
    planInputOf,
    resolveAckClusterLayout,
} from "./ackClusterLayout";

export const CLUSTER_SPECS = ["ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge"] as const;
export const DEFAULT_CLUSTER_SPEC = "ack.pro.small";
/** Add-ons every created cluster gets: Terway (pod vSwitches, VPC addresses for pods and ECI) and disk CSI. */
export const DEFAULT_ADDONS = ["terway-eniip", "csi-plugin", "csi-provisioner"] as const;

/** A `ManagedKubernetes` add-on entry. */
export interface ClusterAddon {
    name: string;
    config?: string;
    version?: string;
    disabled?: boolean;
}

/**
 * What ACK does with a kind of resource it created on the cluster's behalf when the cluster is deleted
 * (`ManagedKubernetes.deleteOptions`; read at deletion, so it must have been applied by `pulumi up`).
 */
export interface ClusterDeleteOption {
    /** `"SLB"` (CLB instances of LoadBalancer Services), `"ALB"` (ALB Ingress), `"SLS_Data"` or `"SLS_ControlPlane"` (log projects). */
    resourceType: string;
    deleteMode: "delete" | "retain";
}

/** Resource types ACK creates for a cluster's workloads that are billed as long as they exist. */
export const CREATED_LOAD_BALANCER_TYPES = ["SLB", "ALB"] as const;
/** Log Service projects ACK creates for cluster logging and control-plane logs (they hold logs). */
export const CREATED_LOG_PROJECT_TYPES = ["SLS_Data", "SLS_ControlPlane"] as const;

/**
 * The `deleteOptions` of a created cluster: every type listed explicitly, so the preview shows what a
 * `pulumi destroy` will delete and what it will leave behind.
 */
export function clusterDeleteOptions(deleteLoadBalancers: boolean, deleteLogProjects: boolean): ClusterDeleteOption[] {
    const mode = (remove: boolean): ClusterDeleteOption["deleteMode"] => (remove ? "delete" : "retain");
    return [
        ...CREATED_LOAD_BALANCER_TYPES.map((resourceType) => ({ resourceType, deleteMode: mode(deleteLoadBalancers) })),
        ...CREATED_LOG_PROJECT_TYPES.map((resourceType) => ({ resourceType, deleteMode: mode(deleteLogProjects) })),
    ];
}

/** The `ManagedKubernetes` of a created cluster. */
export interface AckManagedClusterPlan {
    name: string;
    clusterSpec: string;
    version?: string;
    serviceCidr: string;
    slbInternetEnabled: boolean;
    deletionProtection: boolean;
    /** What ACK deletes with the cluster (load balancers and log projects it created). */
    deleteOptions: ClusterDeleteOption[];
    addons: ClusterAddon[];
    resourceGroupId?: string;
    tags?: Record<string, string>;
    /** Only with given vSwitches; a created network brings its own NAT gateway. */
    newNatGateway: boolean;
}

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

/** ACK's Kubernetes versions: "1.33.1-aliyun.1". */
function isAckKubernetesVersion(text: unknown): boolean {
    const v = parseVersion(text);
    return v !== undefined && !v.v && v.numbers.length === 3 && /^aliyun\.\d+$/.test(v.suffix ?? "");
}
const ADDON_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NODE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The add-ons: ACK's defaults, then the user's, each checked on its own and named once. */
function planAddons(c: Checker, addons: AckClusterPlanInput["addons"]): ClusterAddon[] {
    const extra = (addons ?? []).map((a, i) => {
        c.part(() => checkAddon(c, a, `addons[${i}]`));
        return { name: a?.name, config: a?.config, version: a?.version, disabled: a?.disabled };
    });
    extra.forEach((a, i) =>
        c.part(() => c.check(!extra.slice(0, i).some((b) => b.name === a.name), `addons[${i}].name`, a.name, "expected each add-on once")),
    );
    const defaults = DEFAULT_ADDONS.filter((d) => !extra.some((a) => a.name === d)).map((name) => ({ name }));
    const defined = (a: ClusterAddon): ClusterAddon => {
        const { name, config, version, disabled } = a;
        return {
            name,
            ...(config !== undefined ? { config } : {}),
            ...(version !== undefined ? { version } : {}),
            ...(disabled !== undefined ? { disabled } : {}),
        };
    };
    return [...defaults, ...extra].map(defined);
}

function checkAddon(c: Checker, a: NonNullable<AckClusterPlanInput["addons"]>[number], field: string): void {
    c.check(
        !!a && typeof a.name === "string" && ADDON_NAME.test(a.name),
        `${field}.name`,
        a?.name,
        'expected an ACK add-on name such as "arms-prometheus"',
    );
    c.check(
        a.name !== "flannel",
        `${field}.name`,
        a.name,
        "expected not flannel: the cluster uses Terway (pod vSwitches), so pods and ECI get VPC addresses",
    );
    if (a.config !== undefined) {
        let ok = typeof a.config === "string";
        try {
            if (ok) JSON.parse(a.config);
        } catch {
            ok = false;
        }
        c.check(ok, `${field}.config`, a.config, "expected a JSON string (see alicloud.cs.getKubernetesAddonMetadata for the schema)");
    }
    checkAddonVersion(c, `${field}.version`, a.version);
}

/** Alibaba Cloud allows at most 20 tags on a resource. */
export const MAX_TAGS = 20;

/** The tags: at most 20, each key and value on its own. */
function checkTags(c: Checker, tags: Record<string, string> | undefined): void {
    const count = Object.keys(tags ?? {}).length;
    c.part(() =>
        c.check(count <= MAX_TAGS, "tags", tags, `expected at most ${MAX_TAGS} tags (Alibaba Cloud's limit per resource), not ${count}`),
    );
    for (const [key, value] of Object.entries(tags ?? {})) {
        c.part(() => {
            c.check(
                key.length >= 1 && key.length <= 128 && !/^(aliyun|acs:)/i.test(key) && !/https?:\/\//.test(key),
                "tags key",
                key,
                'expected 1 to 128 characters, not starting with "aliyun" or "acs:" and without "http://" or "https://"',
            );
            c.check(
                typeof value === "string" && value.length <= 128 && !/https?:\/\//.test(value),
                `tags["${key}"]`,
                value,
                'expected at most 128 characters without "http://" or "https://"',
            );
        });
    }
}

/** The created cluster's settings, each checked on its own. */
function planManagedCluster(
    c: Checker,
    resourceName: string,
    s: AckClusterPlanInput,
    network: AckNetworkPlan | undefined,
): AckManagedClusterPlan | undefined {
    const name = c.part(() => {
        checkAckName(c, "clusterName", s.clusterName ?? ackName(resourceName));
        return s.clusterName ?? ackName(resourceName);
    });
    const clusterSpec = c.part(() => {
        c.oneOf(s.clusterSpec ?? DEFAULT_CLUSTER_SPEC, "clusterSpec", CLUSTER_SPECS);
        return s.clusterSpec ?? DEFAULT_CLUSTER_SPEC;
    });
    c.part(() => {
        if (s.kubernetesVersion !== undefined)
            c.check(
                isAckKubernetesVersion(String(s.kubernetesVersion)),
                "kubernetesVersion",
                s.kubernetesVersion,
                'expected an ACK version such as "1.33.1-aliyun.1"',
            );
    });
    const vpc = network ? parseCidr(network.vpcCidr) : undefined;
    const serviceCidr = c.part(() => checkServiceCidr(c, s.serviceCidr ?? DEFAULT_SERVICE_CIDR, vpc));
    for (const key of [
        "apiServerPublic",
        "deletionProtection",
        "deleteCreatedLoadBalancers",
        "deleteCreatedLogProjects",
        "newNatGateway",
    ] as const) {
        c.part(() => {
            if (s[key] !== undefined) c.check(typeof s[key] === "boolean", key, s[key], "expected true or false");
        });
    }
    c.part(() => {
        if (s.resourceGroupId !== undefined)
            c.check(
                typeof s.resourceGroupId === "string" && s.resourceGroupId !== "",
                "resourceGroupId",
                s.resourceGroupId,
                'expected a resource group id such as "rg-acfm2..."',
            );
    });
    c.part(() => checkTags(c, s.tags));
    const addons = c.part(() => planAddons(c, s.addons));
    if (name === undefined || clusterSpec === undefined || serviceCidr === undefined || addons === undefined) return undefined;
    return {
        name,
        clusterSpec,
        ...(s.kubernetesVersion !== undefined ? { version: s.kubernetesVersion } : {}),
        serviceCidr,
        slbInternetEnabled: s.apiServerPublic ?? false,
        deletionProtection: s.deletionProtection ?? true,
        deleteOptions: clusterDeleteOptions(s.deleteCreatedLoadBalancers ?? true, s.deleteCreatedLogProjects ?? false),
        addons,
        ...(s.resourceGroupId !== undefined ? { resourceGroupId: s.resourceGroupId } : {}),
        ...(s.tags !== undefined ? { tags: s.tags } : {}),
        newNatGateway: s.newNatGateway ?? false,
    };
}

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
    return c.collect(() => {
        const s = shapedArgs(c, PLAN_INPUT_SHAPE, args, "resolved");
        const layout = c.part(() => checkAckClusterLayout(c, resourceName, s));
        const ecsNodeLabel = c.part(() => checkEcsNodeLabel(c, s.ecsNodeLabel));
        c.part(() => c.integer(s.kubeconfigExpirationMinutes, "kubeconfigExpirationMinutes", 15, 4320));
        c.part(() => {
            if (s.existingClusterId !== undefined && !generated.has("existingClusterId"))
                c.check(
                    typeof s.existingClusterId === "string" && /^c[a-z0-9]{8,}$/.test(s.existingClusterId),
                    "existingClusterId",
                    s.existingClusterId,
                    'expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a"',
                );
        });
        const ecsNodeNames = c.part(() => checkEcsNodeNames(c, s.ecsNodeNames ?? []));
        c.part(() => c.oneOf(s.kubeconfigEndpoint, "kubeconfigEndpoint", Object.values(KubeconfigEndpoint)));
        if (!layout || !ecsNodeLabel || !ecsNodeNames) return undefined;
        const plan: AckClusterPlan = {
            layout,
            ecsNodeLabel,
            ecsNodeNames,
            ...(s.kubeconfigExpirationMinutes !== undefined ? { kubeconfigExpirationMinutes: s.kubeconfigExpirationMinutes } : {}),
            ...(s.kubeconfigEndpoint !== undefined ? { kubeconfigEndpoint: s.kubeconfigEndpoint } : {}),
            ...(s.existingClusterId !== undefined ? { existingClusterId: s.existingClusterId } : {}),
        };
        return layout.mode === AckClusterMode.Create ? planCreated(c, resourceName, s, plan, generated) : plan;
    });
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

/** A created cluster's network (created or given), cluster, kubeconfig endpoint and node pool, each on its own. */
function planCreated(
    c: Checker,
    resourceName: string,
    s: AckClusterPlanInput,
    plan: AckClusterPlan,
    generated: ReadonlySet<string>,
): AckClusterPlan | undefined {
    const { layout } = plan;
    if (layout.createNetwork) {
        plan.network = c.part(() => planNetwork(c, s, layout.zoneCount));
    } else {
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
        plan.givenNetwork = c.part(() => ({
            vswitchIds: s.vswitchIds!,
            podVswitchIds: s.podVswitchIds ?? s.vswitchIds!,
            ...(s.securityGroupId !== undefined ? { securityGroupId: s.securityGroupId } : {}),
        }));
    }
    // A wrong created network leaves the service CIDR unchecked against it (`plan.network` undefined).
    plan.cluster = c.part(() => planManagedCluster(c, resourceName, s, plan.network));
    // getClusterCredential asks ACK for the internet credential only; without a public endpoint the kubeconfig
    // must point at the intranet one (see kubeconfigForEndpoint).
    const publicEndpoint = plan.cluster?.slbInternetEnabled;
    if (publicEndpoint !== undefined) {
        plan.kubeconfigEndpoint = c.part(() => {
            const endpoint = s.kubeconfigEndpoint ?? (publicEndpoint ? KubeconfigEndpoint.Public : KubeconfigEndpoint.Private);
            c.check(
                publicEndpoint || endpoint === KubeconfigEndpoint.Private,
                "kubeconfigEndpoint",
                endpoint,
                'expected "private" (or unset) while apiServerPublic is false: the cluster gets no public API server endpoint; set apiServerPublic: true to manage it from outside the VPC',
            );
            return endpoint;
        });
    }
    const ecsNodeLabel = plan.ecsNodeLabel;
    if (layout.createNodePool) plan.nodePool = c.part(() => planNodePool(c, resourceName, s.nodePool ?? {}, ecsNodeLabel));
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
