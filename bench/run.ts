// `npm run bench`: plans the guide, its raw-resource baseline and generated programs of 10, 100 and 1,000
// Services, each several times in a fresh process, one process at a time and the cases in turn, and prints the median wall
// time, CPU time and peak memory, the ratio to the baseline and the growth per Service. A benchmark, not
// a test: it asserts nothing. Flags: --runs N (default 5), --sizes 10,100,1000 (empty: only the guide and baseline).
import { spawn } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PLAN_NODE_FLAGS } from "../plan/engine/nodeFlags";

const ROOT = path.resolve(__dirname, "../..");
const MEASURE = path.join(ROOT, "build/bench/measure.js");

interface Case {
    label: string;
    /** Knative Services the program declares. */
    services: number;
    args: string[];
}

interface Sample {
    wallMs: number;
    cpuMs: number;
    maxRssKiB: number;
    resources: number;
}

/** One plan in a fresh Node.js process, as `npm run plan` runs it. */
function runOnce(args: string[]): Promise<Sample> {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, [...PLAN_NODE_FLAGS, MEASURE, ...args], {
            cwd: ROOT,
            stdio: ["ignore", "pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        let usage = "";
        child.stdout!.on("data", (d: Buffer) => (stdout.length < 200 ? (stdout += d.toString()) : undefined));
        child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
        (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => (usage += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => {
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            if (code !== 0) return reject(new Error(`plan ${args.join(" ")} failed: ${stderr.trim()}`));
            const u = JSON.parse(usage) as { maxRssKiB: number; cpuMs: number };
            resolve({ wallMs, cpuMs: u.cpuMs, maxRssKiB: u.maxRssKiB, resources: Number(/Resources \((\d+)\)/.exec(stdout)?.[1] ?? NaN) });
        });
    });
}

function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Result {
    c: Case;
    wallMs: number;
    cpuMs: number;
    rssMiB: number;
    resources: number;
    minWallMs: number;
    maxWallMs: number;
}

function table(rows: string[][]): string {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n");
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: { runs: { type: "string", default: "5" }, sizes: { type: "string", default: "10,100,1000" } },
    });
    const runs = Number(values.runs);
    const sizes = values.sizes.split(",").filter(Boolean).map(Number);
    const program = (p: string): string[] => ["--program", path.join(ROOT, "build", p)];
    const cases: Case[] = [
        { label: "raw guide (baseline)", services: 3, args: program("bench/rawGuide.js") },
        { label: "guide", services: 3, args: [] },
        ...sizes.map((n) => ({
            label: `generated, ${n} Services`,
            services: n,
            args: [...program("bench/services.js"), "--config", `services=${n}`],
        })),
    ];
    const load = os.loadavg()[0];
    console.log(
        `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, Node.js ${process.version}, load average ${load.toFixed(1)} at start`,
    );
    console.log(
        `median of ${runs} runs each, one process at a time, cases in turn, node ${PLAN_NODE_FLAGS.join(" ")}; wall time includes Node.js start-up\n`,
    );
    // Round-robin over the cases, so that a change in the machine's load hits every case alike.
    const samples: Sample[][] = cases.map(() => []);
    for (let i = 0; i < runs; i++) {
        for (const [k, c] of cases.entries()) samples[k].push(await runOnce(c.args));
        process.stderr.write(`  run ${i + 1} of ${runs} done\n`);
    }
    const results: Result[] = cases.map((c, k) => {
        const walls = samples[k].map((s) => s.wallMs);
        return {
            c,
            wallMs: median(walls),
            cpuMs: median(samples[k].map((s) => s.cpuMs)),
            rssMiB: median(samples[k].map((s) => s.maxRssKiB)) / 1024,
            resources: samples[k][0].resources,
            minWallMs: Math.min(...walls),
            maxWallMs: Math.max(...walls),
        };
    });
    const base = results[0];
    const rows = [["program", "Services", "resources", "wall (min-max)", "CPU", "peak memory", "wall vs baseline", "CPU vs baseline"]];
    for (const r of results) {
        rows.push([
            r.c.label,
            String(r.c.services),
            String(r.resources),
            `${(r.wallMs / 1000).toFixed(2)} s (${(r.minWallMs / 1000).toFixed(2)}-${(r.maxWallMs / 1000).toFixed(2)})`,
            `${(r.cpuMs / 1000).toFixed(2)} s`,
            `${r.rssMiB.toFixed(0)} MiB`,
            (r.wallMs / base.wallMs).toFixed(2),
            (r.cpuMs / base.cpuMs).toFixed(2),
        ]);
    }
    console.log(table(rows));
    const generated = results.filter((r) => r.c.label.startsWith("generated"));
    if (generated.length >= 2) {
        const [small, large] = [generated[0], generated[generated.length - 1]];
        const n = large.c.services - small.c.services;
        console.log(
            `\ngrowth per Service (${small.c.services} to ${large.c.services}): ` +
                `${((large.wallMs - small.wallMs) / n).toFixed(2)} ms wall, ${((large.cpuMs - small.cpuMs) / n).toFixed(2)} ms CPU, ` +
                `${(((large.rssMiB - small.rssMiB) * 1024) / n).toFixed(0)} KiB peak memory, ${((large.resources - small.resources) / n).toFixed(1)} resources`,
        );
    }
}

main().catch((e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
