// Engine tests (docs/engine-tests.md): the real Pulumi CLI and Kubernetes provider deploy the Kubernetes half of the
// guide to a local control plane (real kube-apiserver, controller-manager and scheduler), with a stand-in for
// Knative's controller. Run by `npm run test:engine` after tools/build-engine-tools.sh.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import kubernetesHalf, { MIXED_REPLICAS } from "../programs/kubernetesHalf";
import { ECI_PROFILE_UNMANAGED, ECS_NODES, NODE_POOL_LABEL, VIRTUAL_NODE } from "../harness/ackFixtures";
import { orMissing } from "../harness/kube";
import { type LocalCluster, podsOf, startLocalCluster, waitForRunningPods } from "../harness/localCluster";
import type { PlannedPlacement } from "../harness/planPlacements";
import { engineStack, installKubernetesPlugin, streamTo } from "../harness/pulumiStack";
import { REPO_ROOT } from "../harness/tools";

const MINUTE = 60_000;
const log = (line: string) => console.log(`[engine] ${line}`);

/** The guide's Services: namespace, name, placement. */
const SERVICES = [
    { namespace: "vk", name: "helloworld-go", placement: "eci" },
    { namespace: "vk-injected", name: "helloworld-go-injected", placement: "eci-namespace" },
    { namespace: "vk", name: "helloworld-go-mixed", placement: "ecs-and-eci" },
    { namespace: "vk", name: "helloworld-go-sidecar", placement: "ecs-and-eci" },
    { namespace: "team-existing", name: "helloworld-go-ecs", placement: "ecs" },
    { namespace: "vk", name: "helloworld-go-first", placement: "ecs-first" },
] as const;

interface Run extends LocalCluster {
    pluginDir: string;
    stack: Stack;
}

/** The offline plan's placement table for the same program, from a separate process (it runs the mock engine). */
function planPlacements(kubeconfig: string): PlannedPlacement[] {
    const script = path.join(REPO_ROOT, "build", "tests", "engine", "harness", "planPlacements.js");
    const program = path.join(REPO_ROOT, "build", "tests", "engine", "programs", "kubernetesHalf.js");
    const out = execFileSync(process.execPath, [script, program, `kubeconfig=${kubeconfig}`], { cwd: REPO_ROOT, encoding: "utf8" });
    return JSON.parse(out) as PlannedPlacement[];
}

describe("engine: the guide's Kubernetes half on a real Pulumi engine and a local control plane", function () {
    this.timeout(20 * MINUTE);
    let run: Run;

    before(async function () {
        const cluster = await startLocalCluster("engine", log);
        const { tools, workDir } = cluster;
        const pluginDir = installKubernetesPlugin(tools, workDir);
        const stack = await engineStack({
            tools,
            workDir,
            project: "ack-knative-eci-engine",
            stack: "engine",
            program: async () => kubernetesHalf(),
            kubernetesPluginDir: pluginDir,
        });
        await stack.setConfig("kubeconfig", { value: cluster.cp.kubeconfig, secret: true });
        run = { ...cluster, pluginDir, stack };
    });

    after(async function () {
        await run?.stop(this.currentTest?.state === "failed");
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
            "helloworld-go-sidecar": "http://helloworld-go-sidecar.vk.example.com",
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
            const mixed = svc.name === "helloworld-go-mixed" || svc.name === "helloworld-go-sidecar";
            const replicas = mixed ? MIXED_REPLICAS : svc.name === "helloworld-go-injected" ? 1 : 2;
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
        // Sidecars and probes change nothing of where pods may run: the plan allows the same nodes as for the plain Service.
        assert.deepEqual(planned.get("vk/helloworld-go-sidecar")?.mayRunOn, planned.get("vk/helloworld-go-mixed")?.mayRunOn);
        const [pod] = await podsOf(kube, "vk", "helloworld-go-sidecar");
        assert.deepEqual(
            pod.spec?.containers.map((c) => [c.name, c.ports?.map((p) => p.containerPort) ?? [], c.readinessProbe?.httpGet?.port ?? null]),
            // Knative's Deployment: the user's readiness probe moves to queue-proxy, which probes on its own port 8012.
            [
                ["user-container", [8080], null],
                ["otel-collector", [], null],
                ["queue-proxy", [9090, 9091, 8012, 8112], 8012],
            ],
            "the serving container states its port beside the sidecar, as Knative's webhook requires",
        );
    });

    it("Knative's own webhook defaulted every stored Service, refuses what Knative refuses, and its Deployments are Knative's", async () => {
        const { kube } = run;
        for (const svc of SERVICES) {
            const stored = (await kube.custom.getNamespacedCustomObject({
                group: "serving.knative.dev",
                version: "v1",
                namespace: svc.namespace,
                plural: "services",
                name: svc.name,
            })) as {
                metadata: { annotations?: Record<string, string> };
                spec: { traffic?: unknown; template: { spec: { timeoutSeconds?: number } } };
            };
            assert.equal(
                stored.metadata.annotations?.["serving.knative.dev/creator"],
                "admin",
                `${svc.name}: Knative's defaulting records the creator`,
            );
            assert.deepEqual(stored.spec.traffic, [{ latestRevision: true, percent: 100 }], `${svc.name}: Knative's default traffic`);
            assert.equal(stored.spec.template.spec.timeoutSeconds, 300, `${svc.name}: Knative's default revision timeout`);
        }
        // The injected namespace's Service has no affinity of its own: Knative's Deployment spreads its pods over nodes.
        const injected = SERVICES.find((s) => s.placement === "eci-namespace")!;
        const deployments = await kube.apps.listNamespacedDeployment({
            namespace: injected.namespace,
            labelSelector: `serving.knative.dev/service=${injected.name}`,
        });
        const affinity = deployments.items[0]?.spec?.template.spec?.affinity;
        assert.equal(
            affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0].podAffinityTerm.topologyKey,
            "kubernetes.io/hostname",
        );
        await assert.rejects(
            kube.custom.createNamespacedCustomObject({
                group: "serving.knative.dev",
                version: "v1",
                namespace: injected.namespace,
                plural: "services",
                body: {
                    apiVersion: "serving.knative.dev/v1",
                    kind: "Service",
                    metadata: { name: "bad-min-scale" },
                    spec: {
                        template: {
                            metadata: { annotations: { "autoscaling.knative.dev/min-scale": "abc" } },
                            spec: { containers: [{ image: "nginx" }] },
                        },
                    },
                },
            }),
            (e: { body?: string }) =>
                /admission webhook "validation\.webhook\.serving\.knative\.dev" denied the request: validation failed: invalid value: abc/.test(
                    (JSON.parse(String(e.body)) as { message: string }).message,
                ),
        );
        assert.ok(run.webhook.running(), "Knative's webhook is still serving");
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
