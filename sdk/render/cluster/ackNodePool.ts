import type { AckClusterSettings } from "./ackClusterArgs";
import type { NodeLabelArgs } from "../core/nodeLabelArgs";
import type { Checker } from "../core/errors";
import { checkLabels, checkNodeLabel, isEcsInstanceType } from "../core/names";
import { DEFAULT_ECS_NODE_LABEL, type NodeLabel } from "../core/placement";

type NodePoolSettings = NonNullable<AckClusterSettings["nodePool"]>;

/**
 * Cost-aware defaults: 2 vCPU pay-as-you-go types (ACK's minimum node size is 2 vCPU / 4 GiB), compute
 * (1:2) before general purpose (1:4), two generations so one sold-out type does not block the pool.
 */
export const DEFAULT_INSTANCE_TYPES = ["ecs.c7.large", "ecs.c6.large", "ecs.g7.large", "ecs.g6.large"] as const;
/**
 * Three nodes: ACK's Knative needs at least three worker nodes on a managed cluster ("Deploy Knative",
 * https://www.alibabacloud.com/help/doc-detail/121509.htm); they are spread over the zones.
 */
export const DEFAULT_DESIRED_SIZE = 3;
export const DEFAULT_MIN_SIZE = 1;
export const DEFAULT_MAX_SIZE = 3;
export const DEFAULT_SYSTEM_DISK_CATEGORY = "cloud_essd";
export const DEFAULT_SYSTEM_DISK_SIZE = 40;
export const SYSTEM_DISK_CATEGORIES = ["cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud_ssd", "cloud_efficiency"] as const;

const ACK_NAME = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5_-]{0,62}$/;

/** The `cs.NodePool` of a created cluster. */
export interface AckNodePoolPlan {
    nodePoolName: string;
    instanceTypes: string[];
    /** The fixed node count as ACK's string; absent while the autoscaler owns the count. */
    desiredSize?: string;
    scalingConfig: { enable: boolean; minSize?: number; maxSize?: number };
    /** Kubernetes labels of the nodes, the ECS label first, as `cs.NodePool` takes them. */
    labels: { key: string; value: string }[];
    systemDiskCategory: string;
    systemDiskSize: number;
    keyName?: string;
    /** Spread the nodes evenly over the zones' vSwitches. */
    multiAzPolicy: "BALANCE";
}

/** The fixed node count when none is given: the default, clamped into the bounds. */
function defaultDesiredSize(minSize: number, maxSize: number): number {
    return Math.min(Math.max(DEFAULT_DESIRED_SIZE, minSize), maxSize);
}

/**
 * The ECS nodes a pool always has (its fixed count, or the autoscaler's lower bound) and the field that sets
 * it, from plain settings (defaults where unset). For cross-checks such as ACK Knative's three-node minimum.
 */
export function guaranteedNodeCount(s: { autoscaling?: boolean; desiredSize?: number; minSize?: number; maxSize?: number }): {
    count: number;
    field: string;
} {
    const minSize = s.minSize ?? DEFAULT_MIN_SIZE;
    if (s.autoscaling === true) return { count: minSize, field: "nodePool.minSize" };
    return { count: s.desiredSize ?? defaultDesiredSize(minSize, s.maxSize ?? DEFAULT_MAX_SIZE), field: "nodePool.desiredSize" };
}

/** Validates the ECS node label and resolves its default (`resource-role=ecs`). */
export function checkEcsNodeLabel(c: Checker, label: NodeLabelArgs | undefined): NodeLabel {
    return checkNodeLabel(c, "ecsNodeLabel", label, DEFAULT_ECS_NODE_LABEL);
}

/** A cluster or node pool name ACK accepts, derived from a Pulumi resource name (other characters become '-'). */
export function ackName(text: string, suffix = ""): string {
    const cleaned = text.replace(/[^A-Za-z0-9_-]/g, "-").replace(/^[-_]+/, "") || "ack";
    return `${cleaned.slice(0, 63 - suffix.length)}${suffix}`;
}

/** A cluster or node pool name: 1–63 letters, digits, '-' or '_', starting with a letter or digit. */
export function checkAckName(c: Checker, field: string, value: string): void {
    c.check(
        typeof value === "string" && ACK_NAME.test(value),
        field,
        value,
        "expected 1 to 63 letters, digits, '-' or '_', starting with a letter or digit",
    );
}

function checkCount(c: Checker, field: string, value: number): true {
    c.integer(value, field, 0, 1000);
    return true;
}

/** Validates the node pool settings, each on its own, and plans the `cs.NodePool`. */
export function planNodePool(c: Checker, resourceName: string, s: NodePoolSettings, ecsNodeLabel: NodeLabel): AckNodePoolPlan {
    const nodePoolName = s.nodePoolName ?? ackName(resourceName, "-ecs");
    c.part(() => checkAckName(c, "nodePool.nodePoolName", nodePoolName));
    const instanceTypes = s.instanceTypes ?? [...DEFAULT_INSTANCE_TYPES];
    c.part(() => checkInstanceTypes(c, instanceTypes));
    const sizes = planSizes(c, s);
    const systemDiskCategory = s.systemDiskCategory ?? DEFAULT_SYSTEM_DISK_CATEGORY;
    c.part(() => c.oneOf(systemDiskCategory, "nodePool.systemDiskCategory", SYSTEM_DISK_CATEGORIES));
    const systemDiskSize = s.systemDiskSize ?? DEFAULT_SYSTEM_DISK_SIZE;
    c.part(() => c.integer(systemDiskSize, "nodePool.systemDiskSize", 20, 2048));
    if (s.keyName !== undefined) {
        const keyName = s.keyName;
        c.part(() => c.check(typeof keyName === "string" && keyName !== "", "nodePool.keyName", keyName, "expected an ECS key pair name"));
    }
    checkLabels(c, "nodePool.labels", s.labels);
    if (s.labels && ecsNodeLabel.key in s.labels) {
        const given = s.labels[ecsNodeLabel.key];
        c.part(() =>
            c.fail(
                `nodePool.labels["${ecsNodeLabel.key}"]`,
                given,
                `expected no "${ecsNodeLabel.key}" label: the pool's nodes carry ecsNodeLabel (${ecsNodeLabel.key}=${ecsNodeLabel.value}); change ecsNodeLabel instead`,
            ),
        );
    }
    const labels = [ecsNodeLabel, ...Object.entries(s.labels ?? {}).map(([key, value]) => ({ key, value }))];
    const { autoscaling, minSize, maxSize, desiredSize } = sizes;
    return {
        nodePoolName,
        instanceTypes,
        ...(autoscaling ? {} : { desiredSize: String(desiredSize) }),
        scalingConfig: autoscaling ? { enable: true, minSize, maxSize } : { enable: false },
        labels: labels.map(({ key, value }) => ({ key, value })),
        systemDiskCategory,
        systemDiskSize,
        ...(s.keyName !== undefined ? { keyName: s.keyName } : {}),
        multiAzPolicy: "BALANCE",
    };
}

/** 1 to 10 ECS instance types, each on its own: a type, listed once. */
function checkInstanceTypes(c: Checker, instanceTypes: string[]): void {
    c.check(
        Array.isArray(instanceTypes) && instanceTypes.length >= 1 && instanceTypes.length <= 10,
        "nodePool.instanceTypes",
        instanceTypes,
        "expected 1 to 10 ECS instance types",
    );
    instanceTypes.forEach((t, i) =>
        c.part(() => {
            const field = `nodePool.instanceTypes[${i}]`;
            c.check(isEcsInstanceType(t), field, t, 'expected an ECS instance type such as "ecs.c7.large"');
            c.check(!instanceTypes.slice(0, i).includes(t), field, t, "expected each instance type once");
        }),
    );
}

/** The pool's sizes: each a count, then how they compare (only once each is right), with or without autoscaling. */
function planSizes(c: Checker, s: NodePoolSettings): { autoscaling: boolean; minSize: number; maxSize: number; desiredSize: number } {
    const minSize = s.minSize ?? DEFAULT_MIN_SIZE;
    const maxSize = s.maxSize ?? DEFAULT_MAX_SIZE;
    const autoscaling = s.autoscaling ?? false;
    const desiredSize = s.desiredSize ?? defaultDesiredSize(minSize, maxSize);
    const countsRight = [
        c.part(() => checkCount(c, "nodePool.minSize", minSize)),
        c.part(() => checkCount(c, "nodePool.maxSize", maxSize)),
    ];
    const boundsRight =
        countsRight.every((ok) => ok) &&
        c.part(() => {
            c.check(minSize <= maxSize, "nodePool.minSize", minSize, `expected at most nodePool.maxSize (${maxSize})`);
            return true;
        }) === true;
    c.part(() => {
        c.check(typeof autoscaling === "boolean", "nodePool.autoscaling", autoscaling, "expected true or false");
        // The provider's scaling_config: "`max_size` has to be greater than `min_size`".
        if (autoscaling && boundsRight)
            c.check(
                maxSize > minSize,
                "nodePool.maxSize",
                maxSize,
                `expected more than nodePool.minSize (${minSize}) with autoscaling: ACK's autoscaler needs room to scale; raise maxSize or turn autoscaling off for a fixed count`,
            );
    });
    c.part(() => {
        if (autoscaling)
            c.check(
                s.desiredSize === undefined,
                "nodePool.desiredSize",
                s.desiredSize,
                `expected no desiredSize with autoscaling: the autoscaler sizes the pool between minSize (${minSize}) and maxSize (${maxSize})`,
            );
        checkCount(c, "nodePool.desiredSize", desiredSize);
        if (boundsRight)
            c.check(
                desiredSize >= minSize && desiredSize <= maxSize,
                "nodePool.desiredSize",
                desiredSize,
                `expected a node count within nodePool.minSize to nodePool.maxSize (${minSize} to ${maxSize}); widen the bounds to change it`,
            );
    });
    return { autoscaling, minSize, maxSize, desiredSize };
}
