import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

// What the Node.js language host runs in each project directory. Without a `main` naming a file, it
// runs the `main` of the nearest package.json - here the package's own, the SDK - and deploys nothing.
const ROOT = path.resolve(__dirname, "../..");
const PROJECT_DIRS = [".", ...fs.readdirSync(path.join(ROOT, "examples")).map((d) => path.join("examples", d))];

interface Project {
    name: string;
    runtime: string | { name: string };
    main?: string;
}

describe("project directories", () => {
    for (const dir of PROJECT_DIRS) {
        const project = yaml.load(fs.readFileSync(path.join(ROOT, dir, "Pulumi.yaml"), "utf8")) as Project;
        const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime.name;
        if (runtime !== "nodejs") continue;
        it(`${dir}: Pulumi.yaml's main names the program's file`, () => {
            assert.ok(project.main, `${dir}/Pulumi.yaml has no main`);
            assert.match(project.main, /\.ts$/, `${dir}/Pulumi.yaml main ${project.main} is not a TypeScript file`);
            assert.ok(fs.statSync(path.join(ROOT, dir, project.main)).isFile(), `${dir}/${project.main} is not a file`);
        });
    }
});

describe("examples/python-consumer", () => {
    it("requirements.txt pins the provider SDKs at the versions package-lock.json locks", () => {
        const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
        const requirements = fs.readFileSync(path.join(ROOT, "examples", "python-consumer", "requirements.txt"), "utf8");
        for (const pkg of ["alicloud", "kubernetes"]) {
            const locked = lock.packages[`node_modules/@pulumi/${pkg}`].version;
            assert.match(requirements, new RegExp(`^pulumi-${pkg}==${locked.replace(/\./g, "\\.")}$`, "m"), `pulumi-${pkg}==${locked}`);
        }
    });
});
