import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RecordedResource } from "../../../plan/engine/mockEngine";
import { KSVC_TYPE } from "../../../plan/resourceTypes";
import { billingSection, renderBilling } from "../../../plan/sections/billing";
import { buildPlacementTable } from "../../../plan/sections/placementTable";
import { renderKnativeService } from "../../../sdk/render/knativeService/knativeService";
import type { KnativeServiceSettings } from "../../../sdk/render/knativeService/knativeServiceArgs";

// "What will be billed", through the plan CLI on tests/fixtures/billing.ts: its settings, and what a pull
// request changing the node count or a Service's min-scale shows in the --out files. Each run is its
// own process (the mock engine is global per process); the runs start together.
const ROOT = path.resolve(__dirname, "../../../..");
const CLI = path.join(ROOT, "build/plan/cli.js");
const PROGRAM = path.join(ROOT, "build/tests/fixtures/billing.js");

function plan(out: string, config: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const args = [CLI, "--program", PROGRAM, "--project", "bill", "--out", out, ...config.flatMap((c) => ["--config", c])];
    return new Promise((resolve) => {
        execFile(process.execPath, args, { cwd: ROOT }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
    });
}

/** Every file under `dir` (relative path → content). */
function files(dir: string): Record<string, string> {
    const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return Object.fromEntries(
        entries.map((e) => path.join(e.parentPath, e.name)).map((f) => [path.relative(dir, f), fs.readFileSync(f, "utf8")]),
    );
}

/** Lines only in `a` and lines only in `b`, as a line diff of the two texts shows them. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
    const [la, lb] = [a.split("\n"), b.split("\n")];
    return { removed: la.filter((l) => !lb.includes(l)), added: lb.filter((l) => !la.includes(l)) };
}

describe("plan: what will be billed", function () {
    this.timeout(60000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-billing-"));
    const [base, again, changed] = ["base", "again", "changed"].map((d) => path.join(tmp, d));
    let stdout = "";
    before(async () => {
        const runs = await Promise.all([
            plan(base, ["nodeCount=3", "minScale=1"]),
            plan(again, ["nodeCount=3", "minScale=1"]),
            plan(changed, ["nodeCount=4", "minScale=2"]),
        ]);
        for (const r of runs) assert.deepEqual([r.code, r.stderr], [0, ""]);
        stdout = runs[0].stdout;
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("lists each billable resource with the settings that decide its cost, last in the plan and in billing.txt", () => {
        const billing = files(base)["billing.txt"];
        assert.ok(stdout.endsWith(`=== What will be billed ===\n${billing}`));
        const blocks = billing.split("\n\n");
        assert.deepEqual(blocks.slice(1, 5), [
            [
                "ACK cluster: bill-cluster-cluster (alicloud:cs/managedKubernetes:ManagedKubernetes)",
                "  cluster spec:         ack.pro.small",
                "  control plane:        billed by the hour (ACK Pro cluster management fee)",
                "  public API endpoint:  off",
                "  NAT gateway by ACK:   off",
                "  deletion protection:  on",
            ].join("\n"),
            [
                "ECS node pool: bill-cluster-ecs-pool (alicloud:cs/nodePool:NodePool)",
                "  instance types:  ecs.g7.xlarge (in order of priority)",
                "  nodes:           3",
                "  autoscaling:     off",
                "  billing:         PostPaid (pay-as-you-go)",
                "  spot:            not set (the provider's default: NoSpot)",
                "  system disk:     cloud_essd, 80 GiB per node",
                "  data disks:      none",
            ].join("\n"),
            [
                "NAT gateway: bill-cluster-nat (alicloud:vpc/natGateway:NatGateway)",
                "  type:     Enhanced",
                "  billing:  PayAsYouGo, PayByLcu",
            ].join("\n"),
            [
                "EIP: bill-cluster-eip (alicloud:ecs/eipAddress:EipAddress)",
                "  bandwidth:  100 Mbit/s",
                "  billing:    PayAsYouGo, PayByTraffic",
                "  line:       unknown (not set: the cloud's default)",
            ].join("\n"),
        ]);
        assert.equal(
            blocks[5],
            [
                "Knative Service shop/api (may run on ECI): bill-api-ksvc (kubernetes:serving.knative.dev/v1:Service)",
                "  runs on:            ECI only",
                "  ECI specs:          2-4Gi, ecs.c6.large (tried in order)",
                "  min scale:          1 (pods always running, billed while the Service exists)",
                "  max scale:          10",
                "  reserved instance:  none",
                "  spot:               SpotWithPriceLimit",
                "  spot price limit:   0.25",
                "  extra storage:      20Gi",
                "  image cache:        matched automatically",
            ].join("\n"),
        );
        assert.equal(blocks[6], "Knative Services on ECS nodes only (billed with the node pool):\n  shop/batch");
        assert.equal(
            blocks[7],
            "Other Alibaba Cloud resources (the plan knows no billing settings for their type):\n  bill-logs (alicloud:oss/bucket:Bucket)",
        );
    });

    it("writes identical files on every run", () => {
        assert.deepEqual(files(again), files(base));
    });

    it("shows a changed node count and min-scale in the diff of the --out files, and nothing else", () => {
        const [before_, after_] = [files(base), files(changed)];
        const differing = Object.keys(before_).filter((f) => before_[f] !== after_[f]);
        // resources.json holds every resource's inputs, for plan comparison.
        assert.deepEqual(differing, ["billing.txt", "resources.json", "shop/service.serving.knative.dev-api.yaml"]);
        assert.deepEqual(changedLines(before_["billing.txt"], after_["billing.txt"]), {
            removed: ["  nodes:           3", "  min scale:          1 (pods always running, billed while the Service exists)"],
            added: ["  nodes:           4", "  min scale:          2 (pods always running, billed while the Service exists)"],
        });
        assert.deepEqual(
            changedLines(before_["shop/service.serving.knative.dev-api.yaml"], after_["shop/service.serving.knative.dev-api.yaml"]),
            {
                removed: ["        autoscaling.knative.dev/min-scale: '1'"],
                added: ["        autoscaling.knative.dev/min-scale: '2'"],
            },
        );
    });
});

describe("plan: an ACK reserved instance on the Service's billing line", () => {
    const record = (name: string, args: Omit<KnativeServiceSettings, "image">): RecordedResource => ({
        type: KSVC_TYPE,
        name: `${name}-ksvc`,
        urn: `urn:pulumi:t::p::${KSVC_TYPE}::${name}-ksvc`,
        custom: true,
        inputs: renderKnativeService(name, { image: "registry.example.com/app:1", ...args }) as unknown as Record<string, unknown>,
        dependencies: [],
    });
    const lineOf = (r: RecordedResource) =>
        renderBilling(billingSection([r], buildPlacementTable([r])))
            .split("\n")
            .find((l) => l.startsWith("  reserved instance:"));

    it("shows the reserved pods, their type and specs, billed while idle", () => {
        const r = record("warm", { placement: "eci", reservedInstance: { eciSpecs: ["ecs.t6-c1m1.large", "1-2Gi"], replicas: 2 } });
        assert.equal(
            lineOf(r),
            "  reserved instance:  2 × eci pod, ecs.t6-c1m1.large, 1-2Gi (tried in order); always running while the Service is idle (billed)",
        );
    });

    it("names ACK's default specs when none are set", () => {
        assert.equal(
            lineOf(record("warm-default", { placement: "ecs-and-eci", reservedInstance: {} })),
            "  reserved instance:  1 × eci pod, ACK's default specs: the cheapest burstable types of at least 1 vCPU and 2 GiB; always running while the Service is idle (billed)",
        );
    });
});

describe("plan: billing settings the cloud decides", () => {
    const rec = (type: string, name: string, inputs: Record<string, unknown>): RecordedResource => ({
        type,
        name,
        urn: `urn:pulumi:t::p::${type}::${name}`,
        custom: true,
        inputs,
        dependencies: [],
    });

    it("prints values known only after deployment, and settings left to the cloud, as unknown", () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const resources = [
            rec("alicloud:cs/nodePool:NodePool", "pool", {
                instanceTypes: unknown,
                desiredSize: unknown,
                scalingConfig: { enable: true, minSize: 1, maxSize: 5 },
            }),
            rec("alicloud:eci/imageCache:ImageCache", "cache", { images: ["app:1"] }),
            rec("alicloud:cs/managedKubernetes:ManagedKubernetes", "c", { clusterSpec: unknown }),
        ];
        const text = renderBilling(billingSection(resources, buildPlacementTable(resources)));
        assert.match(text, /\n {2}cluster spec: {9}unknown \(known after deployment\)\n {2}control plane: {8}unknown\n/);
        assert.match(
            text,
            /\n {2}instance types: {2}unknown \(known after deployment\)\n {2}nodes: {11}unknown \(known after deployment\)\n {2}autoscaling: {5}on, 1 to 5 nodes\n/,
        );
        assert.match(text, /\n {2}billing: {9}unknown \(not set: the cloud's default\)\n/);
        assert.match(
            text,
            /\n {2}size: {15}unknown \(not set: the cloud's default\)\n {2}retention: {10}unknown \(not set: the cloud's default\)\n/,
        );
    });
});
