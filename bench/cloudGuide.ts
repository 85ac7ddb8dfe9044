// The guide's whole `pulumi preview` and `pulumi up` on the local Alibaba Cloud (docs/local-cloud.md), through the
// real alicloud and Kubernetes providers: the components (guide/index.ts) against the same resources declared raw
// (bench/rawGuide.ts). The local cloud answers at once, so the time alicloud resources spend being created is the
// provider's own fixed waits (its first poll comes 5-10 s after a create, later polls every 3 s or more): it is
// counted apart, as the union of the intervals in which at least one alicloud resource was being created, and the
// ratio is given for the whole `up` and for the rest (the engine, the programs, the Kubernetes half).
import * as fs from "node:fs";
import * as path from "node:path";
import { type EngineEvent, LocalWorkspace, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { findCloudTools, installAlicloudPlugin } from "../tests/engine/harness/cloudTools";
import { type LocalAlibabaCloud, setStackConfig, startLocalAlibabaCloud } from "../tests/engine/harness/localAlibabaCloud";
import { installKubernetesPlugin, pulumiEnv } from "../tests/engine/harness/pulumiStack";
import type { Tools } from "../tests/engine/harness/tools";
import { requestedVersion } from "../tests/engine/harness/cloudLane";

const ROOT = path.resolve(__dirname, "..", "..");

/** A compiled program module run as an inline program: its top level declares the resources, so it is loaded anew. */
function programOf(file: string): PulumiFn {
    return async () => {
        delete require.cache[require.resolve(file)];
        // A require, not import(): only the CommonJS cache can be emptied to run the module's top level again.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return { ...(require(file) as Record<string, unknown>) };
    };
}

/** Milliseconds during which at least one alicloud resource was being created or deleted, from the engine's events. */
export function alicloudStepTime(events: EngineEvent[]): number {
    const started = new Map<string, number>();
    const intervals: [number, number][] = [];
    for (const e of events) {
        const pre = e.resourcePreEvent?.metadata;
        const out = e.resOutputsEvent?.metadata;
        if (pre?.type.startsWith("alicloud:") && pre.op !== "same") started.set(pre.urn, e.timestamp * 1000);
        if (out && started.has(out.urn)) intervals.push([started.get(out.urn)!, e.timestamp * 1000]);
    }
    intervals.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let current: [number, number] | undefined;
    for (const [a, b] of intervals) {
        if (current && a <= current[1]) current[1] = Math.max(current[1], b);
        else {
            if (current) total += current[1] - current[0];
            current = [a, b];
        }
    }
    return total + (current ? current[1] - current[0] : 0);
}

export interface CloudCase {
    preview: number;
    up: number;
    /** The part of `up` spent in the alicloud provider's fixed waits. */
    upWaits: number;
}

class CloudBench {
    private stacks = 0;
    constructor(
        private readonly tools: Tools,
        private readonly cloud: LocalAlibabaCloud,
        private readonly workDir: string,
    ) {}

    private async stack(project: string, program: PulumiFn): Promise<Stack> {
        const envVars = { ...pulumiEnv(this.workDir), ...this.cloud.env };
        const projectDir = path.join(this.workDir, "projects", project);
        fs.mkdirSync(projectDir, { recursive: true });
        const stack = await LocalWorkspace.createOrSelectStack(
            { projectName: project, stackName: `bench-${++this.stacks}`, program },
            {
                workDir: projectDir,
                pulumiCommand: await PulumiCommand.get({ root: path.dirname(this.tools.binDir) }),
                envVars,
                secretsProvider: "passphrase",
                projectSettings: { name: project, runtime: "nodejs", backend: { url: envVars.PULUMI_BACKEND_URL } },
            },
        );
        await setStackConfig(stack, this.cloud.pulumiConfig);
        return stack;
    }

    /** Preview, then up (timed, with its events), then destroy (untimed): one cluster at a time on the local cloud. */
    async run(project: string, file: string): Promise<CloudCase> {
        const stack = await this.stack(project, programOf(file));
        const t0 = Date.now();
        await stack.preview();
        const preview = Date.now() - t0;
        const events: EngineEvent[] = [];
        const t1 = Date.now();
        await stack.up({ onEvent: (e) => events.push(e) });
        const up = Date.now() - t1;
        await stack.destroy();
        await stack.workspace.removeStack(stack.name);
        return { preview, up, upWaits: alicloudStepTime(events) };
    }
}

/**
 * Runs the guide (components) and the raw guide `runs` times each, alternating which goes first; resolves to the
 * medians, or to the sentence saying why the cloud half cannot run here.
 */
export async function benchCloudGuide(
    tools: Tools,
    workDir: string,
    runs: number,
    median: (values: number[]) => number,
    log: (line: string) => void,
): Promise<{ component: CloudCase; raw: CloudCase } | { missing: string }> {
    const cloudTools = findCloudTools();
    if ("missing" in cloudTools) return cloudTools;
    const cloud = await startLocalAlibabaCloud(tools, cloudTools, path.join(workDir, "local-cloud"));
    fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
    try {
        installKubernetesPlugin(tools, workDir, requestedVersion("kubernetes"));
        installAlicloudPlugin(tools, cloudTools, workDir);
        const bench = new CloudBench(tools, cloud, workDir);
        const cases = { component: [] as CloudCase[], raw: [] as CloudCase[] };
        const guide = () => bench.run("ack-knative-eci-guide", path.join(ROOT, "build", "guide", "index.js"));
        const raw = () => bench.run("ack-knative-eci-raw-guide", path.join(ROOT, "build", "bench", "rawGuide.js"));
        for (let i = 0; i < runs; i++) {
            if (i % 2) cases.raw.push(await raw());
            cases.component.push(await guide());
            if (!(i % 2)) cases.raw.push(await raw());
            log(`cloud run ${i + 1} of ${runs} done`);
        }
        const med = (list: CloudCase[]): CloudCase => ({
            preview: median(list.map((c) => c.preview)),
            up: median(list.map((c) => c.up)),
            upWaits: median(list.map((c) => c.upWaits)),
        });
        return { component: med(cases.component), raw: med(cases.raw) };
    } finally {
        await cloud.stop();
    }
}
