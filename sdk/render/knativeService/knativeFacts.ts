// Knative Serving's facts (knative.dev/serving v0.51.0) that the package's checks rest on, in one module. Two kinds of
// check read them: each argument's own check (container.ts, envSources.ts, sidecars.ts, scaling.ts, knativeService.ts),
// which runs first and names the argument as the user wrote it, and knativeRules.ts, which holds the rendered Service to
// Knative's admission rules, including what reaches Knative through podAnnotations and annotations. tests/knative/ holds
// both to Knative's own code. Where the package is deliberately stricter than Knative, the fact says so and why:
// wholeDurationSeconds, isResourceQuantity, TIMEOUT_SECONDS.
import type { ScalingSettings } from "./knativeServiceArgs";

// ---- Annotations

/** Prefix of Knative's autoscaling annotations (on the revision template only). */
export const AS = "autoscaling.knative.dev/";
/** Prefix of Knative Serving's own annotations. */
export const SERVING = "serving.knative.dev/";
/** Prefix of the queue-proxy's annotations. */
export const QUEUE = "queue.sidecar.serving.knative.dev/";
/** Prefix of Knative's networking annotations and labels. */
export const NETWORKING = "networking.knative.dev/";

/** Knative's annotation keys with the older spellings it still reads (kmap.KeyPriority: the first present wins). */
export const ALIASES: Record<string, string[]> = {
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
export const NETWORKING_KEYS = [
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

// ---- Autoscaling

/** Knative's own autoscaler class (the default), which takes the concurrency and rps metrics. */
export const KPA_CLASS = "kpa.autoscaling.knative.dev";
/** The class that serves the cpu and memory metrics, through a HorizontalPodAutoscaler. */
export const HPA_CLASS = "hpa.autoscaling.knative.dev";
export const KPA_METRICS = ["concurrency", "rps"] as const;
export const HPA_METRICS = ["cpu", "memory"] as const;
/** The `scaling.metric` values: the KPA's, then the HPA's (for which the package sets the class). */
export const SCALING_METRICS = [...KPA_METRICS, ...HPA_METRICS] as const;
/** Knative's `metric-aggregation-algorithm` values (KPA only), with the older spelling it still reads. */
export const AGGREGATION_ALGORITHMS = ["linear", "weighted-exponential", "weightedExponential"];

/**
 * The annotation each `scaling` field renders, in the order renderScaling writes them; tests/knative/ writes them so too.
 * A metric served by the HPA also renders CLASS_ANNOTATION.
 */
export const SCALING_FIELD_ANNOTATIONS = {
    metric: `${AS}metric`,
    target: `${AS}target`,
    minScale: `${AS}min-scale`,
    maxScale: `${AS}max-scale`,
    initialScale: `${AS}initial-scale`,
    scaleDownDelay: `${AS}scale-down-delay`,
    window: `${AS}window`,
    targetUtilization: `${AS}target-utilization-percentage`,
    activationScale: `${AS}activation-scale`,
} as const satisfies Record<keyof ScalingSettings, string>;
/** The autoscaler class annotation, which `scaling.metric` decides. */
export const CLASS_ANNOTATION = `${AS}class`;
/** Every annotation the `scaling` fields render. */
export const SCALING_ANNOTATIONS: readonly string[] = [...Object.values(SCALING_FIELD_ANNOTATIONS), CLASS_ANNOTATION];

/** The `scaling` field that renders `annotation` (`metric` for the class), or undefined for one no field renders. */
export function scalingFieldOf(annotation: string): keyof ScalingSettings | undefined {
    if (annotation === CLASS_ANNOTATION) return "metric";
    const fields = Object.keys(SCALING_FIELD_ANNOTATIONS) as (keyof ScalingSettings)[];
    return fields.find((f) => SCALING_FIELD_ANNOTATIONS[f] === annotation);
}

// ---- Ranges

/** Knative parses its whole-number annotations, and Kubernetes its probe timings and user ids, as int32. */
export const INT32_MAX = 2147483647;

/** Bounds, both included. */
export interface Range {
    readonly min: number;
    readonly max: number;
}
/** Fewest pods `initial-scale` takes: 0 needs allow-zero-initial-scale in config-autoscaler, off by default. */
export const MIN_INITIAL_SCALE = 1;
/** Fewest pods `activation-scale` takes: 1 is Knative's default, which it refuses to have written. */
export const MIN_ACTIVATION_SCALE = 2;
/** Smallest `target` per pod. */
export const MIN_TARGET = 0.01;
export const TARGET_UTILIZATION_PERCENT: Range = { min: 1, max: 100 };
export const PANIC_WINDOW_PERCENT: Range = { min: 1, max: 100 };
export const PANIC_THRESHOLD_PERCENT: Range = { min: 110, max: 1000 };
/** The stable window, in seconds. */
export const WINDOW_SECONDS: Range = { min: 6, max: 3600 };
/** How long pods stay after load drops, in seconds. */
export const SCALE_DOWN_DELAY_SECONDS: Range = { min: 0, max: 3600 };
/** How long the last pod stays before scaling to zero, in seconds. */
export const RETENTION_SECONDS: Range = { min: 0, max: 3600 };
/** Concurrent requests per pod: 0 (unlimited) up to config-defaults' container-concurrency-max-limit. */
export const CONTAINER_CONCURRENCY: Range = { min: 0, max: 1000 };
/**
 * A request's timeout, up to config-defaults' max-revision-timeout-seconds. Deliberately stricter at the bottom: Knative
 * takes 0 as "the default (300 s)"; the package asks to leave the field unset for that, so 0 reads as no mistake.
 */
export const TIMEOUT_SECONDS: Range = { min: 1, max: 600 };

/** A range of seconds as messages write it, e.g. "6s to 1h". */
export function secondsRangeText({ min, max }: Range): string {
    const text = (s: number): string => (s > 0 && s % 3600 === 0 ? `${s / 3600}h` : s > 0 && s % 60 === 0 ? `${s / 60}m` : `${s}s`);
    return `${text(min)} to ${text(max)}`;
}

// ---- Values as Knative parses them, and the package's stricter grammars

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

/** Whether a duration is whole seconds, as Knative wants its windows, delays, deadlines and rollout durations. */
export function isWholeSeconds(seconds: number): boolean {
    return Number.isInteger(Math.round(seconds * 1e9) / 1e9);
}

const WHOLE_DURATION = /^(\d+h)?(\d+m)?(\d+s)?$/;

/**
 * Seconds of a duration written in whole hours, minutes and seconds (`"1h2m3s"`, `"90s"`, `"15m"`), the package's grammar
 * for the `scaling` fields, or undefined if malformed. Deliberately stricter than Knative, which parses them with
 * goDurationSeconds: Knative wants whole seconds there, and Go's grammar writes whole seconds with fractions and
 * sub-second units too ("1.5m", "90000ms") as well as values Knative refuses ("1.5s", "500ms"); whole units are whole
 * seconds by construction, as kn and Knative's docs write them. tests/knative's rows for "90000ms" and "0.5m" say so.
 */
export function wholeDurationSeconds(text: string): number | undefined {
    const m = typeof text === "string" && text !== "" ? WHOLE_DURATION.exec(text) : null;
    if (!m) return undefined;
    const part = (s: string | undefined) => (s ? Number(s.slice(0, -1)) : 0);
    return part(m[1]) * 3600 + part(m[2]) * 60 + part(m[3]);
}

/** A Go `strconv.ParseFloat` number (decimal or exponent form; not hex, infinities or NaN). */
export function goFloat(text: string): number | undefined {
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
}

/** A Go `strconv.ParseInt(v, 10, 32)` integer. */
export function goInt32(text: string): number | undefined {
    if (!/^[-+]?\d+$/.test(text)) return undefined;
    const n = Number(text);
    return n >= -INT32_MAX - 1 && n <= INT32_MAX ? n : undefined;
}

/** A Kubernetes quantity (resource.ParseQuantity): a decimal number with an optional SI, binary or exponent suffix. */
export function isQuantity(text: string): boolean {
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$/.test(text);
}

/**
 * A container resource quantity as the package takes it: a plain decimal with an optional SI or binary suffix ("500m",
 * "2", "1.5Gi"). Deliberately stricter than isQuantity, which Kubernetes and Knative apply: no sign (Kubernetes refuses
 * negative resources anyway), exponent ("1e3"), bare "5." or ".5", or n, u, E or Ei suffix; nobody writes CPU or memory
 * so, and quantityValue, which compares each request with its limit, reads just this form.
 */
export function isResourceQuantity(text: string): boolean {
    return /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$/.test(text);
}

const QUANTITY_SUFFIX: Record<string, number> = {
    "": 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
};

/** The value of a quantity isResourceQuantity accepts, e.g. `"500m"` → 0.5. */
export function quantityValue(quantity: string): number {
    const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(quantity)!;
    return Number(m[1]) * QUANTITY_SUFFIX[m[2]];
}

// ---- The pod

/** The serving container's name: Knative's when unnamed; the package states it, which keeps the object schema-valid. */
export const USER_CONTAINER = "user-container";
/** The container Knative adds to every pod; no other may take its name (reservedContainerNames). */
export const QUEUE_PROXY = "queue-proxy";

/** Knative's names for the serving port: HTTP/2 cleartext (gRPC) or HTTP/1. */
export const PORT_NAMES = ["h2c", "http1"] as const;
/** The port Knative gives the serving container when none is set. */
export const DEFAULT_PORT = 8080;

/** Ports Knative's queue-proxy listens on beside the serving container. */
export const QUEUE_PROXY_PORTS = [8012, 8013, 8022, 9090, 9091];
/** Knative's profiling server. */
export const PROFILING_PORT = 8008;
/** Every port the serving container may not take (k8s_validation.go reservedPorts): profiling and the queue-proxy's. */
export const KNATIVE_RESERVED_PORTS = [PROFILING_PORT, ...QUEUE_PROXY_PORTS];

/** Environment variables Knative sets in the serving container. */
export const RESERVED_ENV = ["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"];
/** Those Knative sets in sidecars too: it gives PORT to the serving container only (reservedSidecarEnvVars). */
export const RESERVED_SIDECAR_ENV = RESERVED_ENV.filter((n) => n !== "PORT");

/** Mount paths Knative reserves (k8s_validation.go reservedPaths, compared after path.Clean). */
export const RESERVED_PATHS = ["/", "/dev", "/dev/log"];

/**
 * path.Clean for absolute paths: collapses slashes, `.` and `..`. Knative compares mount paths after it, both against
 * RESERVED_PATHS and with the container's other mounts (each path once per container).
 */
export function cleanPath(p: string): string {
    const out: string[] = [];
    for (const part of p.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") out.pop();
        else out.push(part);
    }
    return `/${out.join("/")}`;
}
