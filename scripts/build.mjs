// `npm run build`: type-checks and compiles the project into build/ with `tsc --build`, incrementally.
// When nothing changed since the last build (for example the one `npm ci` ran through `prepare`) it
// only compares file times and returns in a fraction of a second; after an edit it re-checks what the
// edit affects. Plain JavaScript, because it runs before anything is compiled.
//
// Each diagnostic prints as one line, `error: file:line:col: message (TSnnnn)`, whether or not stderr
// is a terminal; nested explanations are joined onto that line. Exit status 1 on any error.
//
// usage: node scripts/build.mjs [tsconfig.json | project directory]
/* global process */
import { createRequire } from "node:module";
import * as path from "node:path";

// require, not import: an ESM import of the 9 MB CommonJS compiler scans it for exports first (+0.4 s).
const ts = createRequire(import.meta.url)("typescript");

/** A diagnostic's message with its first chain of explanations, on one line. */
function messageLine(text) {
    const parts = [];
    for (let chain = text; chain; chain = typeof chain === "string" ? undefined : chain.next?.[0]) {
        parts.push(typeof chain === "string" ? chain : chain.messageText);
    }
    return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** `error: guide/index.ts:18:13: Type 'string' is not assignable to type 'number'. (TS2322)` */
export function diagnosticLine(d, cwd = process.cwd()) {
    const category = d.category === ts.DiagnosticCategory.Warning ? "warning" : "error";
    let where = "";
    if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        where = `${path.relative(cwd, d.file.fileName)}:${line + 1}:${character + 1}: `;
    }
    return `${category}: ${where}${messageLine(d.messageText)} (TS${d.code})`;
}

const project = process.argv[2] ?? "tsconfig.json";
const host = ts.createSolutionBuilderHost(
    ts.sys,
    undefined,
    (d) => process.stderr.write(`${diagnosticLine(d)}\n`),
    () => {},
    () => {},
);
const status = ts.createSolutionBuilder(host, [project], { incremental: true }).build();
process.exitCode = status === ts.ExitStatus.Success ? 0 : 1;
