// The package's own TypeScript sources, for tests that read the code itself (import cycles, function lengths).
import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root (these tests run from build/tests). */
export const ROOT = path.resolve(__dirname, "..", "..");

/** The package's source folders: what `npm pack` ships besides the compiled output. */
export const PACKAGE_DIRS = ["sdk", "plan"] as const;

/** Every `.ts` file (not `.d.ts`) under `dirs`, as paths relative to the root with `/` separators, sorted. */
export function sourceFiles(dirs: readonly string[] = PACKAGE_DIRS): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const rel = `${dir}/${entry.name}`;
            if (entry.isDirectory()) walk(rel);
            else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(rel);
        }
    };
    dirs.forEach(walk);
    return out.sort();
}

/** A source file's text. */
export function sourceText(file: string): string {
    return fs.readFileSync(path.join(ROOT, file), "utf8");
}
