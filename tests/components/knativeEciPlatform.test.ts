import * as assert from "node:assert/strict";
import { dependencyNames, engine, isSecret, valueOf } from "../harness";
import { InputError, KnativeEciPlatform } from "../../sdk";

const T = {
    ksvc: "kubernetes:serving.knative.dev/v1:Service",
    service: "ack-knative-eci:index:KnativeService",
    namespace: "kubernetes:core/v1:Namespace",
    addon: "alicloud:cs/kubernetesAddon:KubernetesAddon",
    nodePool: "alicloud:cs/nodePool:NodePool",
    imageCache: "alicloud:eci/imageCache:ImageCache",
    provider: "pulumi:providers:kubernetes",
};
const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";

describe("KnativeEciPlatform component", () => {
    let platform: KnativeEciPlatform;
    before(async () => {
        platform = new KnativeEciPlatform("pf", {
            namespaces: [{ namespaceName: "vk" }, { namespaceName: "vk-injected", eciInjection: true }],
            services: [
                { serviceName: "hello-eci", namespace: "vk", placement: "eci", image, eciSpecs: ["2-4Gi"] },
                { serviceName: "hello-injected", namespace: "vk-injected", placement: "eci-namespace", image, eciSpecs: ["2-4Gi"] },
                { serviceName: "hello-mixed", namespace: "vk", placement: "ecs-and-eci", image, containerConcurrency: 10 },
                { serviceName: "hello-cached", namespace: "vk", placement: "eci", image, imageCache: { mode: "create" } },
            ],
        });
        await valueOf(platform.serviceUrls);
        await engine.settle();
    });

    it("creates cluster, virtual node, Knative, namespaces and services from no cluster settings", () => {
        const names = engine.resources.filter((r) => r.name.startsWith("pf-")).map((r) => `${r.type}::${r.name}`);
        for (const expected of [
            "alicloud:cs/managedKubernetes:ManagedKubernetes::pf-cluster-cluster",
            `${T.nodePool}::pf-cluster-ecs-pool`,
            `${T.addon}::pf-virtual-node-addon`,
            `${T.addon}::pf-knative-addon`,
            `${T.namespace}::pf-ns-vk-namespace`,
            `${T.namespace}::pf-ns-vk-injected-namespace`,
            `${T.ksvc}::pf-hello-eci-ksvc`,
            `${T.ksvc}::pf-hello-mixed-ksvc`,
        ]) {
            assert.ok(names.includes(expected), `missing ${expected}`);
        }
        assert.equal(engine.get(T.addon, "pf-virtual-node-addon").inputs.name, "ack-virtual-node");
        assert.equal(
            (engine.get(T.namespace, "pf-ns-vk-injected-namespace").inputs.metadata as { labels: Record<string, string> }).labels[
                "virtual-node-affinity-injection"
            ],
            "enabled",
        );
    });

    it("outputs the cluster id, a secret kubeconfig, the provider and every service URL", async () => {
        assert.equal(await valueOf(platform.clusterId), "cpfclusterclustermock");
        assert.ok(await isSecret(platform.kubeconfig));
        assert.equal(await valueOf(platform.provider.urn), engine.get(T.provider, "pf-cluster-provider").urn);
        assert.deepEqual(await valueOf(platform.serviceUrls), {
            "hello-eci": "http://hello-eci.vk.example.com",
            "hello-injected": "http://hello-injected.vk-injected.example.com",
            "hello-mixed": "http://hello-mixed.vk.example.com",
            "hello-cached": "http://hello-cached.vk.example.com",
        });
    });

    it("orders each service after exactly what its placement needs", () => {
        const deps = (svc: string) =>
            dependencyNames(T.ksvc, `pf-${svc}-ksvc`)
                .map((d) => d.split("::")[1])
                .sort();
        const knative = ["pf-knative-addon", "pf-knative-features"];
        const virtualNode = ["pf-virtual-node-addon", "pf-virtual-node-eci-profile"];
        assert.deepEqual(deps("hello-eci"), [...knative, "pf-ns-vk-namespace", ...virtualNode].sort());
        assert.deepEqual(deps("hello-injected"), [...knative, "pf-ns-vk-injected-namespace", ...virtualNode].sort());
        assert.deepEqual(deps("hello-mixed"), ["pf-cluster-ecs-pool", ...knative, "pf-ns-vk-namespace", ...virtualNode].sort());
    });

    it("does not serialise what can run in parallel", () => {
        // Namespaces need only the cluster's provider; add-ons wait for the nodes they run on.
        assert.deepEqual(dependencyNames(T.namespace, "pf-ns-vk-namespace"), []);
        assert.ok(dependencyNames(T.addon, "pf-knative-addon").every((d) => !d.includes("virtual-node")));
        assert.ok(dependencyNames(T.addon, "pf-virtual-node-addon").every((d) => !d.includes("knative")));
        assert.ok(dependencyNames(T.addon, "pf-knative-addon").includes(`${T.nodePool}::pf-cluster-ecs-pool`));
    });

    it("points the ECI profile at the cluster's pod vSwitches and builds image caches in the cluster network", () => {
        const profile = engine.get("kubernetes:core/v1:ConfigMapPatch", "pf-virtual-node-eci-profile").inputs as {
            data: Record<string, string>;
        };
        assert.equal(profile.data.vSwitchIds, "vsw-pfclusterpodvswitch0mock,vsw-pfclusterpodvswitch1mock");
        assert.equal(profile.data.securityGroupId, "sg-pfclustersgmock");
        const cache = engine.get(T.imageCache, "pf-hello-cached-image-cache").inputs;
        assert.equal(cache.vswitchId, "vsw-pfclustervswitch0mock");
        assert.equal(cache.securityGroupId, "sg-pfclustersgmock");
    });

    it("rejects parts that do not fit together before registering anything", () => {
        const before = engine.resources.length;
        assert.throws(
            () =>
                new KnativeEciPlatform("pf-bad", {
                    namespaces: [{ namespaceName: "vk" }],
                    services: [{ serviceName: "x", namespace: "vk", placement: "eci-namespace", image }],
                }),
            (e: unknown) =>
                e instanceof InputError &&
                e.message.startsWith('KnativeEciPlatform "pf-bad": services[0].namespace = "vk" is not valid') &&
                e.message.includes('add { namespaceName: "vk", eciInjection: true } to namespaces'),
        );
        assert.throws(
            () =>
                new KnativeEciPlatform("pf-bad2", {
                    virtualNode: { enabled: false },
                    services: [{ serviceName: "y", placement: "eci", image }],
                }),
            /services\[0\]\.placement = "eci" is not valid: expected "ecs" while virtualNode.enabled is false/,
        );
        assert.throws(
            () =>
                new KnativeEciPlatform("pf-bad3", {
                    cluster: { clusterSpec: "ack.standard" },
                    services: [{ serviceName: "z", placement: "ecs-first", image }],
                }),
            /ACK Pro cluster for "ecs-first"/,
        );
        // ACK's Knative needs three worker nodes: a smaller fixed pool, or an autoscaled pool that may shrink below three.
        assert.throws(
            () => new KnativeEciPlatform("pf-bad4", { cluster: { nodePool: { desiredSize: 2 } } }),
            /^InputError: KnativeEciPlatform "pf-bad4": cluster.nodePool.desiredSize = 2 is not valid: expected at least 3: ACK's Knative needs at least 3 worker nodes/,
        );
        assert.throws(
            () => new KnativeEciPlatform("pf-bad5", { cluster: { nodePool: { autoscaling: true, minSize: 1, maxSize: 5 } } }),
            /cluster.nodePool.minSize = 1 is not valid: expected at least 3/,
        );
        assert.throws(
            () =>
                new KnativeEciPlatform("pf-bad6", {
                    virtualNode: { version: "v2.8.0" },
                    services: [{ serviceName: "z", placement: "ecs-and-eci", image }],
                }),
            /virtualNode.version = "v2.8.0" is not valid: expected 2.10.0 or later/,
        );
        assert.equal(engine.resources.length, before);
        assert.ok(!engine.resources.some((r) => r.name.startsWith("pf-bad")));
    });

    it("leaves an adopted cluster's own add-ons alone unless told to install them", async () => {
        const adopted = new KnativeEciPlatform("pf-adopt", {
            cluster: { existingKubeconfig: "apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: 'https://10.0.0.1:6443'}\n" },
            ecsNodesLabeled: true,
            services: [{ serviceName: "adopted-mixed", placement: "ecs-and-eci", image }],
        });
        await valueOf(adopted.serviceUrls);
        await engine.settle();
        assert.equal(engine.resources.filter((r) => r.name.startsWith("pf-adopt") && r.type.startsWith("alicloud:")).length, 0);
        // The cluster's own Knative still gets the config-features flags the placements need (kept on destroy).
        assert.deepEqual(dependencyNames(T.ksvc, "pf-adopt-adopted-mixed-ksvc"), [
            "kubernetes:core/v1:ConfigMapPatch::pf-adopt-knative-features",
        ]);
        const features = engine.resources.find((r) => r.name === "pf-adopt-knative-features");
        assert.equal((features?.inputs as { data: Record<string, string> }).data["kubernetes.podspec-affinity"], "enabled");
        assert.throws(
            () =>
                new KnativeEciPlatform("pf-adopt2", {
                    cluster: { existingKubeconfig: "clusters:\n- name: c\n  cluster: {server: 'https://10.0.0.1:6443'}\n" },
                    virtualNode: { install: true },
                }),
            /virtualNode.install = true is not valid: expected false/,
        );
    });

    it("enables the Knative features its services' pod specs need", async () => {
        new KnativeEciPlatform("pf-feat", {
            knative: { features: { "multi-container": "enabled" } },
            services: [
                {
                    serviceName: "pvc-user",
                    placement: "ecs",
                    image,
                    volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data", readOnly: true } }],
                    volumeMounts: [{ name: "data", mountPath: "/data", readOnly: true }],
                },
            ],
        });
        await engine.settle();
        const patch = engine.get("kubernetes:core/v1:ConfigMapPatch", "pf-feat-knative-features").inputs as {
            data: Record<string, string>;
        };
        assert.equal(patch.data["kubernetes.podspec-persistent-volume-claim"], "enabled");
        assert.equal(patch.data["kubernetes.podspec-persistent-volume-write"], undefined);
        assert.equal(patch.data["multi-container"], "enabled");
        assert.equal(patch.data["kubernetes.podspec-affinity"], "enabled");
    });
});
