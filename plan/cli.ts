#!/usr/bin/env node
// First: before anything loads @pulumi/pulumi (see engine/leanRuntime.ts).
import "./engine/leanRuntime";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { RecordedResource } from "./engine/mockEngine";
import { runProgram } from "./engine/runProgram";
import { MANIFEST_FILE, manifestEntries, manifestText } from "./sections/manifest";
import { objectFile, planText, type RenderedPlan, renderPlan } from "./sections/planText";
import { PlanUsageError } from "./usageError";

/**
 * `ack-knative-eci-plan` / `npm run plan`: runs a Pulumi program under Pulumi's mock engine (no cloud,
 * no Pulumi CLI) and prints its resource tree, Kubernetes objects and Knative placements.
 */

const USAGE = `usage: ack-knative-eci-plan [--program PATH] [--stack NAME] [--project NAME] [--config key=value]... [--out DIR]

Runs a compiled Pulumi program under Pulumi's mock engine (no cloud, no Pulumi CLI) and prints
its resource tree, stack outputs, Kubernetes objects (YAML), a placement table of Knative Services
and what will be billed (the settings that decide the cost of each billable resource).

  --program PATH     compiled program: a .js file or a directory with index.js (default: the compiled Pulumi.yaml "main", e.g. build/guide/index.js)
  --stack NAME       stack name; reads Pulumi.<stack>.yaml config when present (default: dev)
  --project NAME     project name (default: from Pulumi.yaml, else ack-knative-eci)
  --config k=v       config value, repeatable; keys without "ns:" get the project's namespace
  --out DIR          also write one YAML file per object plus resources.txt, placements.txt, billing.txt and
                     resources.json (every resource's inputs by URN, for ack-knative-eci-plan-compare)
  -h, --help         show this help`;

const OUT_TEXT_FILES = ["resources.txt", "placements.txt"];

/** Clears a previous plan output (its .yaml/.txt files and emptied folders); refuses other folders. */
function clearOut(dir: string): void {
    if (!fs.existsSync(dir)) return;
    const entries = fs.readdirSync(dir);
    if (entries.length === 0) return;
    if (!OUT_TEXT_FILES.every((f) => entries.includes(f))) {
        throw new PlanUsageError(`--out ${dir}: the directory is not empty and holds no previous plan; choose a new or empty directory`);
    }
    const sweep = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) {
                sweep(p);
                if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
            } else if (/\.(yaml|txt|json)$/.test(e.name)) fs.rmSync(p);
        }
    };
    sweep(dir);
}

function writeOut(dir: string, plan: RenderedPlan, resources: RecordedResource[]): void {
    clearOut(dir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), manifestText(manifestEntries(resources, plan.objects)));
    fs.writeFileSync(path.join(dir, "resources.txt"), `${plan.resources}\n`);
    fs.writeFileSync(path.join(dir, "placements.txt"), `${plan.placements}\n`);
    fs.writeFileSync(path.join(dir, "billing.txt"), `${plan.billing}\n`);
    for (const o of plan.objects) {
        const file = path.join(dir, o.file);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, objectFile(o));
    }
}

/** One line for any failure: the program's own message (e.g. an InputError), never a stack trace. */
export function errorLine(err: unknown): string {
    const e = err instanceof Error ? err : new Error(String(err));
    let message = (e.message || String(e)).split("\n").find((l) => l.trim() !== "") ?? "unknown error";
    // Pulumi prefixes errors thrown while resolving inputs with the property path; an InputError names its field.
    if (e.name === "InputError") message = message.replace(/^(error serializing property "[^"]*": )+/, "");
    return e.name === "InputError" || e.name === "PlanUsageError" || e.name === "Error" ? message : `${e.name}: ${message}`;
}

let failed = false;

/** Reports the first failure and exits once stderr has flushed. */
function fail(err: unknown): void {
    if (failed) return;
    failed = true;
    process.stderr.write(`error: ${errorLine(err)}\n`, () => process.exit(1));
}

/** Runs the plan and returns the text for stdout. */
async function main(argv: string[]): Promise<string> {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                program: { type: "string" },
                stack: { type: "string", default: "dev" },
                project: { type: "string" },
                config: { type: "string", multiple: true, default: [] },
                out: { type: "string" },
                help: { type: "boolean", short: "h" },
            },
        }));
    } catch (e) {
        throw new PlanUsageError(`${(e as Error).message} (see --help)`);
    }
    if (values.help) return `${USAGE}\n`;
    const engine = await runProgram({
        program: values.program,
        stack: values.stack,
        project: values.project,
        config: values.config,
        cwd: process.cwd(),
    });
    const plan = renderPlan(engine.resources);
    if (values.out) writeOut(path.resolve(values.out), plan, engine.resources);
    return planText(plan);
}

// Errors thrown inside Outputs (values validated when they resolve) surface as unhandled rejections.
process.on("unhandledRejection", fail);
process.on("uncaughtException", fail);
main(process.argv.slice(2)).then((text) => {
    // Exit once stdout has flushed (pipes may be asynchronous), even if a library left a handle open.
    if (!failed) process.stdout.write(text, () => process.exit(0));
}, fail);
