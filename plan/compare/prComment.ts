import { NAMESPACE_TYPE } from "../resourceTypes";
import { type BillingChange, RESOURCE_HEADING, type SettingChange } from "./billingDiff";
import type { ChangeKind, PlanComparison, ResourceChange } from "./comparePlans";
import type { ReplaceReason } from "./replacement";

/**
 * The pull-request comment for a plan comparison, as Markdown: a summary (counts, what is billed
 * differently, where Services may run), then replacements and deletions with their reasons, then
 * every other change in collapsed sections, cut to fit GitHub's comment limit with a note saying what
 * was left out.
 */

/** GitHub's limit on a comment's body, in characters; the comment is measured in UTF-8 bytes, which is never fewer. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const COMMENT_MARKER = "<!-- offline-plan -->";

export interface CommentOptions {
    /** @default GITHUB_COMMENT_LIMIT */
    limit?: number;
    /** A last line, e.g. where the full plans are. */
    footer?: string;
}

/** A piece of the comment. Items of one group are kept in order: once one does not fit, the rest of the group is cut. */
interface Item {
    text: string;
    /** Lower goes in first: replacements and deletions (0), billing (0.5) and placement (0.6) lines, then diffs. */
    priority: number;
    /** What the cut note calls a left-out item of this group, e.g. "created diffs". */
    group?: string;
    /** Opens or closes the section of this group: left out with it when none of the group fits. */
    wraps?: string;
}

const VERB: Record<ChangeKind, string> = { replace: "to replace", delete: "to delete", create: "to create", update: "to update" };

function code(text: string): string {
    const clean = text.replace(/`/g, "'").replace(/\n/g, " ");
    return `\`${clean.length > 160 ? `${clean.slice(0, 157)}...` : clean}\``;
}

function html(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function value(v: unknown): string {
    return v === undefined ? "not set" : code(typeof v === "string" ? v : JSON.stringify(v));
}

/** A fenced block that no backtick run inside it can close. */
function fenced(text: string, lang: string): string {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    return `${fence}${lang}\n${text}\n${fence}`;
}

function details(summary: string, body: string): string {
    return `<details><summary>${html(summary)}</summary>\n\n${body}\n\n</details>\n`;
}

function reasonText(r: ReplaceReason): string {
    const maybe = r.maybe ? " (known only after deployment: replaced if it differs)" : "";
    return `${code(r.path)} ${value(r.before)} → ${value(r.after)}${maybe}: ${r.why}`;
}

function resourceLine(c: ResourceChange): string {
    return `**${code(c.resource)}**${c.file ? ` (${code(c.file)})` : ""}`;
}

function deleteReason(c: ResourceChange): string {
    const why = c.movedTo
        ? `its URN changes to ${code(c.movedTo)} (a new parent): Pulumi creates the new one and deletes this one, unless an alias joins them`
        : "no longer declared by the program";
    // Kubernetes deletes a Namespace's objects with it, declared in this program or not.
    const cascade = c.resource.endsWith(`(${NAMESPACE_TYPE})`) && !c.retained ? "; every object in the namespace goes with it" : "";
    return c.retained ? `${why}; \`retainOnDelete\`: it stays in the cloud or cluster, only the stack forgets it` : `${why}${cascade}`;
}

function summary(cmp: PlanComparison): string[] {
    const count = (k: ChangeKind): number => cmp.changes.filter((c) => c.kind === k).length;
    const counts = (["create", "update", "replace", "delete"] as ChangeKind[])
        .filter((k) => count(k) > 0)
        .map((k) => `${count(k)} ${VERB[k]}`)
        .join(", ");
    const lines = [
        `### Offline plan: ${cmp.changes.length === 0 ? "no changes" : counts}`,
        "",
        "What `pulumi up` would do to the resources the program declares, from Pulumi's mock engine (no cloud). A replacement is decided from the inputs its provider cannot change in place (see docs/plan.md).",
        "",
    ];
    if (cmp.changes.length) {
        lines.push("| create | update | replace | delete |", "|---:|---:|---:|---:|");
        lines.push(`| ${count("create")} | ${count("update")} | ${count("replace")} | ${count("delete")} |`, "");
    }
    for (const n of cmp.notes) lines.push(`> ${n}`, "");
    return lines;
}

/** `ECS node pool: pool (type)` as `ECS node pool `pool (type)``; list headings as they are. */
function heading(text: string): string {
    const m = RESOURCE_HEADING.exec(text);
    return m ? `${m[1]} ${code(m[2])}` : text.replace(/:$/, "");
}

function billingLines(changes: BillingChange[]): Item[] {
    if (changes.length === 0) return [{ text: "**Billed differently:** nothing (no setting that decides a cost changes).\n", priority: 0 }];
    const items: Item[] = [{ text: "**Billed differently** (the settings that decide the cost; no prices):\n", priority: 0 }];
    for (const b of changes) {
        // Settings have values; the lists at the end of billing.txt (Services billed with the node pool, …) only gain or lose lines.
        const isLine = (x: SettingChange): boolean => x.before === "" || x.after === "";
        const values = b.settings
            .filter((x) => !isLine(x))
            .map((x) =>
                b.change === "changed"
                    ? `${x.setting} ${value(x.before)} → ${value(x.after)}`
                    : `${x.setting} ${value(x.after ?? x.before)}`,
            );
        const lines = b.settings.filter(isLine).map((x) => `${x.after === "" ? "+" : "−"} ${code(x.setting)}`);
        const what =
            values.length === 0 ? "" : b.change === "added" ? "newly billed: " : b.change === "removed" ? "no longer billed: " : "";
        const detail = [...values, ...lines].join("; ");
        items.push({ text: `- ${what}${heading(b.heading)}${detail ? `: ${detail}` : ""}\n`, priority: 0.5, group: "billing lines" });
    }
    return items;
}

function placementItems(cmp: PlanComparison): Item[] {
    if (cmp.placements.length === 0) return [];
    const items: Item[] = [{ text: "\n**Where Knative Services may run:**\n", priority: 0 }];
    for (const p of cmp.placements) {
        const text =
            p.before === undefined
                ? `new: ${value(p.after)}`
                : p.after === undefined
                  ? `removed (was ${value(p.before)})`
                  : `${value(p.before)} → ${value(p.after)}`;
        items.push({ text: `- ${code(p.service)}: ${text}\n`, priority: 0.6, group: "placement lines" });
    }
    return items;
}

function topItems(cmp: PlanComparison): Item[] {
    const items: Item[] = [];
    const replaced = cmp.changes.filter((c) => c.kind === "replace");
    if (replaced.length) {
        items.push({ text: `\n#### Replaced: ${replaced.length} (the old one is deleted, a new one created)\n\n`, priority: 0 });
        for (const c of replaced) {
            const why = c.reasons.map((r) => `  - ${reasonText(r)}\n`).join("");
            items.push({ text: `- ${resourceLine(c)}\n${why}`, priority: 0, group: "replacements" });
            items.push({
                text: `\n${details(`diff of ${c.resource}`, fenced(c.diff, "diff"))}\n`,
                priority: 1,
                group: "replacement diffs",
            });
        }
    }
    const deleted = cmp.changes.filter((c) => c.kind === "delete");
    if (deleted.length) {
        items.push({ text: `\n#### Deleted: ${deleted.length}\n\n`, priority: 0 });
        for (const c of deleted) items.push({ text: `- ${resourceLine(c)}: ${deleteReason(c)}\n`, priority: 0, group: "deletions" });
    }
    return items;
}

function collapsed(cmp: PlanComparison, kind: "create" | "update", title: string, priority: number): Item[] {
    const changes = cmp.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) return [];
    const group = `${kind === "create" ? "created" : "updated"} diffs`;
    const items: Item[] = [{ text: `\n<details><summary>${title}: ${changes.length}</summary>\n\n`, priority: 0, wraps: group }];
    for (const c of changes) {
        items.push({ text: details(`${c.resource}${c.file ? ` — ${c.file}` : ""}`, fenced(c.diff, "diff")), priority, group });
    }
    items.push({ text: "\n</details>\n", priority: 0, wraps: group });
    return items;
}

/** Picks items by priority, keeping each group's order, within the budget; returns the text and what was cut. */
function fit(items: Item[], budget: number): { text: string; cut: Map<string, number> } {
    const size = (t: string): number => Buffer.byteLength(t, "utf8");
    const keep = new Set<number>();
    let used = 0;
    const closed = new Set<string>();
    const order = items.map((it, i) => ({ it, i })).sort((a, b) => a.it.priority - b.it.priority || a.i - b.i);
    for (const { it, i } of order) {
        const group = it.group ?? "";
        if (it.group && closed.has(group)) continue;
        if (used + size(it.text) <= budget || (it.priority === 0 && !it.group)) {
            keep.add(i);
            used += size(it.text);
        } else if (it.group) closed.add(group);
    }
    const cut = new Map<string, number>();
    items.forEach((it, i) => {
        if (!keep.has(i) && it.group) cut.set(it.group, (cut.get(it.group) ?? 0) + 1);
    });
    const shown = new Set(items.filter((it, i) => keep.has(i) && it.group).map((it) => it.group));
    items.forEach((it, i) => {
        if (it.wraps && !shown.has(it.wraps)) keep.delete(i);
    });
    return {
        text: items
            .filter((_, i) => keep.has(i))
            .map((it) => it.text)
            .join(""),
        cut,
    };
}

function cutNote(cut: Map<string, number>, limit: number): string {
    if (cut.size === 0) return "";
    const what = [...cut].map(([group, n]) => `${n} ${group}`).join(", ");
    return `\n---\n**Cut** to stay under GitHub's ${limit.toLocaleString("en-US")}-character comment limit: ${what} left out. The two plan directories compared hold every file.\n`;
}

/** Reserved for the cut note and the footer. */
const RESERVE = 1_000;

export function renderComment(cmp: PlanComparison, options: CommentOptions = {}): string {
    const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
    const head = `${[COMMENT_MARKER, ...summary(cmp)].join("\n")}\n`;
    const items: Item[] = [
        { text: head, priority: 0 },
        ...billingLines(cmp.billing),
        ...placementItems(cmp),
        ...topItems(cmp),
        ...collapsed(cmp, "create", "Created", 2),
        ...collapsed(cmp, "update", "Updated", 2),
    ];
    if (cmp.placementsDiff)
        items.push({
            text: `\n${details("placements.txt diff", fenced(cmp.placementsDiff, "diff"))}`,
            priority: 3,
            group: "placement table diff",
        });
    const footer = options.footer ? `\n${options.footer}\n` : "";
    const { text, cut } = fit(items, limit - RESERVE - Buffer.byteLength(footer, "utf8"));
    return `${text}${cutNote(cut, limit)}${footer}`;
}
