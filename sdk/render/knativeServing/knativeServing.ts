import {
    KNATIVE_SERVING_ARGS,
    KNATIVE_SOURCES,
    KnativeSource,
    type KnativeServingArgs,
    type KnativeServingSettings,
} from "./knativeServingArgs";
import { containsEventuals } from "../core/eventual";

export { KNATIVE_SOURCES, KnativeSource } from "./knativeServingArgs";
import { shapedArgs, without } from "../core/shape";
import { checkAddonVersion, PATCH_FORCE, type RenderedAddon, type RenderedConfigMapPatch, renderAddonConfig } from "../core/addon";
import { Checker, resourceLabel } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";
import { checkGivenClusterId, checkNodeLabel, IMAGE_REFERENCE_GRAMMAR, isImageReference } from "../core/names";
import { DEFAULT_ECS_NODE_LABEL } from "../core/placement";
import { parseVersion } from "../core/version";

/**
 * The ACK add-on name of managed Knative: `knative` in ACK's Terraform examples (ACK Serverless clusters' `addons`;
 * pulumi-alicloud's `cs.ServerlessKubernetes` docs). Unconfirmed for managed (Pro) clusters, hence `addonName`.
 */
export const KNATIVE_ADDON = "knative";
/** Namespace of Knative Serving's control plane, its ConfigMaps and the operator's `KnativeServing` CR. */
export const KNATIVE_SERVING_NAMESPACE = "knative-serving";
/**
 * Default upstream release (Knative Operator and Serving). Knative 1.20 needs Kubernetes 1.32 or newer; 1.17 is the
 * oldest accepted (Kubernetes 1.30 or newer).
 */
export const DEFAULT_KNATIVE_VERSION = "1.20.1";
const MIN_MINOR = 17;

/**
 * Knative rejects `affinity`, `tolerations` and `nodeSelector` in a revision unless these flags are enabled; every
 * placement but `eci-namespace` needs them. They "cannot safely be disabled once enabled".
 */
export const REQUIRED_FEATURES: Readonly<StringMap> = {
    "kubernetes.podspec-affinity": "enabled",
    "kubernetes.podspec-tolerations": "enabled",
    "kubernetes.podspec-nodeselector": "enabled",
};

export const KOURIER_INGRESS_CLASS = "kourier.ingress.networking.knative.dev";

/** Deployments the operator installs for Serving with Kourier; `spec.workloads` pins each to the ECS nodes. */
export const CONTROL_PLANE_DEPLOYMENTS: readonly string[] = [
    "activator",
    "autoscaler",
    "autoscaler-hpa",
    "controller",
    "webhook",
    "net-kourier-controller",
    "3scale-kourier-gateway",
];

/** The Knative Operator's install manifest of a release. */
export function operatorManifestUrl(version: string): string {
    return `https://github.com/knative/operator/releases/download/knative-v${version}/operator.yaml`;
}

/**
 * Checks `source` now: it decides which resources exist, so it must be a plain value. Throws `InputError`.
 */
export function resolveKnativeSource(resourceName: string, source: unknown): KnativeSource {
    if (source === undefined) return KnativeSource.Ack;
    new Checker(resourceLabel("KnativeServing", resourceName)).check(
        typeof source === "string" && (KNATIVE_SOURCES as readonly string[]).includes(source),
        "source",
        source,
        `expected one of ${KNATIVE_SOURCES.map((v) => `"${v}"`).join(", ")} as a plain value (it decides which resources are declared)`,
    );
    return source as KnativeSource;
}

/**
 * Every check of a KnativeServing's arguments as the component receives them, before anything is registered, every
 * problem thrown together: their shape, the cluster id given as a plain value, the source and what it needs, and, when
 * no Output is among the settings, everything the render for that source checks.
 */
export function checkKnativeServingArgs(resourceName: string, args: KnativeServingArgs): void {
    const label = resourceLabel("KnativeServing", resourceName);
    const c = new Checker(label);
    c.collect(() => {
        const s = shapedArgs(c, KNATIVE_SERVING_ARGS, args ?? {}, "args");
        c.part(() => checkGivenClusterId(label, "clusterId", s.clusterId));
        const source = c.part(() => resolveKnativeSource(resourceName, s.source));
        c.part(() => {
            if (source === KnativeSource.Ack && s.clusterId === undefined)
                c.fail("clusterId", undefined, 'expected the ACK cluster id with source "ack"');
        });
        // The render reads the arguments as given: it checks their shape again, and keeps to its own parts.
        const { clusterId: _clusterId, ...rest } = args ?? {};
        const settings = { ...rest, source: undefined } as KnativeServingSettings;
        if (source !== undefined && !containsEventuals(settings)) c.part(() => RENDERS[source](resourceName, settings));
    });
}

export interface RenderedAckKnative {
    addon: RenderedAddon;
    /** `knative-serving/config-features`, patched so placements' affinity and tolerations are admitted. */
    features: RenderedConfigMapPatch;
}

/** The operator's `KnativeServing` custom resource. */
export interface KnativeServingObject {
    apiVersion: "operator.knative.dev/v1beta1";
    kind: "KnativeServing";
    metadata: { name: string; namespace: string; annotations: StringMap };
    spec: {
        version: string;
        ingress: { kourier: { enabled: boolean } };
        config: { [configMap: string]: StringMap };
        registry?: { default?: string; override?: StringMap };
        workloads?: { name: string; nodeSelector: StringMap }[];
    };
}

export interface RenderedUpstreamKnative {
    /** Release version, `X.Y.Z`. */
    version: string;
    /** URL (or path) of the operator manifest. */
    operatorManifest: string;
    serving: KnativeServingObject;
}

/** Settings that belong to one source only; the other rejects them. */
const UPSTREAM_ONLY = [
    "version",
    "operatorManifest",
    "registryDefault",
    "registryOverride",
    "servingConfig",
    "readyTimeoutSeconds",
] as const;
const ACK_ONLY = ["addonName", "addonVersion", "addonConfig"] as const;

/** Knative's flag values (read case-insensitively); `secure-pod-defaults` has one more level. */
const FLAG_VALUES = ["enabled", "disabled", "allowed"];
const EXTRA_FLAG_VALUES: Record<string, string[]> = { "secure-pod-defaults": ["root-allowed", "allowrootbounded"] };

/** Each flag on its own: a value Knative reads, and "enabled" for the ones placements need. */
function checkFeatures(c: Checker, features: StringMap | undefined): StringMap {
    for (const [flag, value] of Object.entries(features ?? {})) {
        c.part(() => checkFeature(c, flag, value));
    }
    return { ...(features ?? {}), ...REQUIRED_FEATURES };
}

function checkFeature(c: Checker, flag: string, value: string): void {
    const field = `features["${flag}"]`;
    const allowed = [...FLAG_VALUES, ...(EXTRA_FLAG_VALUES[flag] ?? [])];
    c.check(
        typeof value === "string" && allowed.includes(value.toLowerCase()),
        field,
        value,
        flag in EXTRA_FLAG_VALUES
            ? `expected one of "enabled", "disabled", "allowed", ${EXTRA_FLAG_VALUES[flag].map((v) => `"${v}"`).join(", ")}`
            : 'expected "enabled", "disabled" or "allowed" (Knative reads any other value as the flag\'s default)',
    );
    if (REQUIRED_FEATURES[flag] !== undefined) {
        c.check(
            value.toLowerCase() === "enabled",
            field,
            value,
            'expected "enabled": placements set affinity, tolerations or nodeSelector, which Knative rejects otherwise',
        );
    }
}

function checkNotFor(
    c: Checker,
    s: KnativeServingSettings,
    source: KnativeSource,
    fields: readonly (keyof KnativeServingSettings)[],
): void {
    const other = source === KnativeSource.Ack ? KnativeSource.Upstream : KnativeSource.Ack;
    for (const field of fields) {
        const value = s[field];
        if (value === undefined) continue;
        const why =
            source === KnativeSource.Existing
                ? 'it applies only to installing Knative (source "ack" or "upstream")'
                : field === "registryDefault" || field === "registryOverride"
                  ? "ACK's managed Knative pulls its images from Alibaba Cloud's registries; an image-registry override applies only to the Knative Operator's install"
                  : `it applies only to source "${other}"`;
        c.part(() => c.fail(field, value, `expected no ${field} with source "${source}": ${why}`));
    }
}

/** Validates settings for source `ack`, each on its own, and renders the add-on and the `config-features` patch. */
export function renderAckKnative(resourceName: string, args: KnativeServingSettings): RenderedAckKnative {
    const c = new Checker(resourceLabel("KnativeServing", resourceName));
    return c.collect(() => {
        const s = shapedArgs(c, without(KNATIVE_SERVING_ARGS, "clusterId"), args, "resolved");
        checkNotFor(c, s, KnativeSource.Ack, UPSTREAM_ONLY);
        const name = c.part(() => {
            const given = s.addonName ?? KNATIVE_ADDON;
            c.check(
                typeof given === "string" && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(given),
                "addonName",
                given,
                'expected an ACK add-on name such as "knative" (cs.getKubernetesAddons lists the names ACK offers)',
            );
            return given;
        });
        c.part(() => checkAddonVersion(c, "addonVersion", s.addonVersion));
        const config = c.part(() => ({ config: renderAddonConfig(c, "addonConfig", s.addonConfig) }));
        const data = c.part(() => checkFeatures(c, s.features));
        if (c.problemCount > 0 || name === undefined || !config || !data) return undefined;
        return {
            addon: {
                name,
                ...(s.addonVersion !== undefined ? { version: s.addonVersion } : {}),
                ...(config.config !== undefined ? { config: config.config } : {}),
            },
            features: featuresPatch(data),
        };
    });
}

/** The `config-features` patch that lets Knative admit the placements' affinity, tolerations and node selectors. */
function featuresPatch(data: StringMap): RenderedConfigMapPatch {
    return { metadata: { name: "config-features", namespace: KNATIVE_SERVING_NAMESPACE, annotations: { [PATCH_FORCE]: "true" } }, data };
}

/** Validates settings for source `existing` (only `features` applies) and renders the `config-features` patch. */
export function renderExistingKnative(resourceName: string, s: KnativeServingSettings): RenderedConfigMapPatch {
    const c = new Checker(resourceLabel("KnativeServing", resourceName));
    return c.collect(() => {
        checkNotFor(c, s, KnativeSource.Existing, [...ACK_ONLY, ...UPSTREAM_ONLY]);
        const data = c.part(() => checkFeatures(c, s.features));
        return data && featuresPatch(data);
    });
}

/** Validates settings for source `upstream`, each on its own, and renders the operator manifest and the `KnativeServing` CR. */
export function renderUpstreamKnative(resourceName: string, args: KnativeServingSettings): RenderedUpstreamKnative {
    const c = new Checker(resourceLabel("KnativeServing", resourceName));
    return c.collect(() => {
        const s = shapedArgs(c, without(KNATIVE_SERVING_ARGS, "clusterId"), args, "resolved");
        checkNotFor(c, s, KnativeSource.Upstream, ACK_ONLY);
        const m = c.part(() => releaseOf(c, s.version));
        // The default manifest follows the version: with a wrong version, only the version is reported.
        const operatorManifest = m && c.part(() => operatorManifestOf(c, s.operatorManifest, m));
        const registry = c.part(() => renderRegistry(c, s));
        const config = c.part(() => renderServingConfig(c, s));
        const ecs = c.part(() => checkNodeLabel(c, "ecsNodeLabel", s.ecsNodeLabel, DEFAULT_ECS_NODE_LABEL));
        const timeout = c.part(() => {
            c.integer(s.readyTimeoutSeconds ?? 900, "readyTimeoutSeconds", 60, 3600);
            return s.readyTimeoutSeconds ?? 900;
        });
        if (c.problemCount > 0 || !m || !operatorManifest || !registry || !config || !ecs || !timeout) return undefined;
        return {
            version: m.join("."),
            operatorManifest,
            serving: {
                apiVersion: "operator.knative.dev/v1beta1",
                kind: "KnativeServing",
                metadata: {
                    name: "knative-serving",
                    namespace: KNATIVE_SERVING_NAMESPACE,
                    annotations: { "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": String(timeout) },
                },
                spec: {
                    // The operator installs the newest patch of this minor that it bundles.
                    version: `${m[0]}.${m[1]}`,
                    ingress: { kourier: { enabled: true } },
                    config,
                    ...(Object.keys(registry).length > 0 ? { registry } : {}),
                    ...(s.pinControlPlaneToEcs !== false
                        ? { workloads: CONTROL_PLANE_DEPLOYMENTS.map((name) => ({ name, nodeSelector: { [ecs.key]: ecs.value } })) }
                        : {}),
                },
            },
        };
    });
}

/** The Knative release `version` names (X.Y.Z, 1.17 or newer), as its numbers. */
function releaseOf(c: Checker, version: string | undefined): number[] {
    const given = version ?? DEFAULT_KNATIVE_VERSION;
    const parsed = parseVersion(given);
    const m = parsed?.numbers.length === 3 && parsed.suffix === undefined ? parsed.numbers : undefined;
    c.check(
        m !== undefined && m[0] === 1 && m[1] >= MIN_MINOR,
        "version",
        given,
        `expected a Knative release 1.${MIN_MINOR}.0 or newer as X.Y.Z, e.g. "${DEFAULT_KNATIVE_VERSION}"`,
    );
    return m as number[];
}

/** The operator manifest: the one given, else the release's. */
function operatorManifestOf(c: Checker, given: string | undefined, release: number[]): string {
    const operatorManifest = given ?? operatorManifestUrl(release.join("."));
    c.check(
        typeof operatorManifest === "string" && operatorManifest.trim().length > 0,
        "operatorManifest",
        operatorManifest,
        "expected a URL or file path",
    );
    return operatorManifest;
}

/** The operator's image registry: a default template and per-container overrides. */
function renderRegistry(c: Checker, s: KnativeServingSettings): { default?: string; override?: StringMap } {
    const registry: { default?: string; override?: StringMap } = {};
    if (s.registryDefault !== undefined) {
        const template = s.registryDefault;
        c.part(() =>
            c.check(
                typeof template === "string" && template.includes("${NAME}"),
                "registryDefault",
                template,
                'expected an image template containing "${NAME}" (the container name), e.g. "registry.example.com/knative/${NAME}:v1.20.1"',
            ),
        );
        registry.default = template;
    }
    if (s.registryOverride !== undefined) {
        for (const [container, image] of Object.entries(s.registryOverride)) {
            c.part(() =>
                c.check(
                    isImageReference(image),
                    `registryOverride["${container}"]`,
                    image,
                    `expected a full image reference, e.g. registry.example.com/knative/activator:v1.20.1 (${IMAGE_REFERENCE_GRAMMAR})`,
                ),
            );
        }
        registry.override = { ...s.registryOverride };
    }
    return registry;
}

/** The Knative ConfigMaps' data: `servingConfig`, the feature flags, and Kourier as the ingress. */
function renderServingConfig(c: Checker, s: KnativeServingSettings): { [configMap: string]: StringMap } {
    const features = c.part(() => checkFeatures(c, s.features)) ?? {};
    const config: { [configMap: string]: StringMap } = {};
    const wrong = new Set<string>();
    for (const [configMap, entries] of Object.entries(s.servingConfig ?? {})) {
        const before = c.problemCount;
        c.part(() => checkConfigMap(c, configMap, entries));
        if (c.problemCount > before) wrong.add(configMap);
        config[configMap] = { ...entries };
    }
    // A wrong "network" ConfigMap is reported as such, not again for its ingress class.
    const ingressClass = wrong.has("network") ? undefined : config.network?.["ingress-class"];
    c.check(
        ingressClass === undefined || ingressClass === KOURIER_INGRESS_CLASS,
        'servingConfig["network"]["ingress-class"]',
        ingressClass,
        `expected "${KOURIER_INGRESS_CLASS}" or no value: this component installs Kourier as the ingress`,
    );
    config.features = features;
    config.network = { ...config.network, "ingress-class": KOURIER_INGRESS_CLASS };
    return config;
}

/** One ConfigMap's data in `servingConfig`: a ConfigMap Knative reads, with string values. */
function checkConfigMap(c: Checker, configMap: string, entries: StringMap): void {
    const field = `servingConfig["${configMap}"]`;
    c.check(
        /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(configMap) && !configMap.startsWith("config-"),
        "servingConfig key",
        configMap,
        'expected a ConfigMap name without the "config-" prefix, e.g. "autoscaler" or "domain"',
    );
    c.check(configMap !== "features", field, entries, "expected feature flags in the features argument instead");
    c.check(
        typeof entries === "object" && entries !== null && Object.values(entries).every((v) => typeof v === "string"),
        field,
        entries,
        "expected a map of string values (the data of ConfigMap config-" + configMap + ")",
    );
}

/** The render of each source. */
const RENDERS: Record<KnativeSource, (resourceName: string, s: KnativeServingSettings) => unknown> = {
    [KnativeSource.Ack]: renderAckKnative,
    [KnativeSource.Upstream]: renderUpstreamKnative,
    [KnativeSource.Existing]: renderExistingKnative,
};
