// The whole guide at the repository root, exactly as the README tells a user, through the real CLI, the Node.js
// language host and both real providers (alicloud built from its source, Kubernetes), against the local Alibaba
// Cloud (tests/local-cloud, a stand-in for the cloud) whose ACK cluster is the lane's real control plane. The only
// extra configuration is the provider's endpoints and credentials, set with `pulumi config`. Skipped, with the
// reason, when the language host, the alicloud plugin or the local cloud is not built.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { type CloudLane, GUIDE_SERVICES, startCloudLane } from "../harness/cloudLane";
import { leftovers } from "../harness/cloudState";
import { podsOf, waitForRunningPods } from "../harness/localCluster";
import type { PlannedPlacement } from "../harness/planPlacements";
import { REPO_ROOT } from "../harness/tools";
const MINUTE = 60_000;
const STACK = "local";
const log = (line: string) => console.log(`[cloud guide] ${line}`);

const CLOUD_TYPES = [
    "alicloud:vpc/network:Network",
    "alicloud:vpc/switch:Switch",
    "alicloud:ecs/securityGroup:SecurityGroup",
    "alicloud:vpc/natGateway:NatGateway",
    "alicloud:ecs/eipAddress:EipAddress",
    "alicloud:ecs/eipAssociation:EipAssociation",
    "alicloud:vpc/snatEntry:SnatEntry",
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "alicloud:cs/nodePool:NodePool",
    "alicloud:cs/kubernetesAddon:KubernetesAddon",
];

/** The offline plan's placement table for the guide (the mock engine, in a separate process). */
function plannedPlacements(): Map<string, PlannedPlacement> {
    const script = path.join(REPO_ROOT, "build", "tests", "engine", "harness", "planPlacements.js");
    const out = execFileSync(process.execPath, [script, path.join(REPO_ROOT, "build", "guide", "index.js")], {
        cwd: REPO_ROOT,
        encoding: "utf8",
    });
    return new Map((JSON.parse(out) as PlannedPlacement[]).map((p) => [p.service, p]));
}

describe("engine, cloud half: the guide at the repository root on the local Alibaba Cloud (real CLI, real alicloud provider)", function () {
    this.timeout(40 * MINUTE);
    let lane: CloudLane | undefined;

    before(async function () {
        lane = await startCloudLane("cloud-guide", log);
        if (!lane) this.skip();
    });

    after(async function () {
        await lane?.stop(this.currentTest?.state === "failed");
    });

    it("stack init, config set, preview --diff, up, stack output, a quiet second preview and refresh, destroy to an empty cloud", async () => {
        const lc = lane!.cloud;
        // `pulumi stack init` and the cloud's `pulumi config set` lines (endpoints, credentials), as the README shows.
        const c = await lane!.project(".", STACK);

        const preview = await c.ok(["preview", "--diff"]);
        for (const type of CLOUD_TYPES)
            assert.match(preview.output, new RegExp(`\\+ ${type.replace(/[/:]/g, "\\$&")}`), `preview plans ${type}`);
        assert.deepEqual(leftovers(await lc.cloud.state()), [], "preview creates nothing in the cloud");

        await c.ok(["up", "--yes"]);
        const state = await lc.cloud.state();
        assert.equal(state.clusters.length, 1, "one ACK cluster");
        const [cluster] = state.clusters;
        assert.equal(cluster.state, "running");
        assert.equal((await c.ok(["stack", "output", "clusterId"])).stdout.trim(), cluster.cluster_id);
        assert.equal((await c.ok(["stack", "output", "kubeconfig"])).stdout.trim(), "[secret]");
        assert.deepEqual(JSON.parse((await c.ok(["stack", "output", "serviceUrls", "--json"])).stdout), {
            "helloworld-go": "http://helloworld-go.vk.example.com",
            "helloworld-go-injected": "http://helloworld-go-injected.vk-injected.example.com",
            "helloworld-go-mixed": "http://helloworld-go-mixed.vk.example.com",
        });

        // The node pool: 3 ECS nodes labeled resource-role=ecs, as Nodes of the real control plane.
        assert.equal(cluster.node_pools.length, 1);
        const [pool] = cluster.node_pools;
        assert.equal(pool.nodes.length, 3);
        const ecsNodes = (await lc.kube.core.listNode({ labelSelector: "resource-role=ecs" })).items.map((n) => n.metadata!.name!);
        assert.deepEqual(ecsNodes.sort(), pool.nodes.map((n) => n.node_name).sort());
        // The add-ons: ack-virtual-node's virtual node and eci-profile, Knative's CRDs.
        // The cluster's own (terway-eniip, csi-*: CreateCluster's addons) and the two the platform installs after it.
        assert.deepEqual(cluster.addons.map((a) => a.name).sort(), [
            "ack-virtual-node",
            "csi-plugin",
            "csi-provisioner",
            "knative",
            "terway-eniip",
        ]);
        const virtual = (await lc.kube.core.listNode({ labelSelector: "type=virtual-kubelet" })).items.map((n) => n.metadata!.name!);
        assert.ok(virtual.length >= 1, "the virtual node is registered");
        const profile = await lc.kube.core.readNamespacedConfigMap({ name: "eci-profile", namespace: "kube-system" });
        assert.equal(profile.data?.vpcId, cluster.vpc_id);

        // The real scheduler binds each Service's pods where the offline plan allows.
        const planned = plannedPlacements();
        const kindOf = (node: string) => (virtual.includes(node) ? "ECI virtual node" : "ECS node pool");
        for (const svc of GUIDE_SERVICES) {
            await waitForRunningPods(lc.kube, svc.namespace, svc.name, 1);
            const nodes = (await podsOf(lc.kube, svc.namespace, svc.name)).map((p) => p.spec!.nodeName!);
            log(`${svc.namespace}/${svc.name} (${svc.placement}) on ${nodes.join(", ")}`);
            const allowed = new Set(planned.get(`${svc.namespace}/${svc.name}`)!.mayRunOn.map((n) => n.kind));
            if (svc.placement === "eci-namespace") {
                // Without ACK's injecting webhook nothing adds the affinity here; the plan (which models it) says ECI only.
                assert.deepEqual([...allowed], ["ECI virtual node"]);
                continue;
            }
            for (const node of nodes)
                assert.ok(allowed.has(kindOf(node)), `${svc.name} on ${node}: the plan allows ${[...allowed].join(", ")}`);
        }

        assert.equal((await c.run(["preview", "--expect-no-changes"])).code, 0, "a second preview plans no change");
        assert.equal((await c.run(["refresh", "--yes", "--expect-no-changes"])).code, 0, "a refresh finds no drift");
        assert.deepEqual(await lc.cloud.violations(), [], "every request fits Alibaba's request models");

        await c.ok(["destroy", "--yes"]);
        const after = await lc.cloud.state();
        assert.deepEqual(leftovers(after), [], "destroy leaves the local cloud empty");
        const managed = (await lc.kube.core.listNode()).items.filter((n) => n.metadata?.annotations?.["local-alicloud/managed"]);
        assert.deepEqual(
            managed.map((n) => n.metadata!.name),
            [],
            "deleting the cluster deletes its nodes",
        );
    });
});
