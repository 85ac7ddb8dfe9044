import * as ecs from "@pulumi/alicloud/ecs";
import { getZonesOutput } from "@pulumi/alicloud/getZones";
import * as vpc from "@pulumi/alicloud/vpc";
import * as pulumi from "@pulumi/pulumi";
import type { CreatedNetworkLayout, CreatedNetworkPlan, GivenNetworkPlan } from "../../render/cluster/ackCluster";
import { type AckNetworkPlan, cloudName, givenZoneIds, pickZones } from "../../render/cluster/ackNetwork";
import { type CreatedNetworkSettings, createdNetworkSettings } from "../../render/cluster/ackResourceSettings";
import { resourceLabel } from "../../render/core/errors";
import { childOptions } from "../core/childOptions";
import { invokeWhenKnown } from "../core/invokeWhenKnown";
import { checkLate } from "../core/lateErrors";
import type { NetworkWiring, Scope } from "./wiring";

/** VPC, node and pod vSwitches per zone, security group, enhanced NAT gateway with EIP and SNAT. */
export function createNetwork(
    scope: Scope,
    layout: CreatedNetworkLayout,
    plan: pulumi.Output<CreatedNetworkPlan>,
    external: pulumi.Input<pulumi.Resource>[],
): NetworkWiring {
    const n = layout.names;
    const fixed = createdNetworkSettings(layout);
    const net = plan.apply((p) => p.network);
    const common = { resourceGroupId: plan.apply((p) => p.cluster.resourceGroupId), tags: plan.apply((p) => p.cluster.tags) };
    const network = new vpc.Network(
        n.vpc,
        { ...fixed.vpc, cidrBlock: net.vpcCidr, ...common },
        childOptions(scope.parent, scope.opts, { dependsOn: external }),
    );

    const { vswitches, podVswitches } = createVswitches(scope, layout, fixed, plan, network, common.tags);
    const securityGroup = new ecs.SecurityGroup(
        n.securityGroup,
        { ...fixed.securityGroup, vpcId: network.id, ...common },
        childOptions(scope.parent, scope.opts),
    );
    const snatEntries = createEgress(scope, n, fixed, net, common, network, vswitches, podVswitches, external);
    return {
        vpcId: network.id,
        vswitchIds: pulumi.all(vswitches.map((v) => v.id)),
        podVswitchIds: pulumi.all(podVswitches.map((v) => v.id)),
        securityGroupId: securityGroup.id,
        ready: snatEntries,
    };
}

/** A node and a pod vSwitch per zone. */
function createVswitches(
    scope: Scope,
    layout: CreatedNetworkLayout,
    fixed: CreatedNetworkSettings,
    plan: pulumi.Output<CreatedNetworkPlan>,
    network: vpc.Network,
    tags: pulumi.Output<{ [key: string]: string } | undefined>,
): { vswitches: vpc.Switch[]; podVswitches: vpc.Switch[] } {
    const n = layout.names;
    const net = plan.apply((p) => p.network);
    // Zones from the data sources may change as zones sell out; never let that replace the network.
    const zoneIds = layout.pickZones ? pickNetworkZones(scope, layout, fixed, plan) : net.apply(givenZoneIds);
    const switchOpts = childOptions(scope.parent, scope.opts, fixed.vswitchOptions);
    const vswitch = (childName: string, cidr: pulumi.Output<string>, zone: number) =>
        new vpc.Switch(
            childName,
            {
                vswitchName: cloudName(childName),
                vpcId: network.id,
                cidrBlock: cidr,
                zoneId: zoneIds.apply((z) => z[zone]),
                tags,
            },
            switchOpts,
        );
    return {
        vswitches: n.vswitches.map((v, i) =>
            vswitch(
                v,
                net.apply((x) => x.vswitchCidrs[i]),
                i,
            ),
        ),
        podVswitches: n.podVswitches.map((v, i) =>
            vswitch(
                v,
                net.apply((x) => x.podVswitchCidrs[i]),
                i,
            ),
        ),
    };
}

/** Egress for nodes and pods: an enhanced NAT gateway with an EIP and one SNAT entry per vSwitch. */
function createEgress(
    scope: Scope,
    n: CreatedNetworkLayout["names"],
    fixed: CreatedNetworkSettings,
    net: pulumi.Output<AckNetworkPlan>,
    common: { resourceGroupId: pulumi.Output<string | undefined>; tags: pulumi.Output<{ [key: string]: string } | undefined> },
    network: vpc.Network,
    vswitches: vpc.Switch[],
    podVswitches: vpc.Switch[],
    external: pulumi.Input<pulumi.Resource>[],
): vpc.SnatEntry[] {
    const nat = new vpc.NatGateway(
        n.natGateway,
        { ...fixed.natGateway, vpcId: network.id, vswitchId: vswitches[0].id, tags: common.tags },
        childOptions(scope.parent, scope.opts),
    );
    const eip = new ecs.EipAddress(
        n.eip,
        { ...fixed.eip, bandwidth: net.eipBandwidth, ...common },
        childOptions(scope.parent, scope.opts, { dependsOn: external }),
    );
    const association = new ecs.EipAssociation(
        n.eipAssociation,
        { ...fixed.eipAssociation, allocationId: eip.id, instanceId: nat.id },
        childOptions(scope.parent, scope.opts),
    );
    const snat = (childName: string, source: vpc.Switch) =>
        new vpc.SnatEntry(
            childName,
            { snatTableId: nat.snatTableIds, sourceVswitchId: source.id, snatIp: eip.ipAddress },
            childOptions(scope.parent, scope.opts, { dependsOn: [association] }),
        );
    return [...n.snatEntries.map((s, i) => snat(s, vswitches[i])), ...n.podSnatEntries.map((s, i) => snat(s, podVswitches[i]))];
}

/**
 * Zones for a created network without `zoneIds`: where vSwitches can be created, the node pool's first
 * instance type is offered and the network's Enhanced NAT gateway can be created.
 */
function pickNetworkZones(
    scope: Scope,
    layout: CreatedNetworkLayout,
    fixed: CreatedNetworkSettings,
    plan: pulumi.Output<CreatedNetworkPlan>,
): pulumi.Output<string[]> {
    const instanceType = plan.apply((p) => p.nodePool?.instanceTypes[0]);
    const vswitchZones = invokeWhenKnown({ ...fixed.zoneQuery, availableInstanceType: instanceType }, (a) =>
        getZonesOutput(a, { parent: scope.parent }),
    );
    // Its `ids` are the zones' local names ("Hangzhou Zone H"), not zone ids: compare `zones[].zoneId`. A mock that
    // answers no `zones` (Pulumi's unit-testing guide echoes inputs) reports none, and no zone is filtered out.
    const natZones = vpc
        .getEnhancedNatAvailableZonesOutput({}, { parent: scope.parent })
        .zones.apply((zs: { zoneId: string }[] | undefined) => zs?.map((z) => z.zoneId));
    return checkLate(pulumi.all([vswitchZones.ids, instanceType, natZones]), ([ids, type, nat]) =>
        pickZones(resourceLabel("AckCluster", scope.name), { vswitchZones: ids, instanceType: type, natZones: nat }, layout.zoneCount),
    );
}

/** The vSwitches (and security group) given for a created cluster. */
export function givenNetwork(plan: pulumi.Output<GivenNetworkPlan>): NetworkWiring {
    const given = plan.apply((p) => p.givenNetwork);
    return {
        vswitchIds: given.vswitchIds,
        podVswitchIds: given.podVswitchIds,
        securityGroupId: plan.apply((p) => p.givenNetwork.securityGroupId),
        ready: [],
    };
}
