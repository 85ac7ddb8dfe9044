import * as assert from "node:assert/strict";
import { planAckCluster, resolveAckClusterLayout } from "../../../sdk/render/cluster/ackCluster";
import { createdClusterSettings, createdNetworkSettings, ecsNodePatchMetadata } from "../../../sdk/render/cluster/ackResourceSettings";

describe("AckCluster fixed settings", () => {
    const createdNetwork = resolveAckClusterLayout("prod", {});
    const givenNetwork = resolveAckClusterLayout("prod", { vswitchIds: ["vsw-a1", "vsw-b1"] });

    it("creates the cluster with kube-proxy in IPVS mode and no certificates in the state", () => {
        const { cluster } = createdClusterSettings(createdNetwork);
        assert.equal(cluster.proxyMode, "ipvs");
        assert.equal(cluster.skipSetCertificateAuthority, true);
    });

    it("asks ACK for no NAT gateway on a network it creates, and leaves given vSwitches to newNatGateway", () => {
        assert.equal(createdClusterSettings(createdNetwork).cluster.newNatGateway, false);
        assert.equal("newNatGateway" in createdClusterSettings(givenNetwork).cluster, false);
    });

    it("bills the node pool pay-as-you-go", () => {
        assert.equal(createdClusterSettings(createdNetwork).nodePool.instanceChargeType, "PostPaid");
        assert.equal(createdClusterSettings(givenNetwork).nodePool.instanceChargeType, "PostPaid");
    });

    it("names the created network's resources after their children", () => {
        const s = createdNetworkSettings({ names: createdNetwork.names, pickZones: true });
        assert.equal(s.vpc.vpcName, "prod-vpc");
        assert.equal(s.securityGroup.securityGroupName, "prod-sg");
        assert.equal(s.natGateway.natGatewayName, "prod-nat");
        assert.equal(s.eip.addressName, "prod-eip");
        assert.equal(
            createdNetworkSettings({ names: resolveAckClusterLayout("1st", {}).names, pickZones: true }).vpc.vpcName,
            "ack-1st-vpc",
        );
    });

    it("makes the security group basic: members accept each other, nothing else is open", () => {
        const { securityGroup } = createdNetworkSettings({ names: createdNetwork.names, pickZones: true });
        assert.equal(securityGroup.securityGroupType, "normal");
        assert.equal(securityGroup.innerAccessPolicy, "Accept");
        assert.equal(securityGroup.description, "ACK nodes, Terway pods and ECI pods");
    });

    it("gives egress through an Enhanced internet NAT gateway billed by LCU, and an EIP billed by traffic", () => {
        const s = createdNetworkSettings({ names: createdNetwork.names, pickZones: true });
        assert.equal(s.natGateway.natType, "Enhanced");
        assert.equal(s.natGateway.networkType, "internet");
        assert.equal(s.natGateway.paymentType, "PayAsYouGo");
        assert.equal(s.natGateway.internetChargeType, "PayByLcu");
        assert.equal(s.eip.internetChargeType, "PayByTraffic");
        assert.equal(s.eip.paymentType, "PayAsYouGo");
        assert.equal(s.eipAssociation.instanceType, "Nat");
    });

    it("picks zones where vSwitches can be created, and keeps picked zones from replacing vSwitches", () => {
        assert.deepEqual(createdNetworkSettings({ names: createdNetwork.names, pickZones: true }).zoneQuery, {
            availableResourceCreation: "VSwitch",
        });
        assert.deepEqual(createdNetworkSettings({ names: createdNetwork.names, pickZones: true }).vswitchOptions, {
            ignoreChanges: ["zoneId"],
        });
        assert.deepEqual(createdNetworkSettings({ names: createdNetwork.names, pickZones: false }).vswitchOptions, {});
    });

    it("labels an adopted cluster's running node with the ECS label, taking the label over", () => {
        const plan = planAckCluster("prod", {
            hasExistingKubeconfig: true,
            ecsNodeNames: ["n1", "n2"],
            ecsNodeLabel: { key: "pool", value: "ecs" },
        });
        assert.ok(plan.kind === "adopted-by-kubeconfig");
        assert.deepEqual(ecsNodePatchMetadata(plan, 1), {
            name: "n2",
            labels: { pool: "ecs" },
            annotations: { "pulumi.com/patchForce": "true" },
        });
    });
});
