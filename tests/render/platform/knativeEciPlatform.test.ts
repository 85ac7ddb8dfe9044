import * as assert from "node:assert/strict";
import { InputError } from "../../../sdk/render/core/errors";
import { checkPlatform, type PlatformFacts } from "../../../sdk/render/platform/knativeEciPlatform";

const facts: PlatformFacts = {
    virtualNodeEnabled: true,
    ecsNodeLabel: { key: "resource-role", value: "ecs" },
    declaresEcsNodes: true,
    clusterSpec: "ack.pro.small",
    created: true,
    adoptedByKubeconfig: false,
    installsVirtualNode: true,
    installsKnative: true,
    installsAckKnative: true,
    pinsKnativeToEcs: false,
    knativeFeatures: {},
    namespaces: [{ namespaceName: "vk" }, { namespaceName: "vk-injected", eciInjection: true }],
    services: [
        { serviceName: "a", namespace: "vk", placement: "eci" },
        { serviceName: "b", namespace: "vk-injected", placement: "eci-namespace" },
        { serviceName: "c", namespace: "vk", placement: "ecs-and-eci" },
    ],
};

function rejects(change: Partial<PlatformFacts>, message: string, fix: RegExp): void {
    assert.throws(
        () => checkPlatform("guide", { ...facts, ...change }),
        (e: unknown) => {
            assert.ok(e instanceof InputError);
            assert.ok(e.message.startsWith(`KnativeEciPlatform "guide": ${message}`), e.message);
            assert.match(e.message, fix);
            return true;
        },
    );
}

describe("KnativeEciPlatform cross-checks", () => {
    it("accepts the guide's three modes", () => {
        checkPlatform("guide", facts);
    });

    it("requires an eci-namespace service's namespace to be declared with eciInjection, saying how to fix it", () => {
        rejects(
            { services: [{ serviceName: "b", namespace: "vk", placement: "eci-namespace" }] },
            'services[0].namespace = "vk" is not valid',
            /add \{ namespaceName: "vk", eciInjection: true \} to namespaces, or use placement "eci"/,
        );
        rejects(
            { services: [{ serviceName: "b", placement: "eci-namespace" }] },
            'services[0].namespace = "default"',
            /eciInjection: true/,
        );
    });

    it("accepts the current alibabacloud.com/eci label for eci-namespace", () => {
        checkPlatform("guide", { ...facts, namespaces: [{ namespaceName: "vk-injected", eciLabel: true }], services: [facts.services[1]] });
    });

    it("rejects ECS placements in a namespace whose pods ACK sends to ECI", () => {
        rejects(
            { services: [{ serviceName: "c", namespace: "vk-injected", placement: "ecs-and-eci" }] },
            'services[0].placement = "ecs-and-eci"',
            /labeled for ECI injection/,
        );
    });

    it("needs the virtual node for ECI placements", () => {
        rejects({ virtualNodeEnabled: false }, 'services[0].placement = "eci"', /enable the virtual node/);
        checkPlatform("guide", { ...facts, virtualNodeEnabled: false, services: [{ serviceName: "d", placement: "ecs" }] });
    });

    it("needs ECS nodes carrying the label ECS placements select", () => {
        rejects({ declaresEcsNodes: false }, 'services[2].placement = "ecs-and-eci"', /cluster\.ecsNodeNames/);
        rejects(
            { services: [{ serviceName: "c", placement: "ecs", ecsNodeLabel: { key: "pool", value: "web" } }] },
            'services[0].ecsNodeLabel = "pool=web"',
            /resource-role=ecs/,
        );
    });

    it("rejects ecs-first on a non-Pro cluster, with either strategy", () => {
        const burst = { serviceName: "e", placement: "ecs-first" as const };
        rejects(
            { clusterSpec: "ack.standard", services: [burst] },
            'services[0].placement = "ecs-first"',
            /ACK Pro cluster for "ecs-first".*"ack.standard".*ResourcePolicy.*"ack.pro.small"/,
        );
        rejects(
            { clusterSpec: "ack.standard", services: [{ ...burst, ecsFirst: { strategy: "preferred-affinity" } }] },
            'services[0].placement = "ecs-first"',
            /virtual node-based pod scheduling.*ACK Pro only/,
        );
        checkPlatform("guide", { ...facts, clusterSpec: undefined, services: [burst] });
    });

    it("needs ACK Pro for placements that reach the virtual node by node affinity (virtual node-based pod scheduling)", () => {
        for (const service of facts.services) {
            rejects(
                { clusterSpec: "ack.standard", services: [service] },
                `services[0].placement = "${service.placement}"`,
                /node affinity and tolerations.*ACK Pro only; use clusterSpec "ack.pro.small"/,
            );
        }
        checkPlatform("guide", { ...facts, clusterSpec: "ack.pro.xlarge" });
        // ACK Basic's documented ways: ECS only, or a namespace labeled alibabacloud.com/eci=true.
        checkPlatform("guide", {
            ...facts,
            clusterSpec: "ack.standard",
            namespaces: [{ namespaceName: "eci", eciLabel: true }],
            services: [
                { serviceName: "a", namespace: "eci", placement: "eci-namespace" },
                { serviceName: "b", placement: "ecs" },
            ],
        });
    });

    it("needs Kubernetes 1.22 and ack-virtual-node 2.10.0 or later for virtual node-based pod scheduling", () => {
        const noKnative = { installsKnative: false, installsAckKnative: false };
        rejects(
            { ...noKnative, kubernetesVersion: "1.20.11-aliyun.1" },
            'cluster.kubernetesVersion = "1.20.11-aliyun.1"',
            /1\.22 or later/,
        );
        checkPlatform("guide", { ...facts, ...noKnative, kubernetesVersion: "1.22.15-aliyun.1" });
        rejects({ virtualNodeVersion: "v2.9.3" }, 'virtualNode.version = "v2.9.3"', /ack-virtual-node 2\.10\.0 or later/);
        rejects({ virtualNodeVersion: "1.5.0" }, 'virtualNode.version = "1.5.0"', /2\.10\.0 or later/);
        checkPlatform("guide", { ...facts, virtualNodeVersion: "v2.10.0" });
        checkPlatform("guide", { ...facts, virtualNodeVersion: "v2.13.2" });
        // An ECS-only platform does not need it.
        checkPlatform("guide", { ...facts, virtualNodeVersion: "v2.9.3", services: [{ serviceName: "b", placement: "ecs" }] });
    });

    it("installs ACK's Knative only on three or more ECS nodes and Kubernetes 1.28 or later", () => {
        rejects(
            { ecsNodes: { count: 2, field: "nodePool.desiredSize" } },
            "cluster.nodePool.desiredSize = 2",
            /at least 3 worker nodes.*set cluster.nodePool.desiredSize to 3 or more, or use knative.source "upstream"/,
        );
        rejects({ ecsNodes: { count: 1, field: "nodePool.minSize" } }, "cluster.nodePool.minSize = 1", /at least 3/);
        rejects({ ecsNodes: { count: 0, field: "createNodePool" } }, "cluster.createNodePool = false", /would have none/);
        checkPlatform("guide", { ...facts, ecsNodes: { count: 3, field: "nodePool.desiredSize" } });
        // Upstream Knative, or no Knative, has no such minimum.
        checkPlatform("guide", { ...facts, installsAckKnative: false, ecsNodes: { count: 2, field: "nodePool.desiredSize" } });
        rejects({ kubernetesVersion: "1.26.3-aliyun.1" }, 'cluster.kubernetesVersion = "1.26.3-aliyun.1"', /1\.28 or later/);
        checkPlatform("guide", { ...facts, kubernetesVersion: "1.28.3-aliyun.1" });
        checkPlatform("guide", { ...facts, kubernetesVersion: "1.33.1-aliyun.1" });
    });

    it("rejects missing or repeated names", () => {
        rejects({ services: [{ placement: "eci" }] }, "services[0].serviceName (missing)", /Knative Service's name/);
        rejects(
            { services: [facts.services[0], { ...facts.services[0], namespace: "other" }] },
            'services[1].serviceName = "a"',
            /once in the platform/,
        );
        rejects(
            { namespaces: [{ namespaceName: "vk" }, { namespaceName: "vk" }] },
            'namespaces[1].namespaceName = "vk"',
            /each namespace once/,
        );
    });

    it("does not pin upstream Knative to ECS nodes the platform does not declare", () => {
        rejects(
            { pinsKnativeToEcs: true, declaresEcsNodes: false, services: [] },
            "knative.pinControlPlaneToEcs = true",
            /control plane would stay Pending/,
        );
        checkPlatform("guide", { ...facts, pinsKnativeToEcs: true });
    });

    it("keeps the Knative features a service's pod spec needs enabled", () => {
        const needsPvc = [
            { serviceName: "db", placement: "ecs" as const, requiredFeatures: ["kubernetes.podspec-persistent-volume-claim"] },
        ];
        rejects(
            { services: needsPvc, knativeFeatures: { "kubernetes.podspec-persistent-volume-claim": "disabled" } },
            'knative.features["kubernetes.podspec-persistent-volume-claim"] = "disabled"',
            /services\[0\] needs it/,
        );
        checkPlatform("guide", { ...facts, services: needsPvc });
    });

    it("needs a network for an image cache on a cluster adopted by kubeconfig", () => {
        const cached = [{ serviceName: "c", placement: "eci" as const, imageCacheNeedsClusterNetwork: true }];
        rejects(
            { adoptedByKubeconfig: true, installsVirtualNode: false, installsAckKnative: false, services: cached },
            "services[0].imageCache",
            /expected vswitchId and securityGroupId/,
        );
        checkPlatform("guide", { ...facts, services: cached });
    });

    it("cannot install ACK add-ons on a cluster adopted by kubeconfig alone", () => {
        rejects({ adoptedByKubeconfig: true }, "virtualNode.install = true", /cluster.existingClusterId/);
        rejects({ adoptedByKubeconfig: true, installsVirtualNode: false }, "knative.install = true", /knative.source "upstream"/);
    });
});
