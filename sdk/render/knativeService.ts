import type { KnativeServiceSettings, NodeLabelArgs, TolerationArgs } from "../components/knativeServiceArgs";
import { createHash } from "node:crypto";
import { checkEciCompatible } from "./eciCompat";
import { ECI_ANNOTATIONS, ImageCacheMode, renderEciOptions } from "./eciOptions";
import { renderEciSpecs } from "./eciSpecs";
import { Checker, resourceLabel } from "./errors";
import type { Container, KnativeServiceObject, RevisionPodSpec, StringMap, Toleration, Volume } from "./k8sTypes";
import { checkAnnotationKeys, checkLabels, checkNamespaceName, checkServiceName, isLabelValue, isQualifiedName } from "./names";
import { DEFAULT_TARGETS, mayRunOnEci, Placement, PLACEMENTS, type PlacementTargets, renderPlacement } from "./placement";
import { EcsFirstStrategy, renderResourcePolicy, type ResourcePolicyObject } from "./resourcePolicy";
import { renderScaling, SCALING_ANNOTATIONS } from "./scaling";

export const ECI_USE_SPECS = "k8s.aliyun.com/eci-use-specs";
export const USER_CONTAINER = "user-container";

/** Ports the Knative queue-proxy sidecar listens on; the user container may not use them. */
const RESERVED_PORTS = [8012, 8013, 8022, 9090, 9091];
/** Environment variables Knative sets in every container. */
const RESERVED_ENV = ["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"];
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$/;

/** The validated placement inputs that decide where pods go. */
export interface ResolvedPlacement {
    placement: Placement;
    targets: PlacementTargets;
    /** For `ecs-first`: how ECS is preferred. */
    ecsFirstStrategy?: EcsFirstStrategy;
}

/** What an `alicloud.eci.ImageCache` for the service looks like (mode "create"). */
export interface ImageCachePlan {
    imageCacheName: string;
    images: string[];
    vswitchId: string;
    securityGroupId: string;
    eipInstanceId?: string;
    imageCacheSize?: number;
    retentionDays?: number;
}

/** Everything a KnativeService declares. */
export interface KnativeServicePlan {
    service: KnativeServiceObject;
    /** For `ecs-first` with strategy "resource-policy". */
    resourcePolicy?: ResourcePolicyObject;
    /** For `imageCache.mode` "create"; the Service gets its id through `withImageSnapshot`. */
    imageCache?: ImageCachePlan;
}

function checkNodeLabel(c: Checker, field: string, label: NodeLabelArgs): void {
    c.check(
        !!label && isQualifiedName(label.key) && isLabelValue(label.value),
        field,
        label,
        "expected {key, value} with a valid label key and value",
    );
}

/** Validates the placement and node-targeting settings and resolves their defaults. */
export function resolvePlacement(c: Checker, s: KnativeServiceSettings): ResolvedPlacement {
    c.oneOf(s.placement, "placement", PLACEMENTS);
    c.check(s.placement !== undefined, "placement", s.placement, `expected one of ${PLACEMENTS.map((p) => `"${p}"`).join(", ")}`);
    if (s.ecsNodeLabel) checkNodeLabel(c, "ecsNodeLabel", s.ecsNodeLabel);
    if (s.virtualNodeLabel) checkNodeLabel(c, "virtualNodeLabel", s.virtualNodeLabel);
    if (s.virtualNodeTaintKey !== undefined) {
        c.check(
            isQualifiedName(s.virtualNodeTaintKey),
            "virtualNodeTaintKey",
            s.virtualNodeTaintKey,
            'expected a taint key such as "virtual-kubelet.io/provider"',
        );
    }
    let ecsFirstStrategy: EcsFirstStrategy | undefined;
    if (s.placement === Placement.EcsFirst) {
        c.oneOf(s.ecsFirst?.strategy, "ecsFirst.strategy", Object.values(EcsFirstStrategy));
        ecsFirstStrategy = s.ecsFirst?.strategy ?? EcsFirstStrategy.ResourcePolicy;
        if (s.ecsFirst?.ecsMaxPods !== undefined) {
            c.check(
                ecsFirstStrategy === EcsFirstStrategy.ResourcePolicy,
                "ecsFirst.ecsMaxPods",
                s.ecsFirst.ecsMaxPods,
                'expected it only with strategy "resource-policy" (a preferred affinity cannot cap pods)',
            );
            c.integer(s.ecsFirst.ecsMaxPods, "ecsFirst.ecsMaxPods", 1, 100000);
        }
    } else {
        c.check(
            s.ecsFirst === undefined,
            "ecsFirst",
            s.ecsFirst,
            `expected it only with placement "ecs-first" (placement is "${s.placement}")`,
        );
    }
    return {
        placement: s.placement,
        ecsFirstStrategy,
        targets: {
            ecsNodeLabel: s.ecsNodeLabel ?? DEFAULT_TARGETS.ecsNodeLabel,
            virtualNodeLabel: s.virtualNodeLabel ?? DEFAULT_TARGETS.virtualNodeLabel,
            virtualNodeTaint: { ...DEFAULT_TARGETS.virtualNodeTaint, key: s.virtualNodeTaintKey ?? DEFAULT_TARGETS.virtualNodeTaint.key },
        },
    };
}

/** A user node selector may narrow a placement but not contradict it. */
function checkNodeSelector(c: Checker, { placement, targets }: ResolvedPlacement, selector: StringMap): void {
    const vk = targets.virtualNodeLabel;
    const ecs = targets.ecsNodeLabel;
    for (const [key, value] of Object.entries(selector)) {
        const field = `nodeSelector["${key}"]`;
        if ((placement === Placement.EcsAndEci || placement === Placement.EcsFirst) && (key === vk.key || key === ecs.key)) {
            c.fail(
                field,
                value,
                `expected no selector on "${key}": placement "${placement}" runs pods on ECS nodes (${ecs.key}=${ecs.value}) or ECI (${vk.key}=${vk.value}); choose placement "ecs" or "eci" to restrict it`,
            );
        }
        if (placement === Placement.Ecs) {
            if (key === ecs.key)
                c.check(value === ecs.value, field, value, `expected "${ecs.value}": placement "ecs" selects ${ecs.key}=${ecs.value}`);
            else if (key === vk.key)
                c.check(
                    value !== vk.value,
                    field,
                    value,
                    `expected not "${vk.value}": placement "ecs" keeps pods off the ECI virtual node`,
                );
        } else if (placement === Placement.Eci || placement === Placement.EciNamespace) {
            if (key === vk.key)
                c.check(
                    value === vk.value,
                    field,
                    value,
                    `expected "${vk.value}": placement "${placement}" runs pods on the ECI virtual node (${vk.key}=${vk.value})`,
                );
            else if (key === ecs.key)
                c.fail(
                    field,
                    value,
                    `expected no selector on the ECS label: the ECI virtual node does not carry ${ecs.key}; choose placement "ecs" or "ecs-and-eci"`,
                );
        }
    }
}

function renderTolerations(
    c: Checker,
    { placement, targets }: ResolvedPlacement,
    user: TolerationArgs[],
    placed: Toleration[],
): Toleration[] {
    const out = [...placed];
    user.forEach((t, i) => {
        const field = `tolerations[${i}]`;
        c.oneOf(t.operator, `${field}.operator`, ["Exists", "Equal"]);
        c.oneOf(t.effect, `${field}.effect`, ["NoSchedule", "PreferNoSchedule", "NoExecute"]);
        c.check(!(t.operator === "Exists" && t.value !== undefined), `${field}.value`, t.value, 'expected no value with operator "Exists"');
        c.check(t.key !== undefined || t.operator === "Exists", `${field}.key`, t.key, 'expected a key unless operator is "Exists"');
        const toleratesVirtualNode = t.key === targets.virtualNodeTaint.key || (t.key === undefined && t.operator === "Exists");
        if (placement === Placement.Ecs && toleratesVirtualNode) {
            c.fail(
                field,
                t,
                `expected no toleration of the virtual node taint "${targets.virtualNodeTaint.key}": placement "ecs" keeps pods off ECI; use "ecs-and-eci" to allow ECI`,
            );
        }
        const rendered: Toleration = { ...t } as Toleration;
        if (!out.some((o) => JSON.stringify(o) === JSON.stringify(rendered))) out.push(rendered);
    });
    return out;
}

function checkVolumes(c: Checker, volumes: Volume[], mounts: KnativeServiceSettings["volumeMounts"]): void {
    const names = new Set<string>();
    volumes.forEach((v, i) => {
        const sources = (["configMap", "secret", "emptyDir", "hostPath", "persistentVolumeClaim"] as const).filter(
            (k) => v[k] !== undefined,
        );
        c.check(
            sources.length === 1,
            `volumes[${i}]`,
            v,
            "expected exactly one of configMap, secret, emptyDir, hostPath, persistentVolumeClaim",
        );
        c.check(!names.has(v.name), `volumes[${i}].name`, v.name, "expected a name used once");
        names.add(v.name);
    });
    (mounts ?? []).forEach((m, i) => {
        c.check(
            names.has(m.name),
            `volumeMounts[${i}].name`,
            m.name,
            `expected the name of a volume (${[...names].join(", ") || "none declared"})`,
        );
        c.check(
            typeof m.mountPath === "string" && m.mountPath.startsWith("/"),
            `volumeMounts[${i}].mountPath`,
            m.mountPath,
            "expected an absolute path",
        );
    });
}

function renderContainer(c: Checker, s: KnativeServiceSettings): Container {
    c.check(
        typeof s.image === "string" && s.image.trim() !== "" && !/\s/.test(s.image),
        "image",
        s.image,
        'expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56"',
    );
    const env = Object.entries(s.env ?? {}).map(([name, value]) => {
        c.check(
            ENV_NAME.test(name),
            `env["${name}"]`,
            name,
            "expected an environment variable name of letters, digits, '_', '-' or '.', not starting with a digit",
        );
        c.check(
            !RESERVED_ENV.includes(name),
            `env["${name}"]`,
            name,
            `expected a name Knative does not set itself (${RESERVED_ENV.join(", ")})`,
        );
        c.check(typeof value === "string", `env["${name}"]`, value, "expected a string value");
        return { name, value };
    });
    if (s.port !== undefined) {
        c.integer(s.port, "port", 1, 65535);
        c.check(
            !RESERVED_PORTS.includes(s.port),
            "port",
            s.port,
            `expected a port other than Knative's queue-proxy ports ${RESERVED_PORTS.join(", ")}`,
        );
    }
    for (const kind of ["requests", "limits"] as const) {
        for (const [resource, quantity] of Object.entries(s.resources?.[kind] ?? {})) {
            c.check(
                typeof quantity === "string" && QUANTITY.test(quantity),
                `resources.${kind}.${resource}`,
                quantity,
                'expected a Kubernetes quantity such as "500m", "2" or "4Gi"',
            );
        }
    }
    // Knative names the container "user-container" when unnamed; naming it keeps the object schema-valid.
    const container: Container = { name: USER_CONTAINER, image: s.image };
    if (s.command?.length) container.command = [...s.command];
    if (s.args?.length) container.args = [...s.args];
    if (env.length) container.env = env;
    if (s.port !== undefined) container.ports = [{ containerPort: s.port }];
    if (s.resources && (s.resources.requests || s.resources.limits)) {
        container.resources = JSON.parse(JSON.stringify(s.resources)) as Container["resources"];
    }
    if (s.volumeMounts?.length) container.volumeMounts = s.volumeMounts.map((m) => ({ ...m }));
    if (s.securityContext) container.securityContext = { ...s.securityContext };
    return container;
}

const IMAGE_WITH_TAG = /^[^\s]+(:[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;

function planImageCache(c: Checker, serviceName: string, s: KnativeServiceSettings): ImageCachePlan | undefined {
    const cache = s.imageCache;
    if (cache?.mode !== ImageCacheMode.Create) return undefined;
    const images = [s.image, ...(cache.extraImages ?? [])];
    images.forEach((image, i) =>
        c.check(
            IMAGE_WITH_TAG.test(image.slice(image.lastIndexOf("/") + 1)) || /@sha256:/.test(image),
            i === 0 ? "image" : `imageCache.extraImages[${i - 1}]`,
            image,
            "expected a tag or digest (an ECI image cache stores tagged images)",
        ),
    );
    c.check(
        typeof cache.vswitchId === "string" && cache.vswitchId.startsWith("vsw-"),
        "imageCache.vswitchId",
        cache.vswitchId,
        'expected the vSwitch id ("vsw-...") the cache is built in (mode "create")',
    );
    c.check(
        typeof cache.securityGroupId === "string" && cache.securityGroupId.startsWith("sg-"),
        "imageCache.securityGroupId",
        cache.securityGroupId,
        'expected a security group id ("sg-...") (mode "create")',
    );
    c.integer(cache.sizeGiB, "imageCache.sizeGiB", 20, 2048);
    c.integer(cache.retentionDays, "imageCache.retentionDays", 1, 3650);
    // The name follows the images, so a new image creates a new cache before the old one goes.
    const digest = createHash("sha256").update(images.join("\n")).digest("hex").slice(0, 8);
    const plan: ImageCachePlan = {
        imageCacheName: `${serviceName}-${digest}`,
        images,
        vswitchId: cache.vswitchId as string,
        securityGroupId: cache.securityGroupId as string,
    };
    if (cache.eipInstanceId !== undefined) plan.eipInstanceId = cache.eipInstanceId;
    if (cache.sizeGiB !== undefined) plan.imageCacheSize = cache.sizeGiB;
    if (cache.retentionDays !== undefined) plan.retentionDays = cache.retentionDays;
    return plan;
}

/** The Service pinned to an image cache: its id goes into `k8s.aliyun.com/eci-image-snapshot-id`. */
export function withImageSnapshot(service: KnativeServiceObject, imageCacheId: string): KnativeServiceObject {
    const template = service.spec.template;
    return {
        ...service,
        spec: {
            ...service.spec,
            template: {
                ...template,
                metadata: {
                    ...template.metadata,
                    annotations: { ...template.metadata.annotations, [ECI_ANNOTATIONS.imageSnapshotId]: imageCacheId },
                },
            },
        },
    };
}

/**
 * Validates a `KnativeService`'s settings and renders its `serving.knative.dev/v1` Service. Throws
 * `InputError` for the first invalid value. `resourceName` is the Pulumi resource name.
 */
export function renderKnativeService(resourceName: string, s: KnativeServiceSettings): KnativeServiceObject {
    return planKnativeService(resourceName, s).service;
}

/** Validates a `KnativeService`'s settings and renders everything it declares. */
export function planKnativeService(resourceName: string, s: KnativeServiceSettings): KnativeServicePlan {
    const c = new Checker(resourceLabel("KnativeService", resourceName));
    const name = s.serviceName ?? resourceName;
    checkServiceName(c, s.serviceName === undefined ? "serviceName (defaults to the resource name)" : "serviceName", name);
    const namespace = s.namespace ?? "default";
    checkNamespaceName(c, "namespace", namespace);
    const resolved = resolvePlacement(c, s);
    const { placement } = resolved;

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
    const eciOptions = { spot: s.spot, extraEphemeralStorage: s.extraEphemeralStorage, imageCacheMode: s.imageCache?.mode };
    for (const [field, value] of Object.entries(eciOptions)) {
        c.check(
            placement !== Placement.Ecs || value === undefined,
            field === "imageCacheMode" ? "imageCache" : field,
            field === "imageCacheMode" ? s.imageCache : value,
            'expected it only with a placement that may use ECI (placement is "ecs")',
        );
    }
    Object.assign(podAnnotations, renderEciOptions(c, eciOptions));
    const imageCache = planImageCache(c, name, s);
    Object.assign(podAnnotations, renderScaling(c, "scaling", s.scaling));
    checkAnnotationKeys(c, "podAnnotations", s.podAnnotations);
    for (const [key, value] of Object.entries(s.podAnnotations ?? {})) {
        const owner =
            key === ECI_USE_SPECS
                ? "eciSpecs"
                : SCALING_ANNOTATIONS.includes(key)
                  ? "scaling"
                  : Object.values(ECI_ANNOTATIONS).includes(key as never)
                    ? "the ECI options"
                    : undefined;
        if (owner && podAnnotations[key] !== undefined)
            c.fail(`podAnnotations["${key}"]`, value, `expected it only once: ${owner} already sets it`);
        podAnnotations[key] = value;
    }
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

    c.integer(s.containerConcurrency, "containerConcurrency", 0, 1000);
    c.integer(s.timeoutSeconds, "timeoutSeconds", 1, 600);
    checkLabels(c, "nodeSelector", s.nodeSelector);
    checkNodeSelector(c, resolved, s.nodeSelector ?? {});

    const placed = renderPlacement(placement, resolved.targets, resolved.ecsFirstStrategy === EcsFirstStrategy.PreferredAffinity);
    const volumes: Volume[] = (s.volumes ?? []).map((v) => JSON.parse(JSON.stringify(v)) as Volume);
    checkVolumes(c, volumes, s.volumeMounts);
    const tolerations = renderTolerations(c, resolved, s.tolerations ?? [], placed.tolerations ?? []);

    const pod: RevisionPodSpec = { containers: [renderContainer(c, s)] };
    if (s.containerConcurrency !== undefined) pod.containerConcurrency = s.containerConcurrency;
    if (s.timeoutSeconds !== undefined) pod.timeoutSeconds = s.timeoutSeconds;
    if (s.serviceAccountName) pod.serviceAccountName = s.serviceAccountName;
    if (s.imagePullSecrets?.length) pod.imagePullSecrets = s.imagePullSecrets.map((n) => ({ name: n }));
    if (s.hostNetwork) pod.hostNetwork = true;
    if (s.nodeSelector && Object.keys(s.nodeSelector).length) pod.nodeSelector = { ...s.nodeSelector };
    if (placed.affinity) pod.affinity = placed.affinity;
    if (tolerations.length) pod.tolerations = tolerations;
    if (volumes.length) pod.volumes = volumes;
    if (mayRunOnEci(placement)) checkEciCompatible(c, placement, pod);

    const templateMetadata: KnativeServiceObject["spec"]["template"]["metadata"] = {};
    if (s.podLabels && Object.keys(s.podLabels).length) templateMetadata.labels = { ...s.podLabels };
    if (Object.keys(podAnnotations).length) templateMetadata.annotations = podAnnotations;

    const metadata: KnativeServiceObject["metadata"] = { name, namespace };
    if (s.labels && Object.keys(s.labels).length) metadata.labels = { ...s.labels };
    if (s.annotations && Object.keys(s.annotations).length) metadata.annotations = { ...s.annotations };

    const plan: KnativeServicePlan = {
        service: {
            apiVersion: "serving.knative.dev/v1",
            kind: "Service",
            metadata,
            spec: { template: { metadata: templateMetadata, spec: pod } },
        },
    };
    if (resolved.ecsFirstStrategy === EcsFirstStrategy.ResourcePolicy) {
        plan.resourcePolicy = renderResourcePolicy(name, namespace, resolved.targets.ecsNodeLabel, s.ecsFirst?.ecsMaxPods);
    }
    if (imageCache) plan.imageCache = imageCache;
    return plan;
}
