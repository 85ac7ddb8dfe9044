import * as assert from "node:assert/strict";
import { dependencyNames, engine, errorOf, valueOf } from "../harness";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { EciNamespace, KnativeService } from "../../sdk";

const NS = "kubernetes:core/v1:Namespace";
const NS_PATCH = "kubernetes:core/v1:NamespacePatch";
const KSVC = "kubernetes:serving.knative.dev/v1:Service";

describe("EciNamespace component", () => {
    it("creates the namespace with the guide's injection label on the given provider", async () => {
        const kube = new KubernetesProvider("ns-kube", { kubeconfig: "x", clusterIdentifier: "c-ns" });
        const ns = new EciNamespace("ns-vk", { namespaceName: "vk", eciInjection: true, labels: { team: "web" } }, { provider: kube });
        assert.equal(await valueOf(ns.namespaceName), "vk");
        assert.deepEqual(await valueOf(ns.labels), { team: "web", "virtual-node-affinity-injection": "enabled" });
        assert.equal(await valueOf(ns.eciInjection), true);
        await engine.settle();

        const r = engine.get(NS, "ns-vk-namespace");
        assert.deepEqual(r.inputs.metadata, {
            name: "vk",
            labels: { team: "web", "virtual-node-affinity-injection": "enabled" },
            annotations: { "pulumi.com/patchForce": "true" },
        });
        assert.match(r.provider ?? "", /ns-kube/);
        assert.equal(engine.byUrn(r.parent!).type, "ack-knative-eci:index:EciNamespace");
        assert.notEqual(r.retainOnDelete, true);
        assert.deepEqual(ns.ready, [ns.namespace]);
        assert.equal(ns.patch, undefined);
    });

    it("defaults the name to the resource name and adds the current ECI label", async () => {
        const ns = new EciNamespace("ns-apps", { eciLabel: true });
        assert.equal(await valueOf(ns.namespaceName), "ns-apps");
        assert.equal(await valueOf(ns.eciInjection), false);
        await engine.settle();
        assert.deepEqual(engine.get(NS, "ns-apps-namespace").inputs.metadata, {
            name: "ns-apps",
            labels: { "alibabacloud.com/eci": "true" },
            annotations: { "pulumi.com/patchForce": "true" },
        });
    });

    it("patches an existing namespace instead of creating it", async () => {
        const ns = new EciNamespace("ns-default", { namespaceName: "default", eciInjection: true, existing: true });
        assert.equal(await valueOf(ns.namespaceName), "default");
        await engine.settle();
        const r = engine.get(NS_PATCH, "ns-default-patch");
        assert.deepEqual(r.inputs.metadata, {
            name: "default",
            labels: { "virtual-node-affinity-injection": "enabled" },
            annotations: { "pulumi.com/patchForce": "true" },
        });
        assert.equal(engine.resources.filter((x) => x.type === NS && x.name.startsWith("ns-default")).length, 0);
        assert.deepEqual(ns.ready, [ns.patch]);
    });

    it("hands opts.dependsOn on, and orders a Service in the namespace after it", async () => {
        const before = new corev1.ConfigMap("ns-before", { metadata: { name: "x" } });
        const ns = new EciNamespace("ns-dep", { namespaceName: "dep", eciInjection: true }, { dependsOn: [before] });
        const svc = new KnativeService(
            "ns-dep-svc",
            { image: "img:1", placement: "eci-namespace", namespace: ns.namespaceName },
            { dependsOn: ns.ready },
        );
        await valueOf(svc.url);
        await engine.settle();
        assert.deepEqual(dependencyNames(NS, "ns-dep-namespace"), ["kubernetes:core/v1:ConfigMap::ns-before"]);
        assert.ok(dependencyNames(KSVC, "ns-dep-svc-ksvc").includes(`${NS}::ns-dep-namespace`));
    });

    it("throws synchronously on plain invalid input", () => {
        assert.throws(
            () => new EciNamespace("ns-bad", { namespaceName: "Bad_Name" }),
            /EciNamespace "ns-bad": namespaceName = "Bad_Name" is not valid/,
        );
        assert.throws(
            () => new EciNamespace("ns-sys", { namespaceName: "kube-system" }),
            /namespaceName = "kube-system" is not valid: expected a namespace to create: "kube-system" always exists; set existing: true/,
        );
        assert.throws(
            () => new EciNamespace("ns-exist", { existing: "yes" as never }),
            /EciNamespace "ns-exist": existing = "yes" is not valid: expected true or false \(a boolean, not a string/,
        );
    });

    it("checks Output values when they resolve, with the same message", async () => {
        const ns = new EciNamespace("ns-late", { namespaceName: pulumi.output("Nope") });
        const e = await errorOf(ns.labels);
        assert.match(e.message, /EciNamespace "ns-late": namespaceName = "Nope" is not valid: expected a DNS-1123 label/);
    });
});
