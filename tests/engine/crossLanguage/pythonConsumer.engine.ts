// examples/python-consumer as docs/cross-language.md tells a Python user to run it, through the real CLI, the
// Python language host and the package served by the Node.js host, against the local control plane. Where this
// machine stops the documented path (`pulumi package add` needs the alicloud plugin), the test asserts that stop and
// generates the SDK from the served schema less its alicloud-typed outputs (pythonSdk.ts); every later step is the
// user's. Skipped, with the reason, without a Python host, its exec script or Python 3.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { VIRTUAL_NODE } from "../harness/ackFixtures";
import { orMissing } from "../harness/kube";
import { enablePodspecFlags, type LocalCluster, podsOf, startLocalCluster, waitForRunningPods } from "../harness/localCluster";
import { ProjectCli } from "../harness/projectCli";
import { installKubernetesPlugin, pulumiEnv } from "../harness/pulumiStack";
import { ensureVirtualenv, findPythonHost, generatePythonSdk, packageSchema, consumerSchema } from "../harness/pythonSdk";
import { findLanguageHost, findTools, REPO_ROOT, type Tools } from "../harness/tools";

const MINUTE = 60_000;
const STACK = "engine-test";
const PROJECT = path.join(REPO_ROOT, "examples", "python-consumer");
const SDK_DISTRIBUTION = "pulumi_ack_knative_eci";
/** The outputs typed with alicloud resources: SDK generation resolves each through the alicloud plugin. */
const ALICLOUD_OUTPUTS = [
    "AckCluster.cluster",
    "AckCluster.nodePool",
    "KnativeService.imageCache",
    "KnativeServing.addon",
    "VirtualNode.addon",
];
const log = (line: string) => console.log(`[python-consumer] ${line}`);

interface KnativeServiceObject {
    metadata: { annotations?: Record<string, string> };
    spec: {
        template: {
            metadata?: { annotations?: Record<string, string> };
            spec: { containerConcurrency?: number; containers: { image: string; env?: { name: string; value?: string }[] }[] };
        };
    };
    status?: { latestReadyRevisionName?: string };
}

/** Both language hosts and the project's virtual environment, or the sentence saying which is missing. */
function prerequisites(tools: Tools): { pythonHost: string; nodeHost: string; python: string } | { missing: string } {
    const nodeHost = findLanguageHost(tools);
    if ("missing" in nodeHost) return nodeHost;
    const pythonHost = findPythonHost(tools);
    if ("missing" in pythonHost) return pythonHost;
    const venv = ensureVirtualenv(PROJECT, log);
    if ("missing" in venv) return venv;
    return { pythonHost: pythonHost.dir, nodeHost: nodeHost.dir, python: venv.python };
}

describe("engine: examples/python-consumer through the Python language host (real CLI, package served by the Node.js host)", function () {
    this.timeout(20 * MINUTE);
    let cluster: LocalCluster | undefined;
    let cli: ProjectCli | undefined;
    let env: NodeJS.ProcessEnv = {};
    let python = "";
    /** Files `pulumi package add` may rewrite, restored afterwards: the consumer's project files and the package's lock. */
    const touched = ["Pulumi.yaml", "requirements.txt"].map((f) => path.join(PROJECT, f)).concat(path.join(REPO_ROOT, "package-lock.json"));
    const saved = new Map<string, string>();

    before(async function () {
        const tools = findTools();
        const found = prerequisites(tools);
        if ("missing" in found) {
            log(`skipped: ${found.missing}`);
            this.skip();
        }
        const { pythonHost, nodeHost } = found;
        python = found.python;
        log(`language hosts: ${path.join(pythonHost, "pulumi-language-python")}, ${path.join(nodeHost, "pulumi-language-nodejs")}`);
        for (const f of touched) saved.set(f, fs.readFileSync(f, "utf8"));
        cluster = await startLocalCluster("python-consumer", log);
        // The examples deploy onto a Knative they do not manage: its flags are set as the README tells the user.
        await enablePodspecFlags(cluster.kube);
        const k8sVersion = JSON.parse(
            fs.readFileSync(path.join(REPO_ROOT, "node_modules/@pulumi/kubernetes/package.json"), "utf8"),
        ).version;
        // Under the version pulumi_kubernetes asks for at run time, and under its own for the SDK generation's schema loader.
        installKubernetesPlugin(cluster.tools, cluster.workDir, k8sVersion);
        installKubernetesPlugin(cluster.tools, cluster.workDir);
        // The Python host first on PATH (the CLI prefers PATH), then the Node.js host, then the `node` running these tests.
        const PATH = [pythonHost, nodeHost, path.dirname(process.execPath), process.env.PATH].join(path.delimiter);
        env = { ...process.env, ...pulumiEnv(cluster.workDir), PATH, PULUMI_STACK: undefined };
        // The file backend's directory must exist before `pulumi stack init`.
        fs.mkdirSync(path.join(cluster.workDir, "state"), { recursive: true });
        cli = new ProjectCli(cluster.tools, cluster.workDir, pythonHost, PROJECT, STACK);
    });

    after(async function () {
        await cli?.remove();
        if (python) spawnSync(python, ["-m", "pip", "uninstall", "--yes", "--quiet", SDK_DISTRIBUTION], { stdio: "inherit" });
        for (const [file, text] of saved) fs.writeFileSync(file, text);
        fs.rmSync(path.join(PROJECT, "sdks"), { recursive: true, force: true });
        await cluster?.stop(this.currentTest?.state === "failed");
    });

    /** `pulumi <args>` in the project directory without a stack (package commands take none). */
    function pulumi(args: string[]): { code: number; output: string } {
        log(`python-consumer$ pulumi ${args.join(" ")}`);
        const r = spawnSync(cluster!.tools.pulumi, [...args, "--non-interactive"], { cwd: PROJECT, env, encoding: "utf8" });
        const output = `${r.stdout}${r.stderr}`;
        process.stdout.write(output.replace(/^(?=.)/gm, "    |   "));
        return { code: r.status ?? 1, output };
    }

    it("pulumi package add ../.. stops only on the alicloud plugin the package's node_modules ask for", function () {
        const added = pulumi(["package", "add", "../.."]);
        if (added.code === 0) {
            log("pulumi package add ../.. generated and installed the SDK itself (the alicloud plugin was downloadable)");
            return;
        }
        // The Kubernetes provider is installed; @pulumi/alicloud in the package's node_modules asks for its plugin, which
        // the CLI downloads before it starts the package: nothing here serves it.
        assert.match(added.output, /pulumi-resource-alicloud-v3\.108\.0-linux-amd64\.tar\.gz/);
        assert.doesNotMatch(added.output, /pulumi-resource-kubernetes-v/, "the installed Kubernetes provider satisfies its dependency");
        assert.doesNotMatch(added.output, /SDK has been written/);
        const { schema, removed } = consumerSchema(packageSchema(), cluster!.tools.kubernetesProviderVersion);
        assert.deepEqual(removed.sort(), ALICLOUD_OUTPUTS, "the alicloud-typed outputs docs/cross-language.md lists");
        assert.ok(!JSON.stringify(schema).includes("/alicloud/"), "nothing else in the schema refers to alicloud");
        const sdk = generatePythonSdk(cluster!.tools, env, schema, path.join(cluster!.workDir, "python-sdk"));
        // A same-version SDK left by an earlier run would be kept by `pip install`.
        spawnSync(python, ["-m", "pip", "uninstall", "--yes", "--quiet", SDK_DISTRIBUTION], { stdio: "inherit" });
        const pip = spawnSync(python, ["-m", "pip", "install", "--quiet", sdk], { stdio: "inherit" });
        assert.equal(pip.status, 0, `pip install ${sdk}`);
    });

    it("pulumi preview --diff, up, stack output, a second preview and destroy deploy the Knative Service on ECI", async () => {
        await cli!.ok(["stack", "init", STACK, "--secrets-provider", "passphrase"]);
        await cli!.ok(["config", "set", "--secret", "kubeconfig"], cluster!.cp.kubeconfig);
        await cli!.ok(["config", "set", "clusterId", "c0123456789abcdef0123456789abcdef"]);
        const preview = await cli!.ok(["preview", "--diff"]);
        assert.match(preview.output, /\+ ack-knative-eci:index:KnativeService/);
        assert.match(preview.output, /\+ kubernetes:serving\.knative\.dev\/v1:Service/);

        await cli!.ok(["up", "--yes"]);
        assert.equal((await cli!.ok(["stack", "output", "url"])).stdout.trim(), "http://helloworld-go.default.example.com");
        const ksvc = await readKnativeService("default", "helloworld-go");
        const template = ksvc?.spec.template;
        assert.equal(template?.metadata?.annotations?.["k8s.aliyun.com/eci-use-specs"], "2-4Gi,ecs.c6.large");
        assert.equal(template?.spec.containerConcurrency, 10);
        assert.deepEqual(template?.spec.containers[0].env, [{ name: "TARGET", value: "Knative on ECI" }]);
        const revision = (await cli!.ok(["stack", "output", "latestReadyRevisionName"])).stdout.trim();
        assert.equal(revision, ksvc?.status?.latestReadyRevisionName);
        await waitForRunningPods(cluster!.kube, "default", "helloworld-go", 1);
        const nodes = (await podsOf(cluster!.kube, "default", "helloworld-go")).map((p) => p.spec!.nodeName);
        assert.deepEqual(nodes, [VIRTUAL_NODE], "placement eci binds the pods to the virtual node only");

        const token = /token: (\S+)/.exec(cluster!.cp.kubeconfig)?.[1];
        assert.ok(token, "the local kubeconfig has a token");
        assert.ok(!(await cli!.ok(["stack", "export"])).stdout.includes(token), "the state holds the kubeconfig's token in plain text");

        const second = await cli!.run(["preview", "--expect-no-changes"]);
        assert.equal(second.code, 0, `a second preview planned changes:\n${second.output}`);
        await cli!.ok(["destroy", "--yes"]);
        assert.equal(await readKnativeService("default", "helloworld-go"), undefined, "destroy removes the Knative Service");
    });

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
});
