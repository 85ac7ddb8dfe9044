import * as assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// Pull-request comments for real pairs of commits: each pair is a git repository whose last two
// commits are a base and a head program; `plan-compare --base HEAD~1` checks the base out, plans both
// with the real plan CLI and writes the comment.
const ROOT = path.resolve(__dirname, "../../..");
const COMPARE = path.join(ROOT, "build/plan/compareCli.js");
const LIMIT = 65_536;

interface Svc {
    name: string;
    placement: string;
    image?: string;
    minScale?: number;
}

interface Shape {
    namespace: string;
    cidr: string;
    nodes: number;
    services: Svc[];
}

const IMAGE = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go";
const BASE: Shape = {
    namespace: "apps",
    cidr: "10.0.0.0/24",
    nodes: 2,
    services: [
        { name: "api", placement: "eci", image: `${IMAGE}:v1` },
        { name: "web", placement: "ecs" },
    ],
};

/** A compiled Pulumi program (CommonJS) on the built SDK: a node pool, the virtual node, a namespace and Services. */
function program(s: Shape): string {
    const services = s.services.map(
        (v) =>
            `new KnativeService(${JSON.stringify(v.name)}, ${JSON.stringify({
                serviceName: v.name,
                namespace: s.namespace,
                image: v.image ?? `${IMAGE}:v1`,
                placement: v.placement,
                ...(v.placement === "eci" ? { eciSpecs: ["2-4Gi"] } : {}),
                ...(v.minScale !== undefined ? { scaling: { minScale: v.minScale } } : {}),
            })}, { provider, dependsOn: [ns, vnode] });`,
    );
    return [
        `const cs = require("@pulumi/alicloud/cs");`,
        `const vpc = require("@pulumi/alicloud/vpc");`,
        `const corev1 = require("@pulumi/kubernetes/core/v1");`,
        `const { Provider } = require("@pulumi/kubernetes/provider");`,
        `const { KnativeService } = require(${JSON.stringify(path.join(ROOT, "build/sdk"))});`,
        `const clusterId = "c-prtest";`,
        `const provider = new Provider("k8s", { kubeconfig: "{}", clusterIdentifier: clusterId });`,
        `const vswitch = new vpc.Switch("nodes", { vpcId: "vpc-prtest", cidrBlock: ${JSON.stringify(s.cidr)}, zoneId: "cn-hangzhou-k" });`,
        `const pool = new cs.NodePool("pool", { clusterId, nodePoolName: "ecs-pool", vswitchIds: [vswitch.id], instanceTypes: ["ecs.g7.xlarge"], desiredSize: "${s.nodes}", labels: [{ key: "resource-role", value: "ecs" }] });`,
        `const vnode = new cs.KubernetesAddon("vnode", { clusterId, name: "ack-virtual-node" }, { dependsOn: [pool] });`,
        `const ns = new corev1.Namespace("ns", { metadata: { name: ${JSON.stringify(s.namespace)} } }, { provider });`,
        ...services,
        "",
    ].join("\n");
}

function git(cwd: string, ...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, encoding: "utf8" });
}

/** A repository with a base commit and a head commit (checked out), as a pull request has. */
function repository(tmp: string, name: string, base: Shape, head: Shape): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: prtest\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, ".gitignore"), "node_modules\n");
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    git(dir, "init", "--quiet", "--initial-branch=main");
    fs.writeFileSync(path.join(dir, "index.js"), program(base));
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "base");
    fs.writeFileSync(path.join(dir, "index.js"), program(head));
    git(dir, "commit", "--quiet", "-am", "head");
    return dir;
}

function compare(cwd: string, ...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            [COMPARE, "--base", "HEAD~1", "--program", "index.js", ...args],
            { cwd, maxBuffer: 1 << 26 },
            (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
        );
    });
}

/** Asserts that the texts appear in this order (the comment reads top-down as intended). */
function inOrder(text: string, ...parts: string[]): void {
    let from = 0;
    for (const p of parts) {
        const at = text.indexOf(p, from);
        assert.ok(at >= 0, `expected after offset ${from}: ${p}`);
        from = at + p.length;
    }
}

const svc = (name: string, placement: string, extra: Partial<Svc> = {}): Svc => ({ name, placement, ...extra });

describe("plan comparison on real pairs of commits (plan-compare --base HEAD~1)", function () {
    this.timeout(180_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-compare-"));
    const comments: Record<string, string> = {};
    const pairs: Record<string, Shape> = {
        newService: { ...BASE, services: [...BASE.services, svc("jobs", "eci")] },
        image: { ...BASE, services: [svc("api", "eci", { image: `${IMAGE}:v2` }), BASE.services[1]] },
        placement: { ...BASE, services: [BASE.services[0], svc("web", "eci")] },
        replace: { ...BASE, namespace: "shop", cidr: "10.0.1.0/24" },
        billing: { ...BASE, nodes: 3, services: [svc("api", "eci", { image: `${IMAGE}:v1`, minScale: 2 }), BASE.services[1]] },
        huge: { ...BASE, services: Array.from({ length: 120 }, (_, i) => svc(`svc-${String(i).padStart(3, "0")}`, i % 2 ? "eci" : "ecs")) },
    };

    before(async () => {
        const names = Object.keys(pairs);
        const texts = await Promise.all(names.map((n) => compare(repository(tmp, n, BASE, pairs[n]))));
        names.forEach((n, i) => (comments[n] = texts[i]));
    });
    after(() => {
        // PLAN_COMPARE_DUMP=DIR keeps the comments, to read them as a reviewer would.
        if (process.env.PLAN_COMPARE_DUMP)
            for (const [n, t] of Object.entries(comments)) fs.writeFileSync(path.join(process.env.PLAN_COMPARE_DUMP, `${n}.md`), t);
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("stays under GitHub's comment limit and leaves no temporary worktree behind", () => {
        for (const [name, text] of Object.entries(comments)) {
            assert.ok(Buffer.byteLength(text) <= LIMIT, `${name}: ${Buffer.byteLength(text)} bytes`);
            assert.match(text, /^<!-- offline-plan -->\n### Offline plan: /, name);
            assert.equal(git(path.join(tmp, name), "worktree", "list").trim().split("\n").length, 1, name);
        }
    });

    it("a new Service: 1 resource created, newly billed, a new placement, its YAML under Created", () => {
        const t = comments.newService;
        assert.match(t, /^### Offline plan: 1 to create$/m);
        inOrder(
            t,
            "| 1 | 0 | 0 | 0 |",
            "**Billed differently**",
            "- newly billed: Knative Service apps/jobs (may run on ECI) `jobs-ksvc (kubernetes:serving.knative.dev/v1:Service)`: runs on `ECI only`; ECI specs `2-4Gi (tried in order)`",
            "- `apps/jobs`: new: `virtual-kubelet`",
            "<details><summary>Created: 1</summary>",
            "<summary>jobs-ksvc (kubernetes:serving.knative.dev/v1:Service) — apps/service.serving.knative.dev-jobs.yaml</summary>",
            "+++ b/apps/service.serving.knative.dev-jobs.yaml",
            "+  name: jobs\n+  namespace: apps\n",
        );
        assert.doesNotMatch(t, /#### (Replaced|Deleted)/);
    });

    it("an image change: 1 update in place, its diff the image line, nothing billed differently", () => {
        const t = comments.image;
        assert.match(t, /^### Offline plan: 1 to update$/m);
        inOrder(
            t,
            "**Billed differently:** nothing (no setting that decides a cost changes)",
            "<details><summary>Updated: 1</summary>",
            `-          image: ${IMAGE}:v1\n+          image: ${IMAGE}:v2\n`,
        );
        assert.doesNotMatch(t, /#### Replaced|Where Knative Services may run/);
    });

    it("a placement change: web moves from the ECS pool to ECI, becomes billed as ECI, its affinity diff under Updated", () => {
        const t = comments.placement;
        assert.match(t, /^### Offline plan: 1 to update$/m);
        inOrder(
            t,
            "- newly billed: Knative Service apps/web (may run on ECI)",
            "- Knative Services on ECS nodes only (billed with the node pool): − `apps/web`",
            "**Where Knative Services may run:**\n- `apps/web`: `ecs-pool` → `virtual-kubelet`",
            "<details><summary>Updated: 1</summary>",
            "web-ksvc (kubernetes:serving.knative.dev/v1:Service)",
            "<summary>placements.txt diff</summary>",
        );
    });

    it("a change that replaces: namespace rename and vSwitch CIDR at the top, each with the field and its reason", () => {
        const t = comments.replace;
        assert.match(t, /^### Offline plan: 4 to replace$/m);
        inOrder(
            t,
            "- Knative Service shop/api (may run on ECI) `api-ksvc (kubernetes:serving.knative.dev/v1:Service)`: billed as `Knative Service apps/api (may run on ECI)` → `Knative Service shop/api (may run on ECI)`",
            "- `apps/api`: removed (was `virtual-kubelet`)",
            "#### Replaced: 4",
            "- **`api-ksvc (kubernetes:serving.knative.dev/v1:Service)`**",
            "  - `.metadata.namespace` `apps` → `shop`: a Kubernetes object's name and namespace identify it",
            "- **`nodes (alicloud:vpc/switch:Switch)`**\n  - `cidrBlock` `10.0.0.0/24` → `10.0.1.0/24`: ForceNew in the alicloud provider (alicloud_vswitch)",
            "- **`ns (kubernetes:core/v1:Namespace)`** (`_cluster/namespace-shop.yaml`)\n  - `.metadata.name` `apps` → `shop`",
            "<summary>diff of ns (kubernetes:core/v1:Namespace)</summary>",
        );
        assert.ok(t.indexOf("#### Replaced") < t.indexOf("<details><summary>Updated") || !t.includes("<summary>Updated"));
    });

    it("a billing change: node count and min scale, each setting old → new, in the summary", () => {
        const t = comments.billing;
        assert.match(t, /^### Offline plan: 2 to update$/m);
        inOrder(
            t,
            "**Billed differently**",
            "- ECS node pool `pool (alicloud:cs/nodePool:NodePool)`: nodes `2` → `3`",
            "min scale `not set (the cluster's default; Knative's is 0: scales to zero)` → `2 (pods always running, billed while the Service exists)`",
            "<details><summary>Updated: 2</summary>",
        );
    });

    it("a huge change is cut under the limit with a note saying what was left out, the summary kept whole", () => {
        const t = comments.huge;
        const has = (re: RegExp, what: string): void => assert.ok(re.test(t), what);
        has(/^### Offline plan: 120 to create, 2 to delete$/m, "the counts");
        has(/^#### Deleted: 2\n\n- \*\*`api-ksvc .*\n- \*\*`web-ksvc /m, "both deletions, at the top");
        has(
            /\*\*Cut\*\* to stay under GitHub's 65,536-character comment limit: (\d+ billing lines, )?(\d+ placement lines, )?\d+ created diffs/,
            "the cut note",
        );
        assert.ok(t.trimEnd().endsWith("hold every file."));
        assert.ok(Buffer.byteLength(t) > LIMIT - 5_000, "the budget is used, not wasted");
    });
});

describe("plan comparison of two --out directories (what the workflow runs)", function () {
    this.timeout(120_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-compare-dirs-"));
    const [base, head, old] = ["base", "head", "old"].map((d) => path.join(tmp, d));
    let current: string, predating: string;

    before(async () => {
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tmp, "node_modules"), "dir");
        const plan = (shape: Shape, file: string, out: string): Promise<void> => {
            fs.writeFileSync(path.join(tmp, file), program(shape));
            return new Promise((resolve, reject) =>
                execFile(
                    process.execPath,
                    [path.join(ROOT, "build/plan/cli.js"), "--program", path.join(tmp, file), "--out", out],
                    { cwd: ROOT },
                    (err) => (err ? reject(err) : resolve()),
                ),
            );
        };
        await Promise.all([
            plan(BASE, "base.js", base),
            plan({ ...BASE, cidr: "10.0.9.0/24", services: [svc("api", "eci", { image: `${IMAGE}:v2` })] }, "head.js", head),
        ]);
        // A base planned before resources.json existed: only its YAML files and text sections.
        fs.cpSync(base, old, { recursive: true });
        fs.rmSync(path.join(old, "resources.json"));
        const run = (b: string): Promise<string> =>
            new Promise((resolve, reject) =>
                execFile(
                    process.execPath,
                    [COMPARE, "--base", b, "--head", head, "--footer", "Full plans: the artifact."],
                    (err, stdout) => (err ? reject(err) : resolve(stdout)),
                ),
            );
        [current, predating] = await Promise.all([run(base), run(old)]);
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("matches resources by URN: the vSwitch replaced, web deleted, api updated", () => {
        assert.match(current, /^### Offline plan: 1 to update, 1 to replace, 1 to delete$/m);
        inOrder(
            current,
            "#### Replaced: 1",
            "- **`nodes (alicloud:vpc/switch:Switch)`**\n  - `cidrBlock` `10.0.0.0/24` → `10.0.9.0/24`",
            "#### Deleted: 1",
            "- **`web-ksvc (kubernetes:serving.knative.dev/v1:Service)`** (`apps/service.serving.knative.dev-web.yaml`): no longer declared by the program",
            "<details><summary>Updated: 1</summary>",
            "Full plans: the artifact.",
        );
    });

    it("compares Kubernetes objects by type and name with a base that has no resources.json, and says so", () => {
        assert.match(predating, /^> One plan has no resources\.json .*cloud resources are not compared\.$/m);
        assert.match(predating, /^### Offline plan: 1 to update, 1 to delete$/m);
        assert.doesNotMatch(predating, /alicloud:vpc\/switch:Switch`\*\*/);
    });
});
