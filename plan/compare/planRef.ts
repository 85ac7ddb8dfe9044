import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PLAN_NODE_FLAGS } from "../engine/nodeFlags";
import { PlanUsageError } from "../usageError";

/**
 * Plans a program into an `--out` directory with the plan CLI in a child process (Pulumi's mock
 * engine is global to a process): the working tree as it is, or a git commit checked out into a
 * temporary worktree, built there and planned with this CLI.
 */

export interface PlanArgs {
    /** Passed through: `--program`, `--stack`, `--config`. */
    program?: string;
    stack?: string;
    config: string[];
}

const CLI = path.join(__dirname, "..", "cli.js");

function run(cmd: string, args: string[], cwd: string): string {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The child's own one-line error when it failed, else the exception's message. */
function failure(err: unknown): string {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "").trim();
    return (stderr.split("\n").find((l) => l.startsWith("error:")) ?? stderr.split("\n")[0] ?? String(err)).replace(/^error: /, "");
}

/** Plans the program in `cwd` into `out`; `what` names it in an error, e.g. `--base main`. */
export function planDirectory(cwd: string, out: string, args: PlanArgs, what = `the program in ${cwd}`): void {
    const flags = [
        ...(args.program ? ["--program", args.program] : []),
        ...(args.stack ? ["--stack", args.stack] : []),
        ...args.config.flatMap((c) => ["--config", c]),
    ];
    try {
        run(process.execPath, [...PLAN_NODE_FLAGS, CLI, "--out", out, ...flags], cwd);
    } catch (err) {
        throw new PlanUsageError(`planning ${what} failed: ${failure(err)}`);
    }
}

/** The commit a ref names in the repository around `cwd`, or undefined. */
export function resolveCommit(ref: string, cwd: string): string | undefined {
    try {
        return run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd).trim() || undefined;
    } catch {
        return undefined;
    }
}

/**
 * Checks `commit` out into a temporary worktree, builds it (`npm run build` when its package.json has
 * one, against this checkout's node_modules when it has none of its own) and plans the same directory
 * there as `cwd` is here. The worktree is removed afterwards.
 */
export function planCommit(ref: string, commit: string, cwd: string, out: string, args: PlanArgs): void {
    const top = run("git", ["rev-parse", "--show-toplevel"], cwd).trim();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-ref-"));
    const tree = path.join(tmp, "tree");
    run("git", ["worktree", "add", "--quiet", "--detach", tree, commit], top);
    try {
        const modules = path.join(top, "node_modules");
        if (fs.existsSync(modules) && !fs.existsSync(path.join(tree, "node_modules"))) {
            fs.symlinkSync(fs.realpathSync(modules), path.join(tree, "node_modules"), "dir");
        }
        const pkg = path.join(tree, "package.json");
        const scripts = fs.existsSync(pkg)
            ? ((JSON.parse(fs.readFileSync(pkg, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {})
            : {};
        if (scripts.build) {
            try {
                run("npm", ["run", "--silent", "build"], tree);
            } catch (err) {
                throw new PlanUsageError(`--base ${ref}: npm run build failed there: ${failure(err)}`);
            }
        }
        planDirectory(path.join(tree, path.relative(top, fs.realpathSync(cwd))), out, args, `--base ${ref}`);
    } finally {
        // The symlink first, so that removing the worktree cannot reach this checkout's node_modules.
        const link = path.join(tree, "node_modules");
        if (fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(link);
        run("git", ["worktree", "remove", "--force", tree], top);
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}
