import * as assert from "node:assert/strict";
import {
    AckClusterKind,
    AckClusterMode,
    type AckClusterPlanInput,
    adoptedClusterInfo,
    planAckCluster,
    resolveAckClusterLayout,
} from "../../../sdk/render/cluster/ackCluster";
import { cloudName, pickZones } from "../../../sdk/render/cluster/ackNetwork";
import { ackName } from "../../../sdk/render/cluster/ackNodePool";
import { InputError } from "../../../sdk/render/core/errors";
import { defaultKubeconfigEndpoint, kubeconfigForEndpoint, kubeconfigServer } from "../../../sdk/render/cluster/kubeconfig";

const KUBECONFIG = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: c1",
    "  cluster:",
    "    server: https://10.0.0.5:6443",
    "contexts:",
    "- name: ctx",
    "  context: { cluster: c1, user: u }",
    "current-context: ctx",
    "users:",
    "- name: u",
    "  user: { token: secret-token }",
].join("\n");

const CLUSTER_ID = "c0123456789abcdef0123456789abcdef";

/** Each case: the args that must be rejected, the start of the message (field and value) and what is valid. */
const rejections: { what: string; args: AckClusterPlanInput; message: string; valid: RegExp }[] = [
    {
        what: "network creation together with given vSwitch ids",
        args: { createNetwork: true, vswitchIds: ["vsw-a1", "vsw-b1"] },
        message: "createNetwork = true",
        valid: /expected false or unset with vswitchIds/,
    },
    {
        what: "a VPC CIDR together with given vSwitch ids",
        args: { vswitchIds: ["vsw-a1", "vsw-b1"], vpcCidr: "10.0.0.0/16" },
        message: 'vpcCidr = "10.0.0.0/16"',
        valid: /expected no vpcCidr with vswitchIds/,
    },
    {
        what: "no network at all",
        args: { createNetwork: false },
        message: "createNetwork = false",
        valid: /expected true or unset without vswitchIds/,
    },
    {
        what: "pod vSwitch ids for a created network",
        args: { podVswitchIds: ["vsw-p1"] },
        message: 'podVswitchIds = ["vsw-p1"]',
        valid: /expected no podVswitchIds when the network is created/,
    },
    {
        what: "an existing cluster id together with cluster settings",
        args: { existingClusterId: CLUSTER_ID, clusterSpec: "ack.standard" },
        message: 'clusterSpec = "ack.standard"',
        valid: /expected no clusterSpec when adopting an existing cluster/,
    },
    {
        what: "an existing kubeconfig together with network settings",
        args: { hasExistingKubeconfig: true, vswitchIds: ["vsw-a1", "vsw-b1"] },
        message: 'vswitchIds = ["vsw-a1","vsw-b1"]',
        valid: /expected no vswitchIds when adopting an existing cluster/,
    },
    {
        what: "an existing cluster together with a node pool",
        args: { existingClusterId: CLUSTER_ID, nodePool: { desiredSize: 3 } },
        message: 'nodePool = {"desiredSize":3}',
        valid: /label its running ECS nodes with ecsNodeNames/,
    },
    {
        what: "a kubeconfig lifetime with a given kubeconfig",
        args: { hasExistingKubeconfig: true, kubeconfigExpirationMinutes: 60 },
        message: "kubeconfigExpirationMinutes = 60",
        valid: /the given kubeconfig is used as is/,
    },
    {
        what: "node names to label on a created cluster",
        args: { ecsNodeNames: ["node-1"] },
        message: 'ecsNodeNames = ["node-1"]',
        valid: /its node pool labels its nodes/,
    },
    {
        what: "given zones that are all the same zone",
        args: { vswitchIds: ["vsw-a1", "vsw-b1"], zoneIds: ["cn-hangzhou-h", "cn-hangzhou-h"] },
        message: 'zoneIds = ["cn-hangzhou-h","cn-hangzhou-h"]',
        valid: /at least 2 different zones/,
    },
    {
        what: "a single given vSwitch with no zone hint",
        args: { vswitchIds: ["vsw-a1"] },
        message: 'vswitchIds = ["vsw-a1"]',
        valid: /at least 2 vSwitches in different zones/,
    },
    {
        what: "a zone hint that does not match the vSwitches",
        args: { vswitchIds: ["vsw-a1", "vsw-b1"], zoneIds: ["cn-hangzhou-h"] },
        message: 'zoneIds = ["cn-hangzhou-h"]',
        valid: /the zone of each vSwitch in vswitchIds, in order \(2 zones\)/,
    },
    {
        what: "one zone for a created network",
        args: { zoneIds: ["cn-hangzhou-h"] },
        message: 'zoneIds = ["cn-hangzhou-h"]',
        valid: /2 to 3 zones for a created network/,
    },
    {
        what: "the same zone twice for a created network",
        args: { zoneIds: ["cn-hangzhou-h", "cn-hangzhou-h"] },
        message: 'zoneIds = ["cn-hangzhou-h","cn-hangzhou-h"]',
        valid: /each zone once/,
    },
    { what: "a zone count of one", args: { zoneCount: 1 }, message: "zoneCount = 1", valid: /integer from 2 to 3/ },
    {
        what: "a zone count together with zones",
        args: { zoneIds: ["cn-hangzhou-h", "cn-hangzhou-i"], zoneCount: 2 },
        message: "zoneCount = 2",
        valid: /the zones are given/,
    },
    {
        what: "a VPC CIDR that is not a block",
        args: { vpcCidr: "10.0.0.1/16" },
        message: 'vpcCidr = "10.0.0.1/16"',
        valid: /its first address/,
    },
    { what: "a VPC CIDR that is too small", args: { vpcCidr: "10.0.0.0/26" }, message: 'vpcCidr = "10.0.0.0/26"', valid: /\/8 to \/24/ },
    {
        what: "a VPC CIDR in reserved space",
        args: { vpcCidr: "100.64.0.0/16" },
        message: 'vpcCidr = "100.64.0.0/16"',
        valid: /reserved range 100\.64\.0\.0\/10/,
    },
    {
        what: "a vSwitch CIDR outside the VPC",
        args: { vswitchCidrs: ["192.168.0.0/20", "10.0.0.0/20"] },
        message: 'vswitchCidrs[1] = "10.0.0.0/20"',
        valid: /inside vpcCidr 192\.168\.0\.0\/16/,
    },
    {
        what: "a pod vSwitch CIDR overlapping a node vSwitch",
        args: { podVswitchCidrs: ["192.168.0.0/18", "192.168.128.0/18"] },
        message: 'podVswitchCidrs[0] = "192.168.0.0/18"',
        valid: /does not overlap vswitchCidrs\[0\] \(192\.168\.0\.0\/20\)/,
    },
    {
        what: "a vSwitch CIDR list of the wrong length",
        args: { vswitchCidrs: ["192.168.0.0/20"] },
        message: 'vswitchCidrs = ["192.168.0.0/20"]',
        valid: /one CIDR per zone \(2\)/,
    },
    {
        what: "a service CIDR overlapping the VPC",
        args: { serviceCidr: "192.168.240.0/20" },
        message: 'serviceCidr = "192.168.240.0/20"',
        valid: /outside the VPC CIDR 192\.168\.0\.0\/16/,
    },
    {
        what: "a public service CIDR",
        args: { serviceCidr: "8.8.0.0/20" },
        message: 'serviceCidr = "8.8.0.0/20"',
        valid: /inside 10\.0\.0\.0\/8/,
    },
    { what: "an EIP bandwidth above 200", args: { eipBandwidth: 500 }, message: "eipBandwidth = 500", valid: /integer from 1 to 200/ },
    {
        what: "an unknown cluster spec",
        args: { clusterSpec: "ack.pro.medium" },
        message: 'clusterSpec = "ack.pro.medium"',
        valid: /"ack.pro.small", "ack.standard"/,
    },
    {
        what: "a cluster name with dots",
        args: { clusterName: "prod.cluster" },
        message: 'clusterName = "prod.cluster"',
        valid: /letters, digits, '-' or '_'/,
    },
    {
        what: "a malformed Kubernetes version",
        args: { kubernetesVersion: "1.33" },
        message: 'kubernetesVersion = "1.33"',
        valid: /1\.33\.1-aliyun\.1/,
    },
    {
        what: "the flannel add-on",
        args: { addons: [{ name: "flannel" }] },
        message: 'addons[0].name = "flannel"',
        valid: /uses Terway/,
    },
    {
        what: "an add-on config that is not JSON",
        args: { addons: [{ name: "arms-prometheus", config: "{oops" }] },
        message: 'addons[0].config = "{oops"',
        valid: /JSON string/,
    },
    {
        what: "a tag key starting with aliyun",
        args: { tags: { "aliyun:x": "1" } },
        message: 'tags key = "aliyun:x"',
        valid: /not starting with "aliyun"/,
    },
    {
        what: "a node pool minimum above its maximum",
        args: { nodePool: { minSize: 5, maxSize: 3 } },
        message: "nodePool.minSize = 5",
        valid: /at most nodePool.maxSize \(3\)/,
    },
    {
        what: "a desired size above the maximum",
        args: { nodePool: { desiredSize: 4, maxSize: 3 } },
        message: "nodePool.desiredSize = 4",
        valid: /within nodePool.minSize to nodePool.maxSize \(1 to 3\)/,
    },
    {
        what: "a desired size below the minimum",
        args: { nodePool: { desiredSize: 1, minSize: 2 } },
        message: "nodePool.desiredSize = 1",
        valid: /within nodePool.minSize to nodePool.maxSize \(2 to 3\)/,
    },
    {
        what: "a desired size with autoscaling",
        args: { nodePool: { desiredSize: 2, autoscaling: true } },
        message: "nodePool.desiredSize = 2",
        valid: /the autoscaler sizes the pool between minSize \(1\) and maxSize \(3\)/,
    },
    {
        what: "autoscaling bounds that leave no room (the provider: maxSize has to be greater than minSize)",
        args: { nodePool: { autoscaling: true, minSize: 3, maxSize: 3 } },
        message: "nodePool.maxSize = 3",
        valid: /more than nodePool.minSize \(3\) with autoscaling/,
    },
    {
        what: "a public kubeconfig for a cluster without a public endpoint",
        args: { kubeconfigEndpoint: "public" },
        message: 'kubeconfigEndpoint = "public"',
        valid: /"private" \(or unset\) while apiServerPublic is false.*apiServerPublic: true/,
    },
    {
        what: "an unknown kubeconfig endpoint",
        args: { kubeconfigEndpoint: "internal" as never },
        message: 'kubeconfigEndpoint = "internal"',
        valid: /"public", "private"/,
    },
    {
        what: "a kubeconfig endpoint for a given kubeconfig",
        args: { existingClusterId: CLUSTER_ID, hasExistingKubeconfig: true, kubeconfigEndpoint: "private" },
        message: 'kubeconfigEndpoint = "private"',
        valid: /given kubeconfig is used as is/,
    },
    {
        what: "a negative node count",
        args: { nodePool: { minSize: -1 } },
        message: "nodePool.minSize = -1",
        valid: /integer from 0 to 1000/,
    },
    {
        what: "an instance type without the ecs prefix",
        args: { nodePool: { instanceTypes: ["c7.large"] } },
        message: 'nodePool.instanceTypes[0] = "c7.large"',
        valid: /ecs\.c7\.large/,
    },
    { what: "no instance types", args: { nodePool: { instanceTypes: [] } }, message: "nodePool.instanceTypes = []", valid: /1 to 10/ },
    {
        what: "an unknown system disk category",
        args: { nodePool: { systemDiskCategory: "ssd" } },
        message: 'nodePool.systemDiskCategory = "ssd"',
        valid: /"cloud_essd"/,
    },
    {
        what: "a tiny system disk",
        args: { nodePool: { systemDiskSize: 10 } },
        message: "nodePool.systemDiskSize = 10",
        valid: /20 to 2048/,
    },
    {
        what: "an invalid ECS label key",
        args: { ecsNodeLabel: { key: "resource role", value: "ecs" } },
        message: 'ecsNodeLabel.key = "resource role"',
        valid: /label key/,
    },
    {
        what: "an invalid ECS label value",
        args: { ecsNodeLabel: { key: "resource-role", value: "ecs nodes" } },
        message: 'ecsNodeLabel.value = "ecs nodes"',
        valid: /label value/,
    },
    {
        what: "a node pool label that contradicts the ECS label",
        args: { nodePool: { labels: { "resource-role": "gpu" } } },
        message: 'nodePool.labels["resource-role"] = "gpu"',
        valid: /change ecsNodeLabel instead/,
    },
    {
        what: "an invalid node pool label value",
        args: { nodePool: { labels: { team: "a b" } } },
        message: 'nodePool.labels["team"] = "a b"',
        valid: /label value/,
    },
    {
        what: "a node name that is not a Kubernetes name",
        args: { existingClusterId: CLUSTER_ID, ecsNodeNames: ["Node_1"] },
        message: 'ecsNodeNames[0] = "Node_1"',
        valid: /Kubernetes node name/,
    },
    {
        what: "a malformed cluster id",
        args: { existingClusterId: "my-cluster" },
        message: 'existingClusterId = "my-cluster"',
        valid: /ACK cluster id/,
    },
    {
        what: "a vSwitch id that is not one",
        args: { vswitchIds: ["vsw-a1", "subnet-1"] },
        message: 'vswitchIds[1] = "subnet-1"',
        valid: /vSwitch id such as "vsw-/,
    },
    {
        what: "a non-boolean deleteCreatedLoadBalancers",
        args: { deleteCreatedLoadBalancers: "yes" as never },
        message: 'deleteCreatedLoadBalancers = "yes"',
        valid: /true or false/,
    },
    {
        what: "deleteCreatedLoadBalancers when adopting",
        args: { existingClusterId: CLUSTER_ID, deleteCreatedLoadBalancers: false },
        message: "deleteCreatedLoadBalancers = false",
        valid: /when adopting an existing cluster/,
    },
    {
        what: "a security group id that is not one",
        args: { vswitchIds: ["vsw-a1", "vsw-b1"], securityGroupId: "sg-" },
        message: 'securityGroupId = "sg-"',
        valid: /security group id such as "sg-/,
    },
    {
        what: "an instance type with a space",
        args: { nodePool: { instanceTypes: ["ecs.c7 large"] } },
        message: 'nodePool.instanceTypes[0] = "ecs.c7 large"',
        valid: /ECS instance type/,
    },
    {
        what: "a kubeconfig lifetime out of range",
        args: { kubeconfigExpirationMinutes: 5 },
        message: "kubeconfigExpirationMinutes = 5",
        valid: /integer from 15 to 4320/,
    },
];

describe("AckCluster validation", () => {
    for (const { what, args, message, valid } of rejections) {
        it(`rejects ${what}`, () => {
            assert.throws(
                () => planAckCluster("prod", args),
                (e: unknown) => {
                    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
                    assert.ok(e.message.startsWith(`AckCluster "prod": ${message}`), e.message);
                    assert.match(e.message, valid);
                    assert.match(e.message, /is not valid: expected/);
                    return true;
                },
            );
        });
    }

    it("rejects structural conflicts from raw args, where values may still be Outputs", () => {
        const output = { __pulumiOutput: true };
        assert.throws(
            () => resolveAckClusterLayout("prod", { existingClusterId: output, vpcCidr: output }),
            /AckCluster "prod": vpcCidr = "\(an Output\)" is not valid: expected no vpcCidr when adopting/,
        );
    });

    it("never shows a rejected kubeconfig", () => {
        assert.throws(
            () => kubeconfigServer('AckCluster "prod"', "existingKubeconfig", "token: super-secret"),
            (e: unknown) => {
                assert.ok(e instanceof InputError);
                assert.match(e.message, /existingKubeconfig = \(secret, 19 characters\) is not valid: expected a kubeconfig/);
                assert.doesNotMatch(e.message, /super-secret/);
                return true;
            },
        );
    });
});

/** The plan of a created cluster (either network); fails unless `args` plan one. */
function created(args: AckClusterPlanInput) {
    const plan = planAckCluster("prod", args);
    assert.ok(plan.kind === AckClusterKind.CreatedNetwork || plan.kind === AckClusterKind.GivenNetwork, plan.kind);
    return plan;
}

/** The plan of a cluster on a network it creates; fails unless `args` plan one. */
function createdNetwork(args: AckClusterPlanInput) {
    const plan = planAckCluster("prod", args);
    assert.ok(plan.kind === AckClusterKind.CreatedNetwork, plan.kind);
    return plan;
}

/** The plan of a cluster on given vSwitches; fails unless `args` plan one. */
function givenNetwork(args: AckClusterPlanInput) {
    const plan = planAckCluster("prod", args);
    assert.ok(plan.kind === AckClusterKind.GivenNetwork, plan.kind);
    return plan;
}

describe("AckCluster planning", () => {
    it("plans a new network, cluster and node pool with the documented defaults", () => {
        const plan = createdNetwork({});
        assert.equal(plan.layout.mode, AckClusterMode.Create);
        assert.deepEqual(
            { kind: plan.layout.kind, zoneCount: plan.layout.zoneCount, pickZones: plan.layout.pickZones },
            { kind: AckClusterKind.CreatedNetwork, zoneCount: 2, pickZones: true },
        );
        assert.deepEqual(plan.network, {
            vpcCidr: "192.168.0.0/16",
            zoneIds: undefined,
            vswitchCidrs: ["192.168.0.0/20", "192.168.16.0/20"],
            podVswitchCidrs: ["192.168.64.0/18", "192.168.128.0/18"],
            eipBandwidth: "100",
        });
        const cluster = plan.cluster;
        assert.equal(cluster.name, "prod");
        assert.equal(cluster.clusterSpec, "ack.pro.small");
        assert.equal(cluster.serviceCidr, "172.21.0.0/20");
        assert.equal(cluster.slbInternetEnabled, false);
        assert.equal(cluster.deletionProtection, true);
        assert.deepEqual(cluster.deleteOptions, [
            { resourceType: "SLB", deleteMode: "delete" },
            { resourceType: "ALB", deleteMode: "delete" },
            { resourceType: "SLS_Data", deleteMode: "retain" },
            { resourceType: "SLS_ControlPlane", deleteMode: "retain" },
        ]);
        assert.deepEqual(
            cluster.addons.map((a) => a.name),
            ["terway-eniip", "csi-plugin", "csi-provisioner"],
        );
        assert.deepEqual(plan.nodePool, {
            nodePoolName: "prod-ecs",
            instanceTypes: ["ecs.c7.large", "ecs.c6.large", "ecs.g7.large", "ecs.g6.large"],
            desiredSize: "3",
            scalingConfig: { enable: false },
            labels: [{ key: "resource-role", value: "ecs" }],
            systemDiskCategory: "cloud_essd",
            systemDiskSize: 40,
            multiAzPolicy: "BALANCE",
        });
        assert.deepEqual(plan.layout.names.vswitches, ["prod-vswitch-0", "prod-vswitch-1"]);
        assert.equal(plan.layout.names.nodePool, "prod-ecs-pool");
    });

    it("points the kubeconfig at the endpoint the cluster has", () => {
        assert.equal(created({}).kubeconfigEndpoint, "private");
        assert.equal(created({ apiServerPublic: true }).kubeconfigEndpoint, "public");
        assert.equal(created({ apiServerPublic: true, kubeconfigEndpoint: "private" }).kubeconfigEndpoint, "private");
        // Adopted by id: decided from the cluster's reported endpoints at deployment unless given.
        const byId = (args: AckClusterPlanInput) => {
            const plan = planAckCluster("prod", args);
            assert.ok(plan.kind === AckClusterKind.AdoptedById, plan.kind);
            return plan;
        };
        assert.equal(byId({ existingClusterId: CLUSTER_ID }).kubeconfigEndpoint, undefined);
        assert.equal(byId({ existingClusterId: CLUSTER_ID, kubeconfigEndpoint: "private" }).kubeconfigEndpoint, "private");
    });

    it("sends no node login unless a key pair is given", () => {
        assert.equal("keyName" in created({}).nodePool!, false);
        assert.equal(created({ nodePool: { keyName: "ops-key" } }).nodePool!.keyName, "ops-key");
    });

    it("plans autoscaling with bounds and no desired size", () => {
        const pool = created({ nodePool: { autoscaling: true, minSize: 0, maxSize: 10 } }).nodePool!;
        assert.deepEqual(pool.scalingConfig, { enable: true, minSize: 0, maxSize: 10 });
        assert.equal(pool.desiredSize, undefined);
    });

    it("clamps the default desired size into the bounds", () => {
        assert.equal(created({ nodePool: { maxSize: 1 } }).nodePool!.desiredSize, "1");
        assert.equal(created({ nodePool: { minSize: 3, maxSize: 5 } }).nodePool!.desiredSize, "3");
    });

    it("puts the ECS label first and keeps extra labels", () => {
        const pool = created({ ecsNodeLabel: { key: "pool", value: "ecs" }, nodePool: { labels: { team: "a" } } }).nodePool!;
        assert.deepEqual(pool.labels, [
            { key: "pool", value: "ecs" },
            { key: "team", value: "a" },
        ]);
    });

    it("keeps ACK-created load balancers or deletes its log projects on request", () => {
        const modes = (args: AckClusterPlanInput) =>
            Object.fromEntries(created(args).cluster.deleteOptions.map((o) => [o.resourceType, o.deleteMode]));
        assert.deepEqual(modes({ deleteCreatedLoadBalancers: false }), {
            SLB: "retain",
            ALB: "retain",
            SLS_Data: "retain",
            SLS_ControlPlane: "retain",
        });
        assert.deepEqual(modes({ deleteCreatedLogProjects: true }), {
            SLB: "delete",
            ALB: "delete",
            SLS_Data: "delete",
            SLS_ControlPlane: "delete",
        });
    });

    it("lets an add-on entry replace a default one", () => {
        const addons = created({
            addons: [{ name: "terway-eniip", config: '{"IPVlan":"false"}' }, { name: "arms-prometheus" }],
        }).cluster.addons;
        assert.deepEqual(addons, [
            { name: "csi-plugin" },
            { name: "csi-provisioner" },
            { name: "terway-eniip", config: '{"IPVlan":"false"}' },
            { name: "arms-prometheus" },
        ]);
    });

    it("uses given vSwitches, with the pod vSwitches defaulting to them", () => {
        const plan = givenNetwork({ vswitchIds: ["vsw-a1", "vsw-b1"], zoneIds: ["cn-hangzhou-h", "cn-hangzhou-i"] });
        assert.equal(plan.layout.kind, AckClusterKind.GivenNetwork);
        assert.equal("network" in plan, false);
        assert.deepEqual(plan.givenNetwork, { vswitchIds: ["vsw-a1", "vsw-b1"], podVswitchIds: ["vsw-a1", "vsw-b1"] });
        assert.equal(plan.cluster.newNatGateway, false);
    });

    it("accepts two vSwitches in one zone when a third is elsewhere", () => {
        const plan = givenNetwork({
            vswitchIds: ["vsw-a1", "vsw-a2", "vsw-b1"],
            zoneIds: ["cn-hangzhou-h", "cn-hangzhou-h", "cn-hangzhou-i"],
        });
        assert.equal(plan.givenNetwork.vswitchIds.length, 3);
    });

    it("plans pinned zones and explicit CIDRs", () => {
        const plan = createdNetwork({
            vpcCidr: "10.0.0.0/8",
            zoneIds: ["cn-beijing-a", "cn-beijing-b", "cn-beijing-c"],
            serviceCidr: "172.16.0.0/16",
        });
        assert.equal(plan.layout.pickZones, false);
        assert.deepEqual(plan.network.zoneIds, ["cn-beijing-a", "cn-beijing-b", "cn-beijing-c"]);
        assert.deepEqual(plan.network.podVswitchCidrs, ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"]);
        assert.deepEqual(plan.network.vswitchCidrs, ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18"]);
    });

    it("adopts by id with node labels, and by kubeconfig with nothing else", () => {
        const byId = planAckCluster("prod", { existingClusterId: CLUSTER_ID, ecsNodeNames: ["cn-hangzhou.192.168.0.10"] });
        assert.equal(byId.layout.mode, AckClusterMode.AdoptById);
        assert.deepEqual(byId.layout.names.ecsNodes, ["prod-ecs-node-0"]);
        assert.equal("cluster" in byId, false);
        assert.equal("nodePool" in byId, false);
        const byKubeconfig = planAckCluster("prod", { hasExistingKubeconfig: true, createNetwork: false, createNodePool: false });
        assert.equal(byKubeconfig.layout.mode, AckClusterMode.AdoptByKubeconfig);
        assert.deepEqual(byKubeconfig.ecsNodeLabel, { key: "resource-role", value: "ecs" });
    });

    it("reads the API server of a kubeconfig's current context", () => {
        assert.equal(kubeconfigServer('AckCluster "prod"', "existingKubeconfig", KUBECONFIG), "https://10.0.0.5:6443");
    });

    it('points a fetched kubeconfig at the intranet endpoint for "private", keeping its credentials', () => {
        const label = 'AckCluster "prod"';
        const endpoints = { apiServerInternet: "", apiServerIntranet: "https://192.168.0.7:6443" };
        const rewritten = kubeconfigForEndpoint(label, KUBECONFIG, "private", endpoints);
        assert.equal(kubeconfigServer(label, "kubeconfig", rewritten), "https://192.168.0.7:6443");
        assert.match(rewritten, /token: secret-token/);
        assert.equal(
            kubeconfigForEndpoint(label, KUBECONFIG, "public", { ...endpoints, apiServerInternet: "https://47.1.2.3:6443" }),
            KUBECONFIG,
        );
        // What ACK answers is kept as is when the cluster's endpoints are not reported.
        assert.equal(kubeconfigForEndpoint(label, KUBECONFIG, "public", undefined), KUBECONFIG);
        assert.equal(kubeconfigForEndpoint(label, KUBECONFIG, "private", undefined), KUBECONFIG);
        assert.throws(
            () => kubeconfigForEndpoint(label, KUBECONFIG, "public", endpoints),
            /^InputError: AckCluster "prod": kubeconfigEndpoint = "public" is not valid: expected "private": the cluster has no public API server endpoint/,
        );
        assert.throws(
            () => kubeconfigForEndpoint(label, KUBECONFIG, "private", { apiServerIntranet: "" }),
            (e: unknown) => e instanceof InputError && /no intranet API server endpoint/.test(e.message) && !/secret-token/.test(e.message),
        );
        assert.equal(defaultKubeconfigEndpoint(endpoints), "private");
        assert.equal(defaultKubeconfigEndpoint({ ...endpoints, apiServerInternet: "https://47.1.2.3:6443" }), "public");
        assert.equal(defaultKubeconfigEndpoint(undefined), "public");
    });

    it("picks sorted zones and rejects too few", () => {
        assert.deepEqual(pickZones('AckCluster "prod"', { vswitchZones: ["cn-hangzhou-k", "cn-hangzhou-h", "cn-hangzhou-i"] }, 2), [
            "cn-hangzhou-h",
            "cn-hangzhou-i",
        ]);
        assert.throws(
            () => pickZones('AckCluster "prod"', { vswitchZones: ["cn-hangzhou-h"] }, 2),
            /AckCluster "prod": zoneIds \(picked at deployment\) = \["cn-hangzhou-h"\] is not valid: expected at least 2 zones in this region where vSwitches can be created \(alicloud.getZones reported \["cn-hangzhou-h"\]\); pass zoneIds explicitly\.$/,
        );
    });

    it("picks only zones where the Enhanced NAT gateway can be created too", () => {
        // The oldest zones sort first; an Enhanced NAT gateway is not offered in cn-hangzhou-b.
        const offers = {
            vswitchZones: ["cn-hangzhou-i", "cn-hangzhou-b", "cn-hangzhou-h", "cn-hangzhou-j"],
            instanceType: "ecs.c7.large",
            natZones: ["cn-hangzhou-j", "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-k"],
        };
        assert.deepEqual(pickZones('AckCluster "prod"', offers, 2), ["cn-hangzhou-h", "cn-hangzhou-i"]);
        assert.deepEqual(pickZones('AckCluster "prod"', offers, 3), ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"]);
        // Without a NAT gateway (natZones undefined) every vSwitch zone counts.
        assert.deepEqual(pickZones('AckCluster "prod"', { vswitchZones: offers.vswitchZones }, 2), ["cn-hangzhou-b", "cn-hangzhou-h"]);
    });

    it("names every data source's answer when too few zones offer everything", () => {
        assert.throws(
            () =>
                pickZones(
                    'AckCluster "prod"',
                    {
                        vswitchZones: ["cn-hangzhou-b", "cn-hangzhou-h"],
                        instanceType: "ecs.c7.large",
                        natZones: ["cn-hangzhou-h", "cn-hangzhou-k"],
                    },
                    2,
                ),
            (e: unknown) => {
                assert.ok(e instanceof InputError);
                assert.equal(
                    e.message,
                    'AckCluster "prod": zoneIds (picked at deployment) = ["cn-hangzhou-h"] is not valid: expected at least 2 zones in this region ' +
                        "where vSwitches can be created, instance type ecs.c7.large is offered and an Enhanced NAT gateway can be created " +
                        '(alicloud.getZones reported ["cn-hangzhou-b","cn-hangzhou-h"]; vpc.getEnhancedNatAvailableZones reported ["cn-hangzhou-h","cn-hangzhou-k"]); ' +
                        "pass zoneIds explicitly, or put an instance type offered in more zones first in nodePool.instanceTypes.",
                );
                return true;
            },
        );
        assert.throws(
            () =>
                pickZones(
                    'AckCluster "prod"',
                    { vswitchZones: ["cn-hangzhou-h", "cn-hangzhou-i"], natZones: ["cn-hangzhou-h", "cn-hangzhou-i"] },
                    3,
                ),
            /expected at least 3 zones/,
        );
    });

    it("finds the adopted cluster or names the id it could not find", () => {
        assert.deepEqual(adoptedClusterInfo("prod", "c1", [{ id: "c1", vpcId: "vpc-1", vswitchIds: ["vsw-1"], securityGroupId: "sg-1" }]), {
            vpcId: "vpc-1",
            vswitchIds: ["vsw-1"],
            securityGroupId: "sg-1",
        });
        assert.throws(
            () => adoptedClusterInfo("prod", "c2", []),
            /existingClusterId = "c2" is not valid: expected the id of an ACK managed cluster/,
        );
    });

    it("derives names ACK and VPC accept from any resource name", () => {
        assert.equal(ackName("team.prod/eu"), "team-prod-eu");
        assert.equal(ackName("x".repeat(70), "-ecs").length, 63);
        assert.equal(cloudName("1st-vpc"), "ack-1st-vpc");
        assert.equal(cloudName("prod-vpc"), "prod-vpc");
    });
});
