#!/usr/bin/env node
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { comparePlans } from "./compare/comparePlans";
import { planCommit, planDirectory, resolveCommit } from "./compare/planRef";
import { GITHUB_COMMENT_LIMIT, renderComment } from "./compare/prComment";
import { PlanUsageError } from "./usageError";

/**
 * `ack-knative-eci-plan-compare` / `npm run plan:compare`: compares two offline plans and writes the
 * pull-request comment as Markdown.
 */

const USAGE = `usage: ack-knative-eci-plan-compare --base DIR|REF [--head DIR] [--out FILE] [--footer TEXT]
                                    [--program PATH] [--stack NAME] [--config key=value]...

Compares two offline plans (directories written by ack-knative-eci-plan --out) as pulumi up would
compare the program with its stack, and writes the pull-request comment as Markdown: counts, what is
billed differently, where Services may run, replacements and deletions with their reasons, then
every change's YAML diff in collapsed sections, cut to fit GitHub's comment limit.

  --base DIR|REF     the base plan directory, or a git commit to check out, build and plan
  --head DIR         the head plan directory (default: plan the working tree now)
  --out FILE         write the comment there (default: stdout)
  --footer TEXT      a last line, e.g. a link to the full plans
  --limit N          the size limit (default: ${GITHUB_COMMENT_LIMIT}, GitHub's)
  --program, --stack, --config   how to plan a REF and the working tree (as for ack-knative-eci-plan)
  -h, --help         show this help`;

function options(argv: string[]) {
    try {
        return parseArgs({
            args: argv,
            options: {
                base: { type: "string" },
                head: { type: "string" },
                out: { type: "string" },
                footer: { type: "string" },
                limit: { type: "string" },
                program: { type: "string" },
                stack: { type: "string" },
                config: { type: "string", multiple: true, default: [] },
                help: { type: "boolean", short: "h" },
            },
        }).values;
    } catch (e) {
        throw new PlanUsageError(`${(e as Error).message} (see --help)`);
    }
}

function main(argv: string[]): string {
    const values = options(argv);
    if (values.help) return `${USAGE}\n`;
    if (!values.base) throw new PlanUsageError("--base is required: a plan directory or a git commit (see --help)");
    const limit = values.limit === undefined ? GITHUB_COMMENT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 2_000)
        throw new PlanUsageError(`--limit ${values.limit}: expected a whole number of at least 2000`);
    const cwd = process.cwd();
    const args = { program: values.program, stack: values.stack, config: values.config };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-compare-"));
    try {
        let base = path.resolve(values.base);
        if (!fs.existsSync(base) || !fs.statSync(base).isDirectory()) {
            const commit = resolveCommit(values.base, cwd);
            if (!commit) throw new PlanUsageError(`--base ${values.base}: neither a plan directory nor a git commit`);
            base = path.join(tmp, "base");
            planCommit(values.base, commit, cwd, base, args);
        }
        const head = values.head ? path.resolve(values.head) : path.join(tmp, "head");
        if (!values.head) planDirectory(cwd, head, args);
        else if (!fs.existsSync(head)) throw new PlanUsageError(`--head ${values.head}: no such plan directory`);
        const comment = renderComment(comparePlans(base, head), { limit, footer: values.footer });
        if (!values.out) return comment;
        fs.writeFileSync(values.out, comment);
        return "";
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

try {
    process.stdout.write(main(process.argv.slice(2)));
} catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`error: ${e.message.split("\n")[0]}\n`);
    process.exitCode = 1;
}
