// The cloud half's bad input (docs/engine-tests.md, "The cloud half: bad input"): every row of
// tests/tables/cloudBadInput.rows.ts written where the package would put it, on the alicloud resource it reaches,
// through the real provider's Check (one `pulumi preview` of all rows) and through the local Alibaba Cloud (one
// `pulumi up --continue-on-error` of the rows the Check accepts). Whatever the provider or the cloud refuses, the
// package must refuse first, at preview, with its sentence (the rows' `package`, checked under mocks by
// tests/tables/cloudBadInput.table.test.ts); where only the package refuses, the row gives the reason, and a reason
// that no longer holds fails the row.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { CLOUD_BAD_INPUT_ROWS, type CloudBadInputRow, type CloudTarget } from "../../tables/cloudBadInput.rows";
import { type CloudLane, startCloudLane } from "../harness/cloudLane";
import { leftovers } from "../harness/cloudState";
import { configSetCommands } from "../harness/localAlibabaCloud";
import { pulumiEnv } from "../harness/pulumiStack";

const MINUTE = 60_000;
const log = (line: string) => console.log(`[cloud bad input] ${line}`);

const IMAGE = "registry.example.com/team/app:1";

/** Drops keys whose value is undefined (a row's way of removing a base argument). */
function defined(args: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}

/** The rows' targets over a base network and cluster, each named `row-<id>`. */
function program(rows: CloudBadInputRow[]): () => Promise<void> {
    return async () => {
        const vpc = new alicloud.vpc.Network("base-vpc", { vpcName: "base-vpc", cidrBlock: "192.168.0.0/16" });
        const vswitches = ["h", "i"].map(
            (z, i) =>
                new alicloud.vpc.Switch(`base-vswitch-${i}`, {
                    vswitchName: `base-vswitch-${i}`,
                    vpcId: vpc.id,
                    zoneId: `cn-hangzhou-${z}`,
                    cidrBlock: `192.168.${i * 16}.0/20`,
                }),
        );
        const sg = new alicloud.ecs.SecurityGroup("base-sg", {
            securityGroupName: "base-sg",
            vpcId: vpc.id,
            securityGroupType: "normal",
            innerAccessPolicy: "Accept",
        });
        const vswitchIds = vswitches.map((v) => v.id);
        const clusterBase = {
            name: "base",
            clusterSpec: "ack.pro.small",
            vswitchIds,
            serviceCidr: "172.21.0.0/20",
            securityGroupId: sg.id,
            newNatGateway: false,
            slbInternetEnabled: false,
            deletionProtection: false,
            proxyMode: "ipvs",
            skipSetCertificateAuthority: true,
            addons: [{ name: "terway-eniip" }, { name: "csi-plugin" }, { name: "csi-provisioner" }],
        };
        const cluster = new alicloud.cs.ManagedKubernetes("base-cluster", clusterBase);
        const after = { dependsOn: [cluster] };
        const make: Record<CloudTarget, (id: string, args: Record<string, unknown>, row: CloudBadInputRow) => pulumi.Resource> = {
            cluster: (id, args) => new alicloud.cs.ManagedKubernetes(id, defined({ ...clusterBase, name: id, ...args }) as never, after),
            nodePool: (id, args) =>
                new alicloud.cs.NodePool(
                    id,
                    defined({
                        clusterId: cluster.id,
                        nodePoolName: id,
                        vswitchIds,
                        instanceTypes: ["ecs.c7.large"],
                        instanceChargeType: "PostPaid",
                        desiredSize: "1",
                        scalingConfig: { enable: false },
                        labels: [{ key: "resource-role", value: "ecs" }],
                        systemDiskCategory: "cloud_essd",
                        systemDiskSize: 40,
                        multiAzPolicy: "BALANCE",
                        ...args,
                    }) as never,
                ),
            vpc: (id, args) => new alicloud.vpc.Network(id, defined({ vpcName: id, cidrBlock: "192.168.0.0/16", ...args }) as never),
            vswitch: (id, args, row) => {
                const own = new alicloud.vpc.Network(`${id}-vpc`, {
                    vpcName: `${id}-vpc`,
                    cidrBlock: (row.args.vpcCidr as string | undefined) ?? "192.168.0.0/16",
                });
                return new alicloud.vpc.Switch(
                    id,
                    defined({ vswitchName: id, vpcId: own.id, zoneId: "cn-hangzhou-h", cidrBlock: "192.168.0.0/20", ...args }) as never,
                );
            },
            securityGroup: (id, args) =>
                new alicloud.ecs.SecurityGroup(
                    id,
                    defined({
                        securityGroupName: id,
                        vpcId: vpc.id,
                        securityGroupType: "normal",
                        innerAccessPolicy: "Accept",
                        ...args,
                    }) as never,
                ),
            eip: (id, args) =>
                new alicloud.ecs.EipAddress(
                    id,
                    defined({
                        addressName: id,
                        bandwidth: "100",
                        internetChargeType: "PayByTraffic",
                        paymentType: "PayAsYouGo",
                        ...args,
                    }) as never,
                ),
            addon: (id, args) =>
                new alicloud.cs.KubernetesAddon(id, defined({ clusterId: cluster.id, name: "metrics-server", ...args }) as never),
            imageCache: (id, args) =>
                new alicloud.eci.ImageCache(
                    id,
                    defined({ imageCacheName: id, images: [IMAGE], vswitchId: vswitches[0].id, securityGroupId: sg.id, ...args }) as never,
                ),
        };
        for (const row of rows) make[row.target.resource](`row-${row.id}`, row.target.args, row);
    };
}

/** A stack of the rows' program on the lane's backend, configured for the local cloud. */
async function rowsStack(lane: CloudLane, name: string, rows: CloudBadInputRow[], env: Record<string, string> = {}): Promise<Stack> {
    const envVars = { ...pulumiEnv(lane.workDir), ...lane.cloud.env, ...env };
    const workDir = path.join(lane.workDir, "projects", name);
    fs.mkdirSync(workDir, { recursive: true });
    const stack = await LocalWorkspace.createOrSelectStack(
        { projectName: name, stackName: "local", program: program(rows) },
        {
            workDir,
            pulumiCommand: await PulumiCommand.get({ root: path.dirname(lane.tools.binDir) }),
            envVars,
            secretsProvider: "passphrase",
            projectSettings: { name, runtime: "nodejs", backend: { url: envVars.PULUMI_BACKEND_URL } },
        },
    );
    for (const args of configSetCommands(lane.cloud.pulumiConfig)) {
        const [key, value] = args.slice(-2);
        await stack.setConfig(key, { value, secret: args.includes("--secret") }, args.includes("--path"));
    }
    return stack;
}

/** Each `row-<id>` resource's error in the CLI's diagnostics: the first lines of its block. */
function errorsByRow(output: string): Map<string, string> {
    const found = new Map<string, string>();
    // Check failures: "… resource 'row-x' has a problem: …".
    for (const m of output.matchAll(/resource '(row-[^']+)' has a problem: ([^\n]*)/g)) found.set(m[1].slice(4), m[2].trim());
    // Create failures: a diagnostics block "  <type> (row-x):" followed by its indented lines.
    const lines = output.split("\n");
    lines.forEach((line, i) => {
        const m = /^\s+[\w:/]+ \((row-[^)]+)\):\s*$/.exec(line);
        if (!m || found.has(m[1].slice(4))) return;
        const block = lines.slice(i + 1, i + 12).join(" ");
        const code = /Code: ([\w.]+)/.exec(block)?.[1];
        const message = /Message: code: \d+, ([^\n]*?)(?: request id:|$)/.exec(block)?.[1] ?? block.replace(/\s+/g, " ").slice(0, 200);
        found.set(m[1].slice(4), code ? `${code}: ${message.trim()}` : message.trim());
    });
    return found;
}

/** Codes that mean the cloud accepted the row's value (it refused something else). */
const ACCEPTED_CODES = [
    /^LocalCloud\.OneClusterPerControlPlane/,
    /still exists on this control plane; the local cloud backs one ACK cluster/,
];

describe("engine, cloud half: bad input — the package refuses first what the real provider or the local cloud refuses", function () {
    this.timeout(30 * MINUTE);
    let lane: CloudLane | undefined;

    before(async function () {
        lane = await startCloudLane("cloud-bad-input", log);
        if (!lane) this.skip();
    });

    after(async function () {
        await lane?.stop(this.currentTest?.state === "failed");
    });

    it(`${CLOUD_BAD_INPUT_ROWS.length} rows: one preview through the provider's Check, one up through the local cloud`, async () => {
        const onOutput = (text: string) => (output += text);
        let output = "";

        // 1. The provider's Check, for every row (and the evidence) at once.
        // A Check failure stops a preview; the bridge's TF_SKIP_RESOURCE_SCHEMA_VALIDATION turns each into a warning with
        // the same text ("resource 'row-…' has a problem: …"), so one preview collects them all.
        const checkStack = await rowsStack(lane!, "bad-input-check", CLOUD_BAD_INPUT_ROWS, {
            TF_SKIP_RESOURCE_SCHEMA_VALIDATION: "true",
        });
        await checkStack.preview({ onOutput }).catch(() => undefined);
        const check = errorsByRow(output);
        log(`the provider's Check refused ${check.size}: ${[...check.keys()].join(", ")}`);
        // 2. The local cloud, for the rows the Check accepts.
        const toCloud = CLOUD_BAD_INPUT_ROWS.filter((r) => !check.has(r.id) && !r.notToCloud);
        output = "";
        const cloudStack = await rowsStack(lane!, "bad-input-cloud", toCloud);
        const started = Date.now();
        await cloudStack.up({ onOutput, continueOnError: true }).catch(() => undefined);
        log(`up of ${toCloud.length} rows took ${Math.round((Date.now() - started) / 1000)} s`);
        const cloudErrors = errorsByRow(output);
        for (const [id, error] of cloudErrors) if (ACCEPTED_CODES.some((c) => c.test(error))) cloudErrors.delete(id);
        // A node pool task the ACK agent failed because Kubernetes refused a Node it made (HTTP 422: e.g. a bad label) is
        // the cluster refusing, not the API: the agent fails every task waiting in that round, so a row beside it can
        // fail too. Shown in the table, not judged.
        const inCluster = new Map([...cloudErrors].filter(([, error]) => /^422:/.test(error)));
        for (const id of inCluster.keys()) cloudErrors.delete(id);
        assert.ok(!cloudErrors.has("base-cluster") && !output.includes("(base-cluster):\n"), "the base cluster is created");
        // Refusals by Alibaba's request models (e.g. TagResources left without a tag) are refusals like any other here.
        const violations = await lane!.cloud.cloud.violations();
        if (violations.length) log(`requests the models refused: ${violations.map((v) => `${v.action} ${v.code}`).join(", ")}`);

        // 3. The verdicts, row by row.
        const table: string[] = [];
        const wrong: string[] = [];
        for (const row of CLOUD_BAD_INPUT_ROWS) {
            const provider = check.get(row.id);
            if (row.notToCloud) {
                table.push(`| ${row.id} | ${row.package === null ? "accepts" : "refuses"} | ${provider ?? "accepts"} | not sent |`);
                if (!provider && row.package !== null && !row.stricter)
                    wrong.push(`${row.id}: only the package refuses it; give the reason (stricter)`);
                continue;
            }
            const cloud = provider === undefined ? cloudErrors.get(row.id) : undefined;
            table.push(
                `| ${row.id} | ${row.package === null ? "accepts" : "refuses"} | ${provider ?? "accepts"} | ${provider ? "—" : (cloud ?? (inCluster.has(row.id) ? "in-cluster 422" : "accepts"))} |`,
            );
            const refused = provider ?? cloud;
            if (refused && row.package === null && !(cloud && row.cloudOnly))
                wrong.push(`${row.id}: refused by ${provider ? "the provider" : "the cloud"} (${refused}) but the package accepts it`);
            if (!refused && row.cloudOnly) wrong.push(`${row.id}: the cloud accepts it now; drop its cloudOnly reason`);
            if (refused && row.stricter)
                wrong.push(`${row.id}: ${provider ? "the provider" : "the cloud"} refuses it too (${refused}); drop its stricter reason`);
            if (!refused && row.package !== null && !row.stricter)
                wrong.push(`${row.id}: only the package refuses it; give the reason (stricter)`);
        }
        log(`verdicts (row | package | provider's Check | local cloud):\n${table.join("\n")}`);
        assert.deepEqual(wrong, []);

        // 4. Nothing left behind.
        await cloudStack.destroy({ onOutput: () => undefined });
        assert.deepEqual(leftovers(await lane!.cloud.cloud.state()), [], "destroy leaves the local cloud empty");
    });
});
