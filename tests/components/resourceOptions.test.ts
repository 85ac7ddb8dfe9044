import * as assert from "node:assert/strict";
import { dependencyNames, engine, valueOf } from "../harness";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import { EciNamespace, InputError, KnativeEciPlatform, KnativeService, VirtualNode } from "../../sdk";

const KSVC = "kubernetes:serving.knative.dev/v1:Service";
const NS = "kubernetes:core/v1:Namespace";
const NODE_PATCH = "kubernetes:core/v1:NodePatch";
const CM_PATCH = "kubernetes:core/v1:ConfigMapPatch";
const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
const kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: 'https://127.0.0.1:6443'}\n";

// What of a component's resource options reaches its children (sdk/components/core/childOptions.ts); the engine tests
// (tests/engine/day2/day2.engine.ts) show the same options acting on a real cluster.
describe("resource options reach the children a user expects", () => {
    const provider = new KubernetesProvider("opts-prov", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-opts" });

    it("KnativeService: retainOnDelete, customTimeouts, ignoreChanges and dependsOn reach its Service", async () => {
        const gate = new corev1.ConfigMap("opts-gate", { metadata: { name: "gate" } }, { provider });
        const svc = new KnativeService(
            "opts-svc",
            { image, placement: "ecs" },
            {
                providers: { kubernetes: provider },
                retainOnDelete: true,
                customTimeouts: { create: "3m", update: "2m" },
                ignoreChanges: ["spec.template.spec.containers[0].image"],
                dependsOn: [gate],
            },
        );
        await valueOf(svc.url);
        await engine.settle();
        const r = engine.get(KSVC, "opts-svc-ksvc");
        assert.equal(r.retainOnDelete, true);
        assert.deepEqual(r.customTimeouts, { create: "3m", update: "2m" });
        assert.deepEqual(r.ignoreChanges, ["spec.template.spec.containers[0].image"]);
        assert.ok(dependencyNames(KSVC, "opts-svc-ksvc").includes("kubernetes:core/v1:ConfigMap::opts-gate"));
        assert.match(r.provider ?? "", /opts-prov/, "the providers map reaches the Service");
    });

    it("EciNamespace: ignoreChanges reaches the namespace it declares", async () => {
        const ns = new EciNamespace(
            "opts-ns",
            { namespaceName: "opts" },
            { provider, ignoreChanges: ["metadata.labels"], retainOnDelete: true },
        );
        await valueOf(ns.namespaceName);
        await engine.settle();
        const r = engine.get(NS, "opts-ns-namespace");
        assert.deepEqual(r.ignoreChanges, ["metadata.labels"]);
        assert.equal(r.retainOnDelete, true);
    });

    it("KnativeEciPlatform: retainOnDelete and customTimeouts reach every part's resources; patches stay retained", async () => {
        const platform = new KnativeEciPlatform(
            "opts-pf",
            {
                cluster: { existingKubeconfig: kubeconfig, ecsNodeNames: ["n1"] },
                virtualNode: { securityGroupId: "sg-bp1optstest0000000" },
                namespaces: [{ namespaceName: "vk" }],
                services: [{ serviceName: "hello", namespace: "vk", placement: "ecs-and-eci", image }],
            },
            { retainOnDelete: true, customTimeouts: { delete: "4m" } },
        );
        await valueOf(platform.serviceUrls);
        await engine.settle();
        for (const [type, name] of [
            [KSVC, "opts-pf-hello-ksvc"],
            [NS, "opts-pf-ns-vk-namespace"],
            [NODE_PATCH, "opts-pf-cluster-ecs-node-0"],
            [CM_PATCH, "opts-pf-virtual-node-eci-profile"],
            [CM_PATCH, "opts-pf-knative-features"],
        ]) {
            const r = engine.resources.find((x) => x.type === type && x.name.startsWith(name));
            assert.ok(r, `${type}::${name} exists (${engine.resources.filter((x) => x.type === type).map((x) => x.name)})`);
            assert.equal(r.retainOnDelete, true, `${r.name} retained`);
            assert.deepEqual(r.customTimeouts, { delete: "4m" }, `${r.name} timeouts`);
        }
    });

    it("rejects ignoreChanges where no one object could take it, and a Kubernetes provider the platform would override", () => {
        assert.throws(
            () => new KnativeEciPlatform("opts-bad", { cluster: { existingKubeconfig: kubeconfig } }, { ignoreChanges: ["services"] }),
            (e: unknown) =>
                e instanceof InputError &&
                e.message ===
                    'KnativeEciPlatform "opts-bad": opts.ignoreChanges = ["services"] is not valid: expected no ignoreChanges on this component: it is made of many objects; pass ignoreChanges to a KnativeService or EciNamespace you declare yourself.',
        );
        assert.throws(
            () => new VirtualNode("opts-vn", { install: false, securityGroupId: "sg-bp1optstest0000000" }, { ignoreChanges: ["data"] }),
            /VirtualNode "opts-vn": opts.ignoreChanges = \["data"\] is not valid: expected no ignoreChanges on this component/,
        );
        assert.throws(
            () => new KnativeEciPlatform("opts-k8s", { cluster: { existingKubeconfig: kubeconfig } }, { providers: [provider] }),
            (e: unknown) =>
                e instanceof InputError &&
                /^KnativeEciPlatform "opts-k8s": opts.provider \(a Kubernetes provider\) is not valid: expected no Kubernetes provider: the platform builds its own from cluster/.test(
                    e.message,
                ),
        );
    });
});
