import { type Cidr, contains, formatCidr, overlaps, parseCidr, subnet } from "../core/cidr";
import { declaredPart } from "../core/declaredPart";
import { type Checker, InputError } from "../core/errors";

/** Zones a created network may span: one node and one pod vSwitch per zone, carved from the VPC CIDR. */
export const MIN_ZONES = 2;
export const MAX_CREATED_ZONES = 3;

export const DEFAULT_VPC_CIDR = "192.168.0.0/16";
export const DEFAULT_SERVICE_CIDR = "172.21.0.0/20";
export const DEFAULT_EIP_BANDWIDTH = 100;

/** Address ranges a VPC or service CIDR may not touch (this-network, ACK/SLB shared space, loopback, link-local, multicast). */
const RESERVED = ["0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/3"].map((t) => parseCidr(t)!);
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((t) => parseCidr(t)!);

/** Settings of a created network, as the planner receives them (resolved). */
export interface NetworkSettings {
    vpcCidr?: string;
    zoneIds?: string[];
    vswitchCidrs?: string[];
    podVswitchCidrs?: string[];
    eipBandwidth?: number;
}

/** What a created network looks like. Zone ids are absent when they come from `alicloud.getZones`. */
export interface AckNetworkPlan {
    vpcCidr: string;
    /** The given zones, one per vSwitch; undefined when picked by `pickZones` at deployment. */
    zoneIds?: string[];
    /** Node (and control plane) vSwitch CIDRs, one per zone. */
    vswitchCidrs: string[];
    /** Terway pod vSwitch CIDRs (pods and ECI), one per zone. */
    podVswitchCidrs: string[];
    /** EIP peak bandwidth in Mbit/s, as the string the EIP resource takes. */
    eipBandwidth: string;
}

/**
 * The default layout for `zoneCount` zones in `vpc`: the VPC is cut into quarters (at least /16 each);
 * quarter 0 holds the node vSwitches (a quarter of a quarter each), quarters 1–3 are the pod vSwitches,
 * since pods and ECI instances outnumber nodes. For 192.168.0.0/16: nodes 192.168.0.0/20,
 * 192.168.16.0/20; pods 192.168.64.0/18, 192.168.128.0/18.
 */
export function defaultLayout(vpc: Cidr, zoneCount: number): { nodes: Cidr[]; pods: Cidr[] } {
    const podPrefix = Math.max(vpc.prefix + 2, 16);
    const podBlock0 = subnet(vpc, podPrefix, 0);
    const zones = [...Array(zoneCount).keys()];
    return {
        nodes: zones.map((i) => subnet(podBlock0, podPrefix + 2, i)),
        pods: zones.map((i) => subnet(vpc, podPrefix, i + 1)),
    };
}

function checkCidr(c: Checker, field: string, text: string | undefined, minPrefix: number, maxPrefix: number, example: string): Cidr {
    const cidr = parseCidr(text as string);
    if (!cidr || cidr.prefix < minPrefix || cidr.prefix > maxPrefix) {
        c.fail(
            field,
            text,
            `expected an IPv4 CIDR block such as "${example}" (its first address) with a prefix from /${minPrefix} to /${maxPrefix}`,
        );
    }
    return cidr;
}

function checkNotReserved(c: Checker, field: string, text: string, cidr: Cidr): void {
    const hit = RESERVED.find((r) => overlaps(r, cidr));
    if (hit) c.fail(field, text, `expected a block clear of the reserved range ${formatCidr(hit)}`);
}

/** Validates the service CIDR and, when the VPC CIDR is known, that they do not overlap. */
export function checkServiceCidr(c: Checker, text: string, vpc: Cidr | undefined): string {
    const field = "serviceCidr";
    const cidr = checkCidr(c, field, text, 16, 24, DEFAULT_SERVICE_CIDR);
    c.check(
        PRIVATE.some((p) => contains(p, cidr)),
        field,
        text,
        "expected a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
    );
    if (vpc && overlaps(vpc, cidr)) c.fail(field, text, `expected a block outside the VPC CIDR ${formatCidr(vpc)}`);
    return text;
}

/**
 * Zone ids: well-formed, at least two different ones (a cluster whose vSwitches share one zone does not
 * survive that zone's outage) and, for a created network, each once (one node and one pod vSwitch per zone).
 */
export function checkZoneIds(c: Checker, zoneIds: string[], eachOnce: boolean): void {
    zoneIds.forEach((z, i) =>
        c.check(typeof z === "string" && /^[a-z]+-[a-z0-9-]+$/.test(z), `zoneIds[${i}]`, z, 'expected a zone id such as "cn-hangzhou-h"'),
    );
    const distinct = new Set(zoneIds).size;
    if (eachOnce) {
        c.check(
            distinct === zoneIds.length,
            "zoneIds",
            zoneIds,
            "expected each zone once: a created network gets one node and one pod vSwitch per zone",
        );
    }
    c.check(
        distinct >= MIN_ZONES,
        "zoneIds",
        zoneIds,
        `expected at least ${MIN_ZONES} different zones, so the cluster survives a zone outage (vSwitches all in one zone are a single point of failure)`,
    );
}

/**
 * Validates a created network's settings, each on its own, and plans its CIDRs. `zoneCount` comes from the layout.
 * The vSwitch blocks are checked against a VPC CIDR that is right itself, and against each other once each is right.
 */
export function planNetwork(c: Checker, s: NetworkSettings, zoneCount: number): AckNetworkPlan | undefined {
    const vpcText = s.vpcCidr ?? DEFAULT_VPC_CIDR;
    const vpc = c.part(() => {
        const cidr = checkCidr(c, "vpcCidr", vpcText, 8, 24, DEFAULT_VPC_CIDR);
        checkNotReserved(c, "vpcCidr", vpcText, cidr);
        return cidr;
    });
    if (s.zoneIds !== undefined) {
        const zoneIds = s.zoneIds;
        c.part(() => checkZoneIds(c, zoneIds, true));
    }
    const blocks = vpc && planBlocks(c, s, vpc, zoneCount);
    const bandwidth = c.part(() => {
        c.integer(s.eipBandwidth ?? DEFAULT_EIP_BANDWIDTH, "eipBandwidth", 1, 200);
        return s.eipBandwidth ?? DEFAULT_EIP_BANDWIDTH;
    });
    if (!blocks || bandwidth === undefined) return undefined;
    return {
        vpcCidr: vpcText,
        zoneIds: s.zoneIds,
        vswitchCidrs: blocks.slice(0, zoneCount).map((b) => b.text),
        podVswitchCidrs: blocks.slice(zoneCount).map((b) => b.text),
        eipBandwidth: String(bandwidth),
    };
}

/** The node and pod vSwitch blocks, each inside the VPC, none overlapping another. */
function planBlocks(
    c: Checker,
    s: NetworkSettings,
    vpc: Cidr,
    zoneCount: number,
): { name: string; text: string; cidr: Cidr }[] | undefined {
    const layout = defaultLayout(vpc, zoneCount);
    const blocks = (field: "vswitchCidrs" | "podVswitchCidrs", given: string[] | undefined, defaults: Cidr[]) =>
        (given ?? defaults.map(formatCidr)).map((text, i) => {
            const name = `${field}[${i}]`;
            return c.part(() => {
                const cidr = checkCidr(c, name, text, 16, 29, formatCidr(defaults[i]));
                c.check(contains(vpc, cidr), name, text, `expected a block inside vpcCidr ${formatCidr(vpc)}`);
                return { name, text, cidr };
            });
        });
    const all = [...blocks("vswitchCidrs", s.vswitchCidrs, layout.nodes), ...blocks("podVswitchCidrs", s.podVswitchCidrs, layout.pods)];
    if (all.some((b) => b === undefined)) return undefined;
    const right = all as { name: string; text: string; cidr: Cidr }[];
    right.forEach((a, i) =>
        c.part(() =>
            right
                .slice(0, i)
                .forEach((b) =>
                    c.check(!overlaps(a.cidr, b.cidr), a.name, a.text, `expected a block that does not overlap ${b.name} (${b.text})`),
                ),
        ),
    );
    return right;
}

/** The zones given for a created network whose layout picks none (both read whether `zoneIds` is given). */
export function givenZoneIds(network: AckNetworkPlan): string[] {
    return declaredPart(network.zoneIds, `the given zones of network ${network.vpcCidr}`);
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
    return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] ?? "");
}

/** What the zone data sources report when a created network's zones are picked at deployment. */
export interface ZoneOffers {
    /**
     * Zones `alicloud.getZones` reports where vSwitches can be created and, when `instanceType` is set,
     * that instance type is offered (pay-as-you-go).
     */
    vswitchZones: string[];
    /** The instance type `vswitchZones` was filtered by (the node pool's first); undefined without a node pool. */
    instanceType?: string;
    /** Zones where an Enhanced NAT gateway can be created (`vpc.getEnhancedNatAvailableZones`); undefined when none is created. */
    natZones?: string[];
}

/**
 * Picks `count` zones offering everything the created network and node pool need: the zones of
 * `vswitchZones` that are also in `natZones` (when given), sorted, the first `count`. Sorting keeps the
 * choice stable while the lists are. Runs at deployment, when the data sources answer; too few zones is
 * an `InputError` then, naming what each data source reported.
 */
export function pickZones(resource: string, offers: ZoneOffers, count: number): string[] {
    const vswitchZones = [...new Set(offers.vswitchZones ?? [])].sort();
    const natZones = offers.natZones === undefined ? undefined : [...new Set(offers.natZones)].sort();
    const zones = natZones === undefined ? vswitchZones : vswitchZones.filter((z) => natZones.includes(z));
    if (zones.length < Math.max(count, MIN_ZONES)) {
        const needs = [
            "vSwitches can be created",
            ...(offers.instanceType !== undefined ? [`instance type ${offers.instanceType} is offered`] : []),
            ...(natZones !== undefined ? ["an Enhanced NAT gateway can be created"] : []),
        ];
        const reported = [
            `alicloud.getZones reported ${JSON.stringify(vswitchZones)}`,
            ...(natZones !== undefined ? [`vpc.getEnhancedNatAvailableZones reported ${JSON.stringify(natZones)}`] : []),
        ];
        throw new InputError(
            resource,
            "zoneIds (picked at deployment)",
            zones,
            `expected at least ${Math.max(count, MIN_ZONES)} zones in this region where ${listed(needs)} (${reported.join("; ")}); ` +
                "pass zoneIds explicitly" +
                (offers.instanceType !== undefined
                    ? ", or put an instance type offered in more zones first in nodePool.instanceTypes"
                    : ""),
        );
    }
    return zones.slice(0, count);
}

/**
 * The name a created VPC, vSwitch, security group, NAT gateway or EIP carries in Alibaba Cloud: the
 * child's Pulumi name with characters those names do not allow replaced by '-', prefixed `ack-` when it
 * does not start with a letter (2–128 characters).
 */
export function cloudName(childName: string): string {
    const cleaned = childName.replace(/[^A-Za-z0-9._-]/g, "-");
    return (/^[A-Za-z]/.test(cleaned) ? cleaned : `ack-${cleaned}`).slice(0, 128);
}
