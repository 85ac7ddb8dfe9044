import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// Each run is its own process: Pulumi's mock engine is global per process. The runs start together.
const ROOT = path.resolve(__dirname, "../../..");
const CLI = path.join(ROOT, "build/plan/cli.js");
const FIXTURES = path.join(ROOT, "build/tests/fixtures");
const LEAKS = ["KUBECONFIG", "TOKEN", "OUTPUT", "CIPHERTEXT"].map((what) => `FIXTURE-${what}-MUST-NOT-LEAK`);

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function plan(args: string[], cwd = ROOT): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, ...args], { cwd }, (err, stdout, stderr) => {
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

function filesUnder(dir: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort();
}

describe("plan CLI", function () {
    this.timeout(60000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cli-"));
    const out = path.join(tmp, "out");
    let guide: Run, badNow: Run, badLater: Run, noProgram: Run, example: Run;

    before(async () => {
        // A project directory as `pulumi` would run in: Pulumi.yaml names the project, Pulumi.dev.yaml holds config.
        const project = path.join(tmp, "project");
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: fxproj\nruntime: nodejs\n");
        fs.writeFileSync(
            path.join(project, "Pulumi.dev.yaml"),
            "config:\n  fxproj:region: cn-beijing\n  fxproj:token:\n    secure: v1:FIXTURE-CIPHERTEXT-MUST-NOT-LEAK\n",
        );
        const bad = path.join(FIXTURES, "badInput.js");
        [guide, badNow, badLater, noProgram, example] = await Promise.all([
            plan(["--program", path.join(FIXTURES, "guide.js"), "--out", out, "--config", "mode=fixture"], project),
            plan(["--program", bad]),
            plan(["--program", bad, "--config", "when=later"]),
            plan([], tmp),
            // An example run from the repository root, without its config.
            plan(["--program", path.join(ROOT, "build/examples/service-eci/index.js")]),
        ]);
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("prints the resource tree, stack outputs and Kubernetes objects of the guide fixture", () => {
        assert.equal(guide.stderr, "");
        assert.equal(guide.code, 0);
        assert.match(guide.stdout, /^=== Resources ===\nResources \(16\):\nfxproj-dev \(pulumi:pulumi:Stack\)\n/);
        assert.match(guide.stdout, /│ {2}└─ fx-eci-namespace-ksvc \(kubernetes:serving.knative.dev\/v1:Service\)\n│ {11}provider: fx-k8s/);
        assert.match(guide.stdout, /depends on:\n(│ +\S+ \(\S+\)\n)*│ {13}fx-vk \(kubernetes:core\/v1:Namespace\)\n/);
        assert.match(guide.stdout, /Stack outputs:\neciUrl: http:\/\/eci.apps.example.com\nkubeconfig: '\[secret\]'\n/);
        // --config, then Pulumi.dev.yaml (secure values stay secret) under the project's namespace.
        assert.match(guide.stdout, /settings:\n {2}mode: fixture\n {2}region: cn-beijing\n {2}token: '\[secret\]'\n/);
        assert.match(guide.stdout, /=== Kubernetes objects \(8\) ===/);
        assert.match(
            guide.stdout,
            /# fx-node \(kubernetes:core\/v1:NodePatch\) -> _cluster\/nodepatch-cn-hangzhou.10.0.0.9.yaml\napiVersion: v1\nkind: Node\n/,
        );
        assert.match(guide.stdout, /stringData: '\[secret\]'/);
    });

    it("places the guide's services: eci and eci-namespace on ECI only, ecs-and-eci on both, ecs on ECS", () => {
        const rows = Object.fromEntries([...guide.stdout.matchAll(/^ {2}(\S+\/\S+) +\S+ +(.+)$/gm)].map((m) => [m[1], m[2].split(", ")]));
        const ecs = ["ecs-pool", "cn-hangzhou.10.0.0.9"];
        assert.deepEqual(rows, {
            "apps/eci": ["virtual-kubelet"],
            "apps/ecs": ecs,
            "apps/ecs-and-eci": [...ecs, "virtual-kubelet"],
            "vk/eci-namespace": ["virtual-kubelet"],
        });
        assert.match(guide.stdout, /ECI injected by ACK's webhook \(namespace label virtual-node-affinity-injection=enabled\)/);
    });

    it("never prints secret values, on stdout or in --out files", () => {
        const written = filesUnder(out).map((f) => fs.readFileSync(path.join(out, f), "utf8"));
        for (const text of [guide.stdout, ...written]) for (const leak of LEAKS) assert.ok(!text.includes(leak), leak);
        assert.ok(guide.stdout.includes("[secret]"));
    });

    it("writes one file per object plus resources.txt, placements.txt, billing.txt and resources.json with --out", () => {
        assert.deepEqual(filesUnder(out), [
            "_cluster/namespace-apps.yaml",
            "_cluster/namespace-vk.yaml",
            "_cluster/nodepatch-cn-hangzhou.10.0.0.9.yaml",
            "apps/secret-token.yaml",
            "apps/service.serving.knative.dev-eci.yaml",
            "apps/service.serving.knative.dev-ecs-and-eci.yaml",
            "apps/service.serving.knative.dev-ecs.yaml",
            "billing.txt",
            "placements.txt",
            "resources.json",
            "resources.txt",
            "vk/service.serving.knative.dev-eci-namespace.yaml",
        ]);
        const read = (f: string): string => fs.readFileSync(path.join(out, f), "utf8");
        assert.ok(guide.stdout.includes(read("resources.txt")));
        assert.ok(guide.stdout.includes(read("placements.txt")));
        assert.ok(guide.stdout.includes(`=== What will be billed ===\n${read("billing.txt")}`));
        assert.match(
            read("vk/service.serving.knative.dev-eci-namespace.yaml"),
            /^# fx-eci-namespace-ksvc \(kubernetes:serving.knative.dev\/v1:Service\)\napiVersion: serving.knative.dev\/v1\n/,
        );
    });

    it("fails with the InputError's one-line message, for plain values and for Outputs", () => {
        for (const run of [badNow, badLater]) {
            assert.equal(run.code, 1);
            assert.equal(run.stdout, "");
            assert.match(run.stderr, /^error: KnativeService "bad-svc": eciSpecs\[0\] = "3-5Gi" is not valid: expected [^\n]+\n$/);
        }
    });

    it("runs a program in its own project: an example's config error names the example", () => {
        assert.equal(example.code, 1);
        assert.equal(example.stderr, "error: Missing required configuration variable 'service-eci:kubeconfig'\n");
    });

    it("explains a missing default program", () => {
        assert.equal(noProgram.code, 1);
        assert.equal(
            noProgram.stderr,
            "error: no program at build/index.js: compile the project's program first (npm run build) or pass --program PATH\n",
        );
    });
});
