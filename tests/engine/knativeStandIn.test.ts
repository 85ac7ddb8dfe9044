// The Knative stand-in's scaling and status, checked offline (the engine tests use it against the local control plane;
// the revision's Deployment is Knative's own, checked in tests/knative/deployment.knative.ts).
import * as assert from "node:assert/strict";
import { replicasOf, serviceStatus } from "./knativeStandIn";

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
});
