import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import * as pulumi from "@pulumi/pulumi";
import { PlanUsageError } from "../usageError";
import { type MockEngine, startMockEngine } from "./mockEngine";

/**
 * Loads a compiled Pulumi program and runs it inside a Pulumi stack under the mock engine, with the
 * project name and stack config a `pulumi` run would use.
 */

/**
 * The compiled form of the program `pulumi up` would run here: `Pulumi.yaml`'s `main` (a directory or
 * a `.ts` file, compiled by `tsc` into `build/`), else `build/index.js`.
 */
export function defaultProgram(cwd: string): string {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(cwd, f)).find((f) => fs.existsSync(f));
    const main = file ? ((yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { main?: string }).main : undefined;
    if (!main) return path.join("build", "index.js");
    const compiled = path.join("build", main.replace(/\.[cm]?ts$/, ".js"));
    return compiled.endsWith(".js") ? compiled : path.join(compiled, "index.js");
}

export interface RunOptions {
    /** A compiled `.js` program or a directory holding one (`index.js` or its package.json `main`). */
    program?: string;
    stack: string;
    /** Overrides the project name found in `Pulumi.yaml`. */
    project?: string;
    /** `key=value` pairs; keys without a `namespace:` get the project's. */
    config: string[];
    cwd: string;
}

/** The absolute path of the module to load, or a `PlanUsageError` saying what is missing. */
export function resolveProgram(program: string | undefined, cwd: string): string {
    const fallback = defaultProgram(cwd);
    const target = path.resolve(cwd, program ?? fallback);
    if (!fs.existsSync(target)) {
        throw new PlanUsageError(
            program === undefined
                ? `no program at ${fallback}: compile the project's program first (npm run build) or pass --program PATH`
                : `--program ${program}: no such file or directory`,
        );
    }
    if (/\.[cm]?ts$/.test(target)) {
        throw new PlanUsageError(`--program ${program}: a TypeScript file; compile it (npm run build) and pass the .js file from build/`);
    }
    try {
        return require.resolve(target);
    } catch {
        throw new PlanUsageError(`--program ${program ?? fallback}: no index.js or package.json "main" in this directory`);
    }
}

interface ProjectFiles {
    name?: string;
    stackConfig: Record<string, unknown>;
}

/** `Pulumi.yaml`'s `config:` block as values: `{value}` and `{default}` entries, or plain scalars. */
export function projectConfig(block: Record<string, unknown> | undefined): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(block ?? {})) {
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) values[key] = entry;
        else if ("value" in entry) values[key] = (entry as { value: unknown }).value;
        else if ("default" in entry) values[key] = (entry as { default: unknown }).default;
    }
    return values;
}

/** `Pulumi.yaml`'s project name and `Pulumi.<stack>.yaml`'s config, searching up from `cwd`. */
function projectFiles(cwd: string, stack: string): ProjectFiles {
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
        const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
        if (file) {
            const project = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { name?: string; config?: Record<string, unknown> };
            const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
            const stackDoc = fs.existsSync(stackFile) ? ((yaml.load(fs.readFileSync(stackFile, "utf8")) ?? {}) as { config?: object }) : {};
            // As `pulumi up` does: the project's config values and declared defaults, then the stack's.
            return { name: project.name, stackConfig: { ...projectConfig(project.config), ...stackDoc.config } };
        }
        if (path.dirname(dir) === dir) return { stackConfig: {} };
    }
}

/**
 * Where the program's project starts looking for its `Pulumi.yaml`: beside the program's TypeScript
 * source (named by the source map of a program compiled into `build/`), else beside the program.
 */
function programDir(modulePath: string): string {
    const map = `${modulePath}.map`;
    try {
        const source = (JSON.parse(fs.readFileSync(map, "utf8")) as { sources?: string[] }).sources?.[0];
        if (source) return path.dirname(path.resolve(path.dirname(map), source));
    } catch {
        // No (readable) source map: the compiled program's own directory.
    }
    return path.dirname(modulePath);
}

/** The directory of the nearest `Pulumi.yaml` at or above `dir`. */
function findProjectDir(dir: string): string | undefined {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
        if (["Pulumi.yaml", "Pulumi.yml"].some((f) => fs.existsSync(path.join(d, f)))) return d;
        if (path.dirname(d) === d) return undefined;
    }
}

/**
 * Where the project is looked up: the current directory's, unless the program's source sits in a
 * project of its own below it (an example run from the repository root names its own project).
 */
function projectDir(options: RunOptions, modulePath: string): string {
    const here = findProjectDir(options.cwd);
    if (options.program === undefined) return options.cwd;
    const own = findProjectDir(programDir(modulePath));
    if (own === undefined) return options.cwd;
    if (here === undefined || own === here || own.startsWith(here + path.sep)) return own;
    return options.cwd;
}

/** The config map and secret keys: stack file first, then `--config`. Secure values stay unreadable. */
function buildConfig(project: string, files: ProjectFiles, flags: string[]): { config: Record<string, string>; secretKeys: string[] } {
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const fullKey = (key: string): string => (key.includes(":") ? key : `${project}:${key}`);
    for (const [key, value] of Object.entries(files.stackConfig)) {
        const secure = typeof value === "object" && value !== null && "secure" in value;
        config[fullKey(key)] = secure ? "[secret]" : typeof value === "string" ? value : JSON.stringify(value);
        if (secure) secretKeys.push(fullKey(key));
    }
    for (const flag of flags) {
        const eq = flag.indexOf("=");
        if (eq <= 0) throw new PlanUsageError(`--config ${flag}: expected key=value`);
        config[fullKey(flag.slice(0, eq))] = flag.slice(eq + 1);
    }
    return { config, secretKeys };
}

/** Calls the program the way Pulumi's Node.js host does: its exports, or what its exported function returns. */
async function runModule(modulePath: string): Promise<unknown> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as unknown;
    if (typeof mod === "function") return await (mod as () => unknown)();
    const esm = mod as { __esModule?: boolean; default?: unknown };
    if (esm?.__esModule && typeof esm.default === "function") return await (esm.default as () => unknown)();
    return mod;
}

/** Runs the program in a stack under a fresh mock engine (one per process) and waits until it settles. */
export async function runProgram(options: RunOptions): Promise<MockEngine> {
    const modulePath = resolveProgram(options.program, options.cwd);
    const files = projectFiles(projectDir(options, modulePath), options.stack);
    const project = options.project ?? files.name ?? "ack-knative-eci";
    const { config, secretKeys } = buildConfig(project, files, options.config);
    const engine = startMockEngine({ project, stack: options.stack });
    pulumi.runtime.setAllConfig(config, secretKeys);
    await pulumi.runtime.runInPulumiStack(() => runModule(modulePath) as Promise<pulumi.Inputs | undefined>);
    await engine.settle();
    return engine;
}
