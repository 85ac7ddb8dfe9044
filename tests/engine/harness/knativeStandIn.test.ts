// The Knative stand-in's scaling and status, checked offline (the engine tests use it against the local control plane;
// the revision's Deployment is Knative's own, checked in tests/knative/deployment.knative.ts).
import * as assert from "node:assert/strict";
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };
import { replicasOf, serviceStatus } from "./knativeStandIn";
import { podSelector, revisionFailure } from "./standInFailure";

const ksvc = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: "web", namespace: "vk", uid: "u-1", generation: 3 },
    spec: {
        template: {
            metadata: {
                annotations: { "autoscaling.knative.dev/min-scale": "4", "k8s.aliyun.com/eci-use-specs": "2-4Gi" },
                labels: { team: "a" },
            },
            spec: {
                containerConcurrency: 10,
                timeoutSeconds: 300,
                containers: [{ image: "img:1", env: [{ name: "TARGET", value: "x" }] }],
                tolerations: [{ key: "virtual-kubelet.io/provider", operator: "Exists" }],
            },
        },
    },
};

describe("Knative stand-in (engine tests)", () => {
    it("keeps at least one pod, at most max-scale", () => {
        const withScale = (a: Record<string, string>) => ({
            ...ksvc,
            spec: { template: { ...ksvc.spec.template, metadata: { annotations: a } } },
        });
        assert.equal(replicasOf(withScale({})), 1);
        assert.equal(replicasOf(withScale({ "autoscaling.knative.dev/min-scale": "5", "autoscaling.knative.dev/max-scale": "3" })), 3);
    });

    it("reports Ready with the URL and revision only once the pods are ready", () => {
        const ready = serviceStatus(ksvc, true, "t");
        assert.equal(ready.url, "http://web.vk.example.com");
        assert.equal(ready.latestReadyRevisionName, "web-00003");
        assert.equal(ready.observedGeneration, 3);
        assert.deepEqual(
            (ready.conditions as { type: string; status: string }[]).map((c) => `${c.type}=${c.status}`),
            ["ConfigurationsReady=True", "Ready=True", "RoutesReady=True"],
        );
        const waiting = serviceStatus(ksvc, false, "t");
        assert.equal(waiting.url, undefined);
        assert.equal(waiting.latestReadyRevisionName, undefined);
        assert.equal((waiting.conditions as { status: string }[])[1].status, "Unknown");
    });

    it("reports the revision failed, as Knative does, when its first pod cannot be scheduled", () => {
        // The parts of Knative's revision Deployment the verdict reads: wanted replicas and the pod selector.
        const deployment: K8s.V1Deployment = {
            metadata: { name: "web-00003-deployment", namespace: "vk" },
            spec: {
                replicas: 1,
                selector: { matchLabels: { "serving.knative.dev/revision": "web-00003" } },
                template: { spec: { containers: [] } },
            },
        };
        const message = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.";
        const pending = {
            status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message }] },
        };
        const failure = revisionFailure("web-00003", { ...deployment, status: { availableReplicas: 0 } }, [pending]);
        assert.deepEqual(failure, { reason: "RevisionFailed", message: `Revision "web-00003" failed with message: ${message}.` });
        const status = serviceStatus(ksvc, false, "t", failure);
        assert.deepEqual(
            (status.conditions as { type: string; status: string; message?: string }[]).map((c) => `${c.type}=${c.status}`),
            ["ConfigurationsReady=False", "Ready=False", "RoutesReady=Unknown"],
        );
        assert.equal((status.conditions as { message?: string }[])[1].message, failure!.message);
        // Still starting (no pods yet, or a pod that is scheduled), or some pods available: no verdict.
        assert.equal(revisionFailure("web-00003", deployment, []), undefined);
        assert.equal(revisionFailure("web-00003", { ...deployment, status: { availableReplicas: 1 } }, [pending]), undefined);
        assert.equal(podSelector(deployment), "serving.knative.dev/revision=web-00003");
    });
});
