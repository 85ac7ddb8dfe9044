// examples/python-consumer as docs/cross-language.md tells a Python user to run it: `pulumi package add ../..` generates
// and installs the Python SDK (the CLI runs the package through the Node.js host and binds its schema against the
// alicloud and Kubernetes plugins), then the whole platform, cloud half included, is deployed through the Python
// language host with the real alicloud provider against the local Alibaba Cloud (tests/local-cloud, a stand-in for the
// cloud) whose ACK cluster is the lane's real control plane. Skipped, with the reason, without the Python host and its
// exec script, a Python 3 with venv, the alicloud plugin or the local cloud.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type CloudLane, GUIDE_SERVICES, startCloudLane } from "../harness/cloudLane";
import { leftovers } from "../harness/cloudState";
import { podsOf, waitForRunningPods } from "../harness/localCluster";
import { pulumiEnv } from "../harness/pulumiStack";
import { dropForeignVirtualenv, findPythonHost, findVenvPython } from "../harness/pythonHost";
import { findTools, REPO_ROOT } from "../harness/tools";

const MINUTE = 60_000;
const STACK = "engine-test";
const DIR = path.join("examples", "python-consumer");
const PROJECT = path.join(REPO_ROOT, DIR);
const log = (line: string) => console.log(`[python-consumer] ${line}`);

const PLANNED_TYPES = [
    "ack-knative-eci:index:KnativeEciPlatform",
    "ack-knative-eci:index:AckCluster",
    "alicloud:vpc/network:Network",
    "alicloud:vpc/natGateway:NatGateway",
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "alicloud:cs/nodePool:NodePool",
    "alicloud:cs/kubernetesAddon:KubernetesAddon",
    "kubernetes:serving.knative.dev/v1:Service",
];

describe("engine, cloud half: examples/python-consumer through the Python language host on the local Alibaba Cloud (pulumi package add, the whole platform)", function () {
    this.timeout(40 * MINUTE);
    let lane: CloudLane | undefined;
    /**
     * The environment of `pulumi package add`: the engine tests' Pulumi home (both plugins installed) and backend, and
     * the user's PATH then the `node` running these tests. The CLI finds its language hosts beside itself, and so the
     * plugins in the Pulumi home: nothing of the tool cache is on PATH to stand in for them.
     */
    let env: NodeJS.ProcessEnv = {};
    /** Files `pulumi package add` rewrites, restored afterwards: the consumer's project files and the package's lock. */
    const touched = ["Pulumi.yaml", "requirements.txt"].map((f) => path.join(PROJECT, f)).concat(path.join(REPO_ROOT, "package-lock.json"));
    const saved = new Map<string, string>();

    before(async function () {
        const tools = findTools();
        const host = findPythonHost(tools);
        const PATH = [process.env.PATH, path.dirname(process.execPath)].join(path.delimiter);
        const probeEnv = { ...process.env, PATH };
        const python = findVenvPython(probeEnv);
        if ("missing" in host || "missing" in python) {
            log(`skipped: ${"missing" in host ? host.missing : (python as { missing: string }).missing}`);
            this.skip();
        }
        log(`Python host ${path.join(host.dir, "pulumi-language-python")}, virtual environment from ${python.version}`);
        lane = await startCloudLane("python-consumer", log);
        if (!lane) this.skip();
        for (const f of touched) saved.set(f, fs.readFileSync(f, "utf8"));
        env = { ...process.env, ...pulumiEnv(lane.workDir), ...lane.cloud.env, PATH, PULUMI_STACK: undefined };
        if (dropForeignVirtualenv(path.join(PROJECT, "venv"), env)) log("removed a venv another python3 made");
    });

    after(async function () {
        await lane?.stop(this.currentTest?.state === "failed");
        // Renamed into place: other test files read package-lock.json meanwhile.
        for (const [file, text] of saved) {
            fs.writeFileSync(`${file}.restore`, text);
            fs.renameSync(`${file}.restore`, file);
        }
        fs.rmSync(path.join(PROJECT, "sdks"), { recursive: true, force: true });
    });

    it("pulumi package add ../.. generates the Python SDK with the alicloud and Kubernetes plugins and installs it into the venv", function () {
        log(`${DIR}$ pulumi package add ../..`);
        const started = Date.now();
        const r = spawnSync(lane!.tools.pulumi, ["package", "add", "../..", "--non-interactive"], { cwd: PROJECT, env, encoding: "utf8" });
        const output = `${r.stdout}${r.stderr}`;
        process.stdout.write(output.replace(/^(?=.)/gm, "    |   "));
        log(`pulumi package add: exit ${r.status} in ${Math.round((Date.now() - started) / 1000)} s`);
        assert.equal(r.status, 0, "pulumi package add ../.. succeeds");
        assert.match(output, /Successfully generated an SDK for the ack-knative-eci package at .*examples\/python-consumer\/sdks/);
        assert.match(output, /Added package ack-knative-eci/);
        // Every dependency's schema is loaded at the version the package's schema names.
        assert.doesNotMatch(output, /loader returned|is expected to have version|failed to download plugin/);
        assert.match(
            fs.readFileSync(path.join(PROJECT, "requirements.txt"), "utf8"),
            /^sdks\/ack-knative-eci$/m,
            "linked in requirements.txt",
        );
        assert.match(fs.readFileSync(path.join(PROJECT, "Pulumi.yaml"), "utf8"), /^packages:\n\s+ack-knative-eci: \.\.\/\.\.$/m);
        // The SDK in the venv the Python host runs the program with, typed with both providers' SDKs.
        const python = path.join(PROJECT, "venv", "bin", "python");
        const script = [
            "import pulumi_ack_knative_eci as p, pulumi_alicloud, pulumi_kubernetes",
            "print(sorted(n for n in ('AckCluster', 'EciNamespace', 'KnativeEciPlatform', 'KnativeService', 'KnativeServing', 'VirtualNode') if hasattr(p, n)))",
            "print(p.Placement.ECS_AND_ECI.value)",
        ].join("\n");
        const imported = spawnSync(python, ["-c", script], { encoding: "utf8" });
        assert.equal(imported.status, 0, imported.stderr);
        assert.deepEqual(imported.stdout.trim().split("\n"), [
            "['AckCluster', 'EciNamespace', 'KnativeEciPlatform', 'KnativeService', 'KnativeServing', 'VirtualNode']",
            "ecs-and-eci",
        ]);
    });

    it("stack init, config set, preview --diff, up, stack output, pods bound, a quiet second preview, destroy to an empty cloud", async () => {
        const lc = lane!.cloud;
        // `pulumi stack init` and the cloud's `pulumi config set` lines (endpoints, credentials).
        const c = await lane!.project(DIR, STACK);
        const preview = await c.ok(["preview", "--diff"]);
        for (const type of PLANNED_TYPES)
            assert.match(preview.output, new RegExp(`\\+ ${type.replace(/[/:.]/g, "\\$&")}`), `preview plans ${type}`);
        assert.deepEqual(leftovers(await lc.cloud.state()), [], "preview creates nothing in the cloud");

        const up = await c.ok(["up", "--yes"]);
        // requirements.txt pins pulumi-alicloud and pulumi-kubernetes at the package's locks: one plugin version each.
        assert.doesNotMatch(up.output, /version of package/, "the program and the package ask for the same plugins");
        const state = await lc.cloud.state();
        assert.equal(state.clusters.length, 1, "one ACK cluster");
        const [cluster] = state.clusters;
        assert.equal(cluster.state, "running");
        assert.equal(cluster.name, `knative-eci-python-${STACK}`);
        assert.equal((await c.ok(["stack", "output", "clusterId"])).stdout.trim(), cluster.cluster_id);
        assert.equal((await c.ok(["stack", "output", "kubeconfig"])).stdout.trim(), "[secret]");
        assert.deepEqual(JSON.parse((await c.ok(["stack", "output", "serviceUrls", "--json"])).stdout), {
            "helloworld-go": "http://helloworld-go.vk.example.com",
            "helloworld-go-injected": "http://helloworld-go-injected.vk-injected.example.com",
            "helloworld-go-mixed": "http://helloworld-go-mixed.vk.example.com",
        });
        assert.equal(cluster.node_pools.length, 1);
        assert.equal(cluster.node_pools[0].nodes.length, 3, "nodeCount's default");
        assert.deepEqual(
            cluster.addons
                .map((a) => a.name)
                .filter((n) => n === "ack-virtual-node" || n === "knative")
                .sort(),
            ["ack-virtual-node", "knative"],
        );

        // The real scheduler binds each Service's pods: eci only to the virtual node, ecs-and-eci to ECS or ECI.
        const names = async (labelSelector: string) => (await lc.kube.core.listNode({ labelSelector })).items.map((n) => n.metadata!.name!);
        const virtual = await names("type=virtual-kubelet");
        const ecs = await names("resource-role=ecs");
        assert.ok(virtual.length >= 1 && virtual.every((n) => /^virtual-kubelet-cn-hangzhou-[a-z]$/.test(n)), `virtual nodes ${virtual}`);
        assert.equal(ecs.length, 3, "the node pool's nodes carry resource-role=ecs");
        for (const svc of GUIDE_SERVICES) {
            await waitForRunningPods(lc.kube, svc.namespace, svc.name, 1);
            const nodes = (await podsOf(lc.kube, svc.namespace, svc.name)).map((p) => p.spec!.nodeName!);
            log(`${svc.namespace}/${svc.name} (${svc.placement}) on ${nodes.join(", ")}`);
            if (svc.placement === "eci")
                assert.ok(
                    nodes.every((n) => virtual.includes(n)),
                    `${svc.name} only on ${virtual}`,
                );
            if (svc.placement === "ecs-and-eci") assert.ok(nodes.every((n) => virtual.includes(n) || ecs.includes(n)));
        }
        // eci-namespace relies on ACK's webhook (not here): the namespace label is what the stack sets.
        const injected = await lc.kube.core.readNamespace({ name: "vk-injected" });
        assert.equal(injected.metadata?.labels?.["virtual-node-affinity-injection"], "enabled");

        assert.equal((await c.run(["preview", "--expect-no-changes"])).code, 0, "a second preview plans no change");
        assert.deepEqual(await lc.cloud.violations(), [], "every request fits Alibaba's request models");

        assert.doesNotMatch((await c.ok(["destroy", "--yes"])).output, /version of package/);
        assert.deepEqual(leftovers(await lc.cloud.state()), [], "destroy leaves the local cloud empty");
        assert.deepEqual(await lc.cloud.violations(), [], "destroy's requests too");
    });
});
