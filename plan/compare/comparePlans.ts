import * as fs from "node:fs";
import * as path from "node:path";
import { entryKey, type ManifestEntry, readManifest } from "../sections/manifest";
import { toYaml } from "../sections/objects";
import { compare } from "../sections/printable";
import { describeResource } from "../sections/resourceTree";
import { type BillingChange, billingChanges } from "./billingDiff";
import { type ReplaceReason, replaceReasons } from "./replacement";
import { unifiedDiff } from "./unifiedDiff";

/**
 * Two offline plans (`--out` directories) compared as `pulumi up` would compare the program with its
 * stack: resources matched by URN, each created, updated, replaced or deleted; what is billed
 * differently; where Knative Services may run.
 */

export type ChangeKind = "replace" | "delete" | "create" | "update";

export interface ResourceChange {
    kind: ChangeKind;
    /** `name (type)`. */
    resource: string;
    /** The object's file (head's, or base's when deleted); cloud resources have none. */
    file?: string;
    /** Replacements: the inputs that force it. */
    reasons: ReplaceReason[];
    /** A deleted resource whose name and type come back under another URN (a new parent). */
    movedTo?: string;
    /** `retainOnDelete`: deleting leaves it in the cloud or cluster. */
    retained?: boolean;
    /** Unified diff of its YAML, with `---`/`+++` lines. */
    diff: string;
}

export interface PlacementChange {
    service: string;
    before?: string;
    after?: string;
}

export interface PlanComparison {
    changes: ResourceChange[];
    billing: BillingChange[];
    placements: PlacementChange[];
    /** Unified diff of placements.txt. */
    placementsDiff: string;
    /** Anything the comparison could not do, in a sentence each. */
    notes: string[];
}

const ORDER: ChangeKind[] = ["replace", "delete", "create", "update"];

function entryYaml(e: ManifestEntry | undefined): string {
    return e ? `# ${describeResource(e)}\n${toYaml(e.inputs)}` : "";
}

function label(e: ManifestEntry): string {
    return e.file ?? describeResource(e);
}

function yamlDiff(before: ManifestEntry | undefined, after: ManifestEntry | undefined): string {
    const body = unifiedDiff(entryYaml(before), entryYaml(after));
    const a = before ? `a/${label(before)}` : "/dev/null";
    const b = after ? `b/${label(after)}` : "/dev/null";
    return `--- ${a}\n+++ ${b}\n${body}`;
}

function readText(dir: string, file: string): string {
    const p = path.join(dir, file);
    return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : "";
}

/** `namespace/name` → the nodes in the "MAY RUN ON" column of placements.txt. */
function placementRows(text: string): Map<string, string> {
    return new Map([...text.matchAll(/^ {2}(\S+\/\S+) {2,}\S+ {2,}(.+)$/gm)].map((m) => [m[1], m[2].trim()]));
}

function placementChanges(before: string, after: string): PlacementChange[] {
    const [a, b] = [placementRows(before), placementRows(after)];
    const out: PlacementChange[] = [];
    for (const service of [...new Set([...a.keys(), ...b.keys()])].sort(compare)) {
        if (a.get(service) === b.get(service)) continue;
        out.push({ service, ...(a.has(service) ? { before: a.get(service) } : {}), ...(b.has(service) ? { after: b.get(service) } : {}) });
    }
    return out;
}

function resourceChanges(base: ManifestEntry[], head: ManifestEntry[], byUrn: boolean): ResourceChange[] {
    const before = new Map(base.map((e) => [entryKey(e, byUrn), e]));
    const after = new Map(head.map((e) => [entryKey(e, byUrn), e]));
    const created = head.filter((e) => !before.has(entryKey(e, byUrn)));
    const changes: ResourceChange[] = [];
    for (const [key, a] of before) {
        const b = after.get(key);
        if (!b) {
            const again = created.find((c) => c.type === a.type && c.name === a.name);
            changes.push({
                kind: "delete",
                resource: describeResource(a),
                ...(a.file ? { file: a.file } : {}),
                reasons: [],
                ...(again ? { movedTo: again.urn } : {}),
                ...(a.retainOnDelete ? { retained: true } : {}),
                diff: yamlDiff(a, undefined),
            });
            continue;
        }
        if (JSON.stringify(a.inputs) === JSON.stringify(b.inputs)) continue;
        const reasons = replaceReasons(b.type, a.inputs, b.inputs);
        const kind = reasons.length ? "replace" : "update";
        changes.push({ kind, resource: describeResource(b), ...(b.file ? { file: b.file } : {}), reasons, diff: yamlDiff(a, b) });
    }
    for (const b of created) {
        changes.push({
            kind: "create",
            resource: describeResource(b),
            ...(b.file ? { file: b.file } : {}),
            reasons: [],
            diff: yamlDiff(undefined, b),
        });
    }
    return changes.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) || compare(x.resource, y.resource));
}

export function comparePlans(baseDir: string, headDir: string): PlanComparison {
    const [base, head] = [readManifest(baseDir), readManifest(headDir)];
    const notes: string[] = [];
    if (fs.readdirSync(baseDir).length === 0) {
        notes.push("The base plan is empty (the base could not be planned, or predates the plan): everything shows as created.");
    }
    const byUrn = base.complete && head.complete;
    if (!byUrn) {
        notes.push(
            "One plan has no resources.json (it was made before plan comparison existed): Kubernetes objects are matched by type and name, and cloud resources are not compared.",
        );
    }
    const only = (entries: ManifestEntry[]): ManifestEntry[] => (byUrn ? entries : entries.filter((e) => e.file !== undefined));
    const [billingBefore, billingAfter] = [readText(baseDir, "billing.txt"), readText(headDir, "billing.txt")];
    const [placementsBefore, placementsAfter] = [readText(baseDir, "placements.txt"), readText(headDir, "placements.txt")];
    return {
        changes: resourceChanges(only(base.entries), only(head.entries), byUrn),
        billing: billingChanges(billingBefore, billingAfter),
        placements: placementChanges(placementsBefore, placementsAfter),
        placementsDiff: unifiedDiff(placementsBefore, placementsAfter),
        notes,
    };
}
