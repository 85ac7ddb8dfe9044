import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// `npm run build` (scripts/build.mjs), which `npm run plan` and `npm test` run first: a type error is one
// line naming file, position, message and code; an unchanged project is not compiled again.
const ROOT = path.resolve(__dirname, "../../..");
const BUILD = path.join(ROOT, "scripts/build.mjs");

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function build(project: string): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [BUILD, project], { cwd: path.dirname(project) }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
    });
}

/** The global types TypeScript needs when a project has no default library. */
const GLOBALS = [
    "interface Array<T> { length: number; [n: number]: T }",
    ...["Boolean", "CallableFunction", "Function", "IArguments", "NewableFunction", "Number", "Object", "RegExp", "String"].map(
        (t) => `interface ${t} {}`,
    ),
].join("\n");

describe("build script", function () {
    this.timeout(60000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-build-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const project = (files: Record<string, string>): string => {
        const dir = fs.mkdtempSync(path.join(tmp, "p-"));
        // No default library, only the global types TypeScript requires: the builds stay quick.
        const compilerOptions = {
            target: "ES2022",
            noLib: true,
            module: "nodenext",
            moduleResolution: "nodenext",
            strict: true,
            types: [],
            outDir: "out",
        };
        fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
        for (const [name, text] of Object.entries({ ...files, "globals.d.ts": GLOBALS })) fs.writeFileSync(path.join(dir, name), text);
        return path.join(dir, "tsconfig.json");
    };

    let bad: string, good: string;
    let badRun: Run, goodRun: Run;
    before(async () => {
        bad = project({
            "index.ts":
                'const nodeCount: number = "two";\nexport const scale: (n: number) => void = (n: string) => n;\nexport { nodeCount };\n',
        });
        good = project({ "index.ts": "export const nodeCount: number = 2;\n" });
        [badRun, goodRun] = await Promise.all([build(bad), build(good)]);
    });

    it("reports each type error on one line, nested explanations included, and fails", () => {
        const r = badRun;
        assert.equal(r.code, 1);
        assert.equal(r.stdout, "");
        assert.deepEqual(r.stderr.split("\n"), [
            "error: index.ts:1:7: Type 'string' is not assignable to type 'number'. (TS2322)",
            "error: index.ts:2:14: Type '(n: string) => string' is not assignable to type '(n: number) => void'. " +
                "Types of parameters 'n' and 'n' are incompatible. Type 'number' is not assignable to type 'string'. (TS2322)",
            "",
        ]);
        assert.ok(fs.existsSync(path.join(path.dirname(bad), "out/index.js")), "emits despite errors, as tsc does");
    });

    it("compiles a correct project, then finds it up to date without compiling again", async () => {
        assert.deepEqual(goodRun, { code: 0, stdout: "", stderr: "" });
        const out = path.join(path.dirname(good), "out/index.js");
        const written = fs.statSync(out).mtimeMs;
        assert.deepEqual(await build(good), { code: 0, stdout: "", stderr: "" });
        assert.equal(fs.statSync(out).mtimeMs, written);
    });
});
