// Runs the offline plan (the mock engine) on a compiled program and prints its placement table as JSON, for the
// engine tests to compare with where the real scheduler bound the pods. A separate process: the mock engine and
// the Automation API's inline programs each need Pulumi's runtime to themselves.
// Usage: node planPlacements.js <program.js> [key=value ...]
import { buildPlacementTable } from "../../../plan/sections/placementTable";
import { runProgram } from "../../../plan/engine/runProgram";

export interface PlannedPlacement {
    /** `namespace/name`. */
    service: string;
    /** Declared nodes the pods may run on, with their kind (`ECS node`, `ECI virtual node`, …). */
    mayRunOn: { name: string; kind: string }[];
}

async function main(): Promise<void> {
    const [program, ...config] = process.argv.slice(2);
    const engine = await runProgram({ program, stack: "engine", project: "ack-knative-eci-engine", config, cwd: process.cwd() });
    const table = buildPlacementTable(engine.resources);
    const out: PlannedPlacement[] = table.services.map((s) => ({
        service: s.service,
        mayRunOn: s.fits.filter((f) => f.fit.fits).map((f) => ({ name: f.node.name, kind: f.node.kind })),
    }));
    process.stdout.write(JSON.stringify(out));
}

if (require.main === module) {
    main().catch((e) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    });
}
