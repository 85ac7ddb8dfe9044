// The README's commands in the repository's own project directories, through the real CLI and the Node.js language
// host (docs/engine-tests.md, "Project directories"): `pulumi stack init`, `config set` (and `--secret`),
// `preview --diff`, `up`, `stack output`, `destroy`, against the local control plane. Skipped, with the reason, when
// no language host is available.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ECS_NODES, VIRTUAL_NODE } from "../harness/ackFixtures";
import { orMissing } from "../harness/kube";
import { enablePodspecFlags, type LocalCluster, podsOf, startLocalCluster, waitForRunningPods } from "../harness/localCluster";
import { ProjectCli } from "../harness/projectCli";
import { installKubernetesPlugin } from "../harness/pulumiStack";
import { findLanguageHost, findTools, REPO_ROOT } from "../harness/tools";

const MINUTE = 60_000;
const STACK = "engine-test";
const CLUSTER_ID = "c0123456789abcdef0123456789abcdef";
const log = (line: string) => console.log(`[projects] ${line}`);

/** The version of the Kubernetes provider @pulumi/kubernetes asks for, as the language host reports it. */
function requestedKubernetesVersion(): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "kubernetes", "package.json"), "utf8"));
    return pkg.version as string;
}

interface KnativeServiceObject {
    metadata: { annotations?: Record<string, string> };
    spec: { template: { metadata?: { annotations?: Record<string, string> }; spec: { affinity?: unknown; tolerations?: unknown[] } } };
}

interface GrpcContainer {
    name: string;
    ports?: { containerPort: number; name?: string; protocol?: string }[];
    readinessProbe?: unknown;
    env?: { name: string; value?: string; valueFrom?: unknown }[];
}
interface GrpcServiceObject {
    spec: {
        template: { metadata?: { name?: string; annotations?: Record<string, string> }; spec: { containers: GrpcContainer[] } };
        traffic?: unknown[];
    };
}

describe("engine: the README's commands in the repository's project directories (real CLI, real language host)", function () {
    this.timeout(30 * MINUTE);
    let cluster: LocalCluster | undefined;
    let hostDir = "";
    const clis: ProjectCli[] = [];

    before(async function () {
        const host = findLanguageHost(findTools());
        if ("missing" in host) {
            log(`skipped: ${host.missing}`);
            this.skip();
        }
        hostDir = host.dir;
        log(`language host: ${path.join(hostDir, "pulumi-language-nodejs")}`);
        cluster = await startLocalCluster("projects", log);
        // The examples deploy onto a Knative they do not manage: its flags are set as the README tells the user.
        await enablePodspecFlags(cluster.kube);
        // The file backend's directory (PULUMI_BACKEND_URL) must exist before the first `pulumi stack init`.
        fs.mkdirSync(path.join(cluster.workDir, "state"), { recursive: true });
        installKubernetesPlugin(cluster.tools, cluster.workDir, requestedKubernetesVersion());
    });

    after(async function () {
        for (const cli of clis) await cli.remove();
        await cluster?.stop(this.currentTest?.state === "failed");
    });

    /** A new stack of the project in `dir` (relative to the repository), as `pulumi stack init` makes it. */
    async function initStack(dir: string): Promise<ProjectCli> {
        const c = cluster!;
        const cli = new ProjectCli(c.tools, c.workDir, hostDir, path.join(REPO_ROOT, dir), STACK);
        clis.push(cli);
        await cli.ok(["stack", "init", STACK, "--secrets-provider", "passphrase"]);
        return cli;
    }

    /** `pulumi config set --secret kubeconfig < kubeconfig` and `pulumi config set clusterId …`. */
    async function configureCluster(cli: ProjectCli): Promise<void> {
        await cli.ok(["config", "set", "--secret", "kubeconfig"], cluster!.cp.kubeconfig);
        await cli.ok(["config", "set", "clusterId", CLUSTER_ID]);
    }

    async function readKnativeService(namespace: string, name: string): Promise<KnativeServiceObject | undefined> {
        const read = cluster!.kube.custom.getNamespacedCustomObject({
            group: "serving.knative.dev",
            version: "v1",
            namespace,
            plural: "services",
            name,
        }) as Promise<KnativeServiceObject>;
        return orMissing(read);
    }

    /** The node names the Service's running pods are bound to. */
    async function boundNodes(namespace: string, name: string, count: number): Promise<string[]> {
        await waitForRunningPods(cluster!.kube, namespace, name, count);
        return (await podsOf(cluster!.kube, namespace, name)).map((p) => p.spec!.nodeName!).sort();
    }

    /** No change planned: `pulumi preview --expect-no-changes` exits 0. */
    async function assertNoChanges(cli: ProjectCli): Promise<void> {
        const second = await cli.run(["preview", "--expect-no-changes"]);
        assert.equal(second.code, 0, `a second preview of ${cli.dir} planned changes:\n${second.output}`);
    }

    /** The secret kubeconfig reached neither the state nor the config file in plain text. */
    async function assertKubeconfigSecret(cli: ProjectCli): Promise<void> {
        const token = /token: (\S+)/.exec(cluster!.cp.kubeconfig)?.[1];
        assert.ok(token, "the local kubeconfig has a token");
        const state = await cli.ok(["stack", "export"]);
        assert.ok(!state.stdout.includes(token), "the state holds the kubeconfig's token in plain text");
        assert.ok(!fs.readFileSync(cli.configFile, "utf8").includes(token), "the stack config file holds the token in plain text");
    }

    it("examples/service-eci: up deploys a Service whose pods run only on ECI, and prints its URL", async () => {
        const cli = await initStack("examples/service-eci");
        await configureCluster(cli);
        const preview = await cli.ok(["preview", "--diff"]);
        assert.match(preview.output, /\+ kubernetes:serving\.knative\.dev\/v1:Service/);
        assert.match(preview.output, /\+ ack-knative-eci:index:EciNamespace/);
        await cli.ok(["up", "--yes"]);
        assert.equal((await cli.ok(["stack", "output", "url"])).stdout.trim(), "http://helloworld-go.vk.example.com");
        const ksvc = await readKnativeService("vk", "helloworld-go");
        assert.equal(ksvc?.spec.template.metadata?.annotations?.["k8s.aliyun.com/eci-use-specs"], "2-4Gi");
        assert.deepEqual(await boundNodes("vk", "helloworld-go", 1), [VIRTUAL_NODE]);
        await assertKubeconfigSecret(cli);
        await assertNoChanges(cli);
        await cli.ok(["destroy", "--yes"]);
        assert.equal(await readKnativeService("vk", "helloworld-go"), undefined, "destroy removes the Knative Service");
        const ns = await orMissing(cluster!.kube.core.readNamespace({ name: "vk" }));
        assert.ok(!ns || ns.status?.phase === "Terminating", "destroy removes the namespace it created");
    });

    it("examples/service-eci-namespace: the namespace carries the injection label, the Service only its ECI spec", async () => {
        const cli = await initStack("examples/service-eci-namespace");
        await configureCluster(cli);
        await waitForNamespaceGone("vk");
        await cli.ok(["up", "--yes"]);
        const ns = await cluster!.kube.core.readNamespace({ name: "vk" });
        assert.equal(ns.metadata?.labels?.["virtual-node-affinity-injection"], "enabled");
        const ksvc = await readKnativeService("vk", "helloworld-go");
        assert.equal(ksvc?.spec.template.metadata?.annotations?.["k8s.aliyun.com/eci-use-specs"], "2-4Gi");
        // ACK's webhook adds affinity and toleration at admission; the Service itself carries neither.
        assert.equal(ksvc?.spec.template.spec.affinity, undefined);
        assert.equal(ksvc?.spec.template.spec.tolerations, undefined);
        assert.equal((await cli.ok(["stack", "output", "url"])).stdout.trim(), "http://helloworld-go.vk.example.com");
        await assertNoChanges(cli);
        await cli.ok(["destroy", "--yes"]);
        assert.equal(await readKnativeService("vk", "helloworld-go"), undefined);
    });

    it("examples/service-ecs-and-eci: config set ecsNodes labels them, pods run on those ECS nodes or ECI", async () => {
        const cli = await initStack("examples/service-ecs-and-eci");
        await configureCluster(cli);
        await cli.ok(["config", "set", "--path", "ecsNodes[0]", ECS_NODES[0]]);
        await waitForNamespaceGone("vk");
        await cli.ok(["up", "--yes"]);
        const node = await cluster!.kube.core.readNode({ name: ECS_NODES[0] });
        assert.equal(node.metadata?.labels?.["resource-role"], "ecs");
        const nodes = await boundNodes("vk", "helloworld-go", 1);
        assert.ok(
            nodes.every((n) => n === VIRTUAL_NODE || n === ECS_NODES[0]),
            `pods on ${nodes.join(", ")}`,
        );
        await assertNoChanges(cli);
        await cli.ok(["destroy", "--yes"]);
        const after = await cluster!.kube.core.readNode({ name: ECS_NODES[0] });
        assert.equal(after.metadata?.labels?.["resource-role"], undefined, "destroy removes the label the stack set");
    });

    it("examples/service-ecs: pods run only on ECS nodes labeled resource-role=ecs", async () => {
        // As an ACK node pool with that label would have it.
        for (const name of ECS_NODES) await labelNode(name, "ecs");
        try {
            const cli = await initStack("examples/service-ecs");
            await configureCluster(cli);
            await cli.ok(["up", "--yes"]);
            const nodes = await boundNodes("default", "steady-api", 1);
            assert.ok(
                nodes.every((n) => (ECS_NODES as readonly string[]).includes(n)),
                `pods on ${nodes.join(", ")}`,
            );
            assert.equal((await cli.ok(["stack", "output", "url"])).stdout.trim(), "http://steady-api.default.example.com");
            await cli.ok(["destroy", "--yes"]);
            assert.equal(await readKnativeService("default", "steady-api"), undefined);
        } finally {
            for (const name of ECS_NODES) await labelNode(name, null);
        }
    });

    it("examples/grpc-canary: a gRPC Service with probes, a Secret-held password, a sidecar and a reserved instance, then a 90/10 canary", async () => {
        const password = "engine-db-passw0rd";
        await cluster!.kube.core.createNamespacedSecret({
            namespace: "default",
            body: { metadata: { name: "greeter-db" }, stringData: { password } },
        });
        const cli = await initStack("examples/grpc-canary");
        await configureCluster(cli);
        await cli.ok(["config", "set", "image", "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56"]);
        await cli.ok(["up", "--yes"]);
        const first = (await readKnativeService("default", "greeter")) as GrpcServiceObject | undefined;
        const template = first!.spec.template;
        assert.equal(template.metadata?.name, "greeter-v1");
        const [serving, sidecar] = template.spec.containers;
        // Knative's CRD schema defaults the protocol and the gRPC probe's service name; Knative's webhook the
        // probe's thresholds and timeout (Kubernetes' own defaults, written out).
        assert.deepEqual(serving.ports, [{ containerPort: 50051, name: "h2c", protocol: "TCP" }]);
        assert.deepEqual(
            serving.readinessProbe,
            { grpc: { port: 50051, service: "" }, periodSeconds: 5, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1 },
            "the probe as declared, with what the CRD and Knative's webhook default",
        );
        assert.deepEqual(
            serving.env?.find((e) => e.name === "DB_PASSWORD"),
            {
                name: "DB_PASSWORD",
                valueFrom: { secretKeyRef: { name: "greeter-db", key: "password" } },
            },
        );
        assert.equal(sidecar.name, "otel-collector");
        assert.equal(sidecar.ports, undefined);
        assert.equal(template.metadata?.annotations?.["knative.aliyun.com/reserve-instance"], "enable");
        assert.equal(template.metadata?.annotations?.["knative.aliyun.com/reserve-instance-eci-use-specs"], "ecs.t6-c1m1.large,1-2Gi");
        assert.deepEqual(first!.spec.traffic, [{ tag: "current", latestRevision: true, percent: 100 }]);
        // The real scheduler puts the three-container pod (serving, sidecar, queue-proxy) on ECI only.
        assert.deepEqual(await boundNodes("default", "greeter", 1), [VIRTUAL_NODE]);
        assert.deepEqual(JSON.parse((await cli.ok(["stack", "output", "tagUrls", "--json"])).stdout), {
            current: "http://current-greeter.default.example.com",
        });

        // The rollout: v2 takes 10 % under tag "canary", v1 keeps 90 % under tag "stable".
        await cli.ok(["config", "set", "version", "v2"]);
        await cli.ok(["config", "set", "stableRevision", "greeter-v1"]);
        const preview = await cli.ok(["preview", "--diff"]);
        assert.match(preview.output, /~ kubernetes:serving\.knative\.dev\/v1:Service/);
        await cli.ok(["up", "--yes"]);
        const second = (await readKnativeService("default", "greeter")) as GrpcServiceObject | undefined;
        assert.equal(second!.spec.template.metadata?.name, "greeter-v2");
        assert.deepEqual(second!.spec.traffic, [
            { tag: "stable", revisionName: "greeter-v1", latestRevision: false, percent: 90 },
            { tag: "canary", latestRevision: true, percent: 10 },
        ]);
        assert.deepEqual(JSON.parse((await cli.ok(["stack", "output", "tagUrls", "--json"])).stdout), {
            stable: "http://stable-greeter.default.example.com",
            canary: "http://canary-greeter.default.example.com",
        });
        const state = await cli.ok(["stack", "export"]);
        assert.ok(!state.stdout.includes(password), "the Secret's value never enters the state");
        await assertNoChanges(cli);
        await cli.ok(["destroy", "--yes"]);
        assert.equal(await readKnativeService("default", "greeter"), undefined);
        await cluster!.kube.core.deleteNamespacedSecret({ namespace: "default", name: "greeter-db" });
    });

    it("examples/existing-kubeconfig, then examples/stack-reference: a second stack deploys through the first's outputs", async () => {
        const platform = await initStack("examples/existing-kubeconfig");
        await configureCluster(platform);
        for (const [i, name] of ECS_NODES.entries()) await platform.ok(["config", "set", "--path", `ecsNodes[${i}]`, name]);
        await waitForNamespaceGone("vk");
        await platform.ok(["up", "--yes"]);
        assert.deepEqual(JSON.parse((await platform.ok(["stack", "output", "serviceUrls", "--json"])).stdout), {
            "helloworld-go": "http://helloworld-go.vk.example.com",
            "helloworld-go-mixed": "http://helloworld-go-mixed.vk.example.com",
        });
        assert.equal((await platform.ok(["stack", "output", "kubeconfig"])).stdout.trim(), "[secret]");

        const team = await initStack("examples/stack-reference");
        // On the file backend a stack's fully qualified name is organization/<project>/<stack>.
        await team.ok(["config", "set", "platformStack", `organization/existing-kubeconfig/${STACK}`]);
        const preview = await team.ok(["preview", "--diff"]);
        assert.match(preview.output, /\+ kubernetes:serving\.knative\.dev\/v1:Service/);
        await team.ok(["up", "--yes"]);
        assert.equal((await team.ok(["stack", "output", "url"])).stdout.trim(), "http://reports.vk.example.com");
        assert.deepEqual(await boundNodes("vk", "reports", 1), [VIRTUAL_NODE]);
        await assertKubeconfigSecret(team);

        await team.ok(["destroy", "--yes"]);
        assert.equal(await readKnativeService("vk", "reports"), undefined);
        assert.ok(await readKnativeService("vk", "helloworld-go"), "the team's destroy leaves the platform's Services");
        await platform.ok(["destroy", "--yes"]);
        assert.equal(await readKnativeService("vk", "helloworld-go"), undefined);
    });

    async function labelNode(name: string, value: string | null): Promise<void> {
        await cluster!.kube.core.patchNode(
            { name, body: { metadata: { labels: { "resource-role": value } } } },
            cluster!.kube.k8s.setHeaderOptions("Content-Type", cluster!.kube.k8s.PatchStrategy.MergePatch),
        );
    }

    /** A namespace an earlier example deleted is gone before the next creates it again. */
    async function waitForNamespaceGone(name: string): Promise<void> {
        const deadline = Date.now() + 2 * MINUTE;
        while (await orMissing(cluster!.kube.core.readNamespace({ name }))) {
            if (Date.now() > deadline) throw new Error(`namespace ${name} still exists 2 minutes after its stack's destroy`);
            await new Promise((resolve) => setTimeout(resolve, 500));
        }
    }
});
