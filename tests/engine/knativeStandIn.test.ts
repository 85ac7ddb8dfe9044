// The Knative stand-in's rendering, checked offline (the engine tests use it against the local control plane).
import * as assert from "node:assert/strict";
import { replicasOf, revisionDeployment, serviceStatus } from "./knativeStandIn";
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
    it("makes the revision's Deployment from the revision template, as Knative's reconciler does", () => {
        const d = revisionDeployment(ksvc);
        assert.equal(d.metadata?.name, "web-00003-deployment");
        assert.equal(d.metadata?.ownerReferences?.[0].uid, "u-1");
        assert.equal(d.spec?.replicas, 4);
        const pod = d.spec!.template;
        assert.deepEqual(pod.metadata?.labels, {
            team: "a",
            "serving.knative.dev/service": "web",
            "serving.knative.dev/configuration": "web",
            "serving.knative.dev/revision": "web-00003",
            app: "web-00003",
        });
        assert.equal(pod.metadata?.annotations?.["k8s.aliyun.com/eci-use-specs"], "2-4Gi");
        assert.deepEqual(
            pod.spec?.containers.map((c) => c.name),
            ["user-container", "queue-proxy"],
        );
        assert.deepEqual(
            pod.spec?.containers[0].env?.map((e) => e.name),
            ["TARGET", "PORT", "K_REVISION", "K_CONFIGURATION", "K_SERVICE"],
        );
        assert.deepEqual(pod.spec?.tolerations, ksvc.spec.template.spec.tolerations);
        assert.equal("containerConcurrency" in (pod.spec ?? {}), false, "revision-only fields are not pod fields");
    });

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
        const deployment = revisionDeployment(ksvc);
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
