import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";

// The root program and every TypeScript example, each run under the mock engine by the plan CLI in
// its own process (Pulumi's mock engine is global per process). They start together.
const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "build/plan/cli.js");

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the plan CLI; no `program` means the default, as `npm run plan` does (Pulumi.yaml's `main`). */
function plan(program: string | undefined, project: string, config: string[] = []): Promise<Run> {
    const programArgs = program ? ["--program", path.join(ROOT, "build", program), "--project", project] : [];
    const args = [CLI, ...programArgs, ...config.flatMap((c) => ["--config", c])];
    return new Promise((resolve) => {
        execFile(process.execPath, args, { cwd: ROOT }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
    });
}

/** The placement table's rows: "namespace/service" → the nodes listed under MAY RUN ON. */
function placements(stdout: string): Record<string, string> {
    const table = stdout.slice(stdout.indexOf("Knative Services ("));
    const rows: Record<string, string> = {};
    for (const line of table.split("\n")) {
        const m = /^ {2}(\S+\/\S+)\s+\S+\s+(.+)$/.exec(line);
        if (m && m[1] !== "SERVICE") rows[m[1]] = m[2].trim();
    }
    return rows;
}

const KUBECONFIG = "kubeconfig=apiVersion: v1\nkind: Config\n";
// The platform reads the API server from a kubeconfig it adopts (the provider's identity).
const ADOPTED_KUBECONFIG =
    "kubeconfig=apiVersion: v1\nkind: Config\nclusters:\n- name: ack\n  cluster:\n    server: https://203.0.113.10:6443\ncontexts:\n- name: ack\n  context:\n    cluster: ack\ncurrent-context: ack\n";
const CLUSTER_ID = "clusterId=c0123456789abcdef0123456789abcdef";
const PROGRAMS = {
    guide: { program: undefined, project: "ack-knative-eci-guide", config: [] },
    "service-eci": { program: "examples/service-eci/index.js", project: "service-eci", config: [KUBECONFIG, CLUSTER_ID] },
    "service-eci-namespace": {
        program: "examples/service-eci-namespace/index.js",
        project: "service-eci-namespace",
        config: [KUBECONFIG, CLUSTER_ID],
    },
    "service-ecs-and-eci": {
        program: "examples/service-ecs-and-eci/index.js",
        project: "service-ecs-and-eci",
        config: [KUBECONFIG, CLUSTER_ID, 'ecsNodes=["cn-hangzhou.192.168.0.10"]'],
    },
    "service-ecs": { program: "examples/service-ecs/index.js", project: "service-ecs", config: [KUBECONFIG, CLUSTER_ID] },
    "grpc-canary": {
        program: "examples/grpc-canary/index.js",
        project: "grpc-canary",
        config: [KUBECONFIG, CLUSTER_ID, "image=registry.example.com/shop/greeter:2", "version=v2", "stableRevision=greeter-v1"],
    },
    "ecs-first": { program: "examples/ecs-first/index.js", project: "ecs-first", config: [] },
    "existing-cluster": {
        program: "examples/existing-cluster/index.js",
        project: "existing-cluster",
        config: ["clusterId=c0123456789abcdef0123456789abcdef", 'ecsNodes=["cn-hangzhou.192.168.0.10"]', "installVirtualNode=true"],
    },
    "existing-kubeconfig": {
        program: "examples/existing-kubeconfig/index.js",
        project: "existing-kubeconfig",
        config: [
            ADOPTED_KUBECONFIG,
            CLUSTER_ID,
            'ecsNodes=["cn-hangzhou.192.168.0.10"]',
            'eciVSwitchIds=["vsw-bp1exampleexample0001"]',
            "eciSecurityGroupId=sg-bp1exampleexample00",
        ],
    },
    "stack-reference": {
        program: "examples/stack-reference/index.js",
        project: "stack-reference",
        config: ["platformStack=my-org/ack-knative-eci-guide/dev"],
    },
};

describe("the root program and the examples under the mock engine", function () {
    this.timeout(120000);
    const runs: Record<string, Run> = {};
    before(async () => {
        const names = Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[];
        const results = await Promise.all(names.map((n) => plan(PROGRAMS[n].program, PROGRAMS[n].project, PROGRAMS[n].config)));
        names.forEach((n, i) => (runs[n] = results[i]));
    });

    for (const name of Object.keys(PROGRAMS)) {
        it(`${name} runs and plans cleanly`, () => {
            const run = runs[name];
            assert.equal(run.code, 0, `${name} failed:\n${run.stdout}\n${run.stderr}`);
            assert.ok(!/error|warning/i.test(run.stderr), `${name} printed: ${run.stderr}`);
            assert.match(run.stdout, /kubernetes:serving\.knative\.dev\/v1:Service/);
        });
    }

    it("the guide: eci and eci-namespace only on the virtual node, ecs-and-eci on the ECS pool or the virtual node", () => {
        assert.deepEqual(placements(runs.guide.stdout), {
            "vk-injected/helloworld-go-injected": "virtual-kubelet",
            "vk/helloworld-go": "virtual-kubelet",
            "vk/helloworld-go-mixed": "guide-cluster-ecs, virtual-kubelet",
        });
        assert.match(runs.guide.stdout, /kubeconfig: '\[secret\]'/);
    });

    it("examples: each mode lands where its name says", () => {
        assert.deepEqual(placements(runs["ecs-first"].stdout), { "shop/checkout": "burst-cluster-ecs, virtual-kubelet" });
        assert.match(runs["ecs-first"].stdout, /kind: ResourcePolicy/);
        assert.match(runs["ecs-first"].stdout, /alicloud:eci\/imageCache:ImageCache/);
        assert.deepEqual(placements(runs["existing-cluster"].stdout), {
            "vk/helloworld-go": "virtual-kubelet",
            "vk/helloworld-go-mixed": "cn-hangzhou.192.168.0.10, virtual-kubelet",
        });
        assert.deepEqual(placements(runs["existing-kubeconfig"].stdout), {
            "vk/helloworld-go": "virtual-kubelet",
            "vk/helloworld-go-mixed": "cn-hangzhou.192.168.0.10, virtual-kubelet",
        });
        assert.doesNotMatch(runs["existing-kubeconfig"].stdout, /alicloud:/, "adopted by kubeconfig: no Alibaba Cloud resource or call");
        assert.match(runs["service-eci-namespace"].stdout, /virtual-node-affinity-injection: enabled/);
        // On an existing cluster the program declares no nodes; its reserved instance is on the bill.
        assert.deepEqual(placements(runs["grpc-canary"].stdout), { "default/greeter": "-" });
        assert.match(runs["grpc-canary"].stdout, /reserved instance: {2}1 × eci pod, ecs\.t6-c1m1\.large, 1-2Gi \(tried in order\)/);
        assert.match(runs["grpc-canary"].stdout, /- latestRevision: false\n\s+percent: 90\n\s+revisionName: greeter-v1\n\s+tag: stable\n/);
    });

    it("never prints a kubeconfig", () => {
        for (const [name, run] of Object.entries(runs)) {
            assert.ok(!/mock-token-not-a-credential|certificate-authority-data/.test(run.stdout), `${name} printed a kubeconfig`);
        }
    });
});
