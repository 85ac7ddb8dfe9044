import * as assert from "node:assert/strict";
import type { KnativeServiceSettings } from "../../../sdk/render/knativeService/knativeServiceArgs";
import { InputError } from "../../../sdk/render/core/errors";
import { renderKnativeService } from "../../../sdk/render/knativeService/knativeService";

const base: KnativeServiceSettings = { image: "registry.example.com/app:1", placement: "eci" };

/** Each case: the args that must be rejected and the start of the message (resource, field, value). */
const rejections: { what: string; args: Partial<KnativeServiceSettings>; message: string; valid: RegExp }[] = [
    {
        what: "a service name that is not a DNS label",
        args: { serviceName: "Hello_World" },
        message: 'serviceName = "Hello_World"',
        valid: /DNS-1035 label/,
    },
    {
        what: "a service name starting with a digit",
        args: { serviceName: "1api" },
        message: 'serviceName = "1api"',
        valid: /starting with a letter/,
    },
    { what: "a service name too long for Knative", args: { serviceName: "a".repeat(64) }, message: "serviceName", valid: /at most 63/ },
    {
        what: "a namespace that is not a DNS label",
        args: { namespace: "Team.A" },
        message: 'namespace = "Team.A"',
        valid: /DNS-1123 label/,
    },
    { what: "an empty image", args: { image: "" }, message: 'image = ""', valid: /container image reference/ },
    {
        what: "an image with spaces",
        args: { image: "nginx latest" },
        message: 'image = "nginx latest"',
        valid: /container image reference/,
    },
    {
        what: "an unknown placement",
        args: { placement: "fargate" as never },
        message: 'placement = "fargate"',
        valid: /"eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs"/,
    },
    { what: "a missing placement", args: { placement: undefined as never }, message: "placement (missing)", valid: /expected one of/ },
    {
        what: "an unlisted vCPU-memory combination",
        args: { eciSpecs: ["2-3Gi"] },
        message: 'eciSpecs[0] = "2-3Gi"',
        valid: /2 vCPU: 1\/2\/4\/8\/16 GiB/,
    },
    {
        what: "a spec that is neither form",
        args: { eciSpecs: ["2-4Gi", "large"] },
        message: 'eciSpecs[1] = "large"',
        valid: /ecs\.c6\.large/,
    },
    { what: "a spec in MiB", args: { eciSpecs: ["2-4096Mi"] }, message: 'eciSpecs[0] = "2-4096Mi"', valid: /<vCPU>-<memory>Gi/ },
    {
        what: "more than 5 specs",
        args: { eciSpecs: ["1-2Gi", "1-4Gi", "2-4Gi", "2-8Gi", "4-8Gi", "4-16Gi"] },
        message: "eciSpecs =",
        valid: /1 to 5 specs/,
    },
    { what: "no specs in an empty list", args: { eciSpecs: [] }, message: "eciSpecs = []", valid: /1 to 5 specs/ },
    { what: "a repeated spec", args: { eciSpecs: ["2-4Gi", "2-4Gi"] }, message: 'eciSpecs[1] = "2-4Gi"', valid: /each spec once/ },
    {
        what: "eciSpecs with ECS placement",
        args: { placement: "ecs", eciSpecs: ["2-4Gi"] },
        message: 'eciSpecs = ["2-4Gi"]',
        valid: /no ECI specs with placement "ecs"/,
    },
    {
        what: "containerConcurrency above 1000",
        args: { containerConcurrency: 1001 },
        message: "containerConcurrency = 1001",
        valid: /integer from 0 to 1000/,
    },
    {
        what: "negative containerConcurrency",
        args: { containerConcurrency: -1 },
        message: "containerConcurrency = -1",
        valid: /integer from 0 to 1000/,
    },
    {
        what: "fractional containerConcurrency",
        args: { containerConcurrency: 2.5 },
        message: "containerConcurrency = 2.5",
        valid: /integer/,
    },
    { what: "a negative min scale", args: { scaling: { minScale: -1 } }, message: "scaling.minScale = -1", valid: /whole number of pods/ },
    {
        what: "a non-integer max scale",
        args: { scaling: { maxScale: 1.5 } },
        message: "scaling.maxScale = 1.5",
        valid: /whole number of pods/,
    },
    {
        what: "min scale above max scale",
        args: { scaling: { minScale: 5, maxScale: 2 } },
        message: "scaling.minScale = 5",
        valid: /at most maxScale \(2\)/,
    },
    {
        what: "an unknown scaling metric",
        args: { scaling: { metric: "latency" } },
        message: 'scaling.metric = "latency"',
        valid: /"concurrency", "rps", "cpu", "memory"/,
    },
    {
        what: "a malformed scale-down delay",
        args: { scaling: { scaleDownDelay: "5 minutes" } },
        message: 'scaling.scaleDownDelay = "5 minutes"',
        valid: /duration like "90s"/,
    },
    { what: "a window below 6s", args: { scaling: { window: "2s" } }, message: 'scaling.window = "2s"', valid: /6s to 1h/ },
    { what: "timeoutSeconds above 600", args: { timeoutSeconds: 900 }, message: "timeoutSeconds = 900", valid: /integer from 1 to 600/ },
    { what: "an invalid env name", args: { env: { "1BAD": "x" } }, message: 'env["1BAD"] = "1BAD"', valid: /environment variable name/ },
    {
        what: "an env name Knative reserves",
        args: { env: { PORT: "80" } },
        message: 'env["PORT"] = "PORT"',
        valid: /Knative does not set itself/,
    },
    { what: "a queue-proxy port", args: { port: 8012 }, message: "port = 8012", valid: /queue-proxy ports/ },
    {
        what: "a malformed resource quantity",
        args: { resources: { limits: { memory: "4GB" } } },
        message: 'resources.limits.memory = "4GB"',
        valid: /Kubernetes quantity/,
    },
    {
        what: "autoscaling annotations on the Service",
        args: { annotations: { "autoscaling.knative.dev/min-scale": "1" } },
        message: 'annotations["autoscaling.knative.dev/min-scale"] = "1"',
        valid: /revision template/,
    },
    {
        what: "an eci-use-specs pod annotation next to eciSpecs",
        args: { eciSpecs: ["2-4Gi"], podAnnotations: { "k8s.aliyun.com/eci-use-specs": "4-8Gi" } },
        message: 'podAnnotations["k8s.aliyun.com/eci-use-specs"] = "4-8Gi"',
        valid: /eciSpecs already sets it/,
    },
    { what: "an invalid label value", args: { labels: { team: "a b" } }, message: 'labels["team"] = "a b"', valid: /label value/ },
    {
        what: "a node selector on the ECS label in eci mode",
        args: { nodeSelector: { "resource-role": "ecs" } },
        message: 'nodeSelector["resource-role"] = "ecs"',
        valid: /virtual node does not carry resource-role/,
    },
    {
        what: "a node selector for another virtual node type in eci mode",
        args: { nodeSelector: { type: "ecs" } },
        message: 'nodeSelector["type"] = "ecs"',
        valid: /expected "virtual-kubelet"/,
    },
    {
        what: "a node selector selecting the virtual node in ecs mode",
        args: { placement: "ecs", nodeSelector: { type: "virtual-kubelet" } },
        message: 'nodeSelector["type"] = "virtual-kubelet"',
        valid: /keeps pods off the ECI virtual node/,
    },
    {
        what: "a node selector on another ECS role in ecs mode",
        args: { placement: "ecs", nodeSelector: { "resource-role": "gpu" } },
        message: 'nodeSelector["resource-role"] = "gpu"',
        valid: /selects resource-role=ecs/,
    },
    {
        what: "a node selector narrowing ecs-and-eci to one side",
        args: { placement: "ecs-and-eci", nodeSelector: { type: "virtual-kubelet" } },
        message: 'nodeSelector["type"]',
        valid: /choose placement "ecs" or "eci"/,
    },
    {
        what: "a toleration of the virtual node taint in ecs mode",
        args: { placement: "ecs", tolerations: [{ key: "virtual-kubelet.io/provider", operator: "Exists" }] },
        message: "tolerations[0] =",
        valid: /keeps pods off ECI/,
    },
    {
        what: "a tolerate-everything toleration in ecs mode",
        args: { placement: "ecs", tolerations: [{ operator: "Exists" }] },
        message: "tolerations[0] =",
        valid: /keeps pods off ECI/,
    },
    {
        what: "a toleration with an unknown operator",
        args: { tolerations: [{ key: "a", operator: "Matches" }] },
        message: 'tolerations[0].operator = "Matches"',
        valid: /"Exists", "Equal"/,
    },
    { what: "hostNetwork in eci mode", args: { hostNetwork: true }, message: "hostNetwork = true", valid: /ECI does not support it/ },
    {
        what: "a hostPath volume in ecs-and-eci mode",
        args: { placement: "ecs-and-eci", volumes: [{ name: "h", hostPath: { path: "/var/log" } }] },
        message: "volumes[0].hostPath",
        valid: /ECI does not support it/,
    },
    {
        what: "a privileged container, which Knative never admits",
        args: { placement: "ecs", securityContext: { privileged: true } },
        message: "securityContext.privileged = true",
        valid: /Knative does not allow privileged containers/,
    },
    {
        what: "a ready timeout that is not a whole number of seconds",
        args: { readyTimeoutSeconds: 1.5 },
        message: "readyTimeoutSeconds = 1.5",
        valid: /integer from 1 to 7200/,
    },
    {
        what: "a ready timeout without waiting",
        args: { waitForReady: false, readyTimeoutSeconds: 60 },
        message: "readyTimeoutSeconds = 60",
        valid: /no timeout when waitForReady is false/,
    },
    {
        what: "a waitForReady that is not a boolean",
        args: { waitForReady: "no" as never },
        message: 'waitForReady = "no"',
        valid: /true or false/,
    },
    {
        what: "a volume with two sources",
        args: { volumes: [{ name: "v", emptyDir: {}, configMap: { name: "c" } }] },
        message: "volumes[0] =",
        valid: /exactly one of/,
    },
    {
        what: "a mount of an undeclared volume",
        args: { volumeMounts: [{ name: "data", mountPath: "/data" }] },
        message: 'volumeMounts[0].name = "data"',
        valid: /name of a volume/,
    },
    {
        what: "an invalid ECS node label override",
        args: { ecsNodeLabel: { key: "bad key", value: "x" } },
        message: 'ecsNodeLabel.key = "bad key"',
        valid: /expected a label key/,
    },
];

describe("KnativeService validation", () => {
    for (const { what, args, message, valid } of rejections) {
        it(`rejects ${what}`, () => {
            assert.throws(
                () => renderKnativeService("web", { ...base, ...args }),
                (e: unknown) => {
                    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
                    assert.ok(e.message.startsWith(`KnativeService "web": ${message}`), e.message);
                    assert.match(e.message, valid);
                    assert.match(e.message, /is not valid: expected/);
                    return true;
                },
            );
        });
    }

    it("accepts ECI-incompatible settings with placement ecs", () => {
        const svc = renderKnativeService("web", {
            ...base,
            placement: "ecs",
            hostNetwork: true,
            volumes: [{ name: "logs", hostPath: { path: "/var/log" } }],
            volumeMounts: [{ name: "logs", mountPath: "/logs", readOnly: true }],
        });
        assert.equal(svc.spec.template.spec.hostNetwork, true);
        assert.deepEqual(svc.spec.template.spec.volumes, [{ name: "logs", hostPath: { path: "/var/log" } }]);
    });

    it("accepts ECS instance types and every listed combination as specs", () => {
        const svc = renderKnativeService("web", { ...base, eciSpecs: ["0.25-0.5Gi", "ecs.c6.large", "52-384Gi", "ecs.gn6i-c4g1.xlarge"] });
        assert.equal(
            svc.spec.template.metadata.annotations?.["k8s.aliyun.com/eci-use-specs"],
            "0.25-0.5Gi,ecs.c6.large,52-384Gi,ecs.gn6i-c4g1.xlarge",
        );
    });
});
