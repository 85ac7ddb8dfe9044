// Day 2 on the real engine (docs/engine-tests.md, "Day 2"): what an operator meets after the first `pulumi up` —
// an upgrade of the package, a first preview while the cluster does not exist yet, the API server failing mid-update,
// refresh, drift made by other field managers, teardown order, a revision that cannot become Ready, and the resource
// options users hand the components. One local control plane; every test uses its own stack, and the guide's
// namespaces are used by one stack at a time, so nothing one test leaves can change what another sees.
import * as assert from "node:assert/strict";
import type { EngineEvent, OpType, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import kubernetesHalf from "../programs/kubernetesHalf";
import * as day2 from "./programs/day2";
import { ECI_PROFILE_UNMANAGED, ECS_NODES, NODE_POOL_LABEL } from "../harness/ackFixtures";
import { type Kube, orMissing } from "../harness/kube";
import { enablePodspecFlags, type LocalCluster, startLocalCluster, waitForRunningPods } from "../harness/localCluster";
import { engineStack, installKubernetesPlugin, streamTo } from "../harness/pulumiStack";
import { recordedDeployment, UPGRADE_PROJECT, UPGRADE_STACK } from "./upgradeFixture";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const log = (line: string) => console.log(`[day2] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const KNATIVE = { group: "serving.knative.dev", version: "v1", plural: "services" };
/** The Knative Services of the guide's Kubernetes half (programs/kubernetesHalf.ts). */
const GUIDE_SERVICES = [
    ["vk", "helloworld-go"],
    ["vk-injected", "helloworld-go-injected"],
    ["vk", "helloworld-go-mixed"],
    ["vk", "helloworld-go-sidecar"],
    ["team-existing", "helloworld-go-ecs"],
    ["vk", "helloworld-go-first"],
] as const;
const CREATED_NAMESPACES = ["vk", "vk-injected"];
/** What `kubectl edit` sends as its field manager: another manager than the stack's. */
const KUBECTL_EDIT = "kubectl-edit";
/** Another tool or controller writing fields of its own (not named `kubectl…`: see the drift test). */
const TEAM_CONTROLLER = "team-controller";
const NEW_IMAGE = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:160e4dc8";

interface KnativeServiceLive {
    metadata: {
        name: string;
        namespace: string;
        generation: number;
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
    };
    spec: { template: { metadata?: { annotations?: Record<string, string> }; spec: { containers: { image: string }[] } } };
}

/** Operations that would lose or recreate what a stack made. */
const DESTRUCTIVE: OpType[] = ["replace", "create-replacement", "delete-replaced", "delete", "discard", "discard-replaced"];

/** Every step the engine announced, as `op urn`. */
function stepsOf(events: EngineEvent[]): { op: OpType; urn: string; type: string; diffs?: string[] }[] {
    return events.flatMap((e) => (e.resourcePreEvent ? [e.resourcePreEvent.metadata] : []));
}

function changesOf(summary: Record<string, number> | undefined): Record<string, number> {
    return Object.fromEntries(Object.entries(summary ?? {}).filter(([op, n]) => op !== "same" && n > 0));
}

async function readKsvc(kube: Kube, namespace: string, name: string): Promise<KnativeServiceLive | undefined> {
    return (await orMissing(kube.custom.getNamespacedCustomObject({ ...KNATIVE, namespace, name }))) as KnativeServiceLive | undefined;
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
        if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / SECOND} s`);
        await sleep(250);
    }
}

describe("engine: day 2 — upgrades, first previews, faults, refresh, drift, teardown, readiness and resource options", function () {
    this.timeout(30 * MINUTE);
    let cluster: LocalCluster;
    let pluginDir: string;
    let failed = false;

    /** A new stack of `program` on the local cluster, with the cluster's kubeconfig as its secret config. */
    async function stackOf(project: string, stack: string, program: PulumiFn): Promise<Stack> {
        const s = await engineStack({
            tools: cluster.tools,
            workDir: cluster.workDir,
            project,
            stack,
            program,
            kubernetesPluginDir: pluginDir,
        });
        await s.setConfig("kubeconfig", { value: cluster.cp.kubeconfig, secret: true });
        return s;
    }

    /** Patch options of another field manager (merge patches, as `kubectl edit` sends). */
    const asKubectlEdit = { fieldManager: KUBECTL_EDIT };
    const asTeamController = { fieldManager: TEAM_CONTROLLER };

    /**
     * Runs `fn` with uncaught exceptions recorded instead of handed to mocha; returns its result and what was raised.
     */
    async function withUncaughtCaptured<T>(fn: () => Promise<T>): Promise<{ result: T; uncaught: unknown[] }> {
        const mochas = process.listeners("uncaughtException");
        const uncaught: unknown[] = [];
        const capture = (e: unknown) => uncaught.push(e);
        for (const l of mochas) process.off("uncaughtException", l);
        process.on("uncaughtException", capture);
        try {
            const result = await fn();
            await sleep(100);
            return { result, uncaught };
        } finally {
            process.off("uncaughtException", capture);
            for (const l of mochas) process.on("uncaughtException", l);
        }
    }

    before(async function () {
        cluster = await startLocalCluster("day2", log);
        // Most tests here declare KnativeServices without the platform, as on a Knative no stack manages: its owner
        // enables the podspec flags (README), or Knative's webhook refuses their affinity and tolerations.
        await enablePodspecFlags(cluster.kube);
        pluginDir = installKubernetesPlugin(cluster.tools, cluster.workDir);
    });

    afterEach(function () {
        if (this.currentTest?.state === "failed") failed = true;
    });

    after(async function () {
        await cluster?.stop(failed);
    });

    const mergePatch = () => cluster.kube.k8s.setHeaderOptions("Content-Type", cluster.kube.k8s.PatchStrategy.MergePatch);

    it("upgrade: the current code previews the recorded state of the guide's Kubernetes half with no replace or delete", async () => {
        const stack = await stackOf(UPGRADE_PROJECT, UPGRADE_STACK, async () => kubernetesHalf());
        await stack.importStack(recordedDeployment(cluster.cp.server, cluster.cp.kubeconfig));
        const events: EngineEvent[] = [];
        const started = Date.now();
        const preview = await stack.preview({ diff: true, refresh: false, onEvent: (e) => events.push(e), onOutput: streamTo("    | ") });
        const steps = stepsOf(events);
        const updates = steps.filter((s) => s.op === "update").map((s) => `${s.urn} (${(s.diffs ?? []).join(", ")})`);
        log(
            `upgrade preview in ${Date.now() - started} ms: ${JSON.stringify(preview.changeSummary)}; in-place updates: ${updates.join("; ") || "none"}`,
        );
        const destructive = steps.filter((s) => DESTRUCTIVE.includes(s.op)).map((s) => `${s.op} ${s.urn}`);
        assert.deepEqual(destructive, [], "an upgrade must not replace or delete anything (a rename needs an alias)");
        assert.equal(preview.changeSummary.create ?? 0, 0, "nothing the recorded version made is created again");
        await stack.workspace.removeStack(UPGRADE_STACK, { force: true });
    });

    it("the first preview of a stack whose cluster the same run creates (kubeconfig unknown) lists the Kubernetes resources as creates", async function () {
        this.timeout(4 * MINUTE);
        const stack = await stackOf("ack-knative-eci-day2-new-cluster", "new", async () => day2.clusterFromSameRun());
        const events: EngineEvent[] = [];
        const started = Date.now();
        const preview = await stack.preview({ onEvent: (e) => events.push(e), onOutput: streamTo("    | ") });
        const creates = stepsOf(events).filter((s) => s.op === "create");
        log(`preview in ${Date.now() - started} ms: ${JSON.stringify(preview.changeSummary)}`);
        const types = (type: string) => creates.filter((s) => s.type === type).length;
        assert.equal(types(day2.KSVC_TYPE), GUIDE_SERVICES.length, "every Knative Service is a create");
        assert.equal(
            types("kubernetes:core/v1:Namespace"),
            1 + CREATED_NAMESPACES.length,
            "the cluster stand-in and the created namespaces",
        );
        assert.equal(types("kubernetes:core/v1:NodePatch"), ECS_NODES.length);
        assert.equal(types("kubernetes:core/v1:ConfigMapPatch"), 2, "eci-profile and config-features");
        assert.equal(types("pulumi:providers:kubernetes"), 2);
        assert.deepEqual(changesOf(preview.changeSummary), { create: preview.changeSummary.create! });
        // The preview contacted nothing the unknown kubeconfig would name: the cluster holds none of these yet.
        assert.equal(await orMissing(cluster.kube.core.readNamespace({ name: "vk" })), undefined);
        await stack.workspace.removeStack("new", { force: true });
    });

    describe("the guide's Kubernetes half through a fault, refresh, drift and teardown", () => {
        let stack: Stack;
        before(async () => {
            stack = await stackOf("ack-knative-eci-day2-guide", "guide", async () => kubernetesHalf());
        });

        it("the API server killed and restarted in the middle of pulumi up: the next up converges, with no duplicate or orphaned object", async () => {
            const { kube } = cluster;
            const up = stack.up({ onOutput: streamTo("    | ") }).then(
                (r) => `succeeded (${JSON.stringify(r.summary.resourceChanges)})`,
                (e: Error) => `failed: ${e.message.split("\n").find((l) => /error/i.test(l)) ?? e.message.split("\n")[0]}`,
            );
            // Mid-update: some Services applied, not all Ready.
            await waitUntil(
                "a Knative Service applied by the first up",
                async () => ((await kube.custom.listClusterCustomObject(KNATIVE)) as { items: unknown[] }).items.length > 0,
                5 * MINUTE,
            );
            const restartStarted = Date.now();
            await cluster.cp.restartApiServer(2 * SECOND);
            log(`API server killed and back after ${Date.now() - restartStarted} ms`);
            log(`the interrupted up ${await up}`);
            cluster.standIn.errors.length = 0; // refused connections while the API server was down

            const second = await stack.up({ onOutput: streamTo("    | ") });
            assert.equal(second.summary.result, "succeeded");
            const listed = (await kube.custom.listClusterCustomObject(KNATIVE)) as { items: KnativeServiceLive[] };
            const inCluster = listed.items.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort();
            assert.deepEqual(inCluster, GUIDE_SERVICES.map(([ns, n]) => `${ns}/${n}`).sort(), "each Service once, none left over");
            const state = (await stack.exportStack()).deployment as {
                resources: { urn: string; type: string }[];
                pending_operations?: unknown[];
            };
            assert.deepEqual(state.pending_operations ?? [], [], "no operation is left pending in the state");
            const urns = state.resources.map((r) => r.urn);
            assert.equal(new Set(urns).size, urns.length, "no resource twice in the state");
            assert.equal(state.resources.filter((r) => r.type === day2.KSVC_TYPE).length, GUIDE_SERVICES.length);
            for (const svc of listed.items) {
                const deployments = await kube.apps.listNamespacedDeployment({
                    namespace: svc.metadata.namespace,
                    labelSelector: `serving.knative.dev/service=${svc.metadata.name}`,
                });
                // One revision per generation: a re-applied, unchanged Service made no second revision.
                assert.equal(deployments.items.length, svc.metadata.generation, `${svc.metadata.name}: one Deployment per generation`);
                assert.equal(
                    deployments.items.filter((d) => (d.spec?.replicas ?? 0) > 0).length,
                    1,
                    `${svc.metadata.name}: one serving revision`,
                );
            }
            await waitForRunningPods(kube, "vk", "helloworld-go", 2);
            assert.deepEqual(cluster.standIn.errors, []);
        });

        it("pulumi refresh right after up reports no change for any part, and a preview after it is empty", async () => {
            const events: EngineEvent[] = [];
            const refresh = await stack.refresh({ onEvent: (e) => events.push(e), onOutput: streamTo("    | ") });
            const changed = stepsOf(events)
                .filter((s) => s.op !== "same" && s.op !== "refresh")
                .map((s) => `${s.op} ${s.urn}`);
            const refreshedWithDiffs = events
                .flatMap((e) => (e.resOutputsEvent ? [e.resOutputsEvent.metadata] : []))
                .filter((m) => m.op === "refresh" && (m.diffs?.length ?? 0) > 0)
                .map((m) => `${m.urn}: ${m.diffs!.join(", ")}`);
            assert.deepEqual(changed, []);
            assert.deepEqual(refreshedWithDiffs, [], "refresh found nothing changed in any part");
            assert.deepEqual(changesOf(refresh.summary.resourceChanges), {});
            const preview = await stack.preview({ onOutput: streamTo("    | ") });
            assert.deepEqual(changesOf(preview.changeSummary), {});
        });

        it("drift made by other field managers is repaired by pulumi up --refresh, and what others own is kept", async () => {
            const { kube } = cluster;
            const otherImage = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:edited";
            // A Service's min-scale and another Service's image, as `kubectl edit` changes them, with an annotation the
            // stack does not declare; and an annotation of another tool's own.
            await kube.custom.patchNamespacedCustomObject(
                {
                    ...KNATIVE,
                    namespace: "vk",
                    name: "helloworld-go",
                    body: {
                        metadata: { annotations: { "kubectl.example.com/note": "edited" } },
                        spec: { template: { metadata: { annotations: { "autoscaling.knative.dev/min-scale": "5" } } } },
                    },
                    ...asKubectlEdit,
                },
                mergePatch(),
            );
            await kube.custom.patchNamespacedCustomObject(
                {
                    ...KNATIVE,
                    namespace: "vk",
                    name: "helloworld-go",
                    body: { metadata: { annotations: { "team.example.com/owner": "web" } } },
                    ...asTeamController,
                },
                mergePatch(),
            );
            const first = (await readKsvc(kube, "vk", "helloworld-go-first"))!;
            const containers = first.spec.template.spec.containers.map((c, i) => (i === 0 ? { ...c, image: otherImage } : c));
            await kube.custom.patchNamespacedCustomObject(
                {
                    ...KNATIVE,
                    namespace: "vk",
                    name: "helloworld-go-first",
                    body: { spec: { template: { spec: { containers } } } },
                    ...asKubectlEdit,
                },
                mergePatch(),
            );
            // A created namespace's label (and one of another team's), an ECS node's resource-role, a key the package
            // manages in eci-profile and one in config-features.
            await kube.core.patchNamespace(
                {
                    name: "vk-injected",
                    body: { metadata: { labels: { "virtual-node-affinity-injection": "disabled" } } },
                    ...asKubectlEdit,
                },
                mergePatch(),
            );
            await kube.core.patchNamespace(
                { name: "vk-injected", body: { metadata: { labels: { team: "other" } } }, ...asTeamController },
                mergePatch(),
            );
            await kube.core.patchNode(
                { name: ECS_NODES[0], body: { metadata: { labels: { "resource-role": "eci" } } }, ...asKubectlEdit },
                mergePatch(),
            );
            await kube.core.patchNamespacedConfigMap(
                {
                    name: "eci-profile",
                    namespace: "kube-system",
                    body: { data: { securityGroupId: "sg-bp1editedbyhand00000" } },
                    ...asKubectlEdit,
                },
                mergePatch(),
            );
            await kube.core.patchNamespacedConfigMap(
                {
                    name: "config-features",
                    namespace: "knative-serving",
                    body: { data: { "kubernetes.podspec-affinity": "disabled" } },
                    ...asKubectlEdit,
                },
                mergePatch(),
            );

            const repaired = await stack.up({ refresh: true, onOutput: streamTo("    | ") });
            assert.equal(repaired.summary.result, "succeeded");
            log(`up --refresh: ${JSON.stringify(repaired.summary.resourceChanges)}`);

            const hello = (await readKsvc(kube, "vk", "helloworld-go"))!;
            assert.equal(hello.spec.template.metadata?.annotations?.["autoscaling.knative.dev/min-scale"], "2", "min-scale restored");
            assert.equal(hello.metadata.annotations?.["team.example.com/owner"], "web", "another tool's own annotation kept");
            // The provider takes over every field a manager named `kubectl…` wrote on an object it applies (flux's
            // prefix match in pulumi-kubernetes' fixCSAFieldManagers), so an undeclared field `kubectl edit` added goes.
            assert.equal(
                hello.metadata.annotations?.["kubectl.example.com/note"],
                undefined,
                "kubectl's undeclared annotation taken over and dropped",
            );
            const firstNow = (await readKsvc(kube, "vk", "helloworld-go-first"))!;
            assert.equal(
                firstNow.spec.template.spec.containers[0].image,
                "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
            );
            const ns = await kube.core.readNamespace({ name: "vk-injected" });
            assert.equal(ns.metadata?.labels?.["virtual-node-affinity-injection"], "enabled", "the namespace's ECI label restored");
            assert.equal(ns.metadata?.labels?.team, "other", "another team's namespace label kept");
            const node = await kube.core.readNode({ name: ECS_NODES[0] });
            assert.equal(node.metadata?.labels?.["resource-role"], "ecs", "the node's resource-role restored");
            assert.equal(node.metadata?.labels?.[NODE_POOL_LABEL.key], NODE_POOL_LABEL.value, "ACK's node labels kept");
            const profile = await kube.core.readNamespacedConfigMap({ name: "eci-profile", namespace: "kube-system" });
            assert.equal(profile.data?.securityGroupId, "sg-bp1enginetests000000", "the managed eci-profile key restored");
            assert.equal(profile.data?.[ECI_PROFILE_UNMANAGED.key], ECI_PROFILE_UNMANAGED.value, "ACK's eci-profile keys kept");
            const features = await kube.core.readNamespacedConfigMap({ name: "config-features", namespace: "knative-serving" });
            assert.equal(features.data?.["kubernetes.podspec-affinity"], "enabled", "the config-features flag restored");
            assert.ok(features.data?._example, "Knative's own keys kept");

            const preview = await stack.preview({ onOutput: streamTo("    | ") });
            assert.deepEqual(changesOf(preview.changeSummary), {}, "nothing left to repair");
        });

        it("destroy removes the Services and their pods before the namespaces and node labels, in one run, leaving nothing behind", async () => {
            const { kube } = cluster;
            const violations: string[] = [];
            let watching = true;
            // Poll while destroy runs. A Service's pods must be gone before what that Service depends on goes: its
            // namespace (being deleted, or gone) and, for Services that may run on ECS, the nodes' resource-role label.
            const ecsServices = new Set(["helloworld-go-mixed", "helloworld-go-ecs", "helloworld-go-first"]);
            const watcher = (async () => {
                while (watching) {
                    const pods = (await kube.core.listPodForAllNamespaces({ labelSelector: "serving.knative.dev/service" })).items;
                    for (const name of CREATED_NAMESPACES) {
                        const ns = await orMissing(kube.core.readNamespace({ name }));
                        const left = pods.filter((p) => p.metadata?.namespace === name).length;
                        if ((!ns || ns.metadata?.deletionTimestamp) && left > 0)
                            violations.push(`namespace ${name} deleted with ${left} Service pods in it`);
                    }
                    const nodes = await Promise.all(ECS_NODES.map((name) => kube.core.readNode({ name })));
                    const ecsPods = pods.filter((p) => ecsServices.has(p.metadata?.labels?.["serving.knative.dev/service"] ?? "")).length;
                    if (nodes.some((n) => n.metadata?.labels?.["resource-role"] !== "ecs") && ecsPods > 0) {
                        violations.push(`an ECS node's resource-role removed with ${ecsPods} ECS-placed pods left`);
                    }
                    await sleep(100);
                }
            })();
            const started = Date.now();
            const result = await stack.destroy({ onOutput: streamTo("    | ") });
            const destroyMs = Date.now() - started;
            watching = false;
            await watcher;
            assert.equal(result.summary.result, "succeeded");
            assert.deepEqual([...new Set(violations)], []);
            await waitUntil(
                "the created namespaces gone",
                async () =>
                    (await Promise.all(CREATED_NAMESPACES.map((name) => orMissing(kube.core.readNamespace({ name }))))).every((n) => !n),
                2 * MINUTE,
            );
            log(`destroy in ${destroyMs} ms; namespaces gone ${Date.now() - started - destroyMs} ms after it`);
            assert.equal(((await kube.custom.listClusterCustomObject(KNATIVE)) as { items: unknown[] }).items.length, 0);
            for (const list of [
                kube.apps.listDeploymentForAllNamespaces({ labelSelector: "serving.knative.dev/service" }),
                kube.apps.listReplicaSetForAllNamespaces({ labelSelector: "serving.knative.dev/service" }),
                kube.core.listPodForAllNamespaces({ labelSelector: "serving.knative.dev/service" }),
            ]) {
                assert.deepEqual(
                    (await list).items.map((o) => o.metadata?.name),
                    [],
                    "nothing the Services made is left",
                );
            }
            for (const name of ECS_NODES) assert.equal((await kube.core.readNode({ name })).metadata?.labels?.["resource-role"], undefined);
            const adopted = await kube.core.readNamespace({ name: "team-existing" });
            assert.equal(adopted.metadata?.labels?.["ack-knative-eci/adopted"], undefined);
            await stack.workspace.removeStack("guide");
        });
    });

    it("a revision no node admits fails pulumi up within the ready timeout, naming the Service and Knative's reason", async () => {
        const stack = await stackOf("ack-knative-eci-day2-unschedulable", "unschedulable", async () => day2.unschedulable());
        const started = Date.now();
        // The package raises the verdict once as an uncaught exception (core/lateErrors.ts, reportLate), which Pulumi's
        // program host reports; an inline program runs in this process, so mocha must not take it as the test's.
        const { result: error, uncaught } = await withUncaughtCaptured(() =>
            stack.up({ onOutput: streamTo("    | ") }).then(
                () => undefined,
                (e: Error) => e,
            ),
        );
        const elapsed = Date.now() - started;
        assert.equal(uncaught.length, 1, "raised once");
        assert.equal((uncaught[0] as Error).name, "ServiceNotReadyError");
        log(`up failed after ${elapsed} ms`);
        assert.ok(error, "pulumi up must fail");
        const lines = error.message.split("\n").filter((l) => l.includes("Knative reports"));
        assert.ok(lines.length > 0, `the package's sentence is printed:\n${error.message}`);
        assert.match(
            lines[0],
            /KnativeService "unschedulable": Knative reports Service default\/day2-unschedulable not Ready \(RevisionFailed\): Revision "day2-unschedulable-00001" failed with message: 0\/3 nodes are available: .*didn't match Pod's node affinity\/selector/,
        );
        assert.doesNotMatch(error.message, /^\s+at /m, "no stack trace");
        assert.ok(elapsed < 120 * SECOND, "within the Service's ready timeout (120 s)");
        // The Service was created (Knative judged it) and is in the state: destroy removes it.
        const destroyed = await stack.destroy({ onOutput: streamTo("    | ") });
        assert.equal(destroyed.summary.result, "succeeded");
        assert.equal(await readKsvc(cluster.kube, "default", "day2-unschedulable"), undefined, "nothing left behind");
    });

    it("customTimeouts on a KnativeService bound what pulumi up waits for", async () => {
        const { kube } = cluster;
        const namespace = "day2-quota";
        await kube.core.createNamespace({ body: { metadata: { name: namespace } } });
        // No pod may be created: the revision stays not Ready (Unknown) and only the timeout ends the wait.
        await kube.core.createNamespacedResourceQuota({
            namespace,
            body: { metadata: { name: "no-pods" }, spec: { hard: { pods: "0" } } },
        });
        const stack = await stackOf("ack-knative-eci-day2-timeouts", "timeouts", async () => day2.quotaBlocked(namespace, "20s"));
        const started = Date.now();
        const error = await stack.up({ onOutput: streamTo("    | ") }).then(
            () => undefined,
            (e: Error) => e,
        );
        const elapsed = Date.now() - started;
        log(`up failed after ${elapsed} ms (customTimeouts.create 20s, readyTimeoutSeconds 600)`);
        assert.ok(error, "pulumi up must fail");
        assert.match(error.message, /blocked-ksvc" was successfully created, but .* timed out waiting for the condition/);
        assert.ok(
            elapsed >= 20 * SECOND && elapsed < 90 * SECOND,
            `stopped after the 20 s custom timeout, not the 600 s ready timeout (${elapsed} ms)`,
        );
        assert.equal((await stack.destroy({ onOutput: streamTo("    | ") })).summary.result, "succeeded");
        assert.equal(await readKsvc(kube, namespace, "day2-blocked"), undefined, "destroy removes the Service that timed out");
        await kube.core.deleteNamespace({ name: namespace });
        await waitUntil(
            `namespace ${namespace} gone`,
            async () => !(await orMissing(kube.core.readNamespace({ name: namespace }))),
            2 * MINUTE,
        );
    });

    it("providers, dependsOn, transforms, ignoreChanges and retainOnDelete on a KnativeService reach its Service", async () => {
        const { kube } = cluster;
        const stack = await stackOf("ack-knative-eci-day2-options", "options", async () => day2.withOptions());
        const events: EngineEvent[] = [];
        const up = await stack.up({ onEvent: (e) => events.push(e), onOutput: streamTo("    | ") });
        assert.equal(up.summary.result, "succeeded");

        // dependsOn: the Service's create starts only after the ConfigMap's has finished.
        const index = (pred: (e: EngineEvent) => boolean) => events.findIndex(pred);
        const gateDone = index((e) => e.resOutputsEvent?.metadata.type === "kubernetes:core/v1:ConfigMap");
        const serviceStarts = index((e) => e.resourcePreEvent?.metadata.type === day2.KSVC_TYPE);
        assert.ok(gateDone >= 0 && serviceStarts > gateDone, "the Service waits for what the component depends on");
        // providers: the Service is the given provider's.
        const state = (await stack.exportStack()).deployment as { resources: { type: string; provider?: string }[] };
        const providerUrn = (await stack.outputs()).providerUrn.value as string;
        assert.ok(state.resources.find((r) => r.type === day2.KSVC_TYPE)?.provider?.startsWith(`${providerUrn}::`));
        // transforms: applied to the component's child.
        const live = (await readKsvc(kube, "default", "day2-options"))!;
        assert.equal(live.metadata.labels?.[day2.TRANSFORM_LABEL.key], day2.TRANSFORM_LABEL.value);

        // ignoreChanges: a new image is not applied.
        await stack.setConfig("image", { value: NEW_IMAGE });
        const preview = await stack.preview({ diff: true, onOutput: streamTo("    | ") });
        assert.deepEqual(changesOf(preview.changeSummary), {}, "the ignored image is no change");
        await stack.up({ onOutput: streamTo("    | ") });
        assert.notEqual((await readKsvc(kube, "default", "day2-options"))!.spec.template.spec.containers[0].image, NEW_IMAGE);

        // retainOnDelete: destroy leaves the Service in the cluster (and removes the rest).
        const destroyed = await stack.destroy({ onOutput: streamTo("    | ") });
        assert.equal(destroyed.summary.result, "succeeded");
        assert.ok(await readKsvc(kube, "default", "day2-options"), "the retained Service is still in the cluster");
        assert.equal(await orMissing(kube.core.readNamespacedConfigMap({ name: "day2-gate", namespace: "default" })), undefined);
        await kube.custom.deleteNamespacedCustomObject({ ...KNATIVE, namespace: "default", name: "day2-options" });
    });

    it("protect on the platform: destroy refuses in one clear sentence and deletes nothing", async () => {
        const { kube } = cluster;
        const stack = await stackOf("ack-knative-eci-day2-protect", "protect", async () => day2.protectedPlatform());
        assert.equal((await stack.up({ onOutput: streamTo("    | ") })).summary.result, "succeeded");
        const error = await stack.destroy({ onOutput: streamTo("    | ") }).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "destroy must refuse");
        // Pulumi's sentence (the CLI wraps it over two lines): the resource, that it is protected, and how to unprotect it.
        const text = error.message.replace(/\s+/g, " ");
        const refusal = text.match(
            /resource "urn:pulumi:[^"]+" cannot be deleted because it is protected\. To unprotect the resource[^`]*/,
        );
        log(`destroy refused: ${refusal?.[0]}`);
        assert.ok(refusal, error.message);
        assert.match(refusal[0], /KnativeService\$kubernetes:serving.knative.dev\/v1:Service::protected-day2-protected-ksvc"/);
        assert.ok(await readKsvc(kube, "day2-protected", "day2-protected"), "the protected Service is still there");
        assert.ok(await orMissing(kube.core.readNamespace({ name: "day2-protected" })), "and its namespace");

        await stack.setConfig("protect", { value: "false" });
        assert.equal((await stack.up({ onOutput: streamTo("    | ") })).summary.result, "succeeded");
        assert.equal((await stack.destroy({ onOutput: streamTo("    | ") })).summary.result, "succeeded");
        assert.equal(await readKsvc(kube, "day2-protected", "day2-protected"), undefined);
    });
});
