import { KNATIVE_SERVICE_ARGS, type KnativeServiceSettings } from "./knativeServiceArgs";
import { checkShape } from "../core/shape";
import { renderContainer, checkDeclaredVolumes } from "./container";
import { checkEciCompatible } from "./eciCompat";
import { checkEveryVolumeMounted, checkKnativeRules } from "./knativeRules";
import { ECI_ANNOTATIONS, renderEciOptions } from "./eciOptions";
import { renderEciSpecs } from "./eciSpecs";
import { Checker, resourceLabel } from "../core/errors";
import { type RenderedImageCache, renderImageCache } from "./imageCache";
import type { KnativeServiceObject, RevisionPodSpec, StringMap, Volume } from "../core/k8sTypes";
import { checkAnnotationKeys, checkLabels, checkNamespaceName, checkObjectName, checkServiceName } from "../core/names";
import { mayRunOnEci, Placement, renderPlacement } from "../core/placement";
import { EcsFirstStrategy, renderResourcePolicy, type ResourcePolicyObject, usesResourcePolicy } from "./resourcePolicy";
import { renderScaling } from "./scaling";
import { CONTAINER_CONCURRENCY, SCALING_ANNOTATIONS, TIMEOUT_SECONDS } from "./knativeFacts";
import { awaitReadyAnnotations } from "./readiness";
import { PATCH_FORCE } from "../core/addon";
import { checkNodeSelector, renderTolerations, resolvePlacement } from "./servicePlacement";
import { RESERVE_ANNOTATIONS, renderReservedInstance } from "./reservedInstance";
import { renderSidecars } from "./sidecars";
import { checkRevisionName, renderTraffic } from "./traffic";

export { withImageSnapshot } from "./imageCache";
export const ECI_USE_SPECS = "k8s.aliyun.com/eci-use-specs";
/** Knative's label that keeps a Service off the external gateway. */
export const VISIBILITY_LABEL = "networking.knative.dev/visibility";

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
 * `InputError` for the first invalid value. `resourceName` is the Pulumi resource name.
 */
export function renderKnativeService(resourceName: string, s: KnativeServiceSettings): KnativeServiceObject {
    return renderKnativeServiceResources(resourceName, s).service;
}

/**
 * Validates a `KnativeService`'s settings and renders everything it declares. Ids named in `generated`
 * (`imageCache.vswitchId`, `imageCache.securityGroupId`) come from other resources and pass through.
 */
export function renderKnativeServiceResources(
    resourceName: string,
    s: KnativeServiceSettings,
    generated: ReadonlySet<string> = new Set(),
): RenderedKnativeService {
    const c = new Checker(resourceLabel("KnativeService", resourceName));
    checkShape(c, KNATIVE_SERVICE_ARGS, s, "resolved");
    const name = s.serviceName ?? resourceName;
    checkServiceName(c, s.serviceName === undefined ? "serviceName (defaults to the resource name)" : "serviceName", name);
    const namespace = s.namespace ?? "default";
    checkNamespaceName(c, "namespace", namespace);
    const resolved = resolvePlacement(c, s);
    const { placement } = resolved;
    const { podAnnotations, imageCache } = renderPodAnnotations(c, name, s, placement, generated);
    checkServiceMetadata(c, s);
    const pod = renderPodSpec(c, s, resolved);

    const templateMetadata: KnativeServiceObject["spec"]["template"]["metadata"] = {};
    checkRevisionName(c, name, s.revisionName);
    if (s.revisionName !== undefined) templateMetadata.name = s.revisionName;
    if (s.podLabels && Object.keys(s.podLabels).length) templateMetadata.labels = { ...s.podLabels };
    if (Object.keys(podAnnotations).length) templateMetadata.annotations = podAnnotations;

    const metadata: KnativeServiceObject["metadata"] = { name, namespace };
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

    const rendered: RenderedKnativeService = {
        awaitAnnotations: renderAwait(c, s),
        ownershipAnnotations: { [PATCH_FORCE]: "true" },
        service: {
            apiVersion: "serving.knative.dev/v1",
            kind: "Service",
            metadata,
            spec: { template: { metadata: templateMetadata, spec: pod } },
        },
    };
    if (s.traffic !== undefined) rendered.service.spec.traffic = renderTraffic(c, name, s.traffic);
    checkKnativeRules(c, s, rendered.service);
    if (usesResourcePolicy(placement, resolved.ecsFirstStrategy)) {
        rendered.resourcePolicy = renderResourcePolicy(name, namespace, resolved.targets.ecsNodeLabel, s.ecsFirst?.ecsMaxPods);
    }
    if (imageCache) rendered.imageCache = imageCache;
    return rendered;
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
): { podAnnotations: StringMap; imageCache?: RenderedImageCache } {
    const podAnnotations: StringMap = {};
    if (s.eciSpecs !== undefined) {
        c.check(
            placement !== Placement.Ecs,
            "eciSpecs",
            s.eciSpecs,
            'expected no ECI specs with placement "ecs", whose pods never run on ECI',
        );
        podAnnotations[ECI_USE_SPECS] = renderEciSpecs(c, "eciSpecs", s.eciSpecs);
    }
    // ECI-only settings make no sense for pods that never run on ECI.
    for (const field of ["spot", "extraEphemeralStorage", "imageCache"] as const) {
        c.check(
            placement !== Placement.Ecs || s[field] === undefined,
            field,
            s[field],
            'expected it only with a placement that may use ECI (placement is "ecs")',
        );
    }
    const eciOptions = { spot: s.spot, extraEphemeralStorage: s.extraEphemeralStorage, imageCacheMode: s.imageCache?.mode };
    Object.assign(podAnnotations, renderEciOptions(c, eciOptions));
    const imageCache = renderImageCache(c, name, s, generated);
    Object.assign(podAnnotations, renderScaling(c, "scaling", s.scaling));
    if (s.reservedInstance !== undefined && (s.scaling?.minScale ?? 0) > 0)
        c.fail(
            "reservedInstance",
            s.reservedInstance,
            `expected no reserved instance with scaling.minScale ${s.scaling!.minScale}: the Service never scales to zero, so the reserved pod would never serve`,
        );
    Object.assign(podAnnotations, renderReservedInstance(c, placement, s.reservedInstance));
    checkAnnotationKeys(c, "podAnnotations", s.podAnnotations);
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
        if (owner && podAnnotations[key] !== undefined)
            c.fail(`podAnnotations["${key}"]`, value, `expected it only once: ${owner} already sets it`);
        podAnnotations[key] = value;
    }
    return { podAnnotations, ...(imageCache ? { imageCache } : {}) };
}

/** The Service's and its pods' labels, and its annotations (never autoscaling ones). */
function checkServiceMetadata(c: Checker, s: KnativeServiceSettings): void {
    checkLabels(c, "labels", s.labels);
    checkLabels(c, "podLabels", s.podLabels);
    checkAnnotationKeys(c, "annotations", s.annotations);
    for (const key of Object.keys(s.annotations ?? {})) {
        c.check(
            !SCALING_ANNOTATIONS.includes(key),
            `annotations["${key}"]`,
            s.annotations?.[key],
            "expected autoscaling settings in scaling (Knative accepts them only on the revision template, not on the Service)",
        );
    }
}

/** The revision's pod spec: its container, placement, volumes, tolerations and pod-level settings. */
function renderPodSpec(c: Checker, s: KnativeServiceSettings, resolved: ReturnType<typeof resolvePlacement>): RevisionPodSpec {
    const { placement } = resolved;
    c.integer(s.containerConcurrency, "containerConcurrency", CONTAINER_CONCURRENCY.min, CONTAINER_CONCURRENCY.max);
    c.integer(s.timeoutSeconds, "timeoutSeconds", TIMEOUT_SECONDS.min, TIMEOUT_SECONDS.max);
    checkLabels(c, "nodeSelector", s.nodeSelector);
    checkNodeSelector(c, resolved, s.nodeSelector ?? {});

    const placed = renderPlacement(placement, resolved.targets, resolved.ecsFirstStrategy === EcsFirstStrategy.PreferredAffinity);
    const volumes: Volume[] = (s.volumes ?? []).map((v) => JSON.parse(JSON.stringify(v)) as Volume);
    const volumeNames = checkDeclaredVolumes(c, volumes);
    const tolerations = renderTolerations(c, resolved, s.tolerations ?? [], placed.tolerations ?? []);

    const sidecars = renderSidecars(c, placement, s.sidecars ?? [], volumeNames);
    const pod: RevisionPodSpec = { containers: [renderContainer(c, s, volumeNames, sidecars.length > 0), ...sidecars] };
    if (s.containerConcurrency !== undefined) pod.containerConcurrency = s.containerConcurrency;
    if (s.timeoutSeconds !== undefined) pod.timeoutSeconds = s.timeoutSeconds;
    if (s.serviceAccountName !== undefined)
        checkObjectName(c, "serviceAccountName", s.serviceAccountName, "a service account in the namespace");
    (s.imagePullSecrets ?? []).forEach((n, i) => {
        checkObjectName(c, `imagePullSecrets[${i}]`, n, "a Secret in the namespace");
        c.check(s.imagePullSecrets!.indexOf(n) === i, `imagePullSecrets[${i}]`, n, "expected each Secret once");
    });
    if (s.serviceAccountName) pod.serviceAccountName = s.serviceAccountName;
    if (s.imagePullSecrets?.length) pod.imagePullSecrets = s.imagePullSecrets.map((n) => ({ name: n }));
    if (s.hostNetwork) pod.hostNetwork = true;
    if (s.nodeSelector && Object.keys(s.nodeSelector).length) pod.nodeSelector = { ...s.nodeSelector };
    if (placed.affinity) pod.affinity = placed.affinity;
    if (tolerations.length) pod.tolerations = tolerations;
    if (volumes.length) pod.volumes = volumes;
    if (mayRunOnEci(placement)) checkEciCompatible(c, placement, pod);
    checkEveryVolumeMounted(c, pod);
    return pod;
}
