// The ManagedKubernetes of a created cluster: its spec, version, service CIDR, add-ons, tags and what ACK deletes with it.
import type { AckClusterPlanInput } from "./ackClusterLayout";
import { type AckNetworkPlan, checkServiceCidr, DEFAULT_SERVICE_CIDR } from "./ackNetwork";
import { ackName, checkAckName } from "./ackNodePool";
import { checkAddonVersion } from "../core/addon";
import { parseCidr } from "../core/cidr";
import type { Checker } from "../core/errors";
import { parseVersion } from "../core/version";

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

/** ACK's Kubernetes versions: "1.33.1-aliyun.1". */
function isAckKubernetesVersion(text: unknown): boolean {
    const v = parseVersion(text);
    return v !== undefined && !v.v && v.numbers.length === 3 && /^aliyun\.\d+$/.test(v.suffix ?? "");
}
const ADDON_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

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
export function planManagedCluster(
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
