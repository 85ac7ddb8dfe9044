import * as assert from "node:assert/strict";
import { billingChanges } from "../../../plan/compare/billingDiff";
import type { PlanComparison, ResourceChange } from "../../../plan/compare/comparePlans";
import { GITHUB_COMMENT_LIMIT, renderComment } from "../../../plan/compare/prComment";

const change = (kind: ResourceChange["kind"], i: number, diffLines = 40): ResourceChange => ({
    kind,
    resource: `svc-${i}-ksvc (kubernetes:serving.knative.dev/v1:Service)`,
    file: `apps/service.serving.knative.dev-svc-${i}.yaml`,
    reasons: kind === "replace" ? [{ path: ".metadata.namespace", before: "apps", after: "shop", why: "identity" }] : [],
    diff: Array.from({ length: diffLines }, (_, l) => `+line ${l} of svc-${i}`).join("\n"),
});

const empty: PlanComparison = { changes: [], billing: [], placements: [], placementsDiff: "", notes: [] };

function balanced(text: string): void {
    assert.equal(text.split("<details>").length, text.split("</details>").length, "every <details> is closed");
    const fences = text.split("\n").filter((l) => /^`{3,}/.test(l)).length;
    assert.equal(fences % 2, 0, "every code fence is closed");
}

describe("plan: the pull-request comment", () => {
    it("says there is nothing to do when nothing changes", () => {
        const text = renderComment(empty);
        assert.match(text, /^<!-- offline-plan -->\n### Offline plan: no changes\n/);
        assert.match(text, /\*\*Billed differently:\*\* nothing/);
        assert.doesNotMatch(text, /Cut/);
    });

    it("cuts a huge change under GitHub's limit, deletions before diffs, and says what it left out", () => {
        const changes = [
            ...Array.from({ length: 3 }, (_, i) => change("replace", i)),
            ...Array.from({ length: 5000 }, (_, i) => change("delete", i)),
            ...Array.from({ length: 2000 }, (_, i) => change("create", i)),
        ];
        const text = renderComment({ ...empty, changes }, { footer: "Full plans: the offline-plan artifact." });
        assert.ok(Buffer.byteLength(text) <= GITHUB_COMMENT_LIMIT, `${Buffer.byteLength(text)} bytes`);
        assert.ok(Buffer.byteLength(text) > GITHUB_COMMENT_LIMIT - 3_000, "the budget is used");
        assert.match(text, /^### Offline plan: 2000 to create, 3 to replace, 5000 to delete$/m);
        assert.match(text, /\| 2000 \| 0 \| 3 \| 5000 \|/);
        // All three replacements and their reasons, then as many deletions as fit; no created diff at all.
        assert.equal(text.match(/^ {2}- `\.metadata\.namespace` `apps` → `shop`: identity$/gm)?.length, 3);
        const m =
            /\*\*Cut\*\* to stay under GitHub's 65,536-character comment limit: 3 replacement diffs, (\d+) deletions, 2000 created diffs left out\./.exec(
                text,
            );
        assert.ok(m, text.slice(-600));
        const shown = text.match(/^- \*\*`svc-\d+-ksvc .*no longer declared by the program$/gm)?.length ?? 0;
        assert.equal(shown + Number(m[1]), 5000);
        assert.ok(text.trimEnd().endsWith("Full plans: the offline-plan artifact."));
        assert.doesNotMatch(text, /<summary>Created/, "a section none of whose diffs fit is left out");
        balanced(text);
    });

    it("keeps every diff of a change that fits, in collapsed sections, with fences longer than any backticks inside", () => {
        const c = { ...change("update", 1, 3), diff: "-a: ```\n+a: ````" };
        const text = renderComment({ ...empty, changes: [c] });
        assert.match(text, /<details><summary>Updated: 1<\/summary>/);
        assert.match(text, /\n`````diff\n-a: ```\n\+a: ````\n`````\n/);
        balanced(text);
    });

    it("gives each deletion its reason: gone, moved to another URN, retained, or a namespace with its objects", () => {
        const del = (resource: string, extra: Partial<ResourceChange> = {}): ResourceChange => ({
            kind: "delete",
            resource,
            reasons: [],
            diff: "",
            ...extra,
        });
        const text = renderComment({
            ...empty,
            changes: [
                del("apps (kubernetes:core/v1:Namespace)"),
                del("moved (kubernetes:core/v1:Secret)", { movedTo: "urn:pulumi:dev::p::my:C$kubernetes:core/v1:Secret::moved" }),
                del("kept (alicloud:vpc/network:Network)", { retained: true }),
            ],
        });
        assert.match(
            text,
            /^- \*\*`apps \(kubernetes:core\/v1:Namespace\)`\*\*: no longer declared by the program; every object in the namespace goes with it$/m,
        );
        assert.match(
            text,
            /^- \*\*`moved .*`\*\*: its URN changes to `urn:pulumi:dev::p::my:C\$kubernetes:core\/v1:Secret::moved` \(a new parent\): Pulumi creates the new one and deletes this one, unless an alias joins them$/m,
        );
        assert.match(
            text,
            /^- \*\*`kept .*`\*\*: no longer declared by the program; `retainOnDelete`: it stays in the cloud or cluster, only the stack forgets it$/m,
        );
    });

    it("describes billing changes setting by setting, from two billing.txt texts", () => {
        const before =
            "intro\n\nECS node pool: pool (alicloud:cs/nodePool:NodePool)\n  nodes:  2\n  spot:   none\n\nKnative Services on ECS nodes only (billed with the node pool):\n  apps/web\n";
        const after = "intro\n\nECS node pool: pool (alicloud:cs/nodePool:NodePool)\n  nodes:  3\n  spot:   none\n";
        const billing = billingChanges(before, after);
        assert.deepEqual(billing, [
            {
                heading: "ECS node pool: pool (alicloud:cs/nodePool:NodePool)",
                change: "changed",
                settings: [{ setting: "nodes", before: "2", after: "3" }],
            },
            {
                heading: "Knative Services on ECS nodes only (billed with the node pool):",
                change: "removed",
                settings: [{ setting: "apps/web", before: "" }],
            },
        ]);
        const text = renderComment({ ...empty, billing });
        assert.match(text, /^- ECS node pool `pool \(alicloud:cs\/nodePool:NodePool\)`: nodes `2` → `3`$/m);
        assert.match(text, /^- Knative Services on ECS nodes only \(billed with the node pool\): − `apps\/web`$/m);
    });
});
