import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

// Pulumi's unit-test mocks, as in its testing guide (https://www.pulumi.com/docs/iac/guides/testing/unit/),
// plus the one lookup a created cluster needs answered: the zones its vSwitches may go in. The list
// only records what registers, for the assertions.
const registered: string[] = [];
pulumi.runtime.setMocks(
    {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        newResource: function (args: pulumi.runtime.MockResourceArgs): { id: string; state: any } {
            registered.push(`${args.type}::${args.name}`);
            return { id: args.inputs.name + "_id", state: args.inputs };
        },
        call: function (args: pulumi.runtime.MockCallArgs) {
            if (args.token === "alicloud:index/getZones:getZones") return { ...args.inputs, ids: ["cn-hangzhou-h", "cn-hangzhou-i"] };
            return args.inputs;
        },
    },
    "project",
    "stack",
    false, // not a preview
);

const rejections: unknown[] = [];
process.on("unhandledRejection", (reason) => rejections.push(reason));

/** The value of an Output, the way Pulumi's guide reads it: inside `apply`. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

const ROOT = path.resolve(__dirname, "../..");
const KSVC = "kubernetes:serving.knative.dev/v1:Service::";

describe("ack-knative-eci from a consumer's stack, under Pulumi's standard mocks", function () {
    after(() => assert.deepEqual(rejections, [], "no unhandled rejection"));

    it("the guide registers the three Knative Services and resolves serviceUrls", async () => {
        const guide = await import("../src/guide");
        const urls = await valueOf(guide.serviceUrls);
        // The mocks echo inputs, so there is no Knative status (and no URL) to read.
        assert.deepEqual(urls, { "helloworld-go": "", "hello-injected": "", "hello-mixed": "" });
        assert.deepEqual(registered.filter((r) => r.startsWith(KSVC)).sort(), [
            `${KSVC}guide-hello-injected-ksvc`,
            `${KSVC}guide-hello-mixed-ksvc`,
            `${KSVC}guide-helloworld-go-ksvc`,
        ]);
        // The pod vSwitches the cluster created reach the virtual node's eci-profile as generated.
        assert.ok(registered.includes("kubernetes:core/v1:ConfigMapPatch::guide-virtual-node-eci-profile"));
        assert.equal(await pulumi.isSecret(guide.kubeconfig), true);
    });

    it("the components one by one take the ids their cluster generates", async () => {
        const stack = await import("../src/components");
        await valueOf(stack.urls);
        for (const r of [
            "alicloud:cs/kubernetesAddon:KubernetesAddon::own-vn-addon",
            "kubernetes:core/v1:ConfigMapPatch::own-vn-eci-profile",
            "alicloud:eci/imageCache:ImageCache::own-eci-image-cache",
            `${KSVC}own-eci-ksvc`,
            `${KSVC}own-ecs-ksvc`,
        ]) {
            assert.ok(registered.includes(r), `${r} registered`);
        }
    });

    it("runs on the program's own @pulumi/pulumi (one copy)", () => {
        const own = require.resolve("@pulumi/pulumi");
        const pkg = path.dirname(require.resolve("ack-knative-eci/package.json"));
        for (const from of [pkg, path.dirname(require.resolve("@pulumi/alicloud", { paths: [pkg] }))]) {
            assert.equal(require.resolve("@pulumi/pulumi", { paths: [from] }), own, `@pulumi/pulumi seen from ${from}`);
        }
    });

    it("imports in plain Node, from CommonJS and from an ES module", () => {
        const exported = ["AckCluster", "EciNamespace", "KnativeEciPlatform", "KnativeService", "KnativeServing", "VirtualNode"];
        const cjs = `const p = require("ack-knative-eci"); console.log(${JSON.stringify(exported)}.filter((n) => typeof p[n] === "function").length)`;
        const esm = `import * as p from "ack-knative-eci"; import { KnativeEciPlatform } from "ack-knative-eci"; console.log(${JSON.stringify(exported)}.filter((n) => typeof p[n] === "function" && KnativeEciPlatform).length)`;
        for (const [type, code] of [
            ["commonjs", cjs],
            ["module", esm],
        ]) {
            const run = spawnSync(process.execPath, ["--input-type", type, "-e", code], { cwd: ROOT, encoding: "utf8" });
            assert.equal(run.stderr, "", `${type}: ${run.stderr}`);
            assert.equal(run.stdout.trim(), String(exported.length), type);
        }
    });

    it("plans the consumer's own program offline with the package's CLI", () => {
        const cli = path.join(ROOT, "node_modules", ".bin", "ack-knative-eci-plan");
        const run = spawnSync(cli, ["--program", "build/src/guide.js"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(run.status, 0, run.stderr);
        for (const svc of ["vk/helloworld-go", "vk-injected/hello-injected", "vk/hello-mixed"])
            assert.match(run.stdout, new RegExp(`^  ${svc} `, "m"));
    });

    it("a zone lookup that finds none fails the test with one sentence, without hanging", () => {
        // Pulumi's guide mocks alone (zones not mocked) and its `apply(done)` style of test, in a mocha of its own.
        const started = Date.now();
        const run = spawnSync(path.join(ROOT, "node_modules", ".bin", "mocha"), ["--timeout", "60000", "build/test/noZones.check.js"], {
            cwd: ROOT,
            encoding: "utf8",
        });
        const out = run.stdout + run.stderr;
        assert.equal(run.status, 1, out);
        assert.ok(Date.now() - started < 30000, "failed well before mocha's timeout");
        const sentence =
            'AckCluster "guide-cluster": zoneIds (picked at deployment) = [] is not valid: expected at least 2 zones in this region where vSwitches can be created and instance type ecs.c7.large is offered (alicloud.getZones reported []); pass zoneIds explicitly, or put an instance type offered in more zones first in nodePool.instanceTypes.';
        assert.equal(out.split(sentence).length - 1, 1, `the sentence once:\n${out}`);
        assert.doesNotMatch(out, /error serializing|Error serializing|\n\s+at /);
    });
});
