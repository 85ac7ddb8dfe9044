import "../harness";
import * as pulumi from "@pulumi/pulumi";
import { KnativeServing } from "../../sdk";
import { KNATIVE_SERVING_ARGS } from "../../sdk/render/knativeServing/knativeServingArgs";
import { type Rejection, rejectionTable } from "../fixtures/rejectionTable";

const clusterId = "c0123456789abcdef";
const ack = { clusterId };
const upstream = { source: "upstream" };
const rows: Rejection[] = [
    [{}, 'KnativeServing "t-kn": clusterId (missing) is not valid: expected the ACK cluster id with source "ack".'],
    [
        { clusterId: "" },
        'KnativeServing "t-kn": clusterId = "" is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a".',
    ],
    [
        { clusterId: "my-cluster" },
        'KnativeServing "t-kn": clusterId = "my-cluster" is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a".',
    ],
    [{ clusterId: 1 }, 'KnativeServing "t-kn": clusterId = 1 is not valid: expected a string, not a number.'],
    [
        { source: "operator" },
        'KnativeServing "t-kn": source = "operator" is not valid: expected one of "ack", "upstream", "existing" as a plain value (it decides which resources are declared).',
    ],
    [
        { source: pulumi.output("ack"), clusterId },
        'KnativeServing "t-kn": source = (an Output) is not valid: expected one of "ack", "upstream", "existing" as a plain value, not an Output: it decides which resources are declared.',
    ],
    [{ source: 1 }, 'KnativeServing "t-kn": source = 1 is not valid: expected one of "ack", "upstream", "existing", not a number.'],
    [
        { ...ack, addonVersion: "latest" },
        'KnativeServing "t-kn": addonVersion = "latest" is not valid: expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers).',
    ],
    [{ ...ack, addonVersion: 1 }, 'KnativeServing "t-kn": addonVersion = 1 is not valid: expected a string, not a number.'],
    [
        { ...ack, addonName: "Knative!" },
        'KnativeServing "t-kn": addonName = "Knative!" is not valid: expected an ACK add-on name such as "knative" (cs.getKubernetesAddons lists the names ACK offers).',
    ],
    [
        { ...ack, addonConfig: "gateway=kourier" },
        'KnativeServing "t-kn": addonConfig = "gateway=kourier" is not valid: expected a map of names to values, not a string.',
    ],
    [
        { ...ack, addonConfig: null },
        'KnativeServing "t-kn": addonConfig = null is not valid: expected a map of names to values; leave the argument out instead of null.',
    ],
    [
        { ...ack, version: "1.20.1" },
        'KnativeServing "t-kn": version = "1.20.1" is not valid: expected no version with source "ack": it applies only to source "upstream".',
    ],
    [
        { ...ack, operatorManifest: "operator.yaml" },
        'KnativeServing "t-kn": operatorManifest = "operator.yaml" is not valid: expected no operatorManifest with source "ack": it applies only to source "upstream".',
    ],
    [
        { ...ack, registryDefault: "r.example.com/${NAME}:v1" },
        'KnativeServing "t-kn": registryDefault = "r.example.com/${NAME}:v1" is not valid: expected no registryDefault with source "ack": ACK\'s managed Knative pulls its images from Alibaba Cloud\'s registries; an image-registry override applies only to the Knative Operator\'s install.',
    ],
    [
        { ...ack, registryOverride: { activator: "r.example.com/activator:v1" } },
        'KnativeServing "t-kn": registryOverride = {"activator":"r.example.com/activator:v1"} is not valid: expected no registryOverride with source "ack": ACK\'s managed Knative pulls its images from Alibaba Cloud\'s registries; an image-registry override applies only to the Knative Operator\'s install.',
    ],
    [
        { ...ack, servingConfig: { domain: {} } },
        'KnativeServing "t-kn": servingConfig = {"domain":{}} is not valid: expected no servingConfig with source "ack": it applies only to source "upstream".',
    ],
    [
        { ...ack, readyTimeoutSeconds: 900 },
        'KnativeServing "t-kn": readyTimeoutSeconds = 900 is not valid: expected no readyTimeoutSeconds with source "ack": it applies only to source "upstream".',
    ],
    [
        { ...ack, features: { "kubernetes.podspec-affinity": "disabled" } },
        'KnativeServing "t-kn": features["kubernetes.podspec-affinity"] = "disabled" is not valid: expected "enabled": placements set affinity, tolerations or nodeSelector, which Knative rejects otherwise.',
    ],
    [
        { ...ack, features: { "multi-container": "on" } },
        'KnativeServing "t-kn": features["multi-container"] = "on" is not valid: expected "enabled", "disabled" or "allowed" (Knative reads any other value as the flag\'s default).',
    ],
    [
        { ...ack, features: { "multi-container": true } },
        'KnativeServing "t-kn": features["multi-container"] = true is not valid: expected a string, not a boolean.',
    ],
    [
        { ...ack, features: ["multi-container"] },
        'KnativeServing "t-kn": features = ["multi-container"] is not valid: expected a map of names to strings, not a list.',
    ],
    [
        { ...ack, feature: { "multi-container": "enabled" } },
        'KnativeServing "t-kn": feature = {"multi-container":"enabled"} is not an argument; did you mean features?',
    ],
    [
        { ...ack, features: { "secure-pod-defaults": "strict" } },
        'KnativeServing "t-kn": features["secure-pod-defaults"] = "strict" is not valid: expected one of "enabled", "disabled", "allowed", "root-allowed", "allowrootbounded".',
    ],
    [
        { ...upstream, addonVersion: "v1.0.0" },
        'KnativeServing "t-kn": addonVersion = "v1.0.0" is not valid: expected no addonVersion with source "upstream": it applies only to source "ack".',
    ],
    [
        { ...upstream, addonConfig: {} },
        'KnativeServing "t-kn": addonConfig = {} is not valid: expected no addonConfig with source "upstream": it applies only to source "ack".',
    ],
    [
        { ...upstream, version: "1.16.0" },
        'KnativeServing "t-kn": version = "1.16.0" is not valid: expected a Knative release 1.17.0 or newer as X.Y.Z, e.g. "1.20.1".',
    ],
    [
        { ...upstream, version: "2.0.0" },
        'KnativeServing "t-kn": version = "2.0.0" is not valid: expected a Knative release 1.17.0 or newer as X.Y.Z, e.g. "1.20.1".',
    ],
    [
        { ...upstream, version: "latest" },
        'KnativeServing "t-kn": version = "latest" is not valid: expected a Knative release 1.17.0 or newer as X.Y.Z, e.g. "1.20.1".',
    ],
    [{ ...upstream, version: 1.2 }, 'KnativeServing "t-kn": version = 1.2 is not valid: expected a string, not a number.'],
    [{ ...upstream, operatorManifest: "" }, 'KnativeServing "t-kn": operatorManifest = "" is not valid: expected a URL or file path.'],
    [
        { ...upstream, operatorManifest: " \n\t " },
        'KnativeServing "t-kn": operatorManifest = " \\n\\t " is not valid: expected a URL or file path.',
    ],
    [{ ...upstream, operatorManifest: 1 }, 'KnativeServing "t-kn": operatorManifest = 1 is not valid: expected a string, not a number.'],
    [
        { ...upstream, registryDefault: "r.example.com/knative:v1" },
        'KnativeServing "t-kn": registryDefault = "r.example.com/knative:v1" is not valid: expected an image template containing "${NAME}" (the container name), e.g. "registry.example.com/knative/${NAME}:v1.20.1".',
    ],
    [{ ...upstream, registryDefault: 1 }, 'KnativeServing "t-kn": registryDefault = 1 is not valid: expected a string, not a number.'],
    [
        { ...upstream, registryOverride: { activator: "Bad Image" } },
        'KnativeServing "t-kn": registryOverride["activator"] = "Bad Image" is not valid: expected a full image reference, e.g. registry.example.com/knative/activator:v1.20.1 ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...upstream, registryOverride: "r.example.com" },
        'KnativeServing "t-kn": registryOverride = "r.example.com" is not valid: expected a map of names to strings, not a string.',
    ],
    [
        { ...upstream, servingConfig: { "config-domain": { "example.com": "" } } },
        'KnativeServing "t-kn": servingConfig key = "config-domain" is not valid: expected a ConfigMap name without the "config-" prefix, e.g. "autoscaler" or "domain".',
    ],
    [
        { ...upstream, servingConfig: { features: { "multi-container": "enabled" } } },
        'KnativeServing "t-kn": servingConfig["features"] = {"multi-container":"enabled"} is not valid: expected feature flags in the features argument instead.',
    ],
    [
        { ...upstream, servingConfig: { domain: { "example.com": 1 } } },
        'KnativeServing "t-kn": servingConfig["domain"]["example.com"] = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...upstream, servingConfig: { domain: "example.com" } },
        'KnativeServing "t-kn": servingConfig["domain"] = "example.com" is not valid: expected a map of names to strings, not a string.',
    ],
    [
        { ...upstream, servingConfig: { network: { "ingress-class": "istio.ingress.networking.knative.dev" } } },
        'KnativeServing "t-kn": servingConfig["network"]["ingress-class"] = "istio.ingress.networking.knative.dev" is not valid: expected "kourier.ingress.networking.knative.dev" or no value: this component installs Kourier as the ingress.',
    ],
    [
        { ...upstream, pinControlPlaneToEcs: "true" },
        'KnativeServing "t-kn": pinControlPlaneToEcs = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...upstream, ecsNodeLabel: { key: "resource-role", value: "has space" } },
        "KnativeServing \"t-kn\": ecsNodeLabel.value = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...upstream, ecsNodeLabel: { key: "resource-role" } },
        'KnativeServing "t-kn": ecsNodeLabel.value (missing) is not valid: expected a string (required).',
    ],
    [
        { ...upstream, ecsNodeLabel: ["resource-role", "ecs"] },
        'KnativeServing "t-kn": ecsNodeLabel = ["resource-role","ecs"] is not valid: expected an object with key, value, not a list.',
    ],
    [
        { ...upstream, ecsNodeLabel: { key: "", value: "ecs" } },
        "KnativeServing \"t-kn\": ecsNodeLabel.key = \"\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ...upstream, readyTimeoutSeconds: 30 },
        'KnativeServing "t-kn": readyTimeoutSeconds = 30 is not valid: expected an integer from 60 to 3600.',
    ],
    [
        { ...upstream, readyTimeoutSeconds: "900" },
        'KnativeServing "t-kn": readyTimeoutSeconds = "900" is not valid: expected a finite number, not a string.',
    ],
    [
        { ...upstream, readyTimeout: 900 },
        'KnativeServing "t-kn": readyTimeout = 900 is not an argument; expected one of source, clusterId, addonName, addonVersion, addonConfig, version, operatorManifest, registryDefault, registryOverride, features, servingConfig, pinControlPlaneToEcs, ecsNodeLabel, readyTimeoutSeconds.',
    ],
    [
        { ...upstream, install: true },
        'KnativeServing "t-kn": install = true is not an argument; expected one of source, clusterId, addonName, addonVersion, addonConfig, version, operatorManifest, registryDefault, registryOverride, features, servingConfig, pinControlPlaneToEcs, ecsNodeLabel, readyTimeoutSeconds.',
    ],
];

rejectionTable("KnativeServing", KNATIVE_SERVING_ARGS, (args) => new KnativeServing("t-kn", args as never), rows);
