// The cloud half's bad input (issue 25 item 4): malformed and edge values of every argument of the package that
// reaches the alicloud provider, each with the package's verdict (its one sentence, or null when it accepts), where
// the package puts the value (`target`: the alicloud resource and the arguments it would get) and, where the package
// refuses what the provider's Check and the local Alibaba Cloud both accept, the reason (`stricter`); where the
// package accepts what the local cloud refuses, the reason it cannot know at preview (`cloudOnly`).
//
// tests/tables/cloudBadInput.table.test.ts checks the package's verdicts under mocks (fast);
// tests/engine/cloud/badInput.engine.ts sends every target through the real provider's Check (one `pulumi preview`)
// and the local cloud (one `pulumi up --continue-on-error`), and fails on any row the provider or the cloud refuses
// that the package does not refuse first — or on a `stricter` reason that no longer holds.

import { cloudName } from "../../sdk/render/cluster/ackNetwork";

/** The alicloud resource a value reaches, as the package declares it. */
export type CloudTarget = "cluster" | "nodePool" | "vpc" | "vswitch" | "securityGroup" | "eip" | "addon" | "imageCache";

export interface CloudBadInputRow {
    /** Short and unique: the Pulumi name of the row's resources in the engine test's programs. */
    id: string;
    component: "AckCluster" | "VirtualNode" | "KnativeServing" | "KnativeService";
    /** The component's resource name (the package derives cloud names from it). @default "t" */
    name?: string;
    /** The component's arguments (merged over the component's base arguments). */
    args: Record<string, unknown>;
    /** The package's one sentence, or null when it accepts the value. */
    package: string | null;
    /** Where the package puts the value: the resource and its arguments (merged over the target's base arguments). */
    target: { resource: CloudTarget; args: Record<string, unknown> };
    /** Why the package refuses a value that the provider's Check and the local cloud accept. */
    stricter?: string;
    /** Why the package accepts, at preview, a value that the local cloud refuses. */
    cloudOnly?: string;
    /** Why the row is not sent to the local cloud (only through the provider's Check). */
    notToCloud?: string;
}

const LABEL_NOT_TO_CLOUD =
    "Kubernetes refuses the Node the local cloud's ACK agent makes for it, and the agent then fails every task of the cluster (its neighbours' deletes too)";

const a64 = "a".repeat(64);
const tags21 = Object.fromEntries([...Array(21).keys()].map((i) => [`team${i}`, "x"]));
const eleven = ["c6", "c7", "g6", "g7", "r6", "r7"].flatMap((f) => [`ecs.${f}.large`, `ecs.${f}.xlarge`]).slice(0, 11);
const cache = { mode: "create", vswitchId: "vsw-a1", securityGroupId: "sg-a1" };

const NAME_RULE = "expected 1 to 63 letters, digits, '-' or '_', starting with a letter or digit";
const ADDON_VERSION_RULE =
    'expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers)';

export const CLOUD_BAD_INPUT_ROWS: CloudBadInputRow[] = [
    // ---- the cluster: name, edition, version, service CIDR, tags, resource group, add-ons ----
    {
        id: "name-empty",
        component: "AckCluster",
        args: { clusterName: "" },
        package: `AckCluster "t": clusterName = "" is not valid: ${NAME_RULE}.`,
        target: { resource: "cluster", args: { name: "" } },
    },
    {
        id: "name-64",
        component: "AckCluster",
        args: { clusterName: a64 },
        package: `AckCluster "t": clusterName = "${a64}" is not valid: ${NAME_RULE}.`,
        target: { resource: "cluster", args: { name: a64 } },
    },
    {
        id: "name-63",
        component: "AckCluster",
        args: { clusterName: "a".repeat(63) },
        package: null,
        target: { resource: "cluster", args: { name: "a".repeat(63) } },
    },
    {
        id: "name-dash",
        component: "AckCluster",
        args: { clusterName: "-team" },
        package: `AckCluster "t": clusterName = "-team" is not valid: ${NAME_RULE}.`,
        target: { resource: "cluster", args: { name: "-team" } },
        stricter: "ACK's CreateCluster documents names that do not start with '-'; the provider checks only the length",
    },
    {
        id: "name-dot",
        component: "AckCluster",
        args: { clusterName: "team.prod" },
        package: `AckCluster "t": clusterName = "team.prod" is not valid: ${NAME_RULE}.`,
        target: { resource: "cluster", args: { name: "team.prod" } },
        stricter: "ACK's CreateCluster documents names of letters, digits and '-'; the provider checks only the length",
    },
    {
        id: "default-name-64",
        component: "AckCluster",
        name: a64,
        args: {},
        package: null,
        // The default name is the resource name cut to 63 characters.
        target: { resource: "cluster", args: { name: "a".repeat(63) } },
    },
    {
        id: "resource-name-dot",
        component: "AckCluster",
        name: "team.prod",
        args: { clusterName: "team-prod" },
        package: null,
        // The package names the created security group after the resource; ECS names may hold '.'.
        target: { resource: "securityGroup", args: { securityGroupName: cloudName("team.prod-sg") } },
    },
    {
        id: "spec-unknown",
        component: "AckCluster",
        args: { clusterSpec: "ack.pro.medium" },
        package:
            'AckCluster "t": clusterSpec = "ack.pro.medium" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
        target: { resource: "cluster", args: { clusterSpec: "ack.pro.medium" } },
    },
    {
        id: "spec-case",
        component: "AckCluster",
        args: { clusterSpec: "ACK.PRO.SMALL" },
        package:
            'AckCluster "t": clusterSpec = "ACK.PRO.SMALL" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
        target: { resource: "cluster", args: { clusterSpec: "ACK.PRO.SMALL" } },
    },
    {
        id: "spec-empty",
        component: "AckCluster",
        args: { clusterSpec: "" },
        package:
            'AckCluster "t": clusterSpec = "" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
        target: { resource: "cluster", args: { clusterSpec: "" } },
    },
    {
        id: "version-short",
        component: "AckCluster",
        args: { kubernetesVersion: "1.33" },
        package: 'AckCluster "t": kubernetesVersion = "1.33" is not valid: expected an ACK version such as "1.33.1-aliyun.1".',
        target: { resource: "cluster", args: { version: "1.33" } },
    },
    {
        id: "version-v",
        component: "AckCluster",
        args: { kubernetesVersion: "v1.33.1-aliyun.1" },
        package: 'AckCluster "t": kubernetesVersion = "v1.33.1-aliyun.1" is not valid: expected an ACK version such as "1.33.1-aliyun.1".',
        target: { resource: "cluster", args: { version: "v1.33.1-aliyun.1" } },
    },
    {
        id: "version-retired",
        component: "AckCluster",
        args: { kubernetesVersion: "1.20.4-aliyun.1" },
        package: null,
        target: { resource: "cluster", args: { version: "1.20.4-aliyun.1" } },
        cloudOnly:
            "which versions ACK offers changes with time and region (cs.getKubernetesVersion at `up`); the cloud's answer names the offered versions",
    },
    {
        id: "service-cidr-bare",
        component: "AckCluster",
        args: { serviceCidr: "172.21.0.0" },
        package:
            'AckCluster "t": serviceCidr = "172.21.0.0" is not valid: expected an IPv4 CIDR block such as "172.21.0.0/20" (its first address) with a prefix from /16 to /24.',
        target: { resource: "cluster", args: { serviceCidr: "172.21.0.0" } },
        stricter: "ACK's CreateCluster documents service_cidr as a CIDR block; neither the provider nor the local cloud parses it",
    },
    {
        id: "service-cidr-vpc",
        component: "AckCluster",
        args: { serviceCidr: "192.168.0.0/20" },
        package: 'AckCluster "t": serviceCidr = "192.168.0.0/20" is not valid: expected a block outside the VPC CIDR 192.168.0.0/16.',
        target: { resource: "cluster", args: { serviceCidr: "192.168.0.0/20" } },
        stricter: "ACK documents that the service CIDR must not overlap the VPC; Services would shadow node and pod addresses",
    },
    {
        id: "service-cidr-public",
        component: "AckCluster",
        args: { serviceCidr: "8.8.0.0/20" },
        package:
            'AckCluster "t": serviceCidr = "8.8.0.0/20" is not valid: expected a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
        target: { resource: "cluster", args: { serviceCidr: "8.8.0.0/20" } },
        stricter: "a public block would shadow those internet addresses for every pod; ACK's console offers private blocks only",
    },
    {
        id: "service-cidr-12",
        component: "AckCluster",
        args: { serviceCidr: "172.16.0.0/12" },
        package:
            'AckCluster "t": serviceCidr = "172.16.0.0/12" is not valid: expected an IPv4 CIDR block such as "172.21.0.0/20" (its first address) with a prefix from /16 to /24.',
        target: { resource: "cluster", args: { serviceCidr: "172.16.0.0/12" } },
        stricter: "ACK documents service CIDR prefixes /16 to /24",
    },
    {
        id: "tags-aliyun",
        component: "AckCluster",
        args: { tags: { "aliyun:team": "x" } },
        package:
            'AckCluster "t": tags key = "aliyun:team" is not valid: expected 1 to 128 characters, not starting with "aliyun" or "acs:" and without "http://" or "https://".',
        target: { resource: "vpc", args: { tags: { "aliyun:team": "x" } } },
        stricter: "Alibaba Cloud's TagResources refuses keys starting with aliyun or acs: (reserved for its own tags)",
    },
    {
        id: "tags-url",
        component: "AckCluster",
        args: { tags: { team: "https://example.com" } },
        package:
            'AckCluster "t": tags["team"] = "https://example.com" is not valid: expected at most 128 characters without "http://" or "https://".',
        target: { resource: "vpc", args: { tags: { team: "https://example.com" } } },
        stricter: "Alibaba Cloud's TagResources refuses values containing http:// or https://",
    },
    {
        id: "tags-21",
        component: "AckCluster",
        args: { tags: tags21 },
        package:
            'AckCluster "t": tags = {"team0":"x","team1":"x","team2":"x","team3":"x","team4":"x","team5":"x","team6":"x","team7":"x","team8":"x","team9":... is not valid: expected at most 20 tags (Alibaba Cloud\'s limit per resource), not 21.',
        target: { resource: "vpc", args: { tags: tags21 } },
        stricter: "Alibaba Cloud allows 20 tags per resource; the local cloud does not count them",
    },
    {
        id: "tags-20",
        component: "AckCluster",
        args: { tags: Object.fromEntries([...Array(20).keys()].map((i) => [`team${i}`, "x"])) },
        package: null,
        target: { resource: "vpc", args: { tags: Object.fromEntries([...Array(20).keys()].map((i) => [`team${i}`, "x"])) } },
    },
    {
        id: "resource-group",
        component: "AckCluster",
        args: { resourceGroupId: "group-1" },
        package: 'AckCluster "t": resourceGroupId = "group-1" is not valid: expected a resource group id such as "rg-acfmzw2jz2z6kiq".',
        target: { resource: "vpc", args: { resourceGroupId: "group-1" } },
        stricter: "resource groups are not emulated by the local cloud (it keeps any id); ids start with rg-",
    },
    {
        id: "addon-name",
        component: "AckCluster",
        args: { addons: [{ name: "Bad Addon" }] },
        package: 'AckCluster "t": addons[0].name = "Bad Addon" is not valid: expected an ACK add-on name such as "arms-prometheus".',
        target: { resource: "cluster", args: { addons: [{ name: "Bad Addon" }] } },
        stricter: "ACK add-on names are lowercase DNS-style names; the local cloud installs create-time add-ons it does not know",
    },
    {
        id: "addon-config",
        component: "AckCluster",
        args: { addons: [{ name: "arms-prometheus", config: "{not json" }] },
        package:
            'AckCluster "t": addons[0].config = "{not json" is not valid: expected a JSON string (see alicloud.cs.getKubernetesAddonMetadata for the schema).',
        target: { resource: "cluster", args: { addons: [{ name: "arms-prometheus", config: "{not json" }] } },
    },
    {
        id: "addon-version",
        component: "AckCluster",
        args: { addons: [{ name: "arms-prometheus", version: "latest" }] },
        package: `AckCluster "t": addons[0].version = "latest" is not valid: ${ADDON_VERSION_RULE}.`,
        target: { resource: "cluster", args: { addons: [{ name: "arms-prometheus", version: "latest" }] } },
        stricter: "ACK installs add-on versions it offers only; the local cloud records any version",
    },

    // ---- the created network: VPC and vSwitch CIDRs, zones, the EIP's bandwidth ----
    {
        id: "vpc-cidr-bare",
        component: "AckCluster",
        args: { vpcCidr: "10.0.0.0" },
        package:
            'AckCluster "t": vpcCidr = "10.0.0.0" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/16" (its first address) with a prefix from /8 to /24.',
        target: { resource: "vpc", args: { cidrBlock: "10.0.0.0" } },
    },
    {
        id: "vpc-cidr-host",
        component: "AckCluster",
        args: { vpcCidr: "10.0.0.1/16" },
        package:
            'AckCluster "t": vpcCidr = "10.0.0.1/16" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/16" (its first address) with a prefix from /8 to /24.',
        target: { resource: "vpc", args: { cidrBlock: "10.0.0.1/16" } },
        stricter: "a block is named by its first address; VPC's CreateVpc documents CIDR blocks, the local cloud masks the host bits",
    },
    {
        id: "vpc-cidr-28",
        component: "AckCluster",
        args: { vpcCidr: "10.0.0.0/28" },
        package:
            'AckCluster "t": vpcCidr = "10.0.0.0/28" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/16" (its first address) with a prefix from /8 to /24.',
        target: { resource: "vpc", args: { cidrBlock: "10.0.0.0/28" } },
        stricter: "the node and pod vSwitches of two or three zones are carved from it: below /24 no zone keeps a useful pod vSwitch",
    },
    {
        id: "vpc-cidr-loopback",
        component: "AckCluster",
        args: { vpcCidr: "127.0.0.0/16" },
        package: 'AckCluster "t": vpcCidr = "127.0.0.0/16" is not valid: expected a block clear of the reserved range 127.0.0.0/8.',
        target: { resource: "vpc", args: { cidrBlock: "127.0.0.0/16" } },
        stricter:
            "VPC refuses 127.0.0.0/8, 100.64.0.0/10, 169.254.0.0/16 and multicast (its documented reserved ranges); the local cloud does not",
    },
    {
        id: "vswitch-30",
        component: "AckCluster",
        args: { vswitchCidrs: ["192.168.0.0/30", "192.168.16.0/20"] },
        package:
            'AckCluster "t": vswitchCidrs[0] = "192.168.0.0/30" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/20" (its first address) with a prefix from /16 to /29.',
        target: { resource: "vswitch", args: { cidrBlock: "192.168.0.0/30" } },
    },
    {
        id: "vswitch-29",
        component: "AckCluster",
        args: { vswitchCidrs: ["192.168.0.8/29", "192.168.16.0/20"] },
        package: null,
        target: { resource: "vswitch", args: { cidrBlock: "192.168.0.8/29" } },
    },
    {
        id: "vswitch-host",
        component: "AckCluster",
        args: { vswitchCidrs: ["192.168.0.1/20", "192.168.16.0/20"] },
        package:
            'AckCluster "t": vswitchCidrs[0] = "192.168.0.1/20" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/20" (its first address) with a prefix from /16 to /29.',
        target: { resource: "vswitch", args: { cidrBlock: "192.168.0.1/20" } },
    },
    {
        id: "vswitch-outside",
        component: "AckCluster",
        args: { vswitchCidrs: ["10.0.0.0/20", "10.0.16.0/20"] },
        // Every problem at once: both vSwitches lie outside the VPC.
        package:
            'AckCluster "t": vswitchCidrs[0] = "10.0.0.0/20" is not valid: expected a block inside vpcCidr 192.168.0.0/16.\n' +
            'AckCluster "t": vswitchCidrs[1] = "10.0.16.0/20" is not valid: expected a block inside vpcCidr 192.168.0.0/16.',
        target: { resource: "vswitch", args: { cidrBlock: "10.0.0.0/20" } },
    },
    {
        id: "pod-vswitch-15",
        component: "AckCluster",
        args: { vpcCidr: "10.0.0.0/8", podVswitchCidrs: ["10.0.0.0/15", "10.2.0.0/15"], vswitchCidrs: ["10.4.0.0/20", "10.4.16.0/20"] },
        // Every problem at once: both pod vSwitches are /15.
        package:
            'AckCluster "t": podVswitchCidrs[0] = "10.0.0.0/15" is not valid: expected an IPv4 CIDR block such as "10.1.0.0/16" (its first address) with a prefix from /16 to /29.\n' +
            'AckCluster "t": podVswitchCidrs[1] = "10.2.0.0/15" is not valid: expected an IPv4 CIDR block such as "10.2.0.0/16" (its first address) with a prefix from /16 to /29.',
        target: { resource: "vswitch", args: { cidrBlock: "10.0.0.0/15" } },
    },
    {
        id: "zone-format",
        component: "AckCluster",
        args: { zoneIds: ["Zone A", "cn-hangzhou-h"] },
        package: 'AckCluster "t": zoneIds[0] = "Zone A" is not valid: expected a zone id such as "cn-hangzhou-h".',
        target: { resource: "vswitch", args: { zoneId: "Zone A" } },
    },
    {
        id: "zone-unknown",
        component: "AckCluster",
        args: { zoneIds: ["cn-hangzhou-z", "cn-hangzhou-h"] },
        package: null,
        target: { resource: "vswitch", args: { zoneId: "cn-hangzhou-z" } },
        cloudOnly: "which zones a region has is the cloud's (alicloud.getZones at `up`); the package checks the form of a given zone id",
    },
    {
        id: "eip-0",
        component: "AckCluster",
        args: { eipBandwidth: 0 },
        package: 'AckCluster "t": eipBandwidth = 0 is not valid: expected an integer from 1 to 200.',
        target: { resource: "eip", args: { bandwidth: "0" } },
        stricter: "EIP's AllocateEipAddress documents 1 to 200 Mbit/s for pay-by-traffic; the local cloud keeps any bandwidth",
    },
    {
        id: "eip-201",
        component: "AckCluster",
        args: { eipBandwidth: 201 },
        package: 'AckCluster "t": eipBandwidth = 201 is not valid: expected an integer from 1 to 200.',
        target: { resource: "eip", args: { bandwidth: "201" } },
        stricter: "EIP's AllocateEipAddress documents 1 to 200 Mbit/s for pay-by-traffic; the local cloud keeps any bandwidth",
    },
    {
        id: "eip-fraction",
        component: "AckCluster",
        args: { eipBandwidth: 1.5 },
        package: 'AckCluster "t": eipBandwidth = 1.5 is not valid: expected an integer from 1 to 200.',
        target: { resource: "eip", args: { bandwidth: "1.5" } },
        stricter: "bandwidth is whole Mbit/s (AllocateEipAddress's Bandwidth is an integer in a string)",
    },

    // ---- the node pool ----
    {
        id: "pool-name-dash",
        component: "AckCluster",
        args: { nodePool: { nodePoolName: "-pool" } },
        package: `AckCluster "t": nodePool.nodePoolName = "-pool" is not valid: ${NAME_RULE}.`,
        target: { resource: "nodePool", args: { nodePoolName: "-pool" } },
        stricter: "ACK's CreateClusterNodePool documents names that start with a letter or digit; the provider does not check",
    },
    {
        id: "pool-name-64",
        component: "AckCluster",
        args: { nodePool: { nodePoolName: a64 } },
        package: `AckCluster "t": nodePool.nodePoolName = "${a64}" is not valid: ${NAME_RULE}.`,
        target: { resource: "nodePool", args: { nodePoolName: a64 } },
        stricter: "ACK's CreateClusterNodePool documents 1 to 63 characters; the provider does not check",
    },
    {
        id: "instance-type-form",
        component: "AckCluster",
        args: { nodePool: { instanceTypes: ["c7.large"] } },
        package:
            'AckCluster "t": nodePool.instanceTypes[0] = "c7.large" is not valid: expected an ECS instance type such as "ecs.c7.large".',
        target: { resource: "nodePool", args: { instanceTypes: ["c7.large"] } },
    },
    {
        id: "instance-type-unknown",
        component: "AckCluster",
        args: { nodePool: { instanceTypes: ["ecs.x9.huge"] } },
        package: null,
        target: { resource: "nodePool", args: { instanceTypes: ["ecs.x9.huge"] } },
        cloudOnly:
            "which instance types a region sells, and has in stock, is the cloud's (alicloud.ecs.getInstanceTypes at `up`); the package checks their form",
    },
    {
        id: "instance-types-11",
        component: "AckCluster",
        args: { nodePool: { instanceTypes: eleven } },
        package:
            'AckCluster "t": nodePool.instanceTypes = ["ecs.c6.large","ecs.c6.xlarge","ecs.c7.large","ecs.c7.xlarge","ecs.g6.large","ecs.g6.xlarge","ecs.g7.large","ecs.g7.... is not valid: expected 1 to 10 ECS instance types.',
        target: { resource: "nodePool", args: { instanceTypes: eleven } },
        stricter: "ACK's CreateClusterNodePool documents at most 10 instance types; the provider and the local cloud do not count them",
    },
    {
        id: "desired-fraction",
        component: "AckCluster",
        args: { nodePool: { desiredSize: 1.5 } },
        package: 'AckCluster "t": nodePool.desiredSize = 1.5 is not valid: expected an integer from 0 to 1000.',
        target: { resource: "nodePool", args: { desiredSize: "1.5" } },
        stricter: "the provider takes desired_size as a string and the local cloud truncates it; a node count is whole",
    },
    {
        id: "min-negative",
        component: "AckCluster",
        args: { nodePool: { autoscaling: true, minSize: -1 } },
        package: 'AckCluster "t": nodePool.minSize = -1 is not valid: expected an integer from 0 to 1000.',
        target: { resource: "nodePool", args: { desiredSize: undefined, scalingConfig: { enable: true, minSize: -1, maxSize: 3 } } },
    },
    {
        id: "max-1001",
        component: "AckCluster",
        args: { nodePool: { autoscaling: true, maxSize: 1001 } },
        package: 'AckCluster "t": nodePool.maxSize = 1001 is not valid: expected an integer from 0 to 1000.',
        target: { resource: "nodePool", args: { desiredSize: undefined, scalingConfig: { enable: true, minSize: 1, maxSize: 1001 } } },
        stricter: "ACK's node pool scaling group documents at most 1000 instances; the provider's schema allows 2000",
    },
    {
        id: "max-2001",
        component: "AckCluster",
        args: { nodePool: { autoscaling: true, maxSize: 2001 } },
        package: 'AckCluster "t": nodePool.maxSize = 2001 is not valid: expected an integer from 0 to 1000.',
        target: { resource: "nodePool", args: { desiredSize: undefined, scalingConfig: { enable: true, minSize: 1, maxSize: 2001 } } },
    },
    {
        id: "disk-basic",
        component: "AckCluster",
        args: { nodePool: { systemDiskCategory: "cloud" } },
        package:
            'AckCluster "t": nodePool.systemDiskCategory = "cloud" is not valid: expected one of "cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud_ssd", "cloud_efficiency".',
        target: { resource: "nodePool", args: { systemDiskCategory: "cloud" } },
        stricter: "basic disks (cloud) are a retired category the instance families ACK offers do not take",
    },
    {
        id: "disk-hdd",
        component: "AckCluster",
        args: { nodePool: { systemDiskCategory: "cloud_hdd" } },
        package:
            'AckCluster "t": nodePool.systemDiskCategory = "cloud_hdd" is not valid: expected one of "cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud_ssd", "cloud_efficiency".',
        target: { resource: "nodePool", args: { systemDiskCategory: "cloud_hdd" } },
    },
    {
        id: "disk-case",
        component: "AckCluster",
        args: { nodePool: { systemDiskCategory: "CLOUD_ESSD" } },
        package:
            'AckCluster "t": nodePool.systemDiskCategory = "CLOUD_ESSD" is not valid: expected one of "cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud_ssd", "cloud_efficiency".',
        target: { resource: "nodePool", args: { systemDiskCategory: "CLOUD_ESSD" } },
    },
    {
        id: "disk-size-10",
        component: "AckCluster",
        args: { nodePool: { systemDiskSize: 10 } },
        package: 'AckCluster "t": nodePool.systemDiskSize = 10 is not valid: expected an integer from 20 to 2048.',
        target: { resource: "nodePool", args: { systemDiskSize: 10 } },
        stricter: "ECS system disks are 20 to 2048 GiB (CreateInstance's SystemDisk.Size); the provider and the local cloud do not check",
    },
    {
        id: "disk-size-2049",
        component: "AckCluster",
        args: { nodePool: { systemDiskSize: 2049 } },
        package: 'AckCluster "t": nodePool.systemDiskSize = 2049 is not valid: expected an integer from 20 to 2048.',
        target: { resource: "nodePool", args: { systemDiskSize: 2049 } },
        stricter: "ECS system disks are 20 to 2048 GiB (CreateInstance's SystemDisk.Size); the provider and the local cloud do not check",
    },
    {
        id: "disk-size-fraction",
        component: "AckCluster",
        args: { nodePool: { systemDiskSize: 40.5 } },
        package: 'AckCluster "t": nodePool.systemDiskSize = 40.5 is not valid: expected an integer from 20 to 2048.',
        target: { resource: "nodePool", args: { systemDiskSize: 40.5 } },
        stricter:
            "a disk is whole GiB (CreateInstance's SystemDisk.Size is an integer); the provider's Check takes 40.5 for its integer field",
    },
    {
        id: "key-empty",
        component: "AckCluster",
        args: { nodePool: { keyName: "" } },
        package: 'AckCluster "t": nodePool.keyName = "" is not valid: expected an ECS key pair name.',
        target: { resource: "nodePool", args: { keyName: "" } },
        stricter: 'an empty key pair name reads as "no key pair": leave keyName unset for that',
    },
    {
        id: "label-key",
        component: "AckCluster",
        args: { nodePool: { labels: { "bad key!": "x" } } },
        package:
            "AckCluster \"t\": nodePool.labels key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
        target: { resource: "nodePool", args: { labels: [{ key: "bad key!", value: "x" }] } },
        stricter:
            "Kubernetes refuses the label when ACK registers the node (the node never joins); the provider and the local cloud keep it",
        notToCloud: LABEL_NOT_TO_CLOUD,
    },
    {
        id: "ecs-label-value",
        component: "AckCluster",
        args: { ecsNodeLabel: { key: "resource-role", value: "has space" } },
        package:
            "AckCluster \"t\": ecsNodeLabel.value = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
        target: { resource: "nodePool", args: { labels: [{ key: "resource-role", value: "has space" }] } },
        stricter:
            "Kubernetes refuses the label when ACK registers the node (the node never joins); the provider and the local cloud keep it",
        notToCloud: LABEL_NOT_TO_CLOUD,
    },

    // ---- the add-ons installed after the cluster: ack-virtual-node, knative ----
    {
        id: "vnode-version",
        component: "VirtualNode",
        args: { version: "latest" },
        package: `VirtualNode "t": version = "latest" is not valid: ${ADDON_VERSION_RULE}.`,
        target: { resource: "addon", args: { name: "ack-virtual-node", version: "latest" } },
        stricter: "ACK installs add-on versions it offers only; the local cloud records any version",
    },
    {
        id: "knative-name",
        component: "KnativeServing",
        args: { addonName: "Knative!" },
        package:
            'KnativeServing "t": addonName = "Knative!" is not valid: expected an ACK add-on name such as "knative" (cs.getKubernetesAddons lists the names ACK offers).',
        target: { resource: "addon", args: { name: "Knative!" } },
    },
    {
        id: "knative-name-unknown",
        component: "KnativeServing",
        args: { addonName: "knative-next" },
        package: null,
        target: { resource: "addon", args: { name: "knative-next" } },
        cloudOnly: "which add-ons ACK offers is the cloud's (cs.getKubernetesAddons at `up`); the package checks the form of the name",
    },
    {
        id: "knative-version",
        component: "KnativeServing",
        args: { addonVersion: "v9.9.9" },
        package: null,
        target: { resource: "addon", args: { name: "knative", version: "v9.9.9" } },
        // The local cloud records any version; ACK offers some (cs.getKubernetesAddons): unknown at preview.
    },

    // ---- ECI image caches ----
    {
        id: "cache-size-10",
        component: "KnativeService",
        args: { imageCache: { ...cache, sizeGiB: 10 } },
        package: 'KnativeService "t": imageCache.sizeGiB = 10 is not valid: expected an integer from 20 to 2048.',
        target: { resource: "imageCache", args: { imageCacheSize: 10 } },
        stricter: "ECI's CreateImageCache documents 20 to 2048 GiB; the provider and the local cloud do not check",
    },
    {
        id: "cache-size-2049",
        component: "KnativeService",
        args: { imageCache: { ...cache, sizeGiB: 2049 } },
        package: 'KnativeService "t": imageCache.sizeGiB = 2049 is not valid: expected an integer from 20 to 2048.',
        target: { resource: "imageCache", args: { imageCacheSize: 2049 } },
        stricter: "ECI's CreateImageCache documents 20 to 2048 GiB; the provider and the local cloud do not check",
    },
    {
        id: "cache-retention-0",
        component: "KnativeService",
        args: { imageCache: { ...cache, retentionDays: 0 } },
        package: 'KnativeService "t": imageCache.retentionDays = 0 is not valid: expected an integer from 1 to 3650.',
        target: { resource: "imageCache", args: { retentionDays: 0 } },
        stricter: "0 days would expire the cache at once; ECI documents 1 day or more (unset keeps it until deleted)",
    },
    {
        id: "cache-vswitch",
        component: "KnativeService",
        args: { imageCache: { ...cache, vswitchId: "subnet-1" } },
        package:
            'KnativeService "t": imageCache.vswitchId = "subnet-1" is not valid: expected the vSwitch id the cache is built in (mode "create"): "vsw-" followed by letters and digits.',
        target: { resource: "imageCache", args: { vswitchId: "subnet-1" } },
    },
    {
        id: "cache-untagged",
        component: "KnativeService",
        args: { imageCache: { ...cache, extraImages: ["registry.example.com/team/sidecar"] } },
        package:
            'KnativeService "t": imageCache.extraImages[0] = "registry.example.com/team/sidecar" is not valid: expected a tag or digest (an ECI image cache stores tagged images).',
        target: { resource: "imageCache", args: { images: ["registry.example.com/team/app:1", "registry.example.com/team/sidecar"] } },
        stricter: "an image cache stores the images as tagged at its creation; an untagged name would cache whatever :latest is that day",
    },
];
