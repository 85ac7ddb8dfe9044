import * as assert from "node:assert/strict";
import { InputError } from "../../../sdk/render/core/errors";
import {
    CONTROL_PLANE_DEPLOYMENTS,
    operatorManifestUrl,
    renderAckKnative,
    renderUpstreamKnative,
    REQUIRED_FEATURES,
    resolveKnativeSource,
} from "../../../sdk/render/knativeServing/knativeServing";

type Settings = Parameters<typeof renderUpstreamKnative>[1];

function rejects(render: (name: string, s: Settings) => unknown, settings: Settings, message: string): void {
    assert.throws(
        () => render("kn", settings),
        (e: unknown) => e instanceof InputError && e.message === message,
    );
}

const FLAGS = {
    "kubernetes.podspec-affinity": "enabled",
    "kubernetes.podspec-tolerations": "enabled",
    "kubernetes.podspec-nodeselector": "enabled",
};

describe("resolveKnativeSource", () => {
    it("defaults to ack and accepts both sources", () => {
        assert.equal(resolveKnativeSource("kn", undefined), "ack");
        assert.equal(resolveKnativeSource("kn", "ack"), "ack");
        assert.equal(resolveKnativeSource("kn", "upstream"), "upstream");
    });

    it("rejects an unknown source", () => {
        assert.throws(
            () => resolveKnativeSource("kn", "helm"),
            (e: unknown) =>
                e instanceof InputError &&
                e.message ===
                    'KnativeServing "kn": source = "helm" is not valid: expected one of "ack", "upstream", "existing" as a plain value (it decides which resources are declared).',
        );
    });
});

describe("renderAckKnative", () => {
    it("renders the knative add-on and a forced config-features patch", () => {
        assert.deepEqual(renderAckKnative("kn", {}), {
            addon: { name: "knative" },
            features: {
                metadata: { name: "config-features", namespace: "knative-serving", annotations: { "pulumi.com/patchForce": "true" } },
                data: FLAGS,
            },
        });
        assert.deepEqual(REQUIRED_FEATURES, FLAGS);
    });

    it("passes the add-on version and config through and merges further flags", () => {
        const r = renderAckKnative("kn", {
            addonVersion: "v1.15.2",
            addonConfig: { Gateway: "kourier" },
            features: { "kubernetes.podspec-fieldref": "enabled", "kubernetes.podspec-affinity": "Enabled" },
        });
        assert.deepEqual(r.addon, { name: "knative", version: "v1.15.2", config: '{"Gateway":"kourier"}' });
        assert.deepEqual(r.features.data, { "kubernetes.podspec-fieldref": "enabled", ...FLAGS });
    });

    it("rejects a registry override, with the reason", () => {
        rejects(
            renderAckKnative,
            { registryDefault: "mirror.example.com/${NAME}:v1" },
            'KnativeServing "kn": registryDefault = "mirror.example.com/${NAME}:v1" is not valid: expected no registryDefault with source "ack": ACK\'s managed Knative pulls its images from Alibaba Cloud\'s registries; an image-registry override applies only to the Knative Operator\'s install.',
        );
        rejects(
            renderAckKnative,
            { registryOverride: { activator: "a:1" } },
            'KnativeServing "kn": registryOverride = {"activator":"a:1"} is not valid: expected no registryOverride with source "ack": ACK\'s managed Knative pulls its images from Alibaba Cloud\'s registries; an image-registry override applies only to the Knative Operator\'s install.',
        );
    });

    it("rejects upstream-only settings", () => {
        rejects(
            renderAckKnative,
            { version: "1.20.1" },
            'KnativeServing "kn": version = "1.20.1" is not valid: expected no version with source "ack": it applies only to source "upstream".',
        );
        rejects(
            renderAckKnative,
            { servingConfig: { domain: { "example.com": "" } } },
            'KnativeServing "kn": servingConfig = {"domain":{"example.com":""}} is not valid: expected no servingConfig with source "ack": it applies only to source "upstream".',
        );
    });

    it("takes another add-on name when ACK names managed Knative differently", () => {
        assert.equal(renderAckKnative("kn", { addonName: "ack-knative" }).addon.name, "ack-knative");
        rejects(
            renderAckKnative,
            { addonName: "Knative Serving" },
            'KnativeServing "kn": addonName = "Knative Serving" is not valid: expected an ACK add-on name such as "knative" (cs.getKubernetesAddons lists the names ACK offers).',
        );
    });

    it("rejects a malformed add-on version and config", () => {
        rejects(
            renderAckKnative,
            { addonVersion: "newest" },
            'KnativeServing "kn": addonVersion = "newest" is not valid: expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers).',
        );
        rejects(
            renderAckKnative,
            { addonConfig: null as never },
            'KnativeServing "kn": addonConfig = null is not valid: expected a map of names to values; leave the argument out instead of null.',
        );
    });

    it("rejects disabling a flag placements need", () => {
        rejects(
            renderAckKnative,
            { features: { "kubernetes.podspec-tolerations": "disabled" } },
            'KnativeServing "kn": features["kubernetes.podspec-tolerations"] = "disabled" is not valid: expected "enabled": placements set affinity, tolerations or nodeSelector, which Knative rejects otherwise.',
        );
        rejects(
            renderAckKnative,
            { features: { "some-flag": "" } },
            'KnativeServing "kn": features["some-flag"] = "" is not valid: expected "enabled", "disabled" or "allowed" (Knative reads any other value as the flag\'s default).',
        );
    });
});

describe("renderUpstreamKnative", () => {
    it("renders the operator URL and an awaited KnativeServing CR with Kourier, flags and ECS pinning", () => {
        const r = renderUpstreamKnative("kn", {});
        assert.equal(r.version, "1.20.1");
        assert.equal(r.operatorManifest, "https://github.com/knative/operator/releases/download/knative-v1.20.1/operator.yaml");
        assert.deepEqual(r.serving.metadata, {
            name: "knative-serving",
            namespace: "knative-serving",
            annotations: { "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "900" },
        });
        assert.equal(r.serving.apiVersion, "operator.knative.dev/v1beta1");
        assert.equal(r.serving.kind, "KnativeServing");
        assert.equal(r.serving.spec.version, "1.20");
        assert.deepEqual(r.serving.spec.ingress, { kourier: { enabled: true } });
        assert.deepEqual(r.serving.spec.config, {
            features: FLAGS,
            network: { "ingress-class": "kourier.ingress.networking.knative.dev" },
        });
        assert.equal(r.serving.spec.registry, undefined);
        assert.deepEqual(
            r.serving.spec.workloads,
            CONTROL_PLANE_DEPLOYMENTS.map((name) => ({ name, nodeSelector: { "resource-role": "ecs" } })),
        );
        assert.ok(CONTROL_PLANE_DEPLOYMENTS.includes("webhook") && CONTROL_PLANE_DEPLOYMENTS.includes("3scale-kourier-gateway"));
    });

    it("pins a chosen version, normalising a leading v", () => {
        const r = renderUpstreamKnative("kn", { version: "v1.17.2" });
        assert.equal(r.version, "1.17.2");
        assert.equal(r.serving.spec.version, "1.17");
        assert.equal(r.operatorManifest, operatorManifestUrl("1.17.2"));
    });

    it("renders the registry override for regions without gcr.io", () => {
        const r = renderUpstreamKnative("kn", {
            registryDefault: "registry.cn-hangzhou.aliyuncs.com/mirror/${NAME}:v1.20.1",
            registryOverride: { "queue-proxy": "registry.cn-hangzhou.aliyuncs.com/mirror/qp:v1.20.1" },
            operatorManifest: "https://mirror.example.com/operator.yaml",
        });
        assert.deepEqual(r.serving.spec.registry, {
            default: "registry.cn-hangzhou.aliyuncs.com/mirror/${NAME}:v1.20.1",
            override: { "queue-proxy": "registry.cn-hangzhou.aliyuncs.com/mirror/qp:v1.20.1" },
        });
        assert.equal(r.operatorManifest, "https://mirror.example.com/operator.yaml");
    });

    it("uses a custom ECS label, can leave the control plane unpinned, and merges serving config", () => {
        const r = renderUpstreamKnative("kn", {
            ecsNodeLabel: { key: "pool", value: "system" },
            servingConfig: { domain: { "example.com": "" }, network: { "domain-template": "{{.Name}}.{{.Domain}}" } },
            readyTimeoutSeconds: 1200,
        });
        assert.deepEqual(r.serving.spec.workloads?.[0], { name: "activator", nodeSelector: { pool: "system" } });
        assert.deepEqual(r.serving.spec.config.domain, { "example.com": "" });
        assert.deepEqual(r.serving.spec.config.network, {
            "domain-template": "{{.Name}}.{{.Domain}}",
            "ingress-class": "kourier.ingress.networking.knative.dev",
        });
        assert.equal(r.serving.metadata.annotations["pulumi.com/timeoutSeconds"], "1200");
        assert.equal(renderUpstreamKnative("kn", { pinControlPlaneToEcs: false }).serving.spec.workloads, undefined);
    });

    it("rejects malformed or too old versions", () => {
        const expected = 'expected a Knative release 1.17.0 or newer as X.Y.Z, e.g. "1.20.1".';
        rejects(renderUpstreamKnative, { version: "1.20" }, `KnativeServing "kn": version = "1.20" is not valid: ${expected}`);
        rejects(renderUpstreamKnative, { version: "1.16.3" }, `KnativeServing "kn": version = "1.16.3" is not valid: ${expected}`);
        rejects(renderUpstreamKnative, { version: "latest" }, `KnativeServing "kn": version = "latest" is not valid: ${expected}`);
    });

    it("rejects ack-only settings", () => {
        rejects(
            renderUpstreamKnative,
            { addonVersion: "v1.0.0" },
            'KnativeServing "kn": addonVersion = "v1.0.0" is not valid: expected no addonVersion with source "upstream": it applies only to source "ack".',
        );
    });

    it("rejects a registry template without ${NAME} and a bad override", () => {
        rejects(
            renderUpstreamKnative,
            { registryDefault: "mirror.example.com/knative:v1" },
            'KnativeServing "kn": registryDefault = "mirror.example.com/knative:v1" is not valid: expected an image template containing "${NAME}" (the container name), e.g. "registry.example.com/knative/${NAME}:v1.20.1".',
        );
        rejects(
            renderUpstreamKnative,
            { registryOverride: { activator: "" } },
            'KnativeServing "kn": registryOverride["activator"] = "" is not valid: expected a full image reference, e.g. registry.example.com/knative/activator:v1.20.1 ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
        );
    });

    it("rejects serving config that fights the component", () => {
        rejects(
            renderUpstreamKnative,
            { servingConfig: { network: { "ingress-class": "istio.ingress.networking.knative.dev" } } },
            'KnativeServing "kn": servingConfig["network"]["ingress-class"] = "istio.ingress.networking.knative.dev" is not valid: expected "kourier.ingress.networking.knative.dev" or no value: this component installs Kourier as the ingress.',
        );
        rejects(
            renderUpstreamKnative,
            { servingConfig: { features: { a: "enabled" } } },
            'KnativeServing "kn": servingConfig["features"] = {"a":"enabled"} is not valid: expected feature flags in the features argument instead.',
        );
        rejects(
            renderUpstreamKnative,
            { servingConfig: { "config-domain": { a: "b" } } },
            'KnativeServing "kn": servingConfig key = "config-domain" is not valid: expected a ConfigMap name without the "config-" prefix, e.g. "autoscaler" or "domain".',
        );
    });

    it("rejects a bad ECS label and timeout", () => {
        rejects(
            renderUpstreamKnative,
            { ecsNodeLabel: { key: "bad key", value: "x" } },
            "KnativeServing \"kn\": ecsNodeLabel.key = \"bad key\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
        );
        rejects(
            renderUpstreamKnative,
            { readyTimeoutSeconds: 5 },
            'KnativeServing "kn": readyTimeoutSeconds = 5 is not valid: expected an integer from 60 to 3600.',
        );
    });
});
