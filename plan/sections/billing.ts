import { ECI_ANNOTATIONS } from "../../sdk/render/knativeService/eciOptions";
import { ECI_USE_SPECS } from "../../sdk/render/knativeService/knativeService";
import { RESERVE_ANNOTATIONS } from "../../sdk/render/knativeService/reservedInstance";
import type { RecordedResource } from "../engine/mockEngine";
import {
    ADDON_TYPE,
    ALICLOUD_PREFIX,
    CLUSTER_TYPE,
    EIP_ASSOCIATION_TYPE,
    EIP_TYPE,
    IMAGE_CACHE_TYPE,
    KSVC_TYPE,
    NAT_TYPE,
    NODE_POOL_TYPE,
    RESOURCE_POLICY_TYPE,
    SECURITY_GROUP_TYPE,
    SNAT_ENTRY_TYPE,
    VPC_TYPE,
    VSWITCH_TYPE,
} from "../resourceTypes";
import type { PlacementTable, ServicePlacement } from "./placementTable";
import { compare, obj, printable, SECRET_TEXT, str, stringMap, UNKNOWN_TEXT } from "./printable";
import { describeResource, urnDescriber } from "./resourceTree";

/**
 * "What will be billed": every billable resource the program declares, with the settings that decide
 * its cost, as the program sets them. No prices. A setting the program leaves to the cloud prints as
 * unknown, and so does a value only known after deployment.
 */

/** Alibaba Cloud resources that cost nothing themselves (what they carry is billed elsewhere). */
const FREE_TYPES = new Set([VPC_TYPE, VSWITCH_TYPE, SECURITY_GROUP_TYPE, SNAT_ENTRY_TYPE, EIP_ASSOCIATION_TYPE, ADDON_TYPE]);

const NOT_SET = "unknown (not set: the cloud's default)";

export interface BilledResource {
    /** What it is, e.g. `ECS node pool`. */
    what: string;
    /** `name (type)`. */
    resource: string;
    /** Setting name → value, in print order. */
    settings: [string, string][];
}

export interface BillingSection {
    billed: BilledResource[];
    /** `namespace/name` of Knative Services whose pods run only on ECS nodes (billed with the nodes). */
    ecsOnlyServices: string[];
    /** Alibaba Cloud resources of types the plan has no billing settings for. */
    unclassified: string[];
}

/** A printable input value as text; unknown and secret values say so. */
function text(value: unknown, unit = ""): string {
    if (value === undefined || value === null || value === "") return NOT_SET;
    if (value === UNKNOWN_TEXT) return "unknown (known after deployment)";
    if (value === SECRET_TEXT) return SECRET_TEXT;
    if (Array.isArray(value)) return value.length ? value.map((v) => text(v)).join(", ") : NOT_SET;
    if (typeof value === "object") return JSON.stringify(value);
    return `${String(value)}${unit}`;
}

/** ECS charge types, as the provider spells them. */
function chargeType(value: unknown): string {
    const meaning: Record<string, string> = { PostPaid: "pay-as-you-go", PrePaid: "subscription" };
    return typeof value === "string" && meaning[value] ? `${value} (${meaning[value]})` : text(value);
}

function onOff(value: unknown): string {
    return value === true ? "on" : value === false ? "off" : text(value);
}

function cluster(inputs: Record<string, unknown>): [string, string][] {
    const spec = inputs.clusterSpec;
    const controlPlane =
        typeof spec === "string" && spec.startsWith("ack.pro")
            ? "billed by the hour (ACK Pro cluster management fee)"
            : spec === "ack.standard"
              ? "not billed (ACK Basic)"
              : "unknown";
    return [
        ["cluster spec", text(spec)],
        ["control plane", controlPlane],
        ["public API endpoint", inputs.slbInternetEnabled === undefined ? NOT_SET : onOff(inputs.slbInternetEnabled)],
        [
            "NAT gateway by ACK",
            inputs.newNatGateway === true ? "yes (type and billing chosen by ACK: unknown)" : onOff(inputs.newNatGateway),
        ],
        ["deletion protection", onOff(inputs.deletionProtection)],
    ];
}

function nodePool(inputs: Record<string, unknown>): [string, string][] {
    const scaling = obj(inputs.scalingConfig);
    const autoscaling =
        scaling.enable === true
            ? `on, ${text(scaling.minSize)} to ${text(scaling.maxSize)} nodes`
            : scaling.enable === false
              ? "off"
              : NOT_SET;
    const rows: [string, string][] = [
        [
            "instance types",
            Array.isArray(inputs.instanceTypes) ? `${text(inputs.instanceTypes)} (in order of priority)` : text(inputs.instanceTypes),
        ],
        ["nodes", text(inputs.desiredSize)],
        ["autoscaling", autoscaling],
        ["billing", chargeType(inputs.instanceChargeType)],
        ["spot", inputs.spotStrategy === undefined ? "not set (the provider's default: NoSpot)" : text(inputs.spotStrategy)],
        [
            "system disk",
            inputs.systemDiskCategory || inputs.systemDiskSize
                ? `${text(inputs.systemDiskCategory)}, ${text(inputs.systemDiskSize, " GiB")} per node`
                : NOT_SET,
        ],
    ];
    const dataDisks = Array.isArray(inputs.dataDisks) ? inputs.dataDisks.map(obj) : [];
    rows.push([
        "data disks",
        dataDisks.length ? dataDisks.map((d) => `${text(d.category)} ${text(d.size, " GiB")}`).join("; ") + " per node" : "none",
    ]);
    if (inputs.internetMaxBandwidthOut !== undefined) {
        rows.push(["node public IPs", `${text(inputs.internetMaxBandwidthOut, " Mbit/s")}, ${text(inputs.internetChargeType)}`]);
    }
    return rows;
}

function natGateway(inputs: Record<string, unknown>): [string, string][] {
    const rows: [string, string][] = [
        ["type", text(inputs.natType)],
        ["billing", `${text(inputs.paymentType ?? inputs.instanceChargeType)}, ${text(inputs.internetChargeType)}`],
    ];
    if (inputs.specification !== undefined) rows.push(["specification", text(inputs.specification)]);
    return rows;
}

function eip(inputs: Record<string, unknown>): [string, string][] {
    return [
        ["bandwidth", text(inputs.bandwidth, " Mbit/s")],
        ["billing", `${text(inputs.paymentType ?? inputs.instanceChargeType)}, ${text(inputs.internetChargeType)}`],
        ["line", text(inputs.isp)],
    ];
}

function imageCache(inputs: Record<string, unknown>): [string, string][] {
    return [
        ["images", text(inputs.images)],
        ["size", text(inputs.imageCacheSize, " GiB")],
        ["retention", text(inputs.retentionDays, " days")],
        ["pulls through EIP", inputs.eipInstanceId === undefined ? "no" : text(inputs.eipInstanceId)],
    ];
}

const MIN_SCALE = "autoscaling.knative.dev/min-scale";
const MAX_SCALE = "autoscaling.knative.dev/max-scale";

/** ACK ResourcePolicies by the Knative Service they select, as `namespace/name`. */
function policiesByService(resources: RecordedResource[]): Map<string, Record<string, unknown>> {
    const out = new Map<string, Record<string, unknown>>();
    for (const r of resources.filter((x) => x.type === RESOURCE_POLICY_TYPE)) {
        const inputs = obj(printable(r.inputs));
        const service = stringMap(obj(obj(inputs.spec).selector))["serving.knative.dev/service"];
        if (service) out.set(`${str(obj(inputs.metadata).namespace) ?? "default"}/${service}`, inputs);
    }
    return out;
}

/** How the ksvc's pods reach ECI, from the placement table; undefined when they never do. */
function eciReach(p: ServicePlacement, policy: Record<string, unknown> | undefined): string | undefined {
    if (!p.mayRunOnEci) return undefined;
    if (p.injection) return "ECI only (namespace injection)";
    if (policy) {
        const units = (obj(policy.spec).units as unknown[] | undefined)?.map(obj) ?? [];
        const ecs = units.find((u) => u.resource === "ecs");
        return `ECS first${ecs?.max !== undefined ? ` (at most ${text(ecs.max)} pods)` : ""}, then ECI (ResourcePolicy)`;
    }
    const onEcs = p.fits.some((f) => f.node.kind !== "ECI virtual node" && f.fit.fits);
    return onEcs || p.fits.length === 0 ? "ECS nodes or ECI" : "ECI only";
}

/** ACK's reserved instance, from its revision-template annotations. */
function reservedInstance(a: Record<string, string>): string {
    if (a[RESERVE_ANNOTATIONS.enabled] !== "enable") return "none";
    const type = a[RESERVE_ANNOTATIONS.type] ?? "eci";
    const specs = a[RESERVE_ANNOTATIONS.eciSpecs]
        ? `${a[RESERVE_ANNOTATIONS.eciSpecs].split(",").join(", ")} (tried in order)`
        : type === "eci"
          ? "ACK's default specs: the cheapest burstable types of at least 1 vCPU and 2 GiB"
          : "on the ECS nodes";
    return `${a[RESERVE_ANNOTATIONS.replicas] ?? "1"} × ${type} pod, ${specs}; always running while the Service is idle (billed)`;
}

function service(r: RecordedResource, reach: string): [string, string][] {
    const template = obj(obj(obj(printable(r.inputs)).spec).template);
    const a = stringMap(obj(template.metadata).annotations);
    const containers = (Array.isArray(obj(template.spec).containers) ? (obj(template.spec).containers as unknown[]) : []).map(obj);
    const sized = containers
        .map((c) => obj(c.resources))
        .map((res) => ({ ...stringMap(res.requests), ...stringMap(res.limits) }))
        .filter((m) => Object.keys(m).length > 0)
        .map((m) =>
            Object.entries(m)
                .map(([k, v]) => `${k}=${v}`)
                .join(" "),
        );
    const specs = a[ECI_USE_SPECS]
        ? `${a[ECI_USE_SPECS].split(",").join(", ")} (tried in order)`
        : sized.length
          ? `not set: sized from the containers' resources (${sized.join("; ")})`
          : "unknown (not set: ECI's default size)";
    const spot = a[ECI_ANNOTATIONS.spotStrategy];
    const cache = a[ECI_ANNOTATIONS.imageCacheId]
        ? `pinned to ${a[ECI_ANNOTATIONS.imageCacheId]}`
        : a[ECI_ANNOTATIONS.autoImageCache] === "false"
          ? "off (no automatic matching)"
          : a[ECI_ANNOTATIONS.autoImageCache] === "true"
            ? "matched automatically"
            : "not set (ECI's automatic matching, on by default, may create a billed cache)";
    return [
        ["runs on", reach],
        ["ECI specs", specs],
        [
            "min scale",
            a[MIN_SCALE]
                ? `${a[MIN_SCALE]} (pods always running, billed while the Service exists)`
                : "not set (the cluster's default; Knative's is 0: scales to zero)",
        ],
        ["max scale", a[MAX_SCALE] ? a[MAX_SCALE] : "not set (the cluster's default; Knative's is 0: no limit)"],
        ["reserved instance", reservedInstance(a)],
        ["spot", spot ?? "none (pay-as-you-go)"],
        ["spot price limit", a[ECI_ANNOTATIONS.spotPriceLimit] ?? (spot === "SpotWithPriceLimit" ? NOT_SET : "-")],
        ["extra storage", a[ECI_ANNOTATIONS.extraEphemeralStorage] ?? "none"],
        ["image cache", cache],
    ];
}

export function billingSection(resources: RecordedResource[], table: PlacementTable): BillingSection {
    const describe = urnDescriber(resources);
    const billed: BilledResource[] = [];
    const unclassified: string[] = [];
    const byName = (a: RecordedResource, b: RecordedResource): number => compare(a.name, b.name);
    const kinds: [string, string, (inputs: Record<string, unknown>) => [string, string][]][] = [
        [CLUSTER_TYPE, "ACK cluster", cluster],
        [NODE_POOL_TYPE, "ECS node pool", nodePool],
        [NAT_TYPE, "NAT gateway", natGateway],
        [EIP_TYPE, "EIP", eip],
        [IMAGE_CACHE_TYPE, "ECI image cache", imageCache],
    ];
    for (const [type, what, settings] of kinds) {
        for (const r of resources.filter((x) => x.type === type).sort(byName)) {
            billed.push({ what, resource: describeResource(r), settings: settings(obj(printable(r.inputs, describe))) });
        }
    }
    const known = new Set([...kinds.map((k) => k[0]), ...FREE_TYPES]);
    for (const r of resources.filter((x) => x.custom && x.type.startsWith(ALICLOUD_PREFIX) && !known.has(x.type)).sort(byName)) {
        unclassified.push(describeResource(r));
    }
    const ksvcs = new Map(resources.filter((r) => r.type === KSVC_TYPE).map((r) => [r.name, r]));
    const policies = policiesByService(resources);
    const ecsOnlyServices: string[] = [];
    for (const p of table.services) {
        const r = ksvcs.get(p.resource)!;
        const reach = eciReach(p, policies.get(p.service));
        if (reach === undefined) ecsOnlyServices.push(p.service);
        else
            billed.push({
                what: `Knative Service ${p.service} (may run on ECI)`,
                resource: describeResource(r),
                settings: service(r, reach),
            });
    }
    return { billed, ecsOnlyServices, unclassified };
}

/** Lines of the section: a heading per resource, then one setting per line, so a diff shows each change. */
export function renderBilling(section: BillingSection): string {
    const lines = ['Settings that decide the cost of each billable resource (no prices). "unknown": the cloud decides.'];
    if (section.billed.length === 0) lines.push("", "No billable resources declared.");
    for (const b of section.billed) {
        lines.push("", `${b.what}: ${b.resource}`);
        const width = Math.max(...b.settings.map(([k]) => k.length)) + 1;
        lines.push(...b.settings.map(([k, v]) => `  ${`${k}:`.padEnd(width)}  ${v}`));
    }
    if (section.ecsOnlyServices.length) {
        lines.push("", "Knative Services on ECS nodes only (billed with the node pool):", ...section.ecsOnlyServices.map((s) => `  ${s}`));
    }
    if (section.unclassified.length) {
        lines.push(
            "",
            "Other Alibaba Cloud resources (the plan knows no billing settings for their type):",
            ...section.unclassified.map((s) => `  ${s}`),
        );
    }
    lines.push(
        "",
        "Billed but not declared here: load balancers the cluster creates for Services of type LoadBalancer (e.g. the Knative gateway's).",
    );
    return lines.join("\n");
}
