import * as assert from "node:assert/strict";
import { dependencyNames, engine, errorOf, valueOf } from "../harness";
import * as cs from "@pulumi/alicloud/cs";
import { Provider as AlicloudProvider } from "@pulumi/alicloud/provider";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService, KnativeServing, KnativeSource } from "../../sdk";

const ADDON = "alicloud:cs/kubernetesAddon:KubernetesAddon";
const PATCH = "kubernetes:core/v1:ConfigMapPatch";
const CONFIG_FILE = "kubernetes:yaml/v2:ConfigFile";
const NS = "kubernetes:core/v1:Namespace";
const CR = "kubernetes:operator.knative.dev/v1beta1:KnativeServing";
const KSVC = "kubernetes:serving.knative.dev/v1:Service";

const FLAGS = {
    "kubernetes.podspec-affinity": "enabled",
    "kubernetes.podspec-tolerations": "enabled",
    "kubernetes.podspec-nodeselector": "enabled",
};

describe("KnativeServing component", () => {
    it("ack: installs the knative add-on, then force-patches config-features and keeps it on delete", async () => {
        const ali = new AlicloudProvider("ks-serving-ali", { region: "cn-hangzhou" });
        const kube = new KubernetesProvider("ks-serving-kube", { kubeconfig: "x", clusterIdentifier: "c-ks" });
        const kn = new KnativeServing(
            "ks-serving-ack",
            { clusterId: pulumi.output("c-ks"), addonVersion: "v1.15.2" },
            { providers: [ali, kube] },
        );
        assert.equal(await valueOf(kn.source), "ack");
        assert.equal(await valueOf(kn.version), "v1.15.2");
        assert.equal(await valueOf(kn.namespace), "knative-serving");
        assert.deepEqual(await valueOf(kn.features), FLAGS);
        await engine.settle();

        const addon = engine.get(ADDON, "ks-serving-ack-addon");
        assert.equal(addon.inputs.name, "knative");
        assert.equal(addon.inputs.clusterId, "c-ks");
        assert.equal(addon.inputs.version, "v1.15.2");
        assert.equal(addon.inputs.cleanupCloudResources, undefined);
        assert.match(addon.provider ?? "", /ks-serving-ali/);

        const patch = engine.get(PATCH, "ks-serving-ack-features");
        assert.deepEqual(patch.inputs.metadata, {
            name: "config-features",
            namespace: "knative-serving",
            annotations: { "pulumi.com/patchForce": "true" },
        });
        assert.deepEqual(patch.inputs.data, FLAGS);
        assert.equal(patch.retainOnDelete, true);
        assert.match(patch.provider ?? "", /ks-serving-kube/);
        assert.ok(dependencyNames(PATCH, "ks-serving-ack-features").includes(`${ADDON}::ks-serving-ack-addon`));
        assert.deepEqual(kn.ready, [kn.addon, kn.featuresPatch]);
        assert.equal(engine.byUrn(addon.parent!).type, "ack-knative-eci:index:KnativeServing");
    });

    it("existing: only force-patches config-features (kept on delete) on the cluster's own Knative", async () => {
        const kube = new KubernetesProvider("ks-existing-kube", { kubeconfig: "x", clusterIdentifier: "https://ks-existing:6443" });
        const kn = new KnativeServing(
            "ks-existing",
            { source: KnativeSource.Existing, features: { "multi-container": "enabled" } },
            { provider: kube },
        );
        assert.equal(await valueOf(kn.source), "existing");
        await engine.settle();
        assert.deepEqual(
            engine.resources.filter((r) => r.name.startsWith("ks-existing-") && r.parent !== undefined).map((r) => r.type),
            [PATCH],
        );
        const patch = engine.get(PATCH, "ks-existing-features");
        assert.deepEqual(patch.inputs.data, { "multi-container": "enabled", ...FLAGS });
        assert.equal(patch.retainOnDelete, true);
        assert.deepEqual(kn.ready, [kn.featuresPatch]);
        assert.throws(
            () => new KnativeServing("ks-existing-bad", { source: "existing", addonVersion: "v1.15.2" }),
            (e: Error) =>
                e.message ===
                'KnativeServing "ks-existing-bad": addonVersion = "v1.15.2" is not valid: expected no addonVersion with source "existing": it applies only to installing Knative (source "ack" or "upstream").',
        );
    });

    it("upstream: installs the operator, the namespace and an awaited KnativeServing CR after both", async () => {
        const kube = new KubernetesProvider("ks-serving-kube2", { kubeconfig: "x", clusterIdentifier: "c-ks2" });
        const pool = new cs.NodePool("ks-serving-pool", { clusterId: "c0000000ks2", vswitchIds: ["vsw-1"] });
        const kn = new KnativeServing(
            "ks-serving-up",
            { source: KnativeSource.Upstream, registryDefault: "registry.cn-hangzhou.aliyuncs.com/mirror/${NAME}:v1.20.1" },
            { provider: kube, dependsOn: [pool] },
        );
        assert.equal(await valueOf(kn.version), "1.20.1");
        assert.equal(await valueOf(kn.source), "upstream");
        assert.deepEqual(await valueOf(kn.features), FLAGS);
        await engine.settle();

        const operator = engine.get(CONFIG_FILE, "ks-serving-up-operator");
        assert.equal(operator.inputs.file, "https://github.com/knative/operator/releases/download/knative-v1.20.1/operator.yaml");
        assert.deepEqual(dependencyNames(CONFIG_FILE, "ks-serving-up-operator"), ["alicloud:cs/nodePool:NodePool::ks-serving-pool"]);
        assert.deepEqual(engine.get(NS, "ks-serving-up-namespace").inputs.metadata, { name: "knative-serving" });

        const cr = engine.get(CR, "ks-serving-up-serving");
        const meta = cr.inputs.metadata as { name: string; namespace: string; annotations: Record<string, string> };
        assert.equal(meta.namespace, "knative-serving");
        assert.equal(meta.annotations["pulumi.com/waitFor"], "condition=Ready");
        const spec = cr.inputs.spec as {
            version: string;
            ingress: unknown;
            config: Record<string, Record<string, string>>;
            registry: unknown;
            workloads: { name: string; nodeSelector: Record<string, string> }[];
        };
        assert.equal(spec.version, "1.20");
        assert.deepEqual(spec.ingress, { kourier: { enabled: true } });
        assert.deepEqual(spec.config.features, FLAGS);
        assert.equal(spec.config.network["ingress-class"], "kourier.ingress.networking.knative.dev");
        assert.deepEqual(spec.registry, { default: "registry.cn-hangzhou.aliyuncs.com/mirror/${NAME}:v1.20.1" });
        assert.ok(spec.workloads.every((w) => w.nodeSelector["resource-role"] === "ecs"));
        assert.match(cr.provider ?? "", /ks-serving-kube2/);
        assert.deepEqual(
            dependencyNames(CR, "ks-serving-up-serving").sort(),
            [`${NS}::ks-serving-up-namespace`, `${CONFIG_FILE}::ks-serving-up-operator`].sort(),
        );
        assert.deepEqual(kn.ready, [kn.operator, kn.servingNamespace, kn.serving]);
        assert.equal(engine.resources.filter((r) => r.type === ADDON && r.name.startsWith("ks-serving-up")).length, 0);
    });

    it("orders a Knative Service after ready, so Knative's webhooks admit it", async () => {
        const kn = new KnativeServing("ks-serving-dep", { source: "upstream", pinControlPlaneToEcs: false });
        const svc = new KnativeService("ks-serving-dep-svc", { image: "img:1", placement: "eci" }, { dependsOn: kn.ready });
        await valueOf(svc.url);
        await engine.settle();
        const deps = dependencyNames(KSVC, "ks-serving-dep-svc-ksvc");
        assert.ok(deps.includes(`${CR}::ks-serving-dep-serving`), deps.join(", "));
        const spec = engine.get(CR, "ks-serving-dep-serving").inputs.spec as { workloads?: unknown };
        assert.equal(spec.workloads, undefined);
    });

    it("throws synchronously on plain invalid input, before registering anything", () => {
        const before = engine.resources.length;
        assert.throws(
            () => new KnativeServing("ks-serving-bad1", { source: "helm" as never }),
            /KnativeServing "ks-serving-bad1": source = "helm" is not valid: expected one of "ack", "upstream"/,
        );
        assert.throws(
            () => new KnativeServing("ks-serving-bad2", {}),
            /KnativeServing "ks-serving-bad2": clusterId \(missing\) is not valid: expected the ACK cluster id with source "ack"/,
        );
        assert.throws(
            () => new KnativeServing("ks-serving-bad3", { clusterId: "c00000000", registryOverride: { activator: "a:1" } }),
            /registryOverride = \{"activator":"a:1"\} is not valid: expected no registryOverride with source "ack": ACK's managed Knative pulls its images/,
        );
        assert.throws(
            () => new KnativeServing("ks-serving-bad4", { source: "upstream", version: "1.9.0" }),
            /version = "1.9.0" is not valid: expected a Knative release 1.17.0 or newer/,
        );
        assert.equal(engine.resources.length, before);
    });

    it("checks Output values when they resolve, with the same message", async () => {
        const kn = new KnativeServing("ks-serving-late", { source: "upstream", version: pulumi.output("1.9.0") });
        const e = await errorOf(kn.version);
        assert.match(
            e.message,
            /KnativeServing "ks-serving-late": version = "1.9.0" is not valid: expected a Knative release 1.17.0 or newer/,
        );
    });

    it("exposes the rendered CR as manifest", async () => {
        const kn = new KnativeServing("ks-serving-manifest", { source: "upstream", version: "1.18.2" });
        const manifest = await valueOf(kn.manifest!);
        assert.equal(manifest.kind, "KnativeServing");
        assert.equal(manifest.spec.version, "1.18");
        assert.equal(await valueOf(kn.version), "1.18.2");
    });
});
