import { KNATIVE_SERVICE_ARGS, type KnativeServiceArgs, type KnativeServiceSettings } from "./knativeServiceArgs";
import { containsEventuals } from "../core/eventual";
import { shapedArgs } from "../core/shape";
import { renderContainer, checkDeclaredVolumes } from "./container";
import { checkEciCompatible } from "./eciCompat";
import { checkEveryVolumeMounted, checkKnativeRules } from "./knativeRules";
import { ECI_ANNOTATIONS, renderEciOptions } from "./eciOptions";
import { renderEciSpecs } from "./eciSpecs";
import { Checker, resourceLabel } from "../core/errors";
import { checkRegistryCredentials, type RenderedImageCache, renderImageCache } from "./imageCache";
import type { KnativeServiceObject, RevisionPodSpec, StringMap, Volume } from "../core/k8sTypes";
import {
    checkAnnotationKeys,
    checkGivenId,
    checkLabels,
    checkNamespaceName,
    checkObjectName,
    checkServiceName,
    EIP_ID,
} from "../core/names";
import { mayRunOnEci, Placement, renderPlacement } from "../core/placement";
import { EcsFirstStrategy, renderResourcePolicy, type ResourcePolicyObject, usesResourcePolicy } from "./resourcePolicy";
import { renderScaling } from "./scaling";
import { CONTAINER_CONCURRENCY, SCALING_ANNOTATIONS, TIMEOUT_SECONDS } from "./knativeFacts";
import { awaitReadyAnnotations } from "./readiness";
import { PATCH_FORCE } from "../core/addon";
import { checkNodeSelector, renderTolerations, type ResolvedPlacement, resolvePlacement } from "./servicePlacement";
import { RESERVE_ANNOTATIONS, renderReservedInstance } from "./reservedInstance";
import { renderSidecars } from "./sidecars";
import { checkRevisionName, renderTraffic } from "./traffic";

export { withImageSnapshot } from "./imageCache";
export const ECI_USE_SPECS = "k8s.aliyun.com/eci-use-specs";
/** Knative's label that keeps a Service off the external gateway. */
export const VISIBILITY_LABEL = "networking.knative.dev/visibility";

/**
 * The arguments the render sees: the image cache's registry logins stay out, so their passwords never make the
 * manifest secret (they are checked on their own, `checkRegistryCredentials`). An image cache that is not an object
 * is left as it is, for the render to refuse.
 */
export function withoutRegistryCredentials(args: KnativeServiceArgs): KnativeServiceArgs {
    const cache = args.imageCache;
    if (typeof cache !== "object" || cache === null || Array.isArray(cache) || !("registryCredentials" in cache)) return args;
    const { registryCredentials: _credentials, ...settings } = cache;
    return { ...args, imageCache: settings };
}

/**
 * Every check of a KnativeService's arguments as the component receives them, before anything is registered, every
 * problem thrown together: their shape (an Output where a plain value decides what is declared), the EIP id and the
 * registry logins given as plain values, and, when no Output is among them, everything the render checks. Arguments
 * holding Outputs are rendered, and so checked, when they resolve.
 */
export function checkKnativeServiceArgs(resourceName: string, args: KnativeServiceArgs): void {
    const label = resourceLabel("KnativeService", resourceName);
    const c = new Checker(label);
    c.collect(() => {
        const s = shapedArgs(c, KNATIVE_SERVICE_ARGS, args ?? {}, "args");
        c.part(() =>
            checkGivenId(
                label,
                "imageCache.eipInstanceId",
                s.imageCache?.eipInstanceId,
                EIP_ID,
                'an EIP id such as "eip-bp1q5n6cw5wchhp4rv6qk"',
            ),
        );
        c.part(() => checkRegistryCredentials(label, s.imageCache?.registryCredentials));
        // The render reads the arguments as given (not `s`): it checks their shape again, and keeps to its own parts.
        const settings = withoutRegistryCredentials(args ?? {});
        if (!containsEventuals(settings)) c.part(() => renderKnativeServiceResources(resourceName, settings as KnativeServiceSettings));
    });
}

/** Everything a KnativeService declares. */
export interface RenderedKnativeService {
    service: KnativeServiceObject;
    /** For `ecs-first` with strategy "resource-policy". */
    resourcePolicy?: ResourcePolicyObject;
    /** For `imageCache.mode` "create"; the Service gets its id through `withImageSnapshot`. */
    imageCache?: RenderedImageCache;
    /** Pulumi's own annotations that make `pulumi up` wait until Knative decides whether the Service is Ready. */
    awaitAnnotations: StringMap;
    /**
     * Pulumi's annotation that makes each apply take back the fields the Service declares from any other field manager
     * (a `kubectl edit` of min-scale, say): the stack owns its Services outright. Fields it does not declare (Knative's
     * own annotations, another team's labels) stay with their managers.
     */
    ownershipAnnotations: StringMap;
}

/** `pulumi.com/waitFor` and `pulumi.com/timeoutSeconds` from `waitForReady` and `readyTimeoutSeconds`. */
function renderAwait(c: Checker, s: KnativeServiceSettings): StringMap {
    c.integer(s.readyTimeoutSeconds, "readyTimeoutSeconds", 1, 7200);
    if (s.waitForReady === false) {
        c.check(
            s.readyTimeoutSeconds === undefined,
            "readyTimeoutSeconds",
            s.readyTimeoutSeconds,
            "expected no timeout when waitForReady is false",
        );
        return {};
    }
    return awaitReadyAnnotations(s.readyTimeoutSeconds ?? 600);
}

/**
 * Validates a `KnativeService`'s settings and renders its `serving.knative.dev/v1` Service. Throws
 * `InputError` naming every invalid value it finds (see `renderKnativeServiceResources`).
 */
export function renderKnativeService(resourceName: string, s: KnativeServiceSettings): KnativeServiceObject {
    return renderKnativeServiceResources(resourceName, s).service;
}

/**
 * Validates a `KnativeService`'s settings and renders everything it declares; every problem found is thrown together
 * (`Checker.collect`). Ids named in `generated` (`imageCache.vswitchId`, `imageCache.securityGroupId`) come from other
 * resources and pass through.
 */
export function renderKnativeServiceResources(
    resourceName: string,
    args: KnativeServiceSettings,
    generated: ReadonlySet<string> = new Set(),
): RenderedKnativeService {
    const c = new Checker(resourceLabel("KnativeService", resourceName));
    return c.collect(() => renderService(c, resourceName, shapedArgs(c, KNATIVE_SERVICE_ARGS, args, "resolved"), generated));
}

/**
 * The Service's checks, each a part of its own (`Checker.part`), so one problem does not hide the next. A part whose
 * result others need (the name, the placement, the pod) leaves them out when it fails: they would only repeat it.
 */
function renderService(
    c: Checker,
    resourceName: string,
    s: KnativeServiceSettings,
    generated: ReadonlySet<string>,
): RenderedKnativeService | undefined {
    const name = c.part(() => {
        const field = s.serviceName === undefined ? "serviceName (defaults to the resource name)" : "serviceName";
        checkServiceName(c, field, s.serviceName ?? resourceName);
        return s.serviceName ?? resourceName;
    });
    const namespace = c.part(() => {
        checkNamespaceName(c, "namespace", s.namespace ?? "default");
        return s.namespace ?? "default";
    });
    const resolved = c.part(() => resolvePlacement(c, s));
    // The image cache is named after the Service; a wrong name is reported above, and names nothing checked here.
    const podAnnotations = resolved && c.part(() => renderPodAnnotations(c, name ?? resourceName, s, resolved.placement, generated));
    c.part(() => checkServiceMetadata(c, s));
    const pod = c.part(() => renderPodSpec(c, s, resolved));
    if (name !== undefined) c.part(() => checkRevisionName(c, name, s.revisionName));
    const metadata = c.part(() => renderMetadata(c, s));
    const awaitAnnotations = c.part(() => renderAwait(c, s));
    const traffic = name === undefined ? undefined : c.part(() => (s.traffic === undefined ? [] : renderTraffic(c, name, s.traffic)));
    if (c.problemCount > 0) return undefined;
    if (!name || !namespace || !resolved || !podAnnotations || !pod || !metadata || !awaitAnnotations || !traffic) return undefined;

    const templateMetadata: KnativeServiceObject["spec"]["template"]["metadata"] = {};
    if (s.revisionName !== undefined) templateMetadata.name = s.revisionName;
    if (s.podLabels && Object.keys(s.podLabels).length) templateMetadata.labels = { ...s.podLabels };
    if (Object.keys(podAnnotations.podAnnotations).length) templateMetadata.annotations = podAnnotations.podAnnotations;
    const rendered: RenderedKnativeService = {
        awaitAnnotations,
        ownershipAnnotations: { [PATCH_FORCE]: "true" },
        service: {
            apiVersion: "serving.knative.dev/v1",
            kind: "Service",
            metadata: { name, namespace, ...metadata },
            spec: { template: { metadata: templateMetadata, spec: pod } },
        },
    };
    if (traffic.length) rendered.service.spec.traffic = traffic;
    // Knative's own admission rules read the whole rendered Service: they run once everything else is right.
    checkKnativeRules(c, s, rendered.service);
    if (usesResourcePolicy(resolved.placement, resolved.ecsFirstStrategy)) {
        rendered.resourcePolicy = renderResourcePolicy(name, namespace, resolved.targets.ecsNodeLabel, s.ecsFirst?.ecsMaxPods);
    }
    if (podAnnotations.imageCache) rendered.imageCache = podAnnotations.imageCache;
    return rendered;
}

/** The Service's labels (with Knative's visibility label for `clusterLocal`) and annotations. */
function renderMetadata(c: Checker, s: KnativeServiceSettings): Pick<KnativeServiceObject["metadata"], "labels" | "annotations"> {
    const metadata: Pick<KnativeServiceObject["metadata"], "labels" | "annotations"> = {};
    if (s.labels && Object.keys(s.labels).length) metadata.labels = { ...s.labels };
    const visibility = s.labels?.[VISIBILITY_LABEL];
    // Knative's route reconciler takes any non-empty value as cluster-local for the ingress, but gives the
    // cluster-local domain only to "cluster-local": another value would be half one, half the other.
    if (visibility !== undefined)
        c.check(
            visibility === "cluster-local",
            `labels["${VISIBILITY_LABEL}"]`,
            visibility,
            'expected "cluster-local" (or leave it out and set clusterLocal: true): Knative reads other values inconsistently',
        );
    if (s.clusterLocal) {
        c.check(
            s.labels?.[VISIBILITY_LABEL] === undefined,
            `labels["${VISIBILITY_LABEL}"]`,
            s.labels?.[VISIBILITY_LABEL],
            "expected it only once: clusterLocal already sets it",
        );
        metadata.labels = { ...metadata.labels, [VISIBILITY_LABEL]: "cluster-local" };
    }
    if (s.annotations && Object.keys(s.annotations).length) metadata.annotations = { ...s.annotations };
    return metadata;
}

const ECI_OPTION_ANNOTATIONS: readonly string[] = Object.values(ECI_ANNOTATIONS);
const RESERVED_INSTANCE_ANNOTATIONS: readonly string[] = Object.values(RESERVE_ANNOTATIONS);

/** The revision template's annotations: ECI specs and options, the image cache, scaling, then the user's own. */
function renderPodAnnotations(
    c: Checker,
    name: string,
    s: KnativeServiceSettings,
    placement: Placement,
    generated: ReadonlySet<string>,
): { podAnnotations: StringMap; imageCache?: RenderedImageCache } | undefined {
    const podAnnotations: StringMap = {};
    const add = (annotations: StringMap | undefined) => Object.assign(podAnnotations, annotations);
    add(c.part(() => renderEciSpecsOf(c, s, placement)));
    // ECI-only settings make no sense for pods that never run on ECI.
    const eciOnly = (["spot", "extraEphemeralStorage", "imageCache"] as const).map((field) =>
        c.part(() => {
            c.check(
                placement !== Placement.Ecs || s[field] === undefined,
                field,
                s[field],
                'expected it only with a placement that may use ECI (placement is "ecs")',
            );
            return true;
        }),
    );
    if (eciOnly.every((ok) => ok)) add(renderEciOptions(c, s));
    const imageCache = eciOnly[2] ? c.part(() => renderImageCache(c, name, s, generated)) : undefined;
    add(c.part(() => renderScaling(c, "scaling", s.scaling)));
    add(c.part(() => renderReserved(c, s, placement)));
    add(c.part(() => renderUserPodAnnotations(c, s, podAnnotations)));
    return { podAnnotations, ...(imageCache ? { imageCache } : {}) };
}

function renderEciSpecsOf(c: Checker, s: KnativeServiceSettings, placement: Placement): StringMap {
    if (s.eciSpecs === undefined) return {};
    c.check(placement !== Placement.Ecs, "eciSpecs", s.eciSpecs, 'expected no ECI specs with placement "ecs", whose pods never run on ECI');
    return { [ECI_USE_SPECS]: renderEciSpecs(c, "eciSpecs", s.eciSpecs) };
}

/** The reserved instance's annotations: none with a minimum scale, where it would never serve. */
function renderReserved(c: Checker, s: KnativeServiceSettings, placement: Placement): StringMap {
    const minScale = s.scaling?.minScale ?? 0;
    if (s.reservedInstance !== undefined && minScale > 0)
        c.fail(
            "reservedInstance",
            s.reservedInstance,
            `expected no reserved instance with scaling.minScale ${minScale}: the Service never scales to zero, so the reserved pod would never serve`,
        );
    return renderReservedInstance(c, placement, s.reservedInstance);
}

/** The user's own pod annotations, each key once: none that a setting above already sets. */
function renderUserPodAnnotations(c: Checker, s: KnativeServiceSettings, set: StringMap): StringMap {
    checkAnnotationKeys(c, "podAnnotations", s.podAnnotations);
    const out: StringMap = {};
    for (const [key, value] of Object.entries(s.podAnnotations ?? {})) {
        const owner =
            key === ECI_USE_SPECS
                ? "eciSpecs"
                : SCALING_ANNOTATIONS.includes(key)
                  ? "scaling"
                  : ECI_OPTION_ANNOTATIONS.includes(key)
                    ? "the ECI options"
                    : RESERVED_INSTANCE_ANNOTATIONS.includes(key)
                      ? "reservedInstance"
                      : undefined;
        if (owner && set[key] !== undefined)
            c.part(() => c.fail(`podAnnotations["${key}"]`, value, `expected it only once: ${owner} already sets it`));
        out[key] = value;
    }
    return out;
}

/** The Service's and its pods' labels, and its annotations (never autoscaling ones). */
function checkServiceMetadata(c: Checker, s: KnativeServiceSettings): void {
    c.part(() => checkLabels(c, "labels", s.labels));
    c.part(() => checkLabels(c, "podLabels", s.podLabels));
    c.part(() => checkAnnotationKeys(c, "annotations", s.annotations));
    for (const key of Object.keys(s.annotations ?? {})) {
        c.part(() =>
            c.check(
                !SCALING_ANNOTATIONS.includes(key),
                `annotations["${key}"]`,
                s.annotations?.[key],
                "expected autoscaling settings in scaling (Knative accepts them only on the revision template, not on the Service)",
            ),
        );
    }
}

/**
 * The revision's pod spec: its container, placement, volumes, tolerations and pod-level settings. Without a placement
 * (`resolved` undefined: it is wrong) only what does not depend on it is checked.
 */
function renderPodSpec(c: Checker, s: KnativeServiceSettings, resolved: ResolvedPlacement | undefined): RevisionPodSpec | undefined {
    c.part(() => c.integer(s.containerConcurrency, "containerConcurrency", CONTAINER_CONCURRENCY.min, CONTAINER_CONCURRENCY.max));
    c.part(() => c.integer(s.timeoutSeconds, "timeoutSeconds", TIMEOUT_SECONDS.min, TIMEOUT_SECONDS.max));
    c.part(() => {
        checkLabels(c, "nodeSelector", s.nodeSelector);
        if (resolved) checkNodeSelector(c, resolved, s.nodeSelector ?? {});
    });
    const volumes = c.part(() => (s.volumes ?? []).map((v) => JSON.parse(JSON.stringify(v)) as Volume));
    // Mounts are checked against the volumes' names even when a volume is wrong in another way; not when the
    // volumes' shape is wrong (`volumes` undefined).
    const before = c.problemCount;
    const volumeNames = volumes && checkDeclaredVolumes(c, volumes);
    const volumesRight = volumeNames !== undefined && c.problemCount === before;
    const placed =
        resolved && renderPlacement(resolved.placement, resolved.targets, resolved.ecsFirstStrategy === EcsFirstStrategy.PreferredAffinity);
    const tolerations = resolved && placed && c.part(() => renderTolerations(c, resolved, s.tolerations ?? [], placed.tolerations ?? []));
    const sidecars = resolved && c.part(() => renderSidecars(c, resolved.placement, s.sidecars ?? [], volumeNames));
    // With sidecars the serving container states its port: rendering only, no check reads it.
    const withSidecars = c.part(() => (s.sidecars ?? []).length > 0) ?? false;
    const container = c.part(() => renderContainer(c, s, volumeNames, withSidecars));
    checkPodSettings(c, s);
    if (!resolved || !placed || !volumes || !tolerations || !sidecars || !container) return undefined;
    const pod: RevisionPodSpec = { containers: [container, ...sidecars] };
    if (s.containerConcurrency !== undefined) pod.containerConcurrency = s.containerConcurrency;
    if (s.timeoutSeconds !== undefined) pod.timeoutSeconds = s.timeoutSeconds;
    if (s.serviceAccountName) pod.serviceAccountName = s.serviceAccountName;
    if (s.imagePullSecrets?.length) pod.imagePullSecrets = s.imagePullSecrets.map((n) => ({ name: n }));
    if (s.hostNetwork) pod.hostNetwork = true;
    if (s.nodeSelector && Object.keys(s.nodeSelector).length) pod.nodeSelector = { ...s.nodeSelector };
    if (placed.affinity) pod.affinity = placed.affinity;
    if (tolerations.length) pod.tolerations = tolerations;
    if (volumes.length) pod.volumes = volumes;
    const { placement } = resolved;
    const beforeEci = c.problemCount;
    if (mayRunOnEci(placement)) c.part(() => checkEciCompatible(c, placement, pod));
    checkMounted(c, pod, volumesRight && c.problemCount === beforeEci ? volumeNames : undefined);
    return pod;
}

/**
 * Every volume mounted (`checkEveryVolumeMounted`), checked once every volume is right (`names`, also for ECI) and every
 * mount names one: until then a volume may only look unmounted.
 */
function checkMounted(c: Checker, pod: RevisionPodSpec, names: ReadonlySet<string> | undefined): void {
    const mounts = pod.containers.flatMap((k) => k.volumeMounts ?? []);
    if (names && mounts.every((m) => names.has(m.name))) checkEveryVolumeMounted(c, pod);
}

/** The pod's service account and image pull Secrets. */
function checkPodSettings(c: Checker, s: KnativeServiceSettings): void {
    if (s.serviceAccountName !== undefined)
        c.part(() => checkObjectName(c, "serviceAccountName", s.serviceAccountName as string, "a service account in the namespace"));
    const secrets = s.imagePullSecrets ?? [];
    secrets.forEach((n, i) =>
        c.part(() => {
            checkObjectName(c, `imagePullSecrets[${i}]`, n, "a Secret in the namespace");
            c.check(secrets.indexOf(n) === i, `imagePullSecrets[${i}]`, n, "expected each Secret once");
        }),
    );
}
