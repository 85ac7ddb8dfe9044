import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";

// The plan process's stand-in for @pulumi/pulumi's typescript-shim, in fresh processes (this one may
// have loaded TypeScript already): importing Pulumi loads no compiler, serializing a function still works.
const ROOT = path.resolve(__dirname, "../../../..");
const LEAN = path.join(ROOT, "build/plan/engine/leanRuntime.js");

function node(script: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(process.execPath, ["-r", LEAN, "-e", script], { cwd: ROOT }, (err, stdout, stderr) =>
            err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
        );
    });
}

const LOADED = 'const ts = () => Object.keys(require.cache).filter((f) => f.includes("/node_modules/typescript/")).length;';

describe("plan process start-up", function () {
    this.timeout(60000);

    it("imports @pulumi/pulumi without loading the TypeScript compiler, with no stack traces captured", async () => {
        const out = await node(`${LOADED} require("@pulumi/pulumi"); console.log(ts(), Error.stackTraceLimit, new Error("x").stack);`);
        assert.equal(out, "0 0 Error: x\n");
    });

    it("loads the compiler on first use, so a program that serializes a function gets the same result", async () => {
        const script =
            `${LOADED} const pulumi = require("@pulumi/pulumi");` +
            "pulumi.runtime.serializeFunction(() => 6 * 7).then((f) => { const m = { exports: {} }; new Function('module', 'exports', f.text)(m, m.exports); console.log(ts() > 0, m.exports.handler()); });";
        assert.equal(await node(script), "true 42\n");
    });
});
