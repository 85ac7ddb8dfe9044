import * as assert from "node:assert/strict";
import {
    AckClusterKind,
    AckClusterMode,
    type AckClusterPlanInput,
    planAckCluster,
    plannedNodePool,
    planOfKind,
    resolveAckClusterLayout,
} from "../../../sdk/render/cluster/ackCluster";
import { givenZoneIds } from "../../../sdk/render/cluster/ackNetwork";
import { givenKubeconfig } from "../../../sdk/render/cluster/kubeconfig";
import { InputError } from "../../../sdk/render/core/errors";

const CLUSTER_ID = "c0123456789abcdef0123456789abcdef";
const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters:\n- name: c1\n  cluster:\n    server: https://10.0.0.5:6443\n";

describe("AckCluster kinds", () => {
    it("plans one kind per way of obtaining the cluster, with its mode", () => {
        const cases: [AckClusterPlanInput, AckClusterKind, AckClusterMode][] = [
            [{}, AckClusterKind.CreatedNetwork, AckClusterMode.Create],
            [{ vswitchIds: ["vsw-a1", "vsw-b1"] }, AckClusterKind.GivenNetwork, AckClusterMode.Create],
            [{ existingClusterId: CLUSTER_ID }, AckClusterKind.AdoptedById, AckClusterMode.AdoptById],
            [{ hasExistingKubeconfig: true }, AckClusterKind.AdoptedByKubeconfig, AckClusterMode.AdoptByKubeconfig],
            // A kubeconfig given with the id replaces ACK's credential; the cluster is still adopted by id.
            [{ existingClusterId: CLUSTER_ID, hasExistingKubeconfig: true }, AckClusterKind.AdoptedById, AckClusterMode.AdoptById],
        ];
        for (const [args, kind, mode] of cases) {
            const plan = planAckCluster("prod", args);
            assert.deepEqual({ kind: plan.kind, layoutKind: plan.layout.kind, mode: plan.layout.mode }, { kind, layoutKind: kind, mode });
            assert.equal(resolveAckClusterLayout("prod", args).kind, kind);
        }
    });

    it("holds what each kind declares and nothing else", () => {
        const byKubeconfig = planAckCluster("prod", { hasExistingKubeconfig: true, ecsNodeNames: ["n1"] });
        assert.deepEqual(Object.keys(byKubeconfig).sort(), ["ecsNodeLabel", "ecsNodeNames", "kind", "layout"]);
        const byId = planAckCluster("prod", { existingClusterId: CLUSTER_ID, kubeconfigExpirationMinutes: 60 });
        assert.deepEqual(Object.keys(byId).sort(), [
            "ecsNodeLabel",
            "ecsNodeNames",
            "existingClusterId",
            "kind",
            "kubeconfigExpirationMinutes",
            "layout",
        ]);
        assert.deepEqual(Object.keys(planAckCluster("prod", { createNodePool: false })).sort(), [
            "cluster",
            "ecsNodeLabel",
            "kind",
            "kubeconfigEndpoint",
            "layout",
            "network",
        ]);
        assert.deepEqual(Object.keys(planAckCluster("prod", { vswitchIds: ["vsw-a1", "vsw-b1"] })).sort(), [
            "cluster",
            "ecsNodeLabel",
            "givenNetwork",
            "kind",
            "kubeconfigEndpoint",
            "layout",
            "nodePool",
        ]);
    });

    it("narrows a plan to the kind its raw arguments decided, or names existingClusterId", () => {
        const plan = planAckCluster("prod", { existingClusterId: CLUSTER_ID });
        assert.equal(planOfKind("prod", plan, AckClusterKind.AdoptedById), plan);
        // existingClusterId was an Output that resolved to undefined: the resolved arguments plan a created cluster.
        assert.throws(
            () => planOfKind("prod", planAckCluster("prod", {}), AckClusterKind.AdoptedById),
            (e: unknown) =>
                e instanceof InputError &&
                e.message ===
                    'AckCluster "prod": existingClusterId (missing) is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a": an Output given here must resolve to one (whether it is set decides that the cluster is adopted).',
        );
    });

    it("reads the parts a layout declares, and calls their absence a bug", () => {
        const created = planAckCluster("prod", { zoneIds: ["cn-hangzhou-h", "cn-hangzhou-i"] });
        assert.ok(created.kind === AckClusterKind.CreatedNetwork);
        assert.equal(plannedNodePool(created).nodePoolName, "prod-ecs");
        assert.deepEqual(givenZoneIds(created.network), ["cn-hangzhou-h", "cn-hangzhou-i"]);
        const bare = planAckCluster("prod", { createNodePool: false });
        assert.ok(bare.kind === AckClusterKind.CreatedNetwork);
        assert.throws(
            () => plannedNodePool(bare),
            (e: unknown) => !(e instanceof InputError) && /the node pool of cluster prod was not rendered/.test(String(e)),
        );
        assert.throws(
            () => givenZoneIds(bare.network),
            (e: unknown) => !(e instanceof InputError) && /the given zones of network 192\.168\.0\.0\/16 was not rendered/.test(String(e)),
        );
    });

    it("reads a given kubeconfig's server, and rejects a missing one like a bad one", () => {
        assert.deepEqual(givenKubeconfig('AckCluster "prod"', "existingKubeconfig", KUBECONFIG), {
            kubeconfig: KUBECONFIG,
            server: "https://10.0.0.5:6443",
        });
        assert.throws(
            () => givenKubeconfig('AckCluster "prod"', "existingKubeconfig", undefined),
            /^InputError: AckCluster "prod": existingKubeconfig \(missing\) is not valid: expected a kubeconfig \(YAML or JSON\)/,
        );
    });
});
