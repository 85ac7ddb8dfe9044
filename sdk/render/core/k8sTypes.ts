/**
 * The slices of the Kubernetes and Knative object model this package renders. Plain data, so the
 * renderers stay free of Pulumi and tests can compare objects field by field.
 */

export type StringMap = Record<string, string>;

export interface ObjectMeta {
    name: string;
    namespace?: string;
    labels?: StringMap;
    annotations?: StringMap;
}

export interface NodeSelectorRequirement {
    key: string;
    operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
    values?: string[];
}

export interface NodeSelectorTerm {
    matchExpressions: NodeSelectorRequirement[];
}

export interface PreferredSchedulingTerm {
    weight: number;
    preference: NodeSelectorTerm;
}

export interface NodeAffinity {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

export interface Affinity {
    nodeAffinity?: NodeAffinity;
    // Pod (anti-)affinity is passed through untouched from user input.
    podAffinity?: unknown;
    podAntiAffinity?: unknown;
}

export interface Toleration {
    key?: string;
    operator?: "Exists" | "Equal";
    value?: string;
    effect?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
    tolerationSeconds?: number;
}

export interface Taint {
    key: string;
    value?: string;
    effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
}

/** A key of a ConfigMap or Secret in the namespace. */
export interface KeySelector {
    name: string;
    key: string;
}

export interface EnvVar {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: KeySelector; configMapKeyRef?: KeySelector };
}

export interface EnvFromSource {
    prefix?: string;
    configMapRef?: { name: string };
    secretRef?: { name: string };
}

export interface Probe {
    httpGet?: { path?: string; port?: number; scheme?: "HTTP" | "HTTPS"; httpHeaders?: { name: string; value: string }[] };
    tcpSocket?: { port?: number };
    grpc?: { port: number; service?: string };
    exec?: { command: string[] };
    initialDelaySeconds?: number;
    periodSeconds?: number;
    timeoutSeconds?: number;
    failureThreshold?: number;
    successThreshold?: number;
}

export interface ContainerPort {
    containerPort: number;
    name?: "h2c" | "http1";
    protocol?: "TCP";
}

export interface ResourceRequirements {
    requests?: StringMap;
    limits?: StringMap;
}

export interface VolumeMount {
    name: string;
    mountPath: string;
    readOnly?: boolean;
    subPath?: string;
}

export interface Container {
    name?: string;
    image: string;
    command?: string[];
    args?: string[];
    env?: EnvVar[];
    envFrom?: EnvFromSource[];
    ports?: ContainerPort[];
    imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
    readinessProbe?: Probe;
    livenessProbe?: Probe;
    resources?: ResourceRequirements;
    volumeMounts?: VolumeMount[];
    securityContext?: { privileged?: boolean; runAsNonRoot?: boolean; runAsUser?: number };
}

export interface Volume {
    name: string;
    configMap?: { name: string };
    secret?: { secretName: string };
    emptyDir?: { sizeLimit?: string };
    hostPath?: { path: string; type?: string };
    persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
}

export interface RevisionPodSpec {
    containerConcurrency?: number;
    timeoutSeconds?: number;
    serviceAccountName?: string;
    hostNetwork?: boolean;
    nodeSelector?: StringMap;
    affinity?: Affinity;
    tolerations?: Toleration[];
    imagePullSecrets?: { name: string }[];
    containers: Container[];
    volumes?: Volume[];
}

export interface KnativeServiceObject {
    apiVersion: "serving.knative.dev/v1";
    kind: "Service";
    metadata: ObjectMeta;
    spec: {
        template: {
            metadata: { name?: string; labels?: StringMap; annotations?: StringMap };
            spec: RevisionPodSpec;
        };
        traffic?: TrafficTarget[];
    };
}

/** One `spec.traffic` entry of a Knative Service. */
export interface TrafficTarget {
    revisionName?: string;
    latestRevision?: boolean;
    percent?: number;
    tag?: string;
}
