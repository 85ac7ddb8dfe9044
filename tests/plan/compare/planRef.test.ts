import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { planDirectory } from "../../../plan/compare/planRef";
import { PLAN_NODE_FLAGS } from "../../../plan/engine/nodeFlags";

describe("plan-compare's own plans", function () {
    this.timeout(60000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-ref-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("run the plan CLI with the Node.js flags of `npm run plan`", () => {
        // A program whose only stack output is its process's flags.
        fs.writeFileSync(path.join(tmp, "flags.js"), "module.exports = { execArgv: process.execArgv };\n");
        const out = path.join(tmp, "out");
        planDirectory(tmp, out, { program: "flags.js", config: [] });
        const resources = fs.readFileSync(path.join(out, "resources.txt"), "utf8");
        const outputs = resources.slice(resources.indexOf("Stack outputs:\n") + "Stack outputs:\n".length);
        assert.deepEqual(yaml.load(outputs), { execArgv: PLAN_NODE_FLAGS });
    });
});
