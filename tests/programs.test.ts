import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { PROGRAMS } from "./programList";

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
