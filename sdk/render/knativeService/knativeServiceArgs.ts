// KnativeService's arguments, every sub-argument with them: the interfaces Pulumi's analyzer reads and the same shapes at
// run time. The files that check and render each concern import their arguments from here and this file imports
// none of them, so the arguments have one home and no import cycle through it.
import type * as pulumi from "@pulumi/pulumi";
import { type Placement, PLACEMENTS } from "../core/placement";
import { EcsFirstStrategy } from "./resourcePolicy";
import {
    assertSameShape,
    bool,
    input,
    inputString,
    inputStringMap,
    list,
    map,
    num,
    obj,
    oneOf,
    opt,
    plain,
    req,
    secret,
    str,
    type TypeOf,
} from "../core/shape";
import { NODE_LABEL_ARGS, type NodeLabelArgs } from "../core/nodeLabelArgs";

/** Container CPU and memory, as Kubernetes quantities (`"500m"`, `"1Gi"`). */
export interface ResourceListArgs {
    /** CPU, e.g. `"500m"` or `"2"`. @default none */
    cpu?: string;
    /** Memory, e.g. `"1Gi"`. @default none */
    memory?: string;
    /** Ephemeral storage, e.g. `"40Gi"` (on ECI, beyond 30 GiB it adds billed storage). @default none */
    "ephemeral-storage"?: string;
}

export interface ResourcesArgs {
    /** What the scheduler reserves; on ECI, also what sizes the instance when `eciSpecs` is not set. @default none */
    requests?: ResourceListArgs;
    /** Upper bounds for the container. @default none */
    limits?: ResourceListArgs;
}

/** A toleration added to the revision's pods on top of the placement's. */
export interface TolerationArgs {
    /** Taint key to tolerate. @default any key (only with operator `"Exists"`) */
    key?: string;
    /** `"Exists"` or `"Equal"`. @default "Equal" */
    operator?: string;
    /** Taint value, with operator `"Equal"`. @default "" */
    value?: string;
    /** `"NoSchedule"`, `"PreferNoSchedule"` or `"NoExecute"`. @default all effects */
    effect?: string;
}

/** A ConfigMap in the namespace, mounted as files. */
export interface ConfigMapVolumeArgs {
    /** ConfigMap name. Required. */
    name: string;
}

/** A Secret in the namespace, mounted as files. */
export interface SecretVolumeArgs {
    /** Secret name. Required. */
    secretName: string;
}

/** Scratch space that lives as long as the pod (needs Knative's `kubernetes.podspec-volumes-emptydir`). */
export interface EmptyDirVolumeArgs {
    /** Size limit, e.g. `"1Gi"`. @default none */
    sizeLimit?: string;
}

/** A directory of the node. Not supported on ECI. */
export interface HostPathVolumeArgs {
    /** Directory on the node. Required. */
    path: string;
    /** Kubernetes hostPath type, e.g. `"Directory"`. @default "" (no check) */
    type?: string;
}

/** A PersistentVolumeClaim (needs Knative's `kubernetes.podspec-persistent-volume-claim`). */
export interface PersistentVolumeClaimVolumeArgs {
    /** Claim name in the namespace. Required. */
    claimName: string;
    /** Mount read-only (otherwise Knative's `-write` flag is needed too). @default false */
    readOnly?: boolean;
}

/** A pod volume. Exactly one source must be set. */
export interface VolumeArgs {
    /** Volume name, referenced by `volumeMounts`. Required. */
    name: string;
    /** Files from a ConfigMap. @default none */
    configMap?: ConfigMapVolumeArgs;
    /** Files from a Secret. @default none */
    secret?: SecretVolumeArgs;
    /** Scratch space. @default none */
    emptyDir?: EmptyDirVolumeArgs;
    /** A node directory. Not supported on ECI; rejected in placements that may land there. @default none */
    hostPath?: HostPathVolumeArgs;
    /** A PersistentVolumeClaim. @default none */
    persistentVolumeClaim?: PersistentVolumeClaimVolumeArgs;
}

export interface VolumeMountArgs {
    /** Name of a volume in `volumes`. Required. */
    name: string;
    /** Absolute path in the container. Required. */
    mountPath: string;
    /** Mount read-only. @default false */
    readOnly?: boolean;
    /** Path inside the volume to mount. @default the volume's root */
    subPath?: string;
}

export interface SecurityContextArgs {
    /** Not supported on ECI; rejected in placements that may land there. */
    privileged?: boolean;
    /** Refuse to start as root. @default the image's user */
    runAsNonRoot?: boolean;
    /** User id to run as. @default the image's user */
    runAsUser?: number;
}

/** A key of a Secret or ConfigMap in the Service's namespace. */
export interface KeyRefArgs {
    /** The Secret's or ConfigMap's name. Required. */
    name: string;
    /** The key whose value becomes the variable. Required. */
    key: string;
}

/** Where one variable's value comes from: exactly one of `secretKeyRef` or `configMapKeyRef`. */
export interface EnvValueFromArgs {
    /** A Secret key (`kn --env-value-from NAME=secret:name:key`). @default none */
    secretKeyRef?: KeyRefArgs;
    /** A ConfigMap key (`kn --env-value-from NAME=cm:name:key`). @default none */
    configMapKeyRef?: KeyRefArgs;
}

/** Every key of a Secret or ConfigMap as a variable: exactly one of `secret` or `configMap`. */
export interface EnvFromArgs {
    /** Secret name (`kn --env-from secret:name`). @default none */
    secret?: string;
    /** ConfigMap name (`kn --env-from cm:name`). @default none */
    configMap?: string;
    /** Prefix added to each key. @default none */
    prefix?: string;
}

/** An HTTP GET probe. */
export interface HttpGetProbeArgs {
    /** Path to request, e.g. `"/healthz"`. @default "/" */
    path?: string;
    /** Must be the serving port (the package probes no other). @default the serving port */
    port?: number;
    /** `"HTTP"` or `"HTTPS"`. @default "HTTP" */
    scheme?: string;
    /** Extra request headers, name → value. @default none */
    httpHeaders?: { [name: string]: string };
}

/** A TCP connect probe. */
export interface TcpSocketProbeArgs {
    /** Must be the serving port. @default the serving port */
    port?: number;
}

/** A gRPC health-checking probe (grpc.health.v1), for services with `portName: "h2c"`. */
export interface GrpcProbeArgs {
    /** Must be the serving port. @default the serving port */
    port?: number;
    /** Service name sent in the health check request. @default "" (the server's overall health) */
    service?: string;
}

/** A command run in the container; exit status 0 is healthy. */
export interface ExecProbeArgs {
    /** The command and its arguments. Required. */
    command: string[];
}

/** A probe: exactly one of httpGet, tcpSocket, grpc or exec, plus timings. */
export interface ProbeArgs {
    /** @default none */
    httpGet?: HttpGetProbeArgs;
    /** @default none */
    tcpSocket?: TcpSocketProbeArgs;
    /** @default none */
    grpc?: GrpcProbeArgs;
    /** @default none */
    exec?: ExecProbeArgs;
    /** Seconds after start before the first probe. @default 0 */
    initialDelaySeconds?: number;
    /** Seconds between probes; for readiness, 0 selects Knative's aggressive probing. @default Kubernetes' (10); readiness: Knative's (0) */
    periodSeconds?: number;
    /** Seconds a probe may take. @default 1 */
    timeoutSeconds?: number;
    /** Failures in a row before the container counts as failed. @default 3 */
    failureThreshold?: number;
    /** Successes in a row before it counts as healthy again (liveness: only 1). @default 1 */
    successThreshold?: number;
}

/** A sidecar container. */
export interface SidecarArgs {
    /** Container name, unique in the pod (not "user-container" or "queue-proxy"). Required. */
    name: string;
    /** Container image. Required. */
    image: string;
    /** Entrypoint override. @default the image's */
    command?: string[];
    /** Arguments. @default the image's */
    args?: string[];
    /** Environment variables, name → value. @default none */
    env?: { [name: string]: string };
    /** Variables from Secret or ConfigMap keys. @default none */
    envValueFrom?: { [name: string]: EnvValueFromArgs };
    /** Whole Secrets or ConfigMaps as variables. @default none */
    envFrom?: EnvFromArgs[];
    /** Resource requests and limits. @default none */
    resources?: ResourcesArgs;
    /** Mounts of the Service's `volumes`. @default none */
    volumeMounts?: VolumeMountArgs[];
    /** Security context. @default none */
    securityContext?: SecurityContextArgs;
    /** `"Always"`, `"IfNotPresent"` or `"Never"`. @default Kubernetes' (IfNotPresent, Always for `:latest`) */
    imagePullPolicy?: string;
    /**
     * On ECI, leave this container out when ECI rounds the pod's summed resources up to a spec it offers
     * (sets `__ECI_RESOURCE_IGNORE__=TRUE`, Alibaba Cloud "Ignore specific containers during resource
     * adjustment"). Only with a placement that may use ECI. @default false
     */
    eciResourceIgnore?: boolean;
}

/** Knative autoscaling settings; all become `autoscaling.knative.dev/*` revision-template annotations. */
export interface ScalingSettings {
    /** Percent of the target a pod is filled to before Knative adds pods, 1–100 (`kn --scale-utilization`). @default Knative's (70) */
    targetUtilization?: number;
    /** Fewest pods once scaled up from zero, 2 or more and at least minScale (`kn --scale-activation`). @default 1 */
    activationScale?: number;
    /** Lowest number of pods. `1` or more avoids ECI cold starts. @default 0 (scale to zero) */
    minScale?: number;
    /** Highest number of pods; `0` means unlimited. @default 0 */
    maxScale?: number;
    /** Pods created when a revision starts. @default 1 */
    initialScale?: number;
    /** Target per pod for the chosen metric (concurrent requests, rps, CPU millicores or %). @default Knative's (100 concurrency) */
    target?: number;
    /** `concurrency` or `rps` (KPA), `cpu` or `memory` (HPA class, set automatically). @default "concurrency" */
    metric?: string;
    /** How long to keep pods after load drops, a duration such as `"15m"` (0s–1h). @default "0s" */
    scaleDownDelay?: string;
    /** Stable window for averaging the metric, `"6s"`–`"1h"`. @default "60s" */
    window?: string;
}

/** One traffic target: a named revision or the latest ready one, its share and an optional tag. */
export interface TrafficTargetArgs {
    /** A revision of this Service, e.g. `"hello-v1"`. Exactly one of this or `latestRevision: true`. @default none */
    revisionName?: string;
    /** Send this share to the latest ready revision. @default false */
    latestRevision?: boolean;
    /** Share of requests, 0–100; all targets add up to 100. @default 0 */
    percent?: number;
    /** Tag: the target also gets its own URL, `<tag>-<service>.<namespace>.<domain>`. @default none */
    tag?: string;
}

/** Where a reserved instance runs (ACK also offers `acs`, which this package does not place pods on). */
export const ReservedInstanceType = { Eci: "eci", Ecs: "ecs" } as const;
export type ReservedInstanceType = (typeof ReservedInstanceType)[keyof typeof ReservedInstanceType];

/** A reserved instance kept warm instead of scaling to zero. */
export interface ReservedInstanceArgs {
    /** `"eci"` (an ECI pod, needs a placement that may use ECI) or `"ecs"` (a pod on the ECS nodes). @default "eci" */
    type?: ReservedInstanceType;
    /**
     * ECI specs of the reserved pod, tried in order (at most 5): ECS types such as `"ecs.t6-c1m1.large"` or
     * `"<vCPU>-<mem>Gi"`. Only with type "eci". @default ACK's: the cheapest burstable types of at least 1 vCPU and 2 GiB
     */
    eciSpecs?: string[];
    /** Reserved pods kept while idle. @default 1 */
    replicas?: number;
}

/** ECI spot strategies (`k8s.aliyun.com/eci-spot-strategy`). */
export const SpotStrategy = {
    /** Pay the market price, capped at the pay-as-you-go price. */
    AsPriceGo: "SpotAsPriceGo",
    /** Pay at most `priceLimit` per hour. */
    WithPriceLimit: "SpotWithPriceLimit",
} as const;
export type SpotStrategy = (typeof SpotStrategy)[keyof typeof SpotStrategy];

/** Run ECI pods as preemptible (spot) instances: cheaper, but ECI may reclaim them. */
export interface SpotSettings {
    /** `"SpotAsPriceGo"` or `"SpotWithPriceLimit"`. Required. */
    strategy: SpotStrategy;
    /** Highest hourly price (CNY) with `"SpotWithPriceLimit"`; not allowed otherwise. @default none */
    priceLimit?: number;
}

/**
 * How ECI pods start from an image cache instead of pulling the image. ECI's own default, with no annotation, is
 * automatic matching (`k8s.aliyun.com/eci-auto-imc` defaults to "true"), which also creates a (billed) cache when
 * none matches fully: "Use ImageCache to accelerate the creation of pods", https://help.aliyun.com/document_detail/141241.html.
 */
export const ImageCacheMode = {
    /** Automatic matching, stated explicitly (`k8s.aliyun.com/eci-auto-imc: "true"`): the same as ECI's default. */
    Auto: "auto",
    /** Create an `alicloud.eci.ImageCache` for the service's image and pin revisions to it (`k8s.aliyun.com/eci-imc-id`). */
    Create: "create",
    /** No automatic matching (`k8s.aliyun.com/eci-auto-imc: "false"`): ECI neither uses nor creates caches by itself. */
    Off: "off",
} as const;
export type ImageCacheMode = (typeof ImageCacheMode)[keyof typeof ImageCacheMode];

/** How `ecs-first` placement orders ECS before ECI. */
export interface EcsFirstArgs {
    /**
     * `"resource-policy"` (ACK Pro's ResourcePolicy: strict ECS-then-ECI order, reverse on scale-in) or
     * `"preferred-affinity"` (a scheduler preference only; for clusters without ResourcePolicy).
     * @default "resource-policy"
     */
    strategy?: EcsFirstStrategy;
    /** Most pods placed on ECS before overflowing to ECI (ResourcePolicy `max`; needs Kubernetes 1.22+). @default no cap */
    ecsMaxPods?: number;
}

/** A registry login an ECI image cache uses to pull private images. */
export interface RegistryCredentialArgs {
    /** Registry host, e.g. `registry.cn-hangzhou.aliyuncs.com`. Required. */
    server: pulumi.Input<string>;
    /** Registry user. Required. */
    userName: pulumi.Input<string>;
    /** Kept secret in state and previews. */
    password: pulumi.Input<string>;
}

/** ECI image cache for fast cold starts (ACK documents ~50 s → ~5 s for a 386 MB image). */
export interface ImageCacheArgs {
    /**
     * `"create"`: create an `alicloud.eci.ImageCache` for the image and pin revisions to it; `"auto"`: state ECI's
     * automatic matching explicitly (ECI does it by default, and may create a billed cache by itself when none
     * matches); `"off"`: no automatic matching or cache creation by ECI. Required.
     */
    mode: ImageCacheMode;
    /**
     * vSwitch the cache-building instance runs in (mode "create"; it needs internet access via NAT or
     * `eipInstanceId`). @default required alone; in `KnativeEciPlatform`, the cluster's first node vSwitch
     */
    vswitchId?: pulumi.Input<string>;
    /** Security group of the cache-building instance (mode "create"). @default required alone; in `KnativeEciPlatform`, the cluster's */
    securityGroupId?: pulumi.Input<string>;
    /** EIP for pulling public images when the vSwitch has no NAT gateway. @default none */
    eipInstanceId?: pulumi.Input<string>;
    /** More images to cache beside the service image (e.g. sidecars). @default none */
    extraImages?: pulumi.Input<string>[];
    /** Cache size in GiB (ECI default 20). @default 20 */
    sizeGiB?: number;
    /** Days to keep the cache unused before ECI deletes it. @default kept until deleted */
    retentionDays?: number;
    /** Logins for private registries. @default none */
    registryCredentials?: RegistryCredentialArgs[];
}

/**
 * Arguments of `KnativeService`: one `serving.knative.dev/v1` Service with one container, placed on
 * ECS nodes and/or ECI as in Alibaba Cloud's "Using ECI in Knative" guide.
 */
export interface KnativeServiceArgs {
    /** Container image, e.g. `registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56`. Required. */
    image: pulumi.Input<string>;
    /**
     * Where pods may run: `"eci"`, `"eci-namespace"`, `"ecs-and-eci"`, `"ecs-first"` or `"ecs"`. Required;
     * a plain value, because it decides which resources exist.
     */
    placement: Placement;
    /** Namespace of the Service. For `"eci-namespace"` it must carry the ECI injection label. @default "default" */
    namespace?: pulumi.Input<string>;
    /** The ksvc `metadata.name`. @default the Pulumi resource name */
    serviceName?: pulumi.Input<string>;
    /** Environment variables, name → value. A secret value stays secret in state and previews. @default none */
    env?: pulumi.Input<{ [name: string]: pulumi.Input<string> }>;
    /**
     * Environment variables read from Secret or ConfigMap keys in the namespace, name → key reference: the
     * value stays in the cluster and never enters Pulumi's state. @default none
     */
    envValueFrom?: pulumi.Input<{ [name: string]: pulumi.Input<EnvValueFromArgs> }>;
    /** Every key of a Secret or ConfigMap as an environment variable. @default none */
    envFrom?: pulumi.Input<pulumi.Input<EnvFromArgs>[]>;
    /**
     * ECI specs tried in order (at most 5), `"<vCPU>-<mem>Gi"` such as `"2-4Gi"` or an ECS type such as
     * `"ecs.c6.large"`; rendered comma-joined into `k8s.aliyun.com/eci-use-specs`. Not allowed with
     * placement `"ecs"`. @default none (ECI sizes the pod from its resource requests)
     */
    eciSpecs?: pulumi.Input<pulumi.Input<string>[]>;
    /** Maximum concurrent requests per pod, 0–1000; 0 means unlimited. @default 0 */
    containerConcurrency?: pulumi.Input<number>;
    /** Request timeout in seconds, 1–600. @default Knative's (300) */
    timeoutSeconds?: pulumi.Input<number>;
    /** Port the container listens on. @default Knative's (8080, passed as $PORT) */
    port?: pulumi.Input<number>;
    /** `"h2c"` for HTTP/2 cleartext such as gRPC, or `"http1"`: the only names Knative allows. @default none (HTTP/1) */
    portName?: pulumi.Input<string>;
    /** Readiness probe of the serving container. @default Knative's (a TCP probe of the port) */
    readinessProbe?: pulumi.Input<ProbeArgs>;
    /** Liveness probe of the serving container. @default none */
    livenessProbe?: pulumi.Input<ProbeArgs>;
    /** `"Always"`, `"IfNotPresent"` or `"Never"`. @default Kubernetes' (IfNotPresent; Always for `:latest`) */
    imagePullPolicy?: pulumi.Input<string>;
    /** Containers run beside the serving one; they take no port. @default none */
    sidecars?: pulumi.Input<pulumi.Input<SidecarArgs>[]>;
    /** Name of the revision this template creates, `<serviceName>-<suffix>`. @default Knative's (`<serviceName>-00001`, …) */
    revisionName?: pulumi.Input<string>;
    /** How requests split across revisions, with tags for per-revision URLs. @default all to the latest revision */
    traffic?: pulumi.Input<pulumi.Input<TrafficTargetArgs>[]>;
    /** Reachable only inside the cluster (label `networking.knative.dev/visibility: cluster-local`). @default false */
    clusterLocal?: pulumi.Input<boolean>;
    /** ACK Knative's reserved instance: a small pod kept warm instead of scaling to zero. @default none */
    reservedInstance?: pulumi.Input<ReservedInstanceArgs>;
    /** Container entrypoint override. @default the image's */
    command?: pulumi.Input<pulumi.Input<string>[]>;
    /** Container arguments. @default the image's */
    args?: pulumi.Input<pulumi.Input<string>[]>;
    /** Container resource requests and limits. @default none */
    resources?: pulumi.Input<ResourcesArgs>;
    /** Knative autoscaling (min/max scale, target, metric, …) on the revision template. @default Knative's */
    scaling?: pulumi.Input<ScalingSettings>;
    /** Extra labels on the Service. @default none */
    labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Extra annotations on the Service (not autoscaling ones: Knative rejects them there). @default none */
    annotations?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Extra labels on the revision's pods. @default none */
    podLabels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Extra annotations on the revision's pods, e.g. other `k8s.aliyun.com/eci-*` settings. @default none */
    podAnnotations?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Node selector ANDed with the placement; must not contradict it. @default none */
    nodeSelector?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Tolerations added to the placement's; must not contradict it. @default none */
    tolerations?: pulumi.Input<pulumi.Input<TolerationArgs>[]>;
    /** Service account of the pods. @default the namespace's `default` */
    serviceAccountName?: pulumi.Input<string>;
    /** Names of image pull secrets in the namespace. @default none */
    imagePullSecrets?: pulumi.Input<pulumi.Input<string>[]>;
    /** Pod volumes. @default none */
    volumes?: pulumi.Input<pulumi.Input<VolumeArgs>[]>;
    /** Container volume mounts; each must name a volume. @default none */
    volumeMounts?: pulumi.Input<pulumi.Input<VolumeMountArgs>[]>;
    /** Container security context. @default none */
    securityContext?: pulumi.Input<SecurityContextArgs>;
    /** Host networking; not supported on ECI. @default false */
    hostNetwork?: pulumi.Input<boolean>;
    /** Label of the ECS nodes the `ecs*` placements select. @default `resource-role=ecs` */
    ecsNodeLabel?: pulumi.Input<NodeLabelArgs>;
    /** Label of the ECI virtual node. @default `type=virtual-kubelet` */
    virtualNodeLabel?: pulumi.Input<NodeLabelArgs>;
    /** Taint key of the ECI virtual node, tolerated with `Exists`. @default "virtual-kubelet.io/provider" */
    virtualNodeTaintKey?: pulumi.Input<string>;
    /** Ordering for placement `"ecs-first"`. @default { strategy: "resource-policy" } */
    ecsFirst?: EcsFirstArgs;
    /** Run ECI pods as spot instances. Not with placement `"ecs"`. @default pay-as-you-go */
    spot?: pulumi.Input<SpotSettings>;
    /** ECI storage added to the free 30 GiB, e.g. `"20Gi"` (billed). Not with placement `"ecs"`. @default none */
    extraEphemeralStorage?: pulumi.Input<string>;
    /**
     * ECI image cache for fast starts. Not with placement `"ecs"`.
     * @default none: no annotation, so ECI's default applies (automatic matching, which may create a billed cache)
     */
    imageCache?: ImageCacheArgs;
    /** Make `pulumi up` wait until the Service is Ready. @default true */
    waitForReady?: pulumi.Input<boolean>;
    /** How long `pulumi up` waits for Ready, in seconds. @default 600 */
    readyTimeoutSeconds?: pulumi.Input<number>;
}

/** `KnativeServiceArgs` with every value resolved: what the pure renderer works on. */
export type KnativeServiceSettings = pulumi.Unwrap<KnativeServiceArgs>;

// ---- the same arguments as a runtime shape (checked against the interfaces above at compile time) ----

const inputStrings = input(list(inputString));

const RESOURCE_LIST_ARGS = obj({ cpu: opt(str()), memory: opt(str()), "ephemeral-storage": opt(str()) });
const RESOURCES_ARGS = obj({ requests: opt(RESOURCE_LIST_ARGS), limits: opt(RESOURCE_LIST_ARGS) });
assertSameShape<TypeOf<typeof RESOURCES_ARGS>, ResourcesArgs>(true);

const TOLERATION_ARGS = obj({ key: opt(str()), operator: opt(str()), value: opt(str()), effect: opt(str()) });
assertSameShape<TypeOf<typeof TOLERATION_ARGS>, TolerationArgs>(true);

const VOLUME_ARGS = obj({
    name: req(str()),
    configMap: opt(obj({ name: req(str()) })),
    secret: opt(obj({ secretName: req(str()) })),
    emptyDir: opt(obj({ sizeLimit: opt(str()) })),
    hostPath: opt(obj({ path: req(str()), type: opt(str()) })),
    persistentVolumeClaim: opt(obj({ claimName: req(str()), readOnly: opt(bool()) })),
});
assertSameShape<TypeOf<typeof VOLUME_ARGS>, VolumeArgs>(true);

const VOLUME_MOUNT_ARGS = obj({ name: req(str()), mountPath: req(str()), readOnly: opt(bool()), subPath: opt(str()) });
assertSameShape<TypeOf<typeof VOLUME_MOUNT_ARGS>, VolumeMountArgs>(true);

const SECURITY_CONTEXT_ARGS = obj({ privileged: opt(bool()), runAsNonRoot: opt(bool()), runAsUser: opt(num()) });
assertSameShape<TypeOf<typeof SECURITY_CONTEXT_ARGS>, SecurityContextArgs>(true);

const SCALING_ARGS = obj({
    minScale: opt(num()),
    maxScale: opt(num()),
    initialScale: opt(num()),
    target: opt(num()),
    metric: opt(str()),
    scaleDownDelay: opt(str()),
    window: opt(str()),
    targetUtilization: opt(num()),
    activationScale: opt(num()),
});
assertSameShape<TypeOf<typeof SCALING_ARGS>, ScalingSettings>(true);

const SPOT_ARGS = obj({ strategy: req(oneOf(Object.values(SpotStrategy))), priceLimit: opt(num()) });
assertSameShape<TypeOf<typeof SPOT_ARGS>, SpotSettings>(true);

const REGISTRY_CREDENTIAL_ARGS = obj({ server: req(inputString), userName: req(inputString), password: req(secret(inputString)) });
assertSameShape<TypeOf<typeof REGISTRY_CREDENTIAL_ARGS>, RegistryCredentialArgs>(true);

const IMAGE_CACHE_ARGS = obj({
    mode: req(oneOf(Object.values(ImageCacheMode))),
    vswitchId: opt(inputString),
    securityGroupId: opt(inputString),
    eipInstanceId: opt(inputString),
    extraImages: opt(list(inputString)),
    sizeGiB: opt(num()),
    retentionDays: opt(num()),
    registryCredentials: opt(list(REGISTRY_CREDENTIAL_ARGS)),
});
assertSameShape<TypeOf<typeof IMAGE_CACHE_ARGS>, ImageCacheArgs>(true);

const KEY_REF_ARGS = obj({ name: req(str()), key: req(str()) });
const ENV_VALUE_FROM_ARGS = obj({ secretKeyRef: opt(KEY_REF_ARGS), configMapKeyRef: opt(KEY_REF_ARGS) });
assertSameShape<TypeOf<typeof ENV_VALUE_FROM_ARGS>, EnvValueFromArgs>(true);
const ENV_FROM_ARGS = obj({ secret: opt(str()), configMap: opt(str()), prefix: opt(str()) });
assertSameShape<TypeOf<typeof ENV_FROM_ARGS>, EnvFromArgs>(true);

const PROBE_ARGS = obj({
    httpGet: opt(obj({ path: opt(str()), port: opt(num()), scheme: opt(str()), httpHeaders: opt(map(str())) })),
    tcpSocket: opt(obj({ port: opt(num()) })),
    grpc: opt(obj({ port: opt(num()), service: opt(str()) })),
    exec: opt(obj({ command: req(list(str())) })),
    initialDelaySeconds: opt(num()),
    periodSeconds: opt(num()),
    timeoutSeconds: opt(num()),
    failureThreshold: opt(num()),
    successThreshold: opt(num()),
});
assertSameShape<TypeOf<typeof PROBE_ARGS>, ProbeArgs>(true);

const SIDECAR_ARGS = obj({
    name: req(str()),
    image: req(str()),
    command: opt(list(str())),
    args: opt(list(str())),
    env: opt(map(str())),
    envValueFrom: opt(map(ENV_VALUE_FROM_ARGS)),
    envFrom: opt(list(ENV_FROM_ARGS)),
    resources: opt(RESOURCES_ARGS),
    volumeMounts: opt(list(VOLUME_MOUNT_ARGS)),
    securityContext: opt(SECURITY_CONTEXT_ARGS),
    imagePullPolicy: opt(str()),
    eciResourceIgnore: opt(bool()),
});
assertSameShape<TypeOf<typeof SIDECAR_ARGS>, SidecarArgs>(true);

const TRAFFIC_ARGS = obj({ revisionName: opt(str()), latestRevision: opt(bool()), percent: opt(num()), tag: opt(str()) });
assertSameShape<TypeOf<typeof TRAFFIC_ARGS>, TrafficTargetArgs>(true);

const RESERVED_INSTANCE_ARGS = obj({
    type: opt(oneOf(Object.values(ReservedInstanceType))),
    eciSpecs: opt(list(str())),
    replicas: opt(num()),
});
assertSameShape<TypeOf<typeof RESERVED_INSTANCE_ARGS>, ReservedInstanceArgs>(true);

const ECS_FIRST_ARGS = obj({ strategy: opt(oneOf(Object.values(EcsFirstStrategy))), ecsMaxPods: opt(num()) });
assertSameShape<TypeOf<typeof ECS_FIRST_ARGS>, EcsFirstArgs>(true);

/** `KnativeServiceArgs` as a runtime shape. */
export const KNATIVE_SERVICE_ARGS = obj({
    image: req(inputString),
    placement: req(plain(oneOf(PLACEMENTS), 'it decides which resources are declared (a ResourcePolicy for "ecs-first")')),
    namespace: opt(inputString),
    serviceName: opt(inputString),
    env: opt(inputStringMap),
    envValueFrom: opt(input(map(input(ENV_VALUE_FROM_ARGS)))),
    envFrom: opt(input(list(input(ENV_FROM_ARGS)))),
    eciSpecs: opt(inputStrings),
    containerConcurrency: opt(input(num())),
    timeoutSeconds: opt(input(num())),
    port: opt(input(num())),
    portName: opt(inputString),
    readinessProbe: opt(input(PROBE_ARGS)),
    livenessProbe: opt(input(PROBE_ARGS)),
    imagePullPolicy: opt(inputString),
    sidecars: opt(input(list(input(SIDECAR_ARGS)))),
    revisionName: opt(inputString),
    traffic: opt(input(list(input(TRAFFIC_ARGS)))),
    clusterLocal: opt(input(bool())),
    reservedInstance: opt(input(RESERVED_INSTANCE_ARGS)),
    command: opt(inputStrings),
    args: opt(inputStrings),
    resources: opt(input(RESOURCES_ARGS)),
    scaling: opt(input(SCALING_ARGS)),
    labels: opt(inputStringMap),
    annotations: opt(inputStringMap),
    podLabels: opt(inputStringMap),
    podAnnotations: opt(inputStringMap),
    nodeSelector: opt(inputStringMap),
    tolerations: opt(input(list(input(TOLERATION_ARGS)))),
    serviceAccountName: opt(inputString),
    imagePullSecrets: opt(inputStrings),
    volumes: opt(input(list(input(VOLUME_ARGS)))),
    volumeMounts: opt(input(list(input(VOLUME_MOUNT_ARGS)))),
    securityContext: opt(input(SECURITY_CONTEXT_ARGS)),
    hostNetwork: opt(input(bool())),
    ecsNodeLabel: opt(input(NODE_LABEL_ARGS)),
    virtualNodeLabel: opt(input(NODE_LABEL_ARGS)),
    virtualNodeTaintKey: opt(inputString),
    ecsFirst: opt(plain(ECS_FIRST_ARGS, "its strategy decides whether a ResourcePolicy is declared")),
    spot: opt(input(SPOT_ARGS)),
    extraEphemeralStorage: opt(inputString),
    imageCache: opt(plain(IMAGE_CACHE_ARGS, "its mode decides whether an ECI ImageCache is declared")),
    waitForReady: opt(input(bool())),
    readyTimeoutSeconds: opt(input(num())),
});
assertSameShape<TypeOf<typeof KNATIVE_SERVICE_ARGS>, KnativeServiceArgs>(true);
