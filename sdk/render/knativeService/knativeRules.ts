// Knative Serving's own admission rules (knative.dev/serving v0.51.0: pkg/apis/autoscaling/annotation_validation.go,
// pkg/apis/serving/v1/revision_validation.go, pkg/apis/serving/k8s_validation.go, networking's metadata_validation.go)
// for what a KnativeService renders, checked at preview so that nothing the package accepts is rejected by Knative's
// webhook at `pulumi up`. tests/knative/ compares these, argument by argument, with Knative's own code.
import type { Checker } from "../core/errors";
import type { KnativeServiceObject, RevisionPodSpec, StringMap, VolumeMount } from "../core/k8sTypes";
import type { KnativeServiceSettings } from "./knativeServiceArgs";

const AS = "autoscaling.knative.dev/";
const SERVING = "serving.knative.dev/";
const QUEUE = "queue.sidecar.serving.knative.dev/";
const NETWORKING = "networking.knative.dev/";

/** Knative's annotation keys with the older spellings it still reads (kmap.KeyPriority: the first present wins). */
const ALIASES: Record<string, string[]> = {
    [`${AS}min-scale`]: [`${AS}minScale`],
    [`${AS}max-scale`]: [`${AS}maxScale`],
    [`${AS}initial-scale`]: [`${AS}initialScale`],
    [`${AS}scale-down-delay`]: [`${AS}scaleDownDelay`],
    [`${AS}scale-to-zero-pod-retention-period`]: [`${AS}scaleToZeroPodRetentionPeriod`],
    [`${AS}target-burst-capacity`]: [`${AS}targetBurstCapacity`],
    [`${AS}target-utilization-percentage`]: [`${AS}targetUtilizationPercentage`],
    [`${AS}panic-window-percentage`]: [`${AS}panicWindowPercentage`],
    [`${AS}panic-threshold-percentage`]: [`${AS}panicThresholdPercentage`],
    [`${AS}metric-aggregation-algorithm`]: [`${AS}metricAggregationAlgorithm`],
    [`${QUEUE}resource-percentage`]: [`${QUEUE}resourcePercentage`],
    [`${SERVING}rollout-duration`]: [`${SERVING}rolloutDuration`],
};

/** Knative's networking annotations; any other `networking.knative.dev/` key is rejected. */
const NETWORKING_KEYS = [
    "ingress.class",
    "ingress-class",
    "certificate.class",
    "certificate-class",
    "disableAutoTLS",
    "disable-auto-tls",
    "disable-external-domain-tls",
    "httpOption",
    "http-protocol",
].map((k) => NETWORKING + k);

const KPA = "kpa.autoscaling.knative.dev";
const HPA = "hpa.autoscaling.knative.dev";
const INT32_MAX = 2147483647;
/** Ports of Knative's queue-proxy and profiling server (k8s_validation.go reservedPorts). */
export const KNATIVE_RESERVED_PORTS = [8008, 8012, 8013, 8022, 9090, 9091];
/** Mount paths Knative reserves (k8s_validation.go reservedPaths, compared after path.Clean). */
const RESERVED_PATHS = ["/", "/dev", "/dev/log"];

const GO_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds of a Go duration (`time.ParseDuration`: "90s", "1m30s", "1.5h", "0"), or undefined if malformed. */
export function goDurationSeconds(text: string): number | undefined {
    if (typeof text !== "string") return undefined;
    const m = /^([-+]?)(.*)$/.exec(text)!;
    if (m[2] === "0") return 0;
    const parts = [...m[2].matchAll(/(\d*\.?\d*)(ns|us|µs|ms|s|m|h)/gy)];
    if (m[2] === "" || parts.map((p) => p[0]).join("") !== m[2] || parts.some((p) => p[1] === "" || p[1] === ".")) return undefined;
    const total = parts.reduce((sum, p) => sum + Number(p[1]) * GO_UNITS[p[2]], 0);
    return m[1] === "-" ? -total : total;
}

/** A Go `strconv.ParseFloat` number (decimal or exponent form; not hex, infinities or NaN). */
function goFloat(text: string): number | undefined {
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
}

/** A Go `strconv.ParseInt(v, 10, 32)` integer. */
function goInt32(text: string): number | undefined {
    if (!/^[-+]?\d+$/.test(text)) return undefined;
    const n = Number(text);
    return n >= -INT32_MAX - 1 && n <= INT32_MAX ? n : undefined;
}

/** A Kubernetes quantity (resource.ParseQuantity): a decimal number with an optional SI, binary or exponent suffix. */
function isQuantity(text: string): boolean {
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$/.test(text);
}

/** Where the user wrote a revision-template annotation: a scaling field or `podAnnotations[key]`. */
function annotationField(s: KnativeServiceSettings, key: string): string {
    if (s.podAnnotations?.[key] !== undefined) return `podAnnotations["${key}"]`;
    const scaling: StringMap = {
        [`${AS}min-scale`]: "minScale",
        [`${AS}max-scale`]: "maxScale",
        [`${AS}initial-scale`]: "initialScale",
        [`${AS}target`]: "target",
        [`${AS}metric`]: "metric",
        [`${AS}class`]: "metric",
        [`${AS}scale-down-delay`]: "scaleDownDelay",
        [`${AS}window`]: "window",
        [`${AS}target-utilization-percentage`]: "targetUtilization",
        [`${AS}activation-scale`]: "activationScale",
    };
    return `scaling.${scaling[key] ?? key}`;
}

/** A revision-template annotation as Knative reads it, with the field the user wrote it in; and checks of its form. */
interface AnnotationReader {
    read(key: string): { field: string; value: string } | undefined;
    whole(key: string, min: number, what: string): number | undefined;
    float(key: string, ok: (n: number) => boolean, what: string): void;
    duration(key: string, min: number, max: number, what: string): void;
}

/** Reads `annotations` (where `fieldOf` names each key as the user wrote it) the way Knative does. */
function annotationReader(c: Checker, annotations: StringMap, fieldOf: (key: string) => string): AnnotationReader {
    // The value Knative reads for a key (its own spelling first, then its aliases), with the field it came from.
    const read = (key: string): { field: string; value: string } | undefined => {
        for (const k of [key, ...(ALIASES[key] ?? [])]) {
            if (annotations[k] !== undefined) return { field: fieldOf(k), value: annotations[k] };
        }
        return undefined;
    };
    const whole = (key: string, min: number, what: string): number | undefined => {
        const r = read(key);
        if (!r) return undefined;
        const n = goInt32(r.value);
        c.check(n !== undefined && n >= min, r.field, r.value, `expected ${what} (a whole number from ${min} to ${INT32_MAX})`);
        return n;
    };
    const float = (key: string, ok: (n: number) => boolean, what: string): void => {
        const r = read(key);
        if (!r) return;
        const n = goFloat(r.value);
        c.check(n !== undefined && ok(n), r.field, r.value, what);
    };
    const duration = (key: string, min: number, max: number, what: string): void => {
        const r = read(key);
        if (!r) return;
        const d = goDurationSeconds(r.value);
        c.check(
            d !== undefined && d >= min && d <= max && Number.isInteger(Math.round(d * 1e9) / 1e9),
            r.field,
            r.value,
            `expected ${what}, a duration in whole seconds such as "90s" or "1m30s"`,
        );
    };

    return { read, whole, float, duration };
}

/** A key and its aliases: Knative reads the first given and ignores the others, so only one may be given. */
function checkAliases(c: Checker, annotations: StringMap, fieldOf: (key: string) => string): void {
    for (const [key, aliases] of Object.entries(ALIASES)) {
        const given = [key, ...aliases].filter((k) => annotations[k] !== undefined);
        if (given.length > 1)
            c.fail(
                fieldOf(given[1]),
                annotations[given[1]],
                `expected only one of ${given.map((k) => `"${k}"`).join(" and ")}: Knative reads "${given[0]}" and ignores the other`,
            );
    }
}

/** The autoscaler class and the scale bounds; returns the class as given. */
function checkScaleBounds(c: Checker, r: AnnotationReader): { field: string; value: string } | undefined {
    const { read, whole } = r;
    const klass = read(`${AS}class`);
    if (klass)
        c.check(
            !klass.value.endsWith(".knative.dev") || klass.value === KPA || klass.value === HPA,
            klass.field,
            klass.value,
            `expected "${KPA}" or "${HPA}" (or another autoscaler's class outside .knative.dev)`,
        );
    const min = whole(`${AS}min-scale`, 0, "a number of pods, 0 or more");
    const max = whole(`${AS}max-scale`, 0, "a number of pods, 0 (unlimited) or more");
    if (min !== undefined && max !== undefined && max !== 0)
        c.check(max >= min, read(`${AS}max-scale`)!.field, max, `expected at least the minimum scale (${min}), or 0 for unlimited`);
    const initial = read(`${AS}initial-scale`);
    if (initial) {
        const n = goInt32(initial.value);
        c.check(
            n !== undefined && n >= 1,
            initial.field,
            initial.value,
            "expected a number of pods, 1 or more (0 needs allow-zero-initial-scale in Knative's config-autoscaler, which is off by default and not managed by this package)",
        );
    }
    const activation = read(`${AS}activation-scale`);
    if (activation) {
        const n = goInt32(activation.value);
        c.check(
            n !== undefined && n >= 2 && n >= (min ?? 0) && (!max || n <= max),
            activation.field,
            activation.value,
            "expected a number of pods, 2 or more, at least the minimum and at most the maximum scale",
        );
    }
    return klass;
}

/** The autoscaler's targets, windows, metric and aggregation, for the class given (`klass`, KPA when unset). */
function checkAutoscalerTuning(c: Checker, r: AnnotationReader, klass: { value: string } | undefined): void {
    const { read, float, duration } = r;
    float(`${AS}target`, (n) => n >= 0.01, "expected a number, 0.01 or more");
    float(`${AS}target-utilization-percentage`, (n) => n >= 1 && n <= 100, "expected a percentage from 1 to 100");
    float(`${AS}target-burst-capacity`, (n) => n >= 0 || n === -1, "expected a number, 0 or more, or -1 (unlimited)");
    float(`${AS}panic-window-percentage`, (n) => n >= 1 && n <= 100, "expected a percentage from 1 to 100");
    float(`${AS}panic-threshold-percentage`, (n) => n >= 110 && n <= 1000, "expected a percentage from 110 to 1000");
    duration(`${AS}window`, 6, 3600, "6s to 1h");
    duration(`${AS}scale-down-delay`, 0, 3600, "0s to 1h");
    const retention = read(`${AS}scale-to-zero-pod-retention-period`);
    if (retention) {
        const d = goDurationSeconds(retention.value);
        c.check(
            d !== undefined && d >= 0 && d <= 3600,
            retention.field,
            retention.value,
            'expected a duration from 0s to 1h such as "90s"',
        );
    }
    const metric = read(`${AS}metric`);
    const klassValue = klass?.value ?? KPA;
    if (metric && klassValue === KPA)
        c.check(
            ["concurrency", "rps"].includes(metric.value),
            metric.field,
            metric.value,
            'expected "concurrency" or "rps" (Knative\'s KPA autoscaler)',
        );
    if (metric && klassValue === HPA)
        c.check(metric.value !== "", metric.field, metric.value, 'expected a metric such as "cpu" or "memory"');
    const algorithm = read(`${AS}metric-aggregation-algorithm`);
    if (algorithm && klass?.value === KPA)
        c.check(
            ["linear", "weighted-exponential", "weightedExponential"].includes(algorithm.value),
            algorithm.field,
            algorithm.value,
            'expected "linear" or "weighted-exponential"',
        );
}

/** The queue-proxy's resources, the progress deadline and Knative's networking keys. */
function checkQueueAndNetworking(c: Checker, annotations: StringMap, fieldOf: (key: string) => string, r: AnnotationReader): void {
    const { read, duration } = r;
    // Queue-proxy resources and the progress deadline.
    const percentage = read(`${QUEUE}resource-percentage`);
    if (percentage)
        c.fail(
            percentage.field,
            percentage.value,
            `expected the queue-proxy's resources as quantities (${QUEUE}cpu-resource-request and the like): Knative deprecates the percentage and warns on every revision`,
        );
    for (const resource of ["cpu", "memory", "ephemeral-storage"]) {
        for (const kind of ["request", "limit"]) {
            const r = read(`${QUEUE}${resource}-resource-${kind}`);
            if (r) c.check(isQuantity(r.value), r.field, r.value, 'expected a Kubernetes quantity such as "100m" or "128Mi"');
        }
    }
    const deadline = read(`${SERVING}progress-deadline`);
    if (deadline && deadline.value !== "") duration(`${SERVING}progress-deadline`, 0, Infinity, "0s or more");
    for (const key of Object.keys(annotations)) {
        if (key.startsWith(NETWORKING))
            c.check(
                NETWORKING_KEYS.includes(key),
                fieldOf(key),
                annotations[key],
                `expected one of Knative's networking annotations (${NETWORKING_KEYS.join(", ")})`,
            );
    }
}

/** Checks `annotations` (where `fieldOf` names each key as the user wrote it) against Knative's annotation rules. */
function checkTemplateAnnotations(c: Checker, annotations: StringMap, fieldOf: (key: string) => string): void {
    const r = annotationReader(c, annotations, fieldOf);
    checkAliases(c, annotations, fieldOf);
    const klass = checkScaleBounds(c, r);
    checkAutoscalerTuning(c, r, klass);
    checkQueueAndNetworking(c, annotations, fieldOf, r);
}

/** The Service's own annotations: no autoscaling key (Knative reads those only on the revision template), a valid rollout duration. */
function checkServiceAnnotations(c: Checker, annotations: StringMap): void {
    for (const key of Object.keys(annotations)) {
        c.check(
            !key.startsWith(AS),
            `annotations["${key}"]`,
            annotations[key],
            "expected autoscaling settings in scaling or podAnnotations: Knative accepts them only on the revision template",
        );
    }
    for (const key of [`${SERVING}rollout-duration`, ...ALIASES[`${SERVING}rollout-duration`]]) {
        const v = annotations[key];
        if (v === undefined || v === "") continue;
        const d = goDurationSeconds(v);
        c.check(
            d !== undefined && d >= 0 && Number.isInteger(Math.round(d * 1e9) / 1e9),
            `annotations["${key}"]`,
            v,
            'expected a duration in whole seconds, 0s or more, such as "380s"',
        );
    }
    const both = [`${SERVING}rollout-duration`, ...ALIASES[`${SERVING}rollout-duration`]].filter((k) => annotations[k] !== undefined);
    if (both.length > 1) c.fail(`annotations["${both[1]}"]`, annotations[both[1]], `expected only one of "${both[0]}" and "${both[1]}"`);
}

/** path.Clean for absolute paths: collapses slashes, `.` and `..`. */
function cleanPath(p: string): string {
    const out: string[] = [];
    for (const part of p.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") out.pop();
        else out.push(part);
    }
    return `/${out.join("/")}`;
}

/** Knative's volume rules: each volume mounted, no reserved mount path, read-only mounts where Knative makes or needs them. */
function checkVolumes(c: Checker, pod: RevisionPodSpec): void {
    const mounts = pod.containers.flatMap((ct) => ct.volumeMounts ?? []);
    (pod.volumes ?? []).forEach((v, i) => {
        c.check(
            mounts.some((m) => m.name === v.name),
            `volumes[${i}].name`,
            v.name,
            "expected a volume that volumeMounts mounts: Knative rejects a volume that is never mounted",
        );
        if (v.emptyDir?.sizeLimit !== undefined)
            c.check(
                isQuantity(v.emptyDir.sizeLimit) && !v.emptyDir.sizeLimit.startsWith("-"),
                `volumes[${i}].emptyDir.sizeLimit`,
                v.emptyDir.sizeLimit,
                'expected a Kubernetes quantity such as "1Gi"',
            );
    });
    // containers[0] is the serving container (its fields are top-level arguments), the rest are sidecars[k - 1].
    pod.containers.forEach((container, k) =>
        (container.volumeMounts ?? []).forEach((m, i) => checkMount(c, pod, k === 0 ? "" : `sidecars[${k - 1}].`, m, i)),
    );
}

/** One mount's path and read-only flag against Knative's rules; `prefix` names the container as the user wrote it. */
function checkMount(c: Checker, pod: RevisionPodSpec, prefix: string, m: VolumeMount, i: number): void {
    if (typeof m.mountPath === "string" && m.mountPath.startsWith("/"))
        c.check(
            !RESERVED_PATHS.includes(cleanPath(m.mountPath)),
            `${prefix}volumeMounts[${i}].mountPath`,
            m.mountPath,
            `expected a path other than Knative's reserved ${RESERVED_PATHS.join(", ")}`,
        );
    const v = (pod.volumes ?? []).find((o) => o.name === m.name);
    if (!v) return;
    // Knative's defaulting mounts these read-only whatever the mount says: a mount written writable would be silently changed.
    const writable = v.emptyDir !== undefined || v.persistentVolumeClaim !== undefined;
    if (!writable)
        c.check(
            m.readOnly !== false,
            `${prefix}volumeMounts[${i}].readOnly`,
            m.readOnly,
            `expected true or unset: Knative mounts configMap, secret and hostPath volumes read-only (volume "${m.name}")`,
        );
    if (v.persistentVolumeClaim?.readOnly)
        c.check(
            m.readOnly === true,
            `${prefix}volumeMounts[${i}].readOnly`,
            m.readOnly,
            `expected true: the volume "${m.name}" is a read-only claim`,
        );
}

/** Knative's admission rules for a rendered Service, reported against the fields of `s` they came from. */
export function checkKnativeRules(c: Checker, s: KnativeServiceSettings, service: KnativeServiceObject): void {
    checkServiceAnnotations(c, service.metadata.annotations ?? {});
    checkTemplateAnnotations(c, service.spec.template.metadata?.annotations ?? {}, (key) => annotationField(s, key));
    const pod = service.spec.template.spec;
    checkVolumes(c, pod);
    const port = pod.containers[0]?.ports?.[0]?.containerPort;
    if (port !== undefined)
        c.check(
            !KNATIVE_RESERVED_PORTS.includes(port),
            "port",
            port,
            `expected a port other than Knative's own ${KNATIVE_RESERVED_PORTS.join(", ")}`,
        );
}
