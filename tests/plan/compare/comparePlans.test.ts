import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { comparePlans } from "../../../plan/compare/comparePlans";
import { type ManifestEntry, manifestText } from "../../../plan/sections/manifest";

/** A plan directory with just what the comparison reads. */
function planDir(root: string, name: string, entries: ManifestEntry[]): string {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "resources.txt"), "Resources:\n");
    fs.writeFileSync(path.join(dir, "resources.json"), manifestText(entries));
    return dir;
}

const urn = (qualifiedType: string, name: string): string => `urn:pulumi:dev::p::${qualifiedType}::${name}`;

describe("plan: comparing two plans by URN", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "compare-plans-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("calls out a resource whose URN changes (a new parent) and one kept by retainOnDelete", () => {
        const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "apps" }, type: "Opaque" };
        const base = planDir(tmp, "base", [
            {
                urn: urn("kubernetes:core/v1:Secret", "s"),
                name: "s",
                type: "kubernetes:core/v1:Secret",
                file: "apps/secret-s.yaml",
                inputs: secret,
            },
            {
                urn: urn("alicloud:vpc/network:Network", "vpc"),
                name: "vpc",
                type: "alicloud:vpc/network:Network",
                retainOnDelete: true,
                inputs: { cidrBlock: "10.0.0.0/8" },
            },
        ]);
        const moved = urn("my:index:Wrapper$kubernetes:core/v1:Secret", "s");
        const head = planDir(tmp, "head", [
            { urn: moved, name: "s", type: "kubernetes:core/v1:Secret", file: "apps/secret-s.yaml", inputs: secret },
        ]);
        const cmp = comparePlans(base, head);
        assert.deepEqual(
            cmp.changes.map((c) => [c.kind, c.resource, c.movedTo, c.retained]),
            [
                ["delete", "s (kubernetes:core/v1:Secret)", moved, undefined],
                ["delete", "vpc (alicloud:vpc/network:Network)", undefined, true],
                ["create", "s (kubernetes:core/v1:Secret)", undefined, undefined],
            ],
        );
        assert.deepEqual(cmp.notes, []);
    });

    it("refuses a directory that is not a plan, and notes an empty base", () => {
        const other = path.join(tmp, "other");
        fs.mkdirSync(other);
        fs.writeFileSync(path.join(other, "x.yaml"), "a: 1\n");
        assert.throws(() => comparePlans(other, path.join(tmp, "head")), /other: not a plan directory \(no resources\.txt\)/);
        const empty = path.join(tmp, "empty");
        fs.mkdirSync(empty);
        const cmp = comparePlans(empty, path.join(tmp, "head"));
        assert.match(cmp.notes[0], /^The base plan is empty/);
        assert.deepEqual(
            cmp.changes.map((c) => c.kind),
            ["create"],
        );
    });
});
