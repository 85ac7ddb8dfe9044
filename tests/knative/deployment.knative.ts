// The Deployment Knative's own revision reconciler makes (tests/knative-helper `deploy`), as the engine tests' stand-in
// creates it: what placement on ECS and ECI depends on — replicas at start, affinity, pod annotations and labels.
import * as assert from "node:assert/strict";
import { revisionDeployment } from "../engine/harness/knativeStandIn";

const ksvc = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: "web", namespace: "vk", uid: "5b0f8f4e-1111-4222-8333-944445555666", generation: 3 },
    spec: {
        template: {
            metadata: {
                annotations: { "autoscaling.knative.dev/min-scale": "4", "k8s.aliyun.com/eci-use-specs": "2-4Gi" },
                labels: { team: "a" },
            },
            spec: {
                containerConcurrency: 10,
                timeoutSeconds: 300,
                containers: [
                    {
                        name: "user-container",
                        image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
                        env: [{ name: "TARGET", value: "x" }],
                    },
                ],
                tolerations: [{ key: "virtual-kubelet.io/provider", operator: "Exists" }],
            },
        },
    },
};
const FEATURES = [
    {
        metadata: { name: "config-features" },
        data: { "kubernetes.podspec-tolerations": "enabled", "kubernetes.podspec-affinity": "enabled" },
    },
];

describe("Knative's own Deployment for a revision (MakeDeployment)", () => {
    const d = revisionDeployment(ksvc, FEATURES);
    const pod = d.spec!.template;

    it("names it after the revision and lets the Service own it (the stand-in creates no Revision)", () => {
        assert.equal(d.metadata?.name, "web-00003-deployment");
        assert.deepEqual(
            d.metadata?.ownerReferences?.map((o) => `${o.kind}/${o.name}/${o.uid}`),
            ["Service/web/5b0f8f4e-1111-4222-8333-944445555666"],
        );
    });

    it("starts at the initial scale (1), not min-scale: the autoscaler scales it from there", () => {
        assert.equal(d.spec?.replicas, 1);
        const initial = structuredClone(ksvc);
        (initial.spec.template.metadata.annotations as Record<string, string>)["autoscaling.knative.dev/initial-scale"] = "3";
        assert.equal(revisionDeployment(initial, FEATURES).spec?.replicas, 3);
    });

    it("adds a preferred pod anti-affinity over nodes when the revision has no affinity, and keeps the revision's own", () => {
        assert.deepEqual(pod.spec?.affinity, {
            podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                    {
                        weight: 100,
                        podAffinityTerm: {
                            labelSelector: { matchLabels: { "serving.knative.dev/revision": "web-00003" } },
                            topologyKey: "kubernetes.io/hostname",
                        },
                    },
                ],
            },
        });
        const nodeAffinity = {
            requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: "type", operator: "In", values: ["virtual-kubelet"] }] }],
            },
        };
        const placed = structuredClone(ksvc) as typeof ksvc & { spec: { template: { spec: { affinity?: unknown } } } };
        placed.spec.template.spec.affinity = { nodeAffinity };
        assert.deepEqual(revisionDeployment(placed, FEATURES).spec?.template.spec?.affinity, { nodeAffinity });
    });

    it("copies the template's annotations but not the autoscaling ones to the pods, and labels them with the revision", () => {
        assert.equal(pod.metadata?.annotations?.["k8s.aliyun.com/eci-use-specs"], "2-4Gi");
        assert.equal(pod.metadata?.annotations?.["autoscaling.knative.dev/min-scale"], undefined);
        assert.equal(pod.metadata?.labels?.team, "a");
        assert.equal(pod.metadata?.labels?.["serving.knative.dev/revision"], "web-00003");
        assert.equal(pod.metadata?.labels?.["serving.knative.dev/service"], "web");
        assert.deepEqual(pod.spec?.tolerations, ksvc.spec.template.spec.tolerations);
    });

    it("runs the user container with Knative's env beside the queue-proxy, without the revision-only fields", () => {
        assert.deepEqual(
            pod.spec?.containers.map((c) => c.name),
            ["user-container", "queue-proxy"],
        );
        const env = pod.spec!.containers[0].env!.map((e) => e.name);
        for (const name of ["TARGET", "PORT", "K_REVISION", "K_CONFIGURATION", "K_SERVICE"]) assert.ok(env.includes(name), name);
        assert.equal("containerConcurrency" in (pod.spec ?? {}), false);
        assert.equal(pod.spec?.enableServiceLinks, false);
    });
});
