// Bad days on the cloud half (issue 25): the package's AckCluster and VirtualNode (programs/faults: network, cluster,
// node pool, ack-virtual-node) through the real CLI and the real alicloud provider against the local Alibaba Cloud,
// with faults the cloud scripts (tests/local-cloud, POST /_local/faults): throttling and a 5xx on every create, a
// cluster whose creation ends `failed`, an add-on install that fails, a node pool scale-up that fails halfway, a
// vSwitch still in use at destroy, and the CLI killed while the cluster is being created. After each, the local
// cloud holds nothing the stack does not know, and nothing twice.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type CloudLane, startCloudLane } from "../harness/cloudLane";
import { type CloudClient, type CloudState, leftovers } from "../harness/cloudState";
import type { CliResult, ProjectCli } from "../harness/projectCli";

const MINUTE = 60_000;
/** The README's jq filter: the pending create of $urn becomes a resource of the stack with id $id. */
const JQ_ADOPT_PENDING =
    ".deployment.resources += [.deployment.pending_operations[] | select(.resource.urn == $urn) | .resource + {id: $id}]" +
    " | .deployment.pending_operations |= map(select(.resource.urn != $urn))";
const PROGRAM = path.join("tests", "engine", "cloud", "programs", "faults");
const log = (line: string) => console.log(`[cloud faults] ${line}`);

/** Every create the stack makes, by the action name the local cloud's faults take. */
const CLUSTER_TYPE = "alicloud:cs/managedKubernetes:ManagedKubernetes";
const NETWORK_CREATES = [
    "CreateVpc",
    "CreateVSwitch",
    "CreateSecurityGroup",
    "CreateNatGateway",
    "AllocateEipAddress",
    "AssociateEipAddress",
    "CreateSnatEntry",
];

/** What the stack owns in the cloud when it is up: one of each, except 4 vSwitches (node and pod, 2 zones) and a SNAT entry per vSwitch. */
const UP_COUNTS = { vpcs: 1, vswitches: 4, securityGroups: 1, natGateways: 1, eips: 1, snatEntries: 4, imageCaches: 0, clusters: 1 };

/** Throttling, then a 5xx, on the next call of each action. */
async function throttleThen5xx(cloud: CloudClient, actions: string[]): Promise<void> {
    for (const action of actions) {
        await cloud.fault({ action, kind: "throttle", count: 1 });
        await cloud.fault({ action, kind: "server-error", count: 1 });
    }
}

function counts(state: CloudState): Record<string, number> {
    const { tasks: _tasks, ...rest } = state.counts;
    return rest;
}

/** Polls the local cloud until `done` (2 minutes at most). */
async function waitFor(_cloud: CloudClient, done: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 2 * MINUTE;
    while (!(await done())) {
        assert.ok(Date.now() < deadline, "the local cloud reaches the state in 2 minutes");
        await new Promise((r) => setTimeout(r, 1000));
    }
}

/** The stack's resources of a type, from `pulumi stack export`. */
async function stackResources(c: ProjectCli, type: string): Promise<{ urn: string; id?: string }[]> {
    const exported = JSON.parse((await c.ok(["stack", "export"])).stdout) as {
        deployment: { resources?: { urn: string; id?: string; type: string }[] };
    };
    return (exported.deployment.resources ?? []).filter((r) => r.type === type);
}

describe("engine, cloud half: bad days (faults the local Alibaba Cloud scripts, real CLI, real alicloud provider)", function () {
    this.timeout(40 * MINUTE);
    let lane: CloudLane | undefined;

    before(async function () {
        lane = await startCloudLane("cloud-faults", log);
        if (!lane) this.skip();
    });

    after(async function () {
        await lane?.stop(this.currentTest?.state === "failed");
    });

    afterEach(async () => {
        const cloud = lane?.cloud.cloud;
        if (!cloud) return;
        await cloud.clearFaults();
        assert.deepEqual(await cloud.violations(), [], "every request fits Alibaba's request models");
    });

    it("throttling and a 5xx on every create, a failed cluster, a failed add-on install, a scale-up failing halfway, a vSwitch in use at destroy", async () => {
        const { cloud } = lane!.cloud;
        const c = await lane!.project(PROGRAM, "faults");

        // 1. Every network create is throttled, then meets a 5xx; the cluster's creation task ends `failed`.
        await throttleThen5xx(cloud, NETWORK_CREATES);
        const reason = "Failed to create the control plane: the zone has no capacity (injected)";
        await cloud.fault({ action: "CreateCluster", kind: "fail-task", count: 1, message: reason });
        const failed = await c.run(["up", "--yes"]);
        assert.notEqual(failed.code, 0, "up fails when the cluster's creation fails");
        const clusterUrn = (await stackResources(c, CLUSTER_TYPE))[0]?.urn;
        assert.ok(clusterUrn, "Pulumi keeps the failed cluster in the stack");
        const blockOf = (result: CliResult, resource: string) => result.output.slice(result.output.indexOf(`${resource}:\n`));
        // What the user reads: the cluster's diagnostics, naming it, with ACK's reason.
        const failedBlock = blockOf(failed, "alicloud:cs:ManagedKubernetes (faults-cluster)");
        assert.match(failedBlock, /creating urn:pulumi:faults::cloud-faults::.*::faults-cluster: .* createCluster Failed!!!/);
        assert.ok(failedBlock.includes(`"message": "${reason}"`), "the cloud's reason is shown");
        let state = await cloud.state();
        assert.deepEqual(counts(state), UP_COUNTS, "the network is created once despite the throttling and the 5xx; one cluster, failed");
        assert.equal(state.clusters[0].state, "failed");

        // A plain second `up` does not replace the failed cluster (Pulumi retries it as an update, a no-op): the node
        // pool is refused. The README's recovery: destroy the failed cluster alone, then `up`.
        const second = await c.run(["up", "--yes"]);
        assert.notEqual(second.code, 0);
        assert.match(blockOf(second, "alicloud:cs:NodePool (faults-ecs-pool)"), /Code: ErrorClusterStatus/);
        await c.ok(["destroy", "--target", clusterUrn, "--target-dependents", "--yes"]);
        assert.equal((await cloud.state()).clusters.length, 0, "the failed cluster is deleted");

        // 2. The cluster, node pool and add-on creates are throttled and meet a 5xx, and the add-on's install task fails.
        await throttleThen5xx(cloud, ["CreateCluster", "CreateClusterNodePool", "InstallClusterAddons"]);
        const addonReason = "ack-virtual-node: the ECI service is not activated for this account (injected)";
        await cloud.fault({ action: "InstallClusterAddons", kind: "fail-task", count: 1, message: addonReason });
        const addonFailed = await c.run(["up", "--yes"]);
        assert.notEqual(addonFailed.code, 0, "up fails when the add-on's install fails");
        const addonBlock = blockOf(addonFailed, "alicloud:cs:KubernetesAddon (faults-virtual-node-addon)");
        log(`failed add-on: ${addonBlock.split("\n").slice(0, 8).join(" | ")}`);
        assert.ok(addonBlock.includes(addonReason), "the cloud's reason is shown");
        state = await cloud.state();
        assert.deepEqual(counts(state), UP_COUNTS, "no duplicate cluster");

        // A plain retry does not install it again: Pulumi retries the failed add-on as an update, a no-op, and
        // `up` succeeds with the add-on still failed in ACK. The README's recovery: uninstall it in ACK, forget it,
        // then `up` installs it.
        await c.ok(["up", "--yes"]);
        const stillFailed = (await cloud.state()).clusters[0].addons.find((a) => a.name === "ack-virtual-node");
        assert.equal(stillFailed?.state, "failed", "a plain retry leaves the add-on failed");
        const addonUrn = (await stackResources(c, "alicloud:cs/kubernetesAddon:KubernetesAddon"))[0].urn;
        const uninstall = await cloud.uninstallAddons(state.clusters[0].cluster_id, ["ack-virtual-node"]);
        await waitFor(cloud, async () => (await cloud.state()).tasks.find((t) => t.task_id === uninstall.task_id)?.state === "success");
        await c.ok(["destroy", "--target", addonUrn, "--yes"]);

        // 3. The retry converges.
        await c.ok(["up", "--yes"]);
        state = await cloud.state();
        assert.deepEqual(counts(state), UP_COUNTS);
        const [cluster] = state.clusters;
        assert.equal(cluster.state, "running");
        assert.equal(cluster.node_pools.length, 1, "one node pool");
        assert.ok(
            cluster.addons.some((a) => a.name === "ack-virtual-node" && a.state === "active"),
            "ack-virtual-node installed",
        );
        assert.equal((await stackResources(c, CLUSTER_TYPE))[0].id, cluster.cluster_id);
        assert.equal((await c.run(["preview", "--expect-no-changes"])).code, 0, "converged: nothing left to do");

        // 4. Scaling the pool from 1 to 3 nodes fails halfway (2 nodes); a retry converges.
        await c.ok(["config", "set", "nodeCount", "3"]);
        await cloud.fault({
            action: "ModifyClusterNodePool",
            kind: "fail-task",
            count: 1,
            message: "ecs.c7.large is sold out in the zone (injected)",
        });
        const scaleFailed = await c.run(["up", "--yes"]);
        log(`failed scale-up: ${blockOf(scaleFailed, "alicloud:cs:NodePool (faults-ecs-pool)").split("\n").slice(0, 8).join(" | ")}`);
        assert.notEqual(scaleFailed.code, 0, "up fails when the scale-up fails");
        assert.equal((await cloud.state()).clusters[0].node_pools[0].nodes.length, 2, "halfway: 2 of 3 nodes");
        await c.ok(["up", "--yes"]);
        state = await cloud.state();
        assert.equal(state.clusters[0].node_pools[0].nodes.length, 3, "the retry scales to 3");
        assert.deepEqual(counts(state), UP_COUNTS);

        // 5. At destroy a vSwitch is still in use for 20 s after the cluster is gone: destroy waits, and leaves nothing.
        await cloud.fault({ action: "DeleteVSwitch", kind: "in-use", seconds: 20 });
        const started = Date.now();
        await c.ok(["destroy", "--yes"]);
        log(`destroy with a vSwitch in use took ${Math.round((Date.now() - started) / 1000)} s`);
        assert.deepEqual(leftovers(await cloud.state()), [], "destroy leaves the local cloud empty");
        const refused = (await cloud.requests()).filter((r) => r.action === "DeleteVSwitch" && r.code === "DependencyViolation");
        assert.ok(refused.length >= 1, "the provider met the vSwitch in use, and waited");
    });

    it("the CLI killed while the cluster is being created: the README's recovery steps converge without a leaked cluster", async () => {
        const { cloud } = lane!.cloud;
        const c = await lane!.project(PROGRAM, "killed");
        // The cluster's creation task stays `running` for 60 s: long enough to kill the CLI while it waits.
        await cloud.fault({ action: "CreateCluster", kind: "slow", seconds: 60 });
        const up = c.start(["up", "--yes"], undefined, true);
        const deadline = Date.now() + 5 * MINUTE;
        for (;;) {
            const running = (await cloud.state()).tasks.find((t) => t.type === "cluster_create" && t.state === "running");
            if (running) break;
            assert.ok(Date.now() < deadline, "the cluster's creation started");
            await new Promise((r) => setTimeout(r, 1000));
        }
        await new Promise((r) => setTimeout(r, 3000));
        process.kill(-up.pid, "SIGKILL");
        const killed = await up.result;
        assert.notEqual(killed.code, 0);
        const state = await cloud.state();
        assert.equal(state.clusters.length, 1, "the cluster exists in the cloud");
        const clusterId = state.clusters[0].cluster_id;
        log(`killed during the creation of ${clusterId}`);

        // The README's steps (When `pulumi up` fails or is interrupted), as written: wait for the cluster's creation to
        // end, then tell Pulumi the id of the cluster it was creating.
        for (;;) {
            const st = (await cloud.state()).clusters[0]?.state;
            if (st === "running") break;
            assert.ok(Date.now() < deadline, `the cluster's creation ends (${st})`);
            await new Promise((r) => setTimeout(r, 2000));
        }
        // The killed run's lock stays; `pulumi cancel` removes it (the CLI says so).
        await c.ok(["cancel", "--yes"]);
        assert.equal(
            (await stackResources(c, CLUSTER_TYPE)).length,
            0,
            "the cluster is not in the stack's resources, only a pending create",
        );
        const pendingUrn = await pendingCreate(c, CLUSTER_TYPE);
        // `--import-pending-creates` does not take here: the refresh clears the pending operation instead. The README's
        // steps move it into the stack's resources with its id (stack export, jq, stack import), then refresh reads it.
        const exported = path.join(lane!.workDir, "state.json");
        const fixed = path.join(lane!.workDir, "fixed.json");
        fs.writeFileSync(exported, (await c.ok(["stack", "export"])).stdout);
        execFileSync("jq", ["--arg", "urn", pendingUrn, "--arg", "id", clusterId, JQ_ADOPT_PENDING, exported], {
            stdio: ["ignore", fs.openSync(fixed, "w"), "inherit"],
        });
        await c.ok(["stack", "import", "--file", fixed]);
        await c.ok(["refresh", "--yes"]);
        await c.ok(["up", "--yes"]);
        const after = await cloud.state();
        assert.equal(after.clusters.length, 1, "no second cluster");
        assert.equal(after.clusters[0].cluster_id, clusterId);
        assert.deepEqual(counts(after), UP_COUNTS);
        assert.equal((await c.run(["preview", "--expect-no-changes"])).code, 0, "converged");
        await c.ok(["destroy", "--yes"]);
        assert.deepEqual(leftovers(await cloud.state()), [], "destroy leaves the local cloud empty");
    });
});

/** The URN of the stack's pending create of a type, from `pulumi stack export`. */
async function pendingCreate(c: ProjectCli, type: string): Promise<string> {
    const exported = JSON.parse((await c.ok(["stack", "export"])).stdout) as {
        deployment: { pending_operations?: { resource: { urn: string; type: string }; type: string }[] };
    };
    const ops = (exported.deployment.pending_operations ?? []).filter((o) => o.type === "creating" && o.resource.type === type);
    assert.equal(ops.length, 1, `one pending create of ${type}: ${JSON.stringify(exported.deployment.pending_operations)}`);
    return ops[0].resource.urn;
}
