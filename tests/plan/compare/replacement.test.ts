import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { replaceReasons } from "../../../plan/compare/replacement";
import { ALICLOUD_FORCE_NEW } from "../../../plan/compare/replacementRules";

const ksvc = (name: string, namespace: string, image = "img:v1") => ({
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name, namespace },
    spec: { template: { spec: { containers: [{ name: "user-container", image }] } } },
});

describe("plan: which changes replace a resource", () => {
    it("replaces a Kubernetes object whose name or namespace changes, naming the field and both values", () => {
        const r = replaceReasons("kubernetes:serving.knative.dev/v1:Service", ksvc("a", "apps"), ksvc("a", "shop"));
        assert.deepEqual(
            r.map((x) => [x.path, x.before, x.after]),
            [[".metadata.namespace", "apps", "shop"]],
        );
        assert.match(r[0].why, /name and namespace identify it/);
    });

    it("updates a Knative Service's image in place (only Pods replace on a container image)", () => {
        assert.deepEqual(replaceReasons("kubernetes:serving.knative.dev/v1:Service", ksvc("a", "apps"), ksvc("a", "apps", "img:v2")), []);
        const pod = (image: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ image }] } });
        const r = replaceReasons("kubernetes:core/v1:Pod", pod("img:v1"), pod("img:v2"));
        assert.deepEqual(
            r.map((x) => x.path),
            [".spec.containers[0].image"],
        );
    });

    it("replaces a Deployment on a new selector and a Secret on new data, but a patch only on a new name", () => {
        const dep = (app: string) => ({
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: { name: "d" },
            spec: { selector: { matchLabels: { app } } },
        });
        assert.equal(replaceReasons("kubernetes:apps/v1:Deployment", dep("a"), dep("b")).length, 1);
        const secret = (v: string) => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { k: v } });
        assert.deepEqual(
            replaceReasons("kubernetes:core/v1:Secret", secret("a"), secret("b")).map((x) => x.path),
            [".stringData"],
        );
        const cm = (v: string, name = "config-features") => ({
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: { name, namespace: "knative-serving" },
            data: { k: v },
        });
        assert.deepEqual(replaceReasons("kubernetes:core/v1:ConfigMapPatch", cm("a"), cm("b")), []);
        assert.equal(replaceReasons("kubernetes:core/v1:ConfigMapPatch", cm("a"), cm("a", "other")).length, 1);
    });

    it("replaces an alicloud resource on a ForceNew property, and says when the new value is not known yet", () => {
        const r = replaceReasons(
            "alicloud:vpc/switch:Switch",
            { cidrBlock: "10.0.0.0/24", vswitchName: "a" },
            { cidrBlock: "10.0.1.0/24", vswitchName: "b" },
        );
        assert.deepEqual(
            r.map((x) => [x.path, x.before, x.after, x.maybe]),
            [["cidrBlock", "10.0.0.0/24", "10.0.1.0/24", undefined]],
        );
        assert.match(r[0].why, /ForceNew in the alicloud provider \(alicloud_vswitch\)/);
        const maybe = replaceReasons("alicloud:cs/nodePool:NodePool", { clusterId: "c-1" }, { clusterId: "[unknown]" });
        assert.equal(maybe[0].maybe, true);
        assert.deepEqual(replaceReasons("alicloud:cs/nodePool:NodePool", { desiredSize: "2" }, { desiredSize: "3" }), []);
    });

    it("lists only properties @pulumi/alicloud has, for every type the package creates", () => {
        const root = path.dirname(require.resolve("@pulumi/alicloud/package.json"));
        const components = path.resolve(__dirname, "../../../../sdk/components");
        // Every file under sdk/components/, its folders (ackCluster/, core/) included.
        const created = fs
            .readdirSync(components, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".ts"))
            .map((f) => fs.readFileSync(path.join(components, f), "utf8"))
            .join("\n");
        for (const [type, rule] of Object.entries(ALICLOUD_FORCE_NEW)) {
            const [, module, resource] = /^alicloud:([^:]+):(\w+)$/.exec(type)!;
            const dts = fs.readFileSync(path.join(root, `${module}.d.ts`), "utf8");
            const args = new RegExp(`export interface ${resource}Args \\{([\\s\\S]*?)\\n\\}`).exec(dts)![1];
            const names = new Set([...args.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]));
            for (const p of rule.properties) assert.ok(names.has(p), `${type}: ${p} is not an input of ${resource}Args`);
        }
        const types = [...created.matchAll(/new (cs|vpc|ecs|eci)\.(\w+)\(/g)];
        assert.ok(types.length >= 8, "the components' alicloud resources are found");
        for (const m of types) {
            assert.ok(
                Object.keys(ALICLOUD_FORCE_NEW).some((t) => t.startsWith(`alicloud:${m[1]}/`) && t.endsWith(`:${m[2]}`)),
                `no ForceNew list for ${m[1]}.${m[2]}`,
            );
        }
    });
});
