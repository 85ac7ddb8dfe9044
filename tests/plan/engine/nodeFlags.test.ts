import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PLAN_NODE_FLAGS } from "../../../plan/engine/nodeFlags";

// package.json's scripts cannot import plan/engine/nodeFlags.ts, so `npm run plan` spells the flags out.
const ROOT = path.resolve(__dirname, "../../../..");

describe("plan process flags", () => {
    it("runs `npm run plan` with the Node.js flags the benchmark measures", () => {
        const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
            .scripts;
        assert.equal(scripts.plan, `node scripts/build.mjs && node ${PLAN_NODE_FLAGS.join(" ")} build/plan/cli.js`);
    });
});
