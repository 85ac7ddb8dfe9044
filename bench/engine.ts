// `npm run bench:engine`: the real engine's figures, on the engine tests' local control plane (docs/plan.md):
//   - `pulumi preview` of the guide's Kubernetes half against the offline plan of the same program (ratio);
//   - `pulumi up` of N Knative Services through KnativeService against the same Services as plain Kubernetes
//     resources with the same readiness wait (ratio; the goal is at most 1.1);
//   - the guide's whole `pulumi preview` and `pulumi up` on the local Alibaba Cloud, components against the same
//     resources declared raw, the alicloud provider's fixed waits counted apart (bench/cloudGuide.ts), when the
//     alicloud plugin and the local cloud are built.
// Medians of --runs N (default 3), the cases in turn. A benchmark, not a test: it asserts nothing.
// Needs tools/build-engine-tools.sh. Flags: --runs N, --sizes 10,50.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import kubernetesHalf from "../tests/engine/programs/kubernetesHalf";
import { enablePodspecFlags, startLocalCluster, type LocalCluster } from "../tests/engine/harness/localCluster";
import { engineStack, installKubernetesPlugin } from "../tests/engine/harness/pulumiStack";
import { findTools } from "../tests/engine/harness/tools";
import { PLAN_NODE_FLAGS } from "../plan/engine/nodeFlags";
import { benchCloudGuide } from "./cloudGuide";
import { componentServices, plainServices } from "./enginePrograms";

const ROOT = path.resolve(__dirname, "../..");
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
    const started = process.hrtime.bigint();
    await run();
    return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The offline plan of the Kubernetes half in a fresh process, as `npm run plan -- --program` runs it. */
function offlinePlan(kubeconfig: string): Promise<void> {
    const program = path.join(ROOT, "build/tests/engine/programs/kubernetesHalf.js");
    const args = [...PLAN_NODE_FLAGS, path.join(ROOT, "build/plan/cli.js"), "--program", program, "--config", `kubeconfig=${kubeconfig}`];
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`offline plan failed: ${stderr.trim()}`))));
    });
}

class Bench {
    private stacks = 0;
    constructor(
        private readonly cluster: LocalCluster,
        private readonly pluginDir: string,
    ) {}

    stack(program: PulumiFn) {
        return engineStack({
            tools: this.cluster.tools,
            workDir: this.cluster.workDir,
            project: "ack-knative-eci-bench",
            stack: `bench-${++this.stacks}`,
            program,
            kubernetesPluginDir: this.pluginDir,
        });
    }

    /** Wall time of `pulumi preview` of the Kubernetes half and of its offline plan, once each. */
    async preview(): Promise<[number, number]> {
        const stack = await this.stack(async () => kubernetesHalf());
        await stack.setConfig("kubeconfig", { value: this.cluster.cp.kubeconfig, secret: true });
        const engine = await timed(() => stack.preview());
        const offline = await timed(() => offlinePlan(this.cluster.cp.kubeconfig));
        await stack.workspace.removeStack(stack.name);
        return [engine, offline];
    }

    /** Wall time of `pulumi up` (each Service awaited until Ready); the stack is destroyed afterwards, untimed. */
    async up(program: (kubeconfig: string, count: number) => void, count: number): Promise<number> {
        const kubeconfig = this.cluster.cp.kubeconfig;
        const stack = await this.stack(async () => program(kubeconfig, count));
        const ms = await timed(() => stack.up());
        await stack.destroy();
        await stack.workspace.removeStack(stack.name);
        return ms;
    }
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, sizes: { type: "string", default: "10,50" } } });
    const runs = Number(values.runs);
    const sizes = values.sizes.split(",").filter(Boolean).map(Number);
    const cluster = await startLocalCluster("bench", log);
    // The preview is a dry run through Knative's webhook, which refuses the Services' affinity until the flags the
    // program's patch will set are on: the cluster has them already, as after a first `up`.
    await enablePodspecFlags(cluster.kube);
    try {
        const bench = new Bench(cluster, installKubernetesPlugin(cluster.tools, cluster.workDir));
        const previews: [number, number][] = [];
        const ups = new Map<string, number[]>();
        for (let i = 0; i < runs; i++) {
            previews.push(await bench.preview());
            for (const n of sizes) {
                // Alternate which goes first, so a change in the machine's load hits both alike.
                const order = i % 2 ? ([plainServices, componentServices] as const) : ([componentServices, plainServices] as const);
                for (const program of order) {
                    const key = `${program === componentServices ? "KnativeService" : "plain"} ${n}`;
                    ups.set(key, [...(ups.get(key) ?? []), await bench.up(program, n)]);
                }
            }
            log(`run ${i + 1} of ${runs} done`);
        }
        const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        const engine = median(previews.map((p) => p[0]));
        const offline = median(previews.map((p) => p[1]));
        console.log(`median of ${runs} runs; local control plane, Knative stand-in, real pulumi CLI and Kubernetes provider\n`);
        console.log(`pulumi preview, Kubernetes half: ${s(engine)}; offline plan: ${s(offline)}; ratio ${(engine / offline).toFixed(1)}`);
        for (const n of sizes) {
            const component = median(ups.get(`KnativeService ${n}`)!);
            const plain = median(ups.get(`plain ${n}`)!);
            console.log(
                `pulumi up, ${n} Services: KnativeService ${s(component)}; plain ${s(plain)}; ratio ${(component / plain).toFixed(2)}`,
            );
        }
    } finally {
        await cluster.stop(false);
    }
    await cloudFigures(runs);
}

/** The cloud half's figures, on a control plane of their own (the local cloud's ACK cluster). */
async function cloudFigures(runs: number): Promise<void> {
    const tools = findTools();
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-knative-eci-bench-cloud-"));
    try {
        const result = await benchCloudGuide(tools, workDir, runs, median, log);
        if ("missing" in result) {
            console.log(`\nthe guide on the local Alibaba Cloud: not measured (${result.missing})`);
            return;
        }
        const { component: c, raw: r } = result;
        const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        console.log(`\nthe guide on the local Alibaba Cloud (real alicloud and Kubernetes providers), median of ${runs} runs:`);
        console.log(`pulumi preview: components ${s(c.preview)}; raw ${s(r.preview)}; ratio ${(c.preview / r.preview).toFixed(2)}`);
        console.log(
            `pulumi up: components ${s(c.up)} (alicloud provider's fixed waits ${s(c.upWaits)}); raw ${s(r.up)} (waits ${s(r.upWaits)}); ` +
                `ratio ${(c.up / r.up).toFixed(2)}, without the waits ${((c.up - c.upWaits) / (r.up - r.upWaits)).toFixed(2)}`,
        );
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

main().catch((e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
