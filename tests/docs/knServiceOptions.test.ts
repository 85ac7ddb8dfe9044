import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { KNATIVE_SERVICE_ARGS } from "../../sdk/render/knativeService/knativeServiceArgs";
import { argumentPaths } from "../fixtures/rejectionTable";

// docs/knativeService.md maps every `kn service create` / `kn service update` option to a KnativeService
// argument or says why there is none. This keeps that table true.

/**
 * The options of `kn service create` and `kn service update` (knative/client docs/cmd/kn_service_create.md
 * and kn_service_update.md, commit e411e88475005c36abaa42530521065210c8588d), long names only.
 */
const KN_OPTIONS = [
    "annotation",
    "annotation-revision",
    "annotation-service",
    "arg",
    "cluster-local",
    "cmd",
    "concurrency-limit",
    "containers",
    "env",
    "env-file",
    "env-from",
    "env-value-from",
    "filename",
    "force",
    "help",
    "image",
    "label",
    "label-revision",
    "label-service",
    "limit",
    "lock-to-digest",
    "mount",
    "namespace",
    "no-cluster-local",
    "no-lock-to-digest",
    "no-wait",
    "node-affinity",
    "node-selector",
    "port",
    "probe-liveness",
    "probe-liveness-opts",
    "probe-readiness",
    "probe-readiness-opts",
    "profile",
    "pull-policy",
    "pull-secret",
    "request",
    "revision-name",
    "scale",
    "scale-activation",
    "scale-init",
    "scale-max",
    "scale-metric",
    "scale-min",
    "scale-target",
    "scale-utilization",
    "scale-window",
    "security-context",
    "service-account",
    "tag",
    "target",
    "timeout",
    "toleration",
    "traffic",
    "untag",
    "user",
    "volume",
    "wait",
    "wait-timeout",
    "wait-window",
].map((o) => `--${o}`);

interface Row {
    option: string;
    args: string[];
    note: string;
}

/** The rows between the page's `kn-options` markers. */
function parseOptionTable(markdown: string): Row[] {
    const start = markdown.indexOf("<!-- kn-options:start -->");
    const end = markdown.indexOf("<!-- kn-options:end -->");
    assert.ok(start >= 0 && end > start, "the page marks its kn option table");
    return markdown
        .slice(start, end)
        .split("\n")
        .filter((l) => l.startsWith("| `--"))
        .map((line) => {
            const cells = line
                .slice(1, -1)
                .split(" | ")
                .map((c) => c.trim());
            assert.equal(cells.length, 3, `three cells in: ${line}`);
            const args = cells[1] === "—" ? [] : cells[1].split(",").map((a) => a.trim().replace(/^`|`$/g, ""));
            return { option: cells[0].replace(/`/g, ""), args, note: cells[2].replace(/\|$/, "").trim() };
        });
}

describe("docs/knativeService.md: the kn service create/update option table", () => {
    const page = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "knativeService.md"), "utf8");
    const rows = parseOptionTable(page);
    const paths = new Set(argumentPaths(KNATIVE_SERVICE_ARGS));

    it("has one row per kn option, alphabetically, and no other", () => {
        assert.deepEqual(
            rows.map((r) => r.option),
            [...KN_OPTIONS].sort(),
        );
    });

    it("names only arguments KnativeService has", () => {
        for (const r of rows) for (const a of r.args) assert.ok(paths.has(a), `${r.option}: ${a} is not a KnativeService argument`);
    });

    it("gives the reason for every option without an argument", () => {
        for (const r of rows.filter((x) => x.args.length === 0)) assert.ok(r.note.length > 20, `${r.option} has no argument and no reason`);
    });

    it("would catch a misspelt argument", () => {
        const bad = parseOptionTable("<!-- kn-options:start -->\n| `--x` | `scaling.minscale` | |\n<!-- kn-options:end -->");
        assert.equal(paths.has(bad[0].args[0]), false);
    });
});
