// No import cycles in the package's sources. A cycle makes the load order decide which module sees the other's
// exports still undefined, and it means two files each hold half of one concern. Type-only imports count too: they
// are what made sub-argument interfaces live in two places (issue 23).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { PACKAGE_DIRS, ROOT, sourceFiles, sourceText } from "./sources";

/** The source file a relative import names (`./x`, `./x.js`, `./x/index`), or undefined when it is not a `.ts` source. */
function resolveImport(from: string, specifier: string): string | undefined {
    const base = path.posix.join(path.posix.dirname(from), specifier);
    const candidates = [base, `${base}.ts`, base.replace(/\.js$/, ".ts"), `${base}/index.ts`];
    return candidates.find((c) => c.endsWith(".ts") && fs.existsSync(path.join(ROOT, c)));
}

/** Each file's relative imports (`import`, `import type`, `export … from`, `import()`), as files. */
function importGraph(files: readonly string[]): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    for (const file of files) {
        const imported = ts
            .preProcessFile(sourceText(file), true, true)
            .importedFiles.map((f) => f.fileName)
            .filter((name) => name.startsWith("."))
            .map((name) => resolveImport(file, name))
            .filter((f): f is string => f !== undefined);
        graph.set(file, [...new Set(imported)].sort());
    }
    return graph;
}

/** The strongly connected components of more than one file, or of one file importing itself (Tarjan). */
function cyclicComponents(graph: Map<string, string[]>): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const out: string[][] = [];
    const visit = (v: string): void => {
        index.set(v, index.size);
        low.set(v, index.get(v)!);
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!graph.has(w)) continue;
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        if (low.get(v) !== index.get(v)) return;
        const component: string[] = [];
        let w: string;
        do {
            w = stack.pop()!;
            onStack.delete(w);
            component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    return out;
}

/** A shortest cycle through the component's first file, written `a → b → … → a`. */
function oneCycle(graph: Map<string, string[]>, component: string[]): string {
    const members = new Set(component);
    const start = component[0];
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
        const v = queue.shift()!;
        for (const w of graph.get(v) ?? []) {
            if (!members.has(w)) continue;
            if (w === start) {
                const between: string[] = [];
                for (let u = v; u !== start; u = previous.get(u)!) between.unshift(u);
                return [start, ...between, start].join(" → ");
            }
            if (!previous.has(w)) {
                previous.set(w, v);
                queue.push(w);
            }
        }
    }
    return component.join(", ");
}

/** Every import cycle among `files`, one line each. */
function importCycles(files: readonly string[]): string[] {
    const graph = importGraph(files);
    return cyclicComponents(graph).map((component) => {
        const cycle = oneCycle(graph, component);
        const inCycle = cycle.split(" → ").length - 1;
        return component.length > inCycle ? `${cycle} (one of the cycles among ${component.join(", ")})` : cycle;
    });
}

describe("Imports", () => {
    it(`form no cycle in ${PACKAGE_DIRS.join("/ or ")}/`, () => {
        const files = sourceFiles();
        assert.ok(files.length > 50, `expected the package's sources under ${ROOT}, found ${files.length} files`);
        const cycles = importCycles(files);
        assert.deepEqual(cycles, [], `import cycles (each file imports the next):\n  ${cycles.join("\n  ")}\n`);
    });
});
