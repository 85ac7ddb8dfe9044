import * as assert from "node:assert/strict";
import { unifiedDiff } from "../../../plan/compare/unifiedDiff";

describe("plan: unified diff", () => {
    it("prints diff -u hunks with 3 lines of context, removals before additions", () => {
        const lines = Array.from({ length: 20 }, (_, i) => String(i + 1));
        const a = `${lines.join("\n")}\n`;
        const b = `${lines.map((l) => (l === "5" ? "E" : l)).join("\n")}\n21\n`;
        // What diff -u prints for the same two files.
        const expected = [
            "@@ -2,7 +2,7 @@",
            " 2",
            " 3",
            " 4",
            "-5",
            "+E",
            " 6",
            " 7",
            " 8",
            "@@ -18,3 +18,4 @@",
            " 18",
            " 19",
            " 20",
            "+21",
        ];
        assert.equal(unifiedDiff(a, b), expected.join("\n"));
    });

    it("joins changes whose context touches into one hunk, and is empty for equal texts", () => {
        const a = "1\n2\n3\n4\n5\n6\n7\n8\n";
        const b = "1\nX\n3\n4\n5\n6\nY\n8\n";
        assert.equal(
            unifiedDiff(a, b)
                .split("\n")
                .filter((l) => l.startsWith("@@")).length,
            1,
        );
        assert.equal(unifiedDiff(a, a), "");
    });

    it("shows a new file as all additions from line 0", () => {
        assert.equal(unifiedDiff("", "x\ny\n"), "@@ -0,0 +1,2 @@\n+x\n+y");
    });
});
