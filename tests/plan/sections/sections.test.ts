import * as assert from "node:assert/strict";
import type { RecordedResource } from "../../../plan/engine/mockEngine";
import { kubernetesObjects, toYaml } from "../../../plan/sections/objects";
import { printable } from "../../../plan/sections/printable";
import { renderResourceTree } from "../../../plan/sections/resourceTree";

const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown): Record<string, unknown> => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });

function rec(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<RecordedResource> = {}): RecordedResource {
    return { type, name, urn: `urn:pulumi:t::p::${type}::${name}`, custom: true, inputs, dependencies: [], ...extra };
}

describe("plan rendering", () => {
    it("prints secrets as [secret] at any depth and resource references by name", () => {
        const ref = { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "1" };
        const out = printable(
            { a: [{ b: secret({ deep: "LEAK" }) }], r: ref, u: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
            () => "k8s (type)",
        );
        assert.deepEqual(out, { a: [{ b: "[secret]" }], r: "resource k8s (type)", u: "[unknown]" });
    });

    it("renders Kubernetes objects without Pulumi-internal fields, with stable file names", () => {
        const ns = rec("kubernetes:core/v1:NamespacePatch", "ns", { metadata: { name: "vk", labels: { a: "b" } }, __defaults: [] });
        const cm = rec("kubernetes:core/v1:ConfigMapPatch", "cm", {
            metadata: { namespace: "knative-serving", name: "config-features" },
            data: { "kubernetes.podspec-affinity": "enabled", token: secret("LEAK") },
        });
        const cr = rec("kubernetes:serving.knative.dev/v1:Service", "svc", {
            apiVersion: "serving.knative.dev/v1",
            kind: "Service",
            spec: { template: {} },
            metadata: { namespace: "vk", name: "hello" },
            status: undefined,
        });
        const remote = rec("kubernetes:helm.sh/v4:Chart", "chart", {}, { custom: false });
        const provider = rec("pulumi:providers:kubernetes", "k8s", { kubeconfig: secret("LEAK") });
        const objects = kubernetesObjects([cr, remote, provider, cm, ns]);
        assert.deepEqual(
            objects.map((o) => o.file),
            [
                "_cluster/namespacepatch-vk.yaml",
                "knative-serving/configmappatch-config-features.yaml",
                "vk/service.serving.knative.dev-hello.yaml",
            ],
        );
        assert.equal(toYaml(objects[0].object), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: vk\n  labels:\n    a: b\n");
        const yaml = objects.map((o) => toYaml(o.object)).join("");
        assert.ok(!yaml.includes("LEAK"));
        assert.match(yaml, /token: '\[secret\]'/);
        assert.match(
            toYaml(objects[2].object),
            /^apiVersion: serving.knative.dev\/v1\nkind: Service\nmetadata:\n {2}name: hello\n {2}namespace: vk\nspec:/,
        );
    });

    it("tells apart objects that share kind, namespace and name", () => {
        const a = rec("kubernetes:core/v1:Namespace", "prod-vk", { metadata: { name: "vk" } });
        const b = rec("kubernetes:core/v1:Namespace", "stage-vk", { metadata: { name: "vk" } });
        assert.deepEqual(
            kubernetesObjects([b, a]).map((o) => o.file),
            ["_cluster/namespace-vk-prod-vk.yaml", "_cluster/namespace-vk-stage-vk.yaml"],
        );
    });

    it("draws the resource tree with providers and dependencies by name and type", () => {
        const stack = rec("pulumi:pulumi:Stack", "p-t", {}, { custom: false });
        const prov = rec("pulumi:providers:kubernetes", "k8s", {}, { parent: stack.urn });
        const comp = rec("pkg:index:Comp", "c", {}, { parent: stack.urn, custom: false });
        const ns = rec("kubernetes:core/v1:Namespace", "ns", {}, { parent: comp.urn, provider: `${prov.urn}::id-1` });
        const cm = rec("kubernetes:core/v1:ConfigMap", "cm", {}, { parent: comp.urn, dependencies: [ns.urn, "urn:elsewhere"] });
        assert.equal(
            renderResourceTree([cm, ns, comp, prov, stack]),
            [
                "p-t (pulumi:pulumi:Stack)",
                "├─ c (pkg:index:Comp)",
                "│  ├─ cm (kubernetes:core/v1:ConfigMap)",
                "│  │        depends on:",
                "│  │          ns (kubernetes:core/v1:Namespace)",
                "│  │          urn:elsewhere",
                "│  └─ ns (kubernetes:core/v1:Namespace)",
                "│           provider: k8s (pulumi:providers:kubernetes)",
                "└─ k8s (pulumi:providers:kubernetes)",
            ].join("\n"),
        );
    });
});
