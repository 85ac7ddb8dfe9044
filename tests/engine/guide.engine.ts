// Engine tests (docs/engine-tests.md): the real Pulumi CLI and Kubernetes provider deploy the Kubernetes half of the
// guide to a local control plane (real kube-apiserver, controller-manager and scheduler), with a stand-in for
// Knative's controller. Run by `npm run test:engine` after tools/build-engine-tools.sh.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import kubernetesHalf, { MIXED_REPLICAS } from "./programs/kubernetesHalf";
import {
    ackNodes,
    ECI_PROFILE_UNMANAGED,
    ECS_NODES,
    eciProfile,
    knativeCrdDocuments,
    knativeFeaturesDocument,
    NODE_POOL_LABEL,
    VIRTUAL_NODE,
} from "./ackFixtures";
import { KNATIVE_SERVICE_LABEL } from "../integration/checks";
import { ControlPlane } from "./controlPlane";
import { connect, type Kube, orMissing } from "./kube";
import { KnativeStandIn } from "./knativeStandIn";
import type { PlannedPlacement } from "./planPlacements";
import { engineStack, installKubernetesPlugin, streamTo } from "./pulumiStack";
import { findTools, REPO_ROOT, type Tools } from "./tools";

const MINUTE = 60_000;
const log = (line: string) => console.log(`[engine] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The guide's Services: namespace, name, placement. */
const SERVICES = [
    { namespace: "vk", name: "helloworld-go", placement: "eci" },
    { namespace: "vk-injected", name: "helloworld-go-injected", placement: "eci-namespace" },
    { namespace: "vk", name: "helloworld-go-mixed", placement: "ecs-and-eci" },
    { namespace: "team-existing", name: "helloworld-go-ecs", placement: "ecs" },
    { namespace: "vk", name: "helloworld-go-first", placement: "ecs-first" },
] as const;

interface Run {
    tools: Tools;
    workDir: string;
    cp: ControlPlane;
    kube: Kube;
    standIn: KnativeStandIn;
    pluginDir: string;
    stack: Stack;
}

async function applyYaml(kube: Kube, documents: string[]): Promise<void> {
    for (const doc of documents) {
        for (const obj of kube.k8s.loadAllYaml(doc)) {
            if (obj) await kube.objects.create(obj);
        }
    }
}

/** What ACK, Knative and ack-virtual-node put in the cluster before the stack runs. */
async function seedCluster(kube: Kube, tools: Tools): Promise<void> {
    for (const node of ackNodes()) await kube.core.createNode({ body: node });
    await applyYaml(kube, knativeCrdDocuments(tools.knativeServingDir));
    await kube.core.createNamespace({ body: { metadata: { name: "knative-serving" } } });
    await applyYaml(kube, [knativeFeaturesDocument(tools.knativeServingDir)]);
    await kube.core.createNamespacedConfigMap({ namespace: "kube-system", body: eciProfile() });
    await kube.core.createNamespace({ body: { metadata: { name: "team-existing", labels: { owner: "platform-team" } } } });
    // The CRDs must be served before the stack applies Knative Services.
    const deadline = Date.now() + MINUTE;
    for (;;) {
        const crd = await kube.extensions.readCustomResourceDefinition({ name: "services.serving.knative.dev" });
        if (crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) break;
        if (Date.now() > deadline) throw new Error("Knative's services CRD was not Established within a minute");
        await sleep(200);
    }
}

/** The Service's pods that are not being deleted. */
async function podsOf(kube: Kube, namespace: string, service: string) {
    return (await kube.core.listNamespacedPod({ namespace, labelSelector: `${KNATIVE_SERVICE_LABEL}=${service}` })).items.filter(
        (p) => !p.metadata?.deletionTimestamp,
    );
}

/** Waits until `count` of the Service's pods are bound and Running (kwok marks pods on fake nodes Running). */
async function waitForRunningPods(kube: Kube, namespace: string, service: string, count: number): Promise<void> {
    const deadline = Date.now() + 3 * MINUTE;
    for (;;) {
        const pods = await podsOf(kube, namespace, service);
        const running = pods.filter((p) => p.spec?.nodeName && p.status?.phase === "Running");
        if (running.length >= count) return;
        if (Date.now() > deadline) {
            const states = pods.map((p) => `${p.metadata?.name}: ${p.spec?.nodeName ?? "unbound"} ${p.status?.phase}`).join("; ");
            throw new Error(`${namespace}/${service}: ${running.length} of ${count} pods Running after 3 minutes (${states || "no pods"})`);
        }
        await sleep(500);
    }
}

/** The offline plan's placement table for the same program, from a separate process (it runs the mock engine). */
function planPlacements(kubeconfig: string): PlannedPlacement[] {
    const script = path.join(REPO_ROOT, "build", "tests", "engine", "planPlacements.js");
    const program = path.join(REPO_ROOT, "build", "tests", "engine", "programs", "kubernetesHalf.js");
    const out = execFileSync(process.execPath, [script, program, `kubeconfig=${kubeconfig}`], { cwd: REPO_ROOT, encoding: "utf8" });
    return JSON.parse(out) as PlannedPlacement[];
}

describe("engine: the guide's Kubernetes half on a real Pulumi engine and a local control plane", function () {
    this.timeout(20 * MINUTE);
    let run: Run;

    before(async function () {
        const tools = findTools();
        const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-knative-eci-engine-"));
        log(`work directory ${workDir}`);
        const cp = await ControlPlane.start(tools, path.join(workDir, "cluster"));
        log(`control plane at ${cp.server}`);
        const kube = await connect(cp.kubeconfig);
        await seedCluster(kube, tools);
        const standIn = new KnativeStandIn(kube);
        standIn.start();
        const pluginDir = installKubernetesPlugin(tools, workDir);
        const stack = await engineStack({
            tools,
            workDir,
            project: "ack-knative-eci-engine",
            stack: "engine",
            program: async () => kubernetesHalf(),
            kubernetesPluginDir: pluginDir,
        });
        await stack.setConfig("kubeconfig", { value: cp.kubeconfig, secret: true });
        run = { tools, workDir, cp, kube, standIn, pluginDir, stack };
    });

    after(async function () {
        await run?.standIn.stop();
        await run?.cp.stop();
        if (run && this.currentTest?.state !== "failed") fs.rmSync(run.workDir, { recursive: true, force: true });
    });

    it("pulumi up creates every part: labels, patches, namespaces and the Knative Services, awaited until Ready", async () => {
        const result = await run.stack.up({ onOutput: streamTo("    | ") });
        assert.equal(result.summary.result, "succeeded");
        const { kube } = run;

        for (const name of ECS_NODES) {
            const node = await kube.core.readNode({ name });
            assert.equal(node.metadata?.labels?.["resource-role"], "ecs", `${name} is labeled resource-role=ecs`);
            assert.equal(node.metadata?.labels?.[NODE_POOL_LABEL.key], NODE_POOL_LABEL.value);
        }
        assert.equal((await kube.core.readNode({ name: VIRTUAL_NODE })).metadata?.labels?.["resource-role"], undefined);

        const features = await kube.core.readNamespacedConfigMap({ name: "config-features", namespace: "knative-serving" });
        for (const flag of ["kubernetes.podspec-affinity", "kubernetes.podspec-tolerations", "kubernetes.podspec-nodeselector"]) {
            assert.equal(features.data?.[flag], "enabled", flag);
        }
        assert.ok(features.data?._example, "Knative's own _example key is kept");

        const profile = await kube.core.readNamespacedConfigMap({ name: "eci-profile", namespace: "kube-system" });
        assert.equal(profile.data?.vSwitchIds, "vsw-bp1enginetests0000001,vsw-bp1enginetests0000002");
        assert.equal(profile.data?.securityGroupId, "sg-bp1enginetests000000");
        assert.equal(profile.data?.[ECI_PROFILE_UNMANAGED.key], ECI_PROFILE_UNMANAGED.value, "ACK's other eci-profile keys are kept");

        const injected = await kube.core.readNamespace({ name: "vk-injected" });
        // ACK's injection webhook cannot run here: the label that triggers it is what can be checked.
        assert.equal(injected.metadata?.labels?.["virtual-node-affinity-injection"], "enabled");
        const adopted = await kube.core.readNamespace({ name: "team-existing" });
        assert.equal(adopted.metadata?.labels?.owner, "platform-team");
        assert.equal(adopted.metadata?.labels?.["ack-knative-eci/adopted"], "true");

        const outputs = await run.stack.outputs();
        assert.deepEqual(outputs.serviceUrls.value, {
            "helloworld-go": "http://helloworld-go.vk.example.com",
            "helloworld-go-injected": "http://helloworld-go-injected.vk-injected.example.com",
            "helloworld-go-mixed": "http://helloworld-go-mixed.vk.example.com",
            "helloworld-go-ecs": "http://helloworld-go-ecs.team-existing.example.com",
            "helloworld-go-first": "http://helloworld-go-first.vk.example.com",
        });
        assert.deepEqual(run.standIn.errors, []);
    });

    it("the real scheduler binds every Service's pods where the offline plan allows (kubectl -n vk get pod -o wide)", async () => {
        const { kube } = run;
        const planned = new Map(planPlacements(run.cp.kubeconfig).map((p) => [p.service, p]));
        const nodeKind = (name: string) => (name === VIRTUAL_NODE ? "ECI virtual node" : "ECS node");
        for (const svc of SERVICES) {
            const replicas = svc.name === "helloworld-go-mixed" ? MIXED_REPLICAS : svc.name === "helloworld-go-injected" ? 1 : 2;
            await waitForRunningPods(kube, svc.namespace, svc.name, replicas);
            const pods = await podsOf(kube, svc.namespace, svc.name);
            const rows = pods.map((p) => `${p.metadata?.name}  ${p.status?.phase}  ${p.spec?.nodeName}`);
            log(`${svc.namespace}/${svc.name} (${svc.placement}):\n      ${rows.join("\n      ")}`);
            const plan = planned.get(`${svc.namespace}/${svc.name}`);
            assert.ok(plan, `the plan lists ${svc.namespace}/${svc.name}`);
            const allowedKinds = new Set(plan.mayRunOn.map((n) => n.kind));
            const allowedEcs = new Set(plan.mayRunOn.filter((n) => n.kind === "ECS node").map((n) => n.name));
            if (svc.placement === "eci-namespace") {
                // Without ACK's webhook nothing injects the affinity; the plan (which models the webhook) says ECI only.
                assert.deepEqual([...allowedKinds], ["ECI virtual node"]);
                continue;
            }
            for (const pod of pods) {
                const node = pod.spec!.nodeName!;
                assert.ok(
                    allowedKinds.has(nodeKind(node)),
                    `${pod.metadata?.name} on ${node}: the plan allows only ${[...allowedKinds].join(", ")}`,
                );
                if (nodeKind(node) === "ECS node") assert.ok(allowedEcs.has(node), `${node} is an ECS node the plan allows`);
            }
            const used = new Set(pods.map((p) => nodeKind(p.spec!.nodeName!)));
            if (svc.placement === "eci") assert.deepEqual([...used], ["ECI virtual node"]);
            if (svc.placement === "ecs") assert.deepEqual([...used], ["ECS node"]);
            if (svc.placement === "ecs-first") assert.deepEqual([...used], ["ECS node"], "ECS is preferred while it has room");
            if (svc.placement === "ecs-and-eci") assert.deepEqual([...used].sort(), ["ECI virtual node", "ECS node"]);
        }
    });

    it("a second preview changes nothing", async () => {
        const preview = await run.stack.preview({ onOutput: streamTo("    | ") });
        const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
        assert.deepEqual(changes, []);
    });

    it("a new image for one Service updates only that Service, in place", async () => {
        await run.stack.setConfig("mixedImage", { value: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:160e4dc8" });
        const preview = await run.stack.preview({ diff: true, onOutput: streamTo("    | ") });
        const changes = Object.fromEntries(Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0));
        assert.deepEqual(changes, { update: 1 });
        const result = await run.stack.up({ onOutput: streamTo("    | ") });
        assert.deepEqual(Object.fromEntries(Object.entries(result.summary.resourceChanges ?? {}).filter(([op]) => op !== "same")), {
            update: 1,
        });
        const ksvc = (await run.kube.custom.getNamespacedCustomObject({
            group: "serving.knative.dev",
            version: "v1",
            namespace: "vk",
            plural: "services",
            name: "helloworld-go-mixed",
        })) as { metadata: { generation: number }; spec: { template: { spec: { containers: { image: string }[] } } } };
        assert.equal(
            ksvc.spec.template.spec.containers[0].image,
            "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:160e4dc8",
        );
        assert.equal(ksvc.metadata.generation, 2);
    });

    it("pulumi destroy removes what the stack created and keeps what it adopted", async () => {
        const result = await run.stack.destroy({ onOutput: streamTo("    | ") });
        assert.equal(result.summary.result, "succeeded");
        const { kube } = run;
        const knativeServices = (await kube.custom.listClusterCustomObject({
            group: "serving.knative.dev",
            version: "v1",
            plural: "services",
        })) as {
            items: unknown[];
        };
        assert.equal(knativeServices.items.length, 0, "no Knative Service is left");
        for (const name of ["vk", "vk-injected"]) {
            const ns = await orMissing(kube.core.readNamespace({ name }));
            assert.ok(!ns || ns.status?.phase === "Terminating", `namespace ${name} is deleted`);
        }
        const adopted = await kube.core.readNamespace({ name: "team-existing" });
        assert.equal(adopted.metadata?.labels?.owner, "platform-team", "the adopted namespace keeps its own labels");
        assert.equal(adopted.metadata?.labels?.["ack-knative-eci/adopted"], undefined, "the label the stack set is removed");
        for (const name of ECS_NODES) {
            const labels = (await kube.core.readNode({ name })).metadata?.labels ?? {};
            assert.equal(labels["resource-role"], undefined, `${name}: the label the stack set is removed`);
            assert.equal(labels[NODE_POOL_LABEL.key], NODE_POOL_LABEL.value, `${name}: ACK's own labels are kept`);
        }
        const features = await kube.core.readNamespacedConfigMap({ name: "config-features", namespace: "knative-serving" });
        assert.equal(features.data?.["kubernetes.podspec-affinity"], "enabled", "Knative's flags cannot safely be disabled: kept");
        const profile = await kube.core.readNamespacedConfigMap({ name: "eci-profile", namespace: "kube-system" });
        assert.equal(profile.data?.[ECI_PROFILE_UNMANAGED.key], ECI_PROFILE_UNMANAGED.value);
    });
});
