import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { dependencyNames, engine, errorOf, isSecret, valueOf } from "../harness";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { isRecordedSecret, revealSecrets } from "../../plan/engine/mockEngine";
import { AckCluster } from "../../sdk";

const T = {
    vpc: "alicloud:vpc/network:Network",
    vswitch: "alicloud:vpc/switch:Switch",
    sg: "alicloud:ecs/securityGroup:SecurityGroup",
    nat: "alicloud:vpc/natGateway:NatGateway",
    eip: "alicloud:ecs/eipAddress:EipAddress",
    eipAssociation: "alicloud:ecs/eipAssociation:EipAssociation",
    snat: "alicloud:vpc/snatEntry:SnatEntry",
    cluster: "alicloud:cs/managedKubernetes:ManagedKubernetes",
    nodePool: "alicloud:cs/nodePool:NodePool",
    provider: "pulumi:providers:kubernetes",
    nodePatch: "kubernetes:core/v1:NodePatch",
    component: "ack-knative-eci:index:AckCluster",
};

const CLUSTER_ID = "c0123456789abcdef0123456789abcdef";
const KUBECONFIG = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: own",
    "  cluster: { server: 'https://own.example.internal:6443' }",
    "contexts:",
    "- name: own",
    "  context: { cluster: own, user: me }",
    "current-context: own",
    "users:",
    "- name: me",
    "  user: { token: not-a-real-token }",
].join("\n");

function ofComponent(prefix: string): string[] {
    return engine.resources.filter((r) => r.name.startsWith(prefix)).map((r) => `${r.type}::${r.name}`);
}

describe("AckCluster component", () => {
    it("creates network, cluster, node pool, secret kubeconfig and provider with safe defaults", async () => {
        const ack = new AckCluster("ack-new", {});
        assert.equal(await valueOf(ack.clusterId), "cacknewclustermock");
        await engine.settle();

        const vpc = engine.get(T.vpc, "ack-new-vpc");
        assert.equal(vpc.inputs.cidrBlock, "192.168.0.0/16");
        assert.equal(engine.byUrn(vpc.parent!).type, T.component);
        const vsw0 = engine.get(T.vswitch, "ack-new-vswitch-0").inputs;
        assert.deepEqual([vsw0.zoneId, vsw0.cidrBlock, vsw0.vpcId], ["cn-hangzhou-h", "192.168.0.0/20", "vpc-acknewvpcmock"]);
        assert.equal(engine.get(T.vswitch, "ack-new-vswitch-1").inputs.zoneId, "cn-hangzhou-i");
        assert.equal(engine.get(T.vswitch, "ack-new-pod-vswitch-1").inputs.cidrBlock, "192.168.128.0/18");
        // Zones must offer vSwitches, the node pool's first instance type and the Enhanced NAT gateway.
        assert.ok(
            engine.calls.some(
                (c) =>
                    c.token === "alicloud:index/getZones:getZones" &&
                    c.args.availableResourceCreation === "VSwitch" &&
                    c.args.availableInstanceType === "ecs.c7.large",
            ),
        );
        assert.ok(engine.calls.some((c) => c.token === "alicloud:vpc/getEnhancedNatAvailableZones:getEnhancedNatAvailableZones"));

        const sg = engine.get(T.sg, "ack-new-sg").inputs;
        assert.deepEqual([sg.securityGroupType, sg.innerAccessPolicy], ["normal", "Accept"]);
        const nat = engine.get(T.nat, "ack-new-nat").inputs;
        assert.deepEqual([nat.natType, nat.networkType, nat.vswitchId], ["Enhanced", "internet", "vsw-acknewvswitch0mock"]);
        const eip = engine.get(T.eip, "ack-new-eip").inputs;
        assert.deepEqual([eip.internetChargeType, eip.bandwidth], ["PayByTraffic", "100"]);
        assert.deepEqual(engine.get(T.eipAssociation, "ack-new-eip-association").inputs.instanceType, "Nat");
        assert.deepEqual(
            engine
                .ofType(T.snat)
                .filter((r) => r.name.startsWith("ack-new-"))
                .map((r) => r.inputs.sourceVswitchId),
            ["vsw-acknewvswitch0mock", "vsw-acknewvswitch1mock", "vsw-acknewpodvswitch0mock", "vsw-acknewpodvswitch1mock"],
        );
        assert.ok(dependencyNames(T.snat, "ack-new-snat-0").includes(`${T.eipAssociation}::ack-new-eip-association`));

        const cluster = engine.get(T.cluster, "ack-new-cluster").inputs;
        assert.equal(cluster.name, "ack-new");
        assert.equal(cluster.clusterSpec, "ack.pro.small");
        assert.equal(cluster.deletionProtection, true);
        // ACK deletes the load balancers it created (e.g. a Knative gateway's) with the cluster; logs stay.
        assert.deepEqual(cluster.deleteOptions, [
            { resourceType: "SLB", deleteMode: "delete" },
            { resourceType: "ALB", deleteMode: "delete" },
            { resourceType: "SLS_Data", deleteMode: "retain" },
            { resourceType: "SLS_ControlPlane", deleteMode: "retain" },
        ]);
        assert.equal(cluster.slbInternetEnabled, false);
        assert.equal(cluster.newNatGateway, false);
        assert.equal(cluster.securityGroupId, "sg-acknewsgmock");
        assert.deepEqual(cluster.vswitchIds, ["vsw-acknewvswitch0mock", "vsw-acknewvswitch1mock"]);
        assert.deepEqual(cluster.podVswitchIds, ["vsw-acknewpodvswitch0mock", "vsw-acknewpodvswitch1mock"]);
        assert.deepEqual(cluster.addons, [{ name: "terway-eniip" }, { name: "csi-plugin" }, { name: "csi-provisioner" }]);
        // Nodes need egress while ACK installs them: the cluster waits for every SNAT entry.
        const clusterDeps = dependencyNames(T.cluster, "ack-new-cluster");
        for (const s of ["ack-new-snat-0", "ack-new-snat-1", "ack-new-pod-snat-0", "ack-new-pod-snat-1"]) {
            assert.ok(clusterDeps.includes(`${T.snat}::${s}`), `cluster waits for ${s}: ${clusterDeps.join(", ")}`);
        }

        const pool = engine.get(T.nodePool, "ack-new-ecs-pool");
        assert.equal(pool.inputs.clusterId, "cacknewclustermock");
        assert.deepEqual(pool.inputs.labels, [{ key: "resource-role", value: "ecs" }]);
        // Three nodes: ACK's Knative needs at least three worker nodes.
        assert.equal(pool.inputs.desiredSize, "3");
        assert.deepEqual(pool.inputs.scalingConfig, { enable: false });
        assert.deepEqual(pool.inputs.instanceTypes, ["ecs.c7.large", "ecs.c6.large", "ecs.g7.large", "ecs.g6.large"]);
        assert.deepEqual([pool.inputs.systemDiskCategory, pool.inputs.systemDiskSize], ["cloud_essd", 40]);
        assert.deepEqual(pool.inputs.securityGroupIds, ["sg-acknewsgmock"]);
        assert.ok(dependencyNames(T.nodePool, "ack-new-ecs-pool").includes(`${T.cluster}::ack-new-cluster`));

        assert.ok(await isSecret(ack.kubeconfig));
        // No public endpoint by default: the kubeconfig points at the intranet one (getClusterCredential fetches the internet credential).
        assert.match(await valueOf(ack.kubeconfig), /server: https:\/\/cacknewclustermock\.intranet\.mock\.invalid:6443\n/);
        const provider = engine.get(T.provider, "ack-new-provider").inputs;
        assert.equal(provider.clusterIdentifier, "cacknewclustermock");
        assert.ok(isRecordedSecret(provider.kubeconfig), "the provider's kubeconfig input is secret");
        assert.ok(
            engine.calls.some(
                (c) => c.token === "alicloud:cs/getClusterCredential:getClusterCredential" && c.args.clusterId === "cacknewclustermock",
            ),
        );

        assert.equal(await valueOf(ack.vpcId), "vpc-acknewvpcmock");
        assert.deepEqual(await valueOf(ack.podVswitchIds), ["vsw-acknewpodvswitch0mock", "vsw-acknewpodvswitch1mock"]);
        assert.equal(await valueOf(ack.securityGroupId), "sg-acknewsgmock");
        assert.deepEqual(await valueOf(ack.ecsNodeLabel), { key: "resource-role", value: "ecs" });
        assert.equal(ack.mode, "create");
        assert.deepEqual(ack.ecsNodesReady, [ack.nodePool]);
    });

    it("pins zones, autoscales the pool and hands opts.dependsOn to the roots", async () => {
        const gate = new corev1.Namespace("ack-gate", { metadata: { name: "gate" } });
        const ack = new AckCluster(
            "ack-pin",
            {
                zoneIds: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"],
                vpcCidr: "10.0.0.0/16",
                ecsNodeLabel: { key: "pool", value: "ecs" },
                nodePool: { autoscaling: true, minSize: 0, maxSize: 5, labels: { team: "web" } },
                tags: { env: "test" },
            },
            { dependsOn: [gate] },
        );
        await valueOf(ack.clusterId);
        await engine.settle();
        assert.deepEqual(
            [0, 1, 2].map((i) => engine.get(T.vswitch, `ack-pin-vswitch-${i}`).inputs.zoneId),
            ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"],
        );
        assert.equal(engine.get(T.vswitch, "ack-pin-pod-vswitch-2").inputs.cidrBlock, "10.0.192.0/18");
        const pool = engine.get(T.nodePool, "ack-pin-ecs-pool").inputs;
        assert.deepEqual(pool.scalingConfig, { enable: true, minSize: 0, maxSize: 5 });
        assert.equal(pool.desiredSize, undefined);
        assert.deepEqual(pool.labels, [
            { key: "pool", value: "ecs" },
            { key: "team", value: "web" },
        ]);
        assert.deepEqual(engine.get(T.cluster, "ack-pin-cluster").inputs.tags, { env: "test" });
        for (const [type, name] of [
            [T.vpc, "ack-pin-vpc"],
            [T.eip, "ack-pin-eip"],
            [T.cluster, "ack-pin-cluster"],
        ]) {
            assert.ok(dependencyNames(type, name).includes("kubernetes:core/v1:Namespace::ack-gate"), `${name} waits for opts.dependsOn`);
        }
    });

    it("picks zones by the first instance type of its node pool, and by none without a pool", async () => {
        await engine.settle();
        const before = engine.calls.length;
        const ack = new AckCluster("ack-zones", { zoneCount: 3, nodePool: { instanceTypes: ["ecs.g8i.large", "ecs.c7.large"] } });
        await valueOf(ack.clusterId);
        await engine.settle();
        const zoneCalls = () =>
            engine.calls
                .slice(before)
                .filter((c) => c.token === "alicloud:index/getZones:getZones")
                .map((c) => c.args.availableInstanceType);
        assert.deepEqual(zoneCalls(), ["ecs.g8i.large"]);
        assert.deepEqual(
            [0, 1, 2].map((i) => engine.get(T.vswitch, `ack-zones-vswitch-${i}`).inputs.zoneId),
            ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"],
        );

        const between = engine.calls.length;
        const bare = new AckCluster("ack-zones-bare", { createNodePool: false });
        await valueOf(bare.clusterId);
        await engine.settle();
        const bareCalls = engine.calls.slice(between).filter((c) => c.token === "alicloud:index/getZones:getZones");
        assert.equal(bareCalls.length, 1);
        assert.equal(bareCalls[0].args.availableInstanceType, undefined);
        assert.equal(bareCalls[0].args.availableResourceCreation, "VSwitch");
    });

    it("creates the cluster in given vSwitches without creating a network", async () => {
        const ack = new AckCluster("ack-given", {
            vswitchIds: ["vsw-given1", "vsw-given2"],
            podVswitchIds: ["vsw-pod1", "vsw-pod2"],
            zoneIds: ["cn-hangzhou-h", "cn-hangzhou-i"],
            securityGroupId: "sg-given",
            apiServerPublic: true,
            deletionProtection: false,
            newNatGateway: true,
            deleteCreatedLoadBalancers: false,
        });
        await valueOf(ack.clusterId);
        await engine.settle();
        assert.deepEqual(
            ofComponent("ack-given-").filter((r) => !r.startsWith(T.cluster) && !r.startsWith(T.nodePool) && !r.startsWith(T.provider)),
            [],
        );
        const cluster = engine.get(T.cluster, "ack-given-cluster").inputs;
        assert.deepEqual(cluster.vswitchIds, ["vsw-given1", "vsw-given2"]);
        assert.deepEqual(cluster.podVswitchIds, ["vsw-pod1", "vsw-pod2"]);
        assert.deepEqual([cluster.slbInternetEnabled, cluster.deletionProtection, cluster.newNatGateway], [true, false, true]);
        assert.equal(cluster.securityGroupId, "sg-given");
        assert.deepEqual(
            (cluster.deleteOptions as { resourceType: string; deleteMode: string }[]).filter((o) =>
                ["SLB", "ALB"].includes(o.resourceType),
            ),
            [
                { resourceType: "SLB", deleteMode: "retain" },
                { resourceType: "ALB", deleteMode: "retain" },
            ],
        );
        assert.deepEqual(engine.get(T.nodePool, "ack-given-ecs-pool").inputs.securityGroupIds, ["sg-given"]);
        assert.deepEqual(await valueOf(ack.vswitchIds), ["vsw-given1", "vsw-given2"]);
    });

    it("adopts a cluster by id and labels its running ECS nodes", async () => {
        const ack = new AckCluster("ack-adopt", {
            existingClusterId: CLUSTER_ID,
            ecsNodeNames: ["cn-hangzhou.192.168.0.10", "cn-hangzhou.192.168.0.11"],
        });
        assert.equal(await valueOf(ack.clusterId), CLUSTER_ID);
        assert.equal(await valueOf(ack.vpcId), `vpc-${CLUSTER_ID}`);
        assert.equal(await valueOf(ack.securityGroupId), `sg-${CLUSTER_ID}`);
        assert.ok(await isSecret(ack.kubeconfig));
        assert.match(await valueOf(ack.kubeconfig), new RegExp(CLUSTER_ID));
        await engine.settle();

        assert.deepEqual(
            ofComponent("ack-adopt-").filter((r) => r.startsWith("alicloud:")),
            [],
        );
        assert.equal(ack.cluster, undefined);
        assert.equal(ack.nodePool, undefined);
        assert.equal(engine.get(T.provider, "ack-adopt-provider").inputs.clusterIdentifier, CLUSTER_ID);
        const patch = engine.get(T.nodePatch, "ack-adopt-ecs-node-1");
        assert.deepEqual(patch.inputs.metadata, {
            name: "cn-hangzhou.192.168.0.11",
            labels: { "resource-role": "ecs" },
            annotations: { "pulumi.com/patchForce": "true" },
        });
        assert.match(patch.provider ?? "", /ack-adopt-provider/);
        assert.equal(engine.byUrn(patch.parent!).type, T.component);
        assert.deepEqual(ack.ecsNodesReady, ack.ecsNodePatches);
        assert.equal(ack.ecsNodePatches.length, 2);
    });

    it("points an adopted cluster's kubeconfig at the endpoint chosen, the public one by default when it has one", async () => {
        const byDefault = new AckCluster("ack-adopt-pub", { existingClusterId: CLUSTER_ID });
        assert.match(await valueOf(byDefault.kubeconfig), new RegExp(`server: https://${CLUSTER_ID}\\.mock\\.invalid:6443`));
        const inVpc = new AckCluster("ack-adopt-vpc", { existingClusterId: CLUSTER_ID, kubeconfigEndpoint: "private" });
        assert.ok(await isSecret(inVpc.kubeconfig));
        assert.match(await valueOf(inVpc.kubeconfig), new RegExp(`server: https://${CLUSTER_ID}\\.intranet\\.mock\\.invalid:6443`));
    });

    it("keeps a public cluster's kubeconfig as ACK issued it", async () => {
        const ack = new AckCluster("ack-public", { apiServerPublic: true });
        assert.match(await valueOf(ack.kubeconfig), /server: https:\/\/cackpublicclustermock\.mock\.invalid:6443/);
    });

    it("adopts a cluster by kubeconfig alone, with no Alibaba Cloud calls", async () => {
        const callsBefore = engine.calls.length;
        const ack = new AckCluster("ack-kc", { existingKubeconfig: pulumi.secret(KUBECONFIG), ecsNodeNames: ["worker-1"] });
        assert.ok(await isSecret(ack.kubeconfig));
        assert.equal(await valueOf(ack.kubeconfig), KUBECONFIG);
        assert.equal(await valueOf(ack.clusterId), undefined);
        await engine.settle();
        assert.deepEqual(
            engine.calls.slice(callsBefore).filter((c) => c.token.startsWith("alicloud:")),
            [],
        );
        const provider = engine.get(T.provider, "ack-kc-provider").inputs;
        assert.equal(revealSecrets(provider.clusterIdentifier), "https://own.example.internal:6443");
        assert.deepEqual((engine.get(T.nodePatch, "ack-kc-ecs-node-0").inputs.metadata as { labels: unknown }).labels, {
            "resource-role": "ecs",
        });
    });

    it("throws synchronously on plain invalid input, before registering anything", () => {
        const before = engine.resources.length;
        assert.throws(
            () => new AckCluster("ack-bad", { nodePool: { minSize: 5, maxSize: 3 } }),
            /^InputError: AckCluster "ack-bad": nodePool.minSize = 5 is not valid: expected at most nodePool.maxSize \(3\)/,
        );
        assert.throws(
            () => new AckCluster("ack-bad2", { createNetwork: true, vswitchIds: ["vsw-a1", "vsw-b1"] }),
            /AckCluster "ack-bad2": createNetwork = true is not valid: expected false or unset with vswitchIds/,
        );
        assert.throws(
            () => new AckCluster("ack-bad3", { existingClusterId: pulumi.output(CLUSTER_ID), vpcCidr: "10.0.0.0/16" }),
            /AckCluster "ack-bad3": vpcCidr = "10.0.0.0\/16" is not valid: expected no vpcCidr when adopting an existing cluster/,
        );
        assert.throws(
            () => new AckCluster("ack-bad4", { existingKubeconfig: "not: a kubeconfig" }),
            /AckCluster "ack-bad4": existingKubeconfig = \(secret, 17 characters\)/,
        );
        assert.equal(engine.resources.length, before);
    });

    it("documents each public getter on itself", () => {
        // Getters are the TypeScript-only outputs (no schema form); each needs its own JSDoc.
        const file = path.resolve(__dirname, "../../../sdk/components/ackCluster.ts");
        const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
        const cls = source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === "AckCluster");
        const getters = cls!.members.filter(ts.isGetAccessorDeclaration);
        assert.deepEqual(
            getters.map((g) => g.name.getText(source)),
            ["provider", "ecsNodesReady"],
        );
        for (const g of getters) {
            const docs = ts.getJSDocCommentsAndTags(g).filter(ts.isJSDoc);
            assert.equal(docs.length, 1, `${g.name.getText(source)} has exactly one JSDoc comment of its own`);
        }
        const text = (name: string) =>
            ts.getTextOfJSDocComment(
                ts.getJSDocCommentsAndTags(getters.find((g) => g.name.getText(source) === name)!).filter(ts.isJSDoc)[0].comment,
            );
        assert.match(text("provider") ?? "", /^Kubernetes provider for the cluster/);
        assert.match(text("ecsNodesReady") ?? "", /^What to `dependsOn` for the labeled ECS nodes/);
    });

    it("checks Output values when they resolve, with the same message", async () => {
        const ack = new AckCluster("ack-late", { nodePool: { desiredSize: pulumi.output(9) } });
        const e = await errorOf(ack.ecsNodeLabel);
        assert.match(
            e.message,
            /AckCluster "ack-late": nodePool.desiredSize = 9 is not valid: expected a node count within nodePool.minSize to nodePool.maxSize \(1 to 3\)/,
        );
    });
});
