// Knative Serving's own admission rules (knative.dev/serving v0.51.0: pkg/apis/autoscaling/annotation_validation.go,
// pkg/apis/serving/v1/revision_validation.go, pkg/apis/serving/k8s_validation.go, networking's metadata_validation.go)
// for what a KnativeService renders, checked at preview so that nothing the package accepts is rejected by Knative's
// webhook at `pulumi up`. tests/knative/ compares these, argument by argument, with Knative's own code.
import type { Checker } from "../core/errors";
import type { KnativeServiceObject, RevisionPodSpec, StringMap, VolumeMount } from "../core/k8sTypes";
import type { KnativeServiceSettings } from "./knativeServiceArgs";
import {
    AGGREGATION_ALGORITHMS,
    ALIASES,
    AS,
    CLASS_ANNOTATION,
    cleanPath,
    goDurationSeconds,
    goFloat,
    goInt32,
    HPA_CLASS,
    INT32_MAX,
    isQuantity,
    isWholeSeconds,
    KNATIVE_RESERVED_PORTS,
    KPA_CLASS,
    KPA_METRICS,
    MIN_ACTIVATION_SCALE,
    MIN_INITIAL_SCALE,
    MIN_TARGET,
    NETWORKING,
    NETWORKING_KEYS,
    PANIC_THRESHOLD_PERCENT,
    PANIC_WINDOW_PERCENT,
    QUEUE,
    type Range,
    RESERVED_PATHS,
    RETENTION_SECONDS,
    SCALE_DOWN_DELAY_SECONDS,
    scalingFieldOf,
    secondsRangeText,
    SERVING,
    TARGET_UTILIZATION_PERCENT,
    WINDOW_SECONDS,
} from "./knativeFacts";

/** Where the user wrote a revision-template annotation: a scaling field or `podAnnotations[key]`. */
function annotationField(s: KnativeServiceSettings, key: string): string {
    if (s.podAnnotations?.[key] !== undefined) return `podAnnotations["${key}"]`;
    return `scaling.${scalingFieldOf(key) ?? key}`;
}

/** A revision template's annotations as Knative reads them, each value with the field the user wrote it in. */
class TemplateAnnotations {
    constructor(
        readonly c: Checker,
        readonly annotations: StringMap,
        /** Names a key as the user wrote it: a scaling field or `podAnnotations[key]`. */
        readonly fieldOf: (key: string) => string,
    ) {}

    /** The value Knative reads for a key (its own spelling first, then its aliases), with the field it came from. */
    read(key: string): { field: string; value: string } | undefined {
        for (const k of [key, ...(ALIASES[key] ?? [])]) {
            if (this.annotations[k] !== undefined) return { field: this.fieldOf(k), value: this.annotations[k] };
        }
        return undefined;
    }

    /** A whole number of at least `min` (Go's int32), or undefined when unset. */
    whole(key: string, min: number, what: string): number | undefined {
        const r = this.read(key);
        if (!r) return undefined;
        const n = goInt32(r.value);
        this.c.check(n !== undefined && n >= min, r.field, r.value, `expected ${what} (a whole number from ${min} to ${INT32_MAX})`);
        return n;
    }

    /** A Go float that `ok` accepts. */
    float(key: string, ok: (n: number) => boolean, what: string): void {
        const r = this.read(key);
        if (!r) return;
        const n = goFloat(r.value);
        this.c.check(n !== undefined && ok(n), r.field, r.value, what);
    }

    /** A percentage within `range`. */
    percent(key: string, range: Range): void {
        this.float(key, (n) => n >= range.min && n <= range.max, `expected a percentage from ${range.min} to ${range.max}`);
    }

    /** A Go duration of whole seconds within `range`. */
    duration(key: string, range: Range, what: string): void {
        const r = this.read(key);
        if (!r) return;
        const d = goDurationSeconds(r.value);
        this.c.check(
            d !== undefined && d >= range.min && d <= range.max && isWholeSeconds(d),
            r.field,
            r.value,
            `expected ${what}, a duration in whole seconds such as "90s" or "1m30s"`,
        );
    }
}

/** Checks `annotations` (where `fieldOf` names each key as the user wrote it) against Knative's annotation rules. */
function checkTemplateAnnotations(c: Checker, annotations: StringMap, fieldOf: (key: string) => string): void {
    const t = new TemplateAnnotations(c, annotations, fieldOf);
    checkOneSpellingEach(t);
    const klass = checkAutoscalerClass(t);
    checkScaleBounds(t);
    checkTargets(t);
    checkScalingDurations(t);
    checkMetric(t, klass);
    checkQueueProxy(t);
    const deadline = t.read(`${SERVING}progress-deadline`);
    if (deadline && deadline.value !== "") t.duration(`${SERVING}progress-deadline`, { min: 0, max: Infinity }, "0s or more");
    checkNetworkingKeys(t);
}

/** At most one spelling of each key Knative reads under two: it silently ignores the other. */
function checkOneSpellingEach({ c, annotations, fieldOf }: TemplateAnnotations): void {
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

/** The autoscaler class: Knative's two, or another autoscaler's outside `.knative.dev`. Returns the class as given. */
function checkAutoscalerClass(t: TemplateAnnotations): string | undefined {
    const klass = t.read(CLASS_ANNOTATION);
    if (klass)
        t.c.check(
            !klass.value.endsWith(".knative.dev") || klass.value === KPA_CLASS || klass.value === HPA_CLASS,
            klass.field,
            klass.value,
            `expected "${KPA_CLASS}" or "${HPA_CLASS}" (or another autoscaler's class outside .knative.dev)`,
        );
    return klass?.value;
}

/** Min, max, initial and activation scale, and how they bound each other. */
function checkScaleBounds(t: TemplateAnnotations): void {
    const { c } = t;
    const min = t.whole(`${AS}min-scale`, 0, "a number of pods, 0 or more");
    const max = t.whole(`${AS}max-scale`, 0, "a number of pods, 0 (unlimited) or more");
    if (min !== undefined && max !== undefined && max !== 0)
        c.check(max >= min, t.read(`${AS}max-scale`)!.field, max, `expected at least the minimum scale (${min}), or 0 for unlimited`);
    const initial = t.read(`${AS}initial-scale`);
    if (initial) {
        const n = goInt32(initial.value);
        c.check(
            n !== undefined && n >= MIN_INITIAL_SCALE,
            initial.field,
            initial.value,
            `expected a number of pods, ${MIN_INITIAL_SCALE} or more (0 needs allow-zero-initial-scale in Knative's config-autoscaler, which is off by default and not managed by this package)`,
        );
    }
    const activation = t.read(`${AS}activation-scale`);
    if (activation) {
        const n = goInt32(activation.value);
        c.check(
            n !== undefined && n >= MIN_ACTIVATION_SCALE && n >= (min ?? 0) && (!max || n <= max),
            activation.field,
            activation.value,
            `expected a number of pods, ${MIN_ACTIVATION_SCALE} or more, at least the minimum and at most the maximum scale`,
        );
    }
}

/** The target, target utilization, burst capacity and panic mode's percentages. */
function checkTargets(t: TemplateAnnotations): void {
    t.float(`${AS}target`, (n) => n >= MIN_TARGET, `expected a number, ${MIN_TARGET} or more`);
    t.percent(`${AS}target-utilization-percentage`, TARGET_UTILIZATION_PERCENT);
    t.float(`${AS}target-burst-capacity`, (n) => n >= 0 || n === -1, "expected a number, 0 or more, or -1 (unlimited)");
    t.percent(`${AS}panic-window-percentage`, PANIC_WINDOW_PERCENT);
    t.percent(`${AS}panic-threshold-percentage`, PANIC_THRESHOLD_PERCENT);
}

/** The stable window, the scale-down delay and the scale-to-zero pod retention. */
function checkScalingDurations(t: TemplateAnnotations): void {
    t.duration(`${AS}window`, WINDOW_SECONDS, secondsRangeText(WINDOW_SECONDS));
    t.duration(`${AS}scale-down-delay`, SCALE_DOWN_DELAY_SECONDS, secondsRangeText(SCALE_DOWN_DELAY_SECONDS));
    // Unlike the two above, Knative does not ask for whole seconds here.
    const retention = t.read(`${AS}scale-to-zero-pod-retention-period`);
    if (retention) {
        const d = goDurationSeconds(retention.value);
        t.c.check(
            d !== undefined && d >= RETENTION_SECONDS.min && d <= RETENTION_SECONDS.max,
            retention.field,
            retention.value,
            `expected a duration from ${secondsRangeText(RETENTION_SECONDS)} such as "90s"`,
        );
    }
}

/** The metric the class takes (`klass` as given, Knative's KPA when unset) and the KPA's aggregation algorithm. */
function checkMetric(t: TemplateAnnotations, klass: string | undefined): void {
    const { c } = t;
    const metric = t.read(`${AS}metric`);
    const klassValue = klass ?? KPA_CLASS;
    if (metric && klassValue === KPA_CLASS)
        c.check(
            (KPA_METRICS as readonly string[]).includes(metric.value),
            metric.field,
            metric.value,
            'expected "concurrency" or "rps" (Knative\'s KPA autoscaler)',
        );
    if (metric && klassValue === HPA_CLASS)
        c.check(metric.value !== "", metric.field, metric.value, 'expected a metric such as "cpu" or "memory"');
    const algorithm = t.read(`${AS}metric-aggregation-algorithm`);
    if (algorithm && klass === KPA_CLASS)
        c.check(
            AGGREGATION_ALGORITHMS.includes(algorithm.value),
            algorithm.field,
            algorithm.value,
            'expected "linear" or "weighted-exponential"',
        );
}

/** The queue-proxy's resources: quantities, not the deprecated percentage. */
function checkQueueProxy(t: TemplateAnnotations): void {
    const percentage = t.read(`${QUEUE}resource-percentage`);
    if (percentage)
        t.c.fail(
            percentage.field,
            percentage.value,
            `expected the queue-proxy's resources as quantities (${QUEUE}cpu-resource-request and the like): Knative deprecates the percentage and warns on every revision`,
        );
    for (const resource of ["cpu", "memory", "ephemeral-storage"]) {
        for (const kind of ["request", "limit"]) {
            const r = t.read(`${QUEUE}${resource}-resource-${kind}`);
            if (r) t.c.check(isQuantity(r.value), r.field, r.value, 'expected a Kubernetes quantity such as "100m" or "128Mi"');
        }
    }
}

/** Only Knative's own `networking.knative.dev/` annotations. */
function checkNetworkingKeys({ c, annotations, fieldOf }: TemplateAnnotations): void {
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
            d !== undefined && d >= 0 && isWholeSeconds(d),
            `annotations["${key}"]`,
            v,
            'expected a duration in whole seconds, 0s or more, such as "380s"',
        );
    }
    const both = [`${SERVING}rollout-duration`, ...ALIASES[`${SERVING}rollout-duration`]].filter((k) => annotations[k] !== undefined);
    if (both.length > 1) c.fail(`annotations["${both[1]}"]`, annotations[both[1]], `expected only one of "${both[0]}" and "${both[1]}"`);
}

/** Knative refuses a volume no container mounts ("volume with name … not mounted"); sidecars' mounts count. Each on its own. */
export function checkEveryVolumeMounted(c: Checker, pod: RevisionPodSpec): void {
    const mounted = new Set(pod.containers.flatMap((k) => (k.volumeMounts ?? []).map((m) => m.name)));
    (pod.volumes ?? []).forEach((v, i) =>
        c.part(() =>
            c.check(
                mounted.has(v.name),
                `volumes[${i}].name`,
                v.name,
                "expected a volume that the container or a sidecar mounts (Knative refuses unmounted volumes)",
            ),
        ),
    );
}

/**
 * Knative's rules for volumes the pod mounts (checkEveryVolumeMounted has checked each is mounted): an emptyDir size is
 * a quantity, no mount at a reserved path, read-only mounts where Knative makes or needs them.
 */
function checkKnativeVolumeRules(c: Checker, pod: RevisionPodSpec): void {
    (pod.volumes ?? []).forEach((v, i) => {
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
    checkKnativeVolumeRules(c, pod);
    const port = pod.containers[0]?.ports?.[0]?.containerPort;
    if (port !== undefined)
        c.check(
            !KNATIVE_RESERVED_PORTS.includes(port),
            "port",
            port,
            `expected a port other than Knative's own ${KNATIVE_RESERVED_PORTS.join(", ")}`,
        );
}
