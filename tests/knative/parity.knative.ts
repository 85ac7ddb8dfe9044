// Parity, argument by argument: for malformed (and boundary) values of every KnativeService argument that reaches
// Knative, Knative's own verdict (tests/knative-helper, with the config-features flags the package sets) against the
// package's. Whatever Knative rejects, the package rejects first, at preview, naming the field as the user wrote it.
// Where the package is stricter than Knative, the row says why.
import * as assert from "node:assert/strict";
import { InputError } from "../../sdk/render/core/errors";
import { REQUIRED_FEATURES } from "../../sdk/render/knativeServing/knativeServing";
import { renderKnativeService } from "../../sdk/render/knativeService/knativeService";
import { requiredKnativeFeatures } from "../../sdk/render/knativeService/knativeFeatures";
import type { KnativeServiceSettings } from "../../sdk/render/knativeService/knativeServiceArgs";
import { featuresConfigMap, knativeReview, type Verdict } from "./knativeHelper";

type Settings = Partial<KnativeServiceSettings>;

interface Row {
    /** The argument as the user writes it; the package's error must name it. */
    field: string;
    args: Settings;
    /** Why the package refuses a value Knative accepts; unset where they agree. */
    stricter?: string;
}

const BASE: KnativeServiceSettings = {
    image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
    placement: "eci",
    namespace: "vk",
} as KnativeServiceSettings;

/** The scaling fields' annotation keys (scaling.ts renders the same). */
const SCALING_KEYS: Record<string, string> = {
    minScale: "min-scale",
    maxScale: "max-scale",
    initialScale: "initial-scale",
    target: "target",
    metric: "metric",
    scaleDownDelay: "scale-down-delay",
    window: "window",
};

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What Knative would receive for `args` if the package passed them through unchecked: the base Service with each
 * argument written where the package renders it.
 */
function unchecked(args: Settings): Obj {
    const placed = { ...BASE, ...(args.placement ? { placement: args.placement } : {}) };
    const svc = JSON.parse(JSON.stringify(renderKnativeService("web", placed))) as Obj;
    const template = svc.spec.template;
    const pod = template.spec;
    const container = pod.containers[0];
    const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
    for (const [k, v] of Object.entries(args.scaling ?? {})) {
        annotations[`autoscaling.knative.dev/${SCALING_KEYS[k]}`] = String(v);
        if (k === "metric" && (v === "cpu" || v === "memory")) annotations["autoscaling.knative.dev/class"] = "hpa.autoscaling.knative.dev";
    }
    Object.assign(annotations, args.podAnnotations ?? {});
    template.metadata = { ...(template.metadata ?? {}), annotations };
    if (args.annotations) svc.metadata.annotations = { ...args.annotations };
    if (args.serviceName !== undefined) svc.metadata.name = args.serviceName;
    if (args.image !== undefined) container.image = args.image;
    if (args.env) container.env = Object.entries(args.env).map(([name, value]) => ({ name, value }));
    if (args.port !== undefined) container.ports = [{ containerPort: args.port }];
    if (args.resources) container.resources = args.resources;
    if (args.securityContext) container.securityContext = args.securityContext;
    if (args.volumeMounts) container.volumeMounts = args.volumeMounts;
    if (args.volumes) pod.volumes = args.volumes;
    if (args.timeoutSeconds !== undefined) pod.timeoutSeconds = args.timeoutSeconds;
    if (args.containerConcurrency !== undefined) pod.containerConcurrency = args.containerConcurrency;
    return svc;
}

const AS = "autoscaling.knative.dev/";
const QUEUE = "queue.sidecar.serving.knative.dev/";
const pa = (key: string, value: string, stricter?: string): Row => ({
    field: `podAnnotations["${key}"]`,
    args: { podAnnotations: { [key]: value } },
    stricter,
});
const sc = (key: string, value: unknown, stricter?: string): Row => ({
    field: `scaling.${key}`,
    args: { scaling: { [key]: value } as never },
    stricter,
});
const sa = (key: string, value: string): Row => ({ field: `annotations["${key}"]`, args: { annotations: { [key]: value } } });
const one = (field: string, args: Settings, stricter?: string): Row => ({ field, args, stricter });
const emptyDir = (mountPath: string): Row =>
    one("volumeMounts[0].mountPath", { volumes: [{ name: "tmp", emptyDir: {} }], volumeMounts: [{ name: "tmp", mountPath }] });

const WHOLE_HMS = 'the package takes durations as whole hours, minutes and seconds ("1h2m3s"), not Go\'s fractions or ms/us/ns';

const ROWS: Row[] = [
    // scaling: the package's fields
    sc("minScale", -1),
    sc("minScale", 1.5),
    sc("maxScale", -1),
    sc("maxScale", 2.5),
    one("scaling.minScale", { scaling: { minScale: 3, maxScale: 2 } }),
    sc("initialScale", 0),
    sc("initialScale", -1),
    sc("initialScale", 1.5),
    sc("target", 0),
    sc("target", 0.001),
    sc("target", 0.009),
    sc("target", -5),
    sc("metric", "latency"),
    sc("metric", ""),
    sc("window", "5s"),
    sc("window", "2h"),
    sc("window", "1.5s"),
    sc("window", "abc"),
    sc("window", "90000ms", WHOLE_HMS),
    sc("window", "0.5m", WHOLE_HMS),
    sc("scaleDownDelay", "2h"),
    sc("scaleDownDelay", "-1s"),
    sc("scaleDownDelay", "0.5s"),
    sc("scaleDownDelay", "abc"),
    // Knative's autoscaling keys through podAnnotations, with the older spellings it still reads
    pa(`${AS}min-scale`, "abc"),
    pa(`${AS}min-scale`, "-1"),
    pa(`${AS}min-scale`, "99999999999"),
    pa(`${AS}min-scale`, "1.5"),
    pa(`${AS}minScale`, "abc"),
    pa(`${AS}minScale`, "-3"),
    pa(`${AS}max-scale`, "x"),
    pa(`${AS}max-scale`, "-1"),
    pa(`${AS}maxScale`, "-2"),
    one(`podAnnotations["${AS}max-scale"]`, { podAnnotations: { [`${AS}min-scale`]: "5", [`${AS}max-scale`]: "2" } }),
    one(`podAnnotations["${AS}maxScale"]`, { podAnnotations: { [`${AS}minScale`]: "5", [`${AS}maxScale`]: "2" } }),
    pa(`${AS}initial-scale`, "0"),
    pa(`${AS}initial-scale`, "x"),
    pa(`${AS}initial-scale`, "-1"),
    pa(`${AS}initialScale`, "0"),
    pa(`${AS}initialScale`, "two"),
    pa(`${AS}target`, "0.001"),
    pa(`${AS}target`, "x"),
    pa(`${AS}target`, "0"),
    pa(`${AS}target-utilization-percentage`, "0"),
    pa(`${AS}target-utilization-percentage`, "101"),
    pa(`${AS}target-utilization-percentage`, "x"),
    pa(`${AS}targetUtilizationPercentage`, "150"),
    pa(`${AS}target-burst-capacity`, "-2"),
    pa(`${AS}target-burst-capacity`, "x"),
    pa(`${AS}targetBurstCapacity`, "-5"),
    pa(`${AS}panic-window-percentage`, "0"),
    pa(`${AS}panic-window-percentage`, "101"),
    pa(`${AS}panicWindowPercentage`, "0.5"),
    pa(`${AS}panic-threshold-percentage`, "100"),
    pa(`${AS}panic-threshold-percentage`, "1001"),
    pa(`${AS}panicThresholdPercentage`, "50"),
    pa(`${AS}window`, "5s"),
    pa(`${AS}window`, "x"),
    pa(`${AS}window`, "1.5s"),
    pa(`${AS}window`, "61m"),
    pa(`${AS}scale-down-delay`, "x"),
    pa(`${AS}scale-down-delay`, "2h"),
    pa(`${AS}scale-down-delay`, "1.5s"),
    pa(`${AS}scaleDownDelay`, "-1s"),
    pa(`${AS}scale-to-zero-pod-retention-period`, "x"),
    pa(`${AS}scale-to-zero-pod-retention-period`, "2h"),
    pa(`${AS}scaleToZeroPodRetentionPeriod`, "-1s"),
    pa(`${AS}class`, "foo.autoscaling.knative.dev"),
    pa(`${AS}metric`, "foo"),
    pa(`${AS}metric`, "cpu"),
    one(`podAnnotations["${AS}metric-aggregation-algorithm"]`, {
        podAnnotations: { [`${AS}class`]: "kpa.autoscaling.knative.dev", [`${AS}metric-aggregation-algorithm`]: "median" },
    }),
    pa(`${AS}activation-scale`, "1"),
    pa(`${AS}activation-scale`, "x"),
    one(`podAnnotations["${AS}activation-scale"]`, { podAnnotations: { [`${AS}min-scale`]: "4", [`${AS}activation-scale`]: "3" } }),
    one(
        `podAnnotations["${AS}minScale"]`,
        { podAnnotations: { [`${AS}min-scale`]: "1", [`${AS}minScale`]: "3" } },
        "Knative reads min-scale and silently ignores minScale: two spellings of one setting are a mistake the package reports",
    ),
    one(
        `podAnnotations["${AS}minScale"]`,
        { scaling: { minScale: 1 }, podAnnotations: { [`${AS}minScale`]: "3" } },
        "scaling.minScale renders min-scale, which Knative reads before minScale: the podAnnotations value would be ignored",
    ),
    // Knative's queue-proxy and serving keys
    pa(`${QUEUE}cpu-resource-request`, "abc"),
    pa(`${QUEUE}cpu-resource-limit`, "1x"),
    pa(`${QUEUE}memory-resource-request`, "lots"),
    pa(`${QUEUE}memory-resource-limit`, "1Qi"),
    pa(`${QUEUE}ephemeral-storage-resource-request`, "x"),
    pa(`${QUEUE}ephemeral-storage-resource-limit`, "--1"),
    pa(`${QUEUE}resource-percentage`, "200"),
    pa(`${QUEUE}resource-percentage`, "x"),
    pa(`${QUEUE}resourcePercentage`, "0.01"),
    pa(
        `${QUEUE}resource-percentage`,
        "50",
        "Knative deprecates the percentage and warns on every revision; the package asks for the quantity annotations instead",
    ),
    pa("serving.knative.dev/progress-deadline", "x"),
    pa("serving.knative.dev/progress-deadline", "1.5s"),
    pa("serving.knative.dev/progress-deadline", "-1s"),
    pa("networking.knative.dev/visibility", "cluster-local"),
    pa("networking.knative.dev/anything", "x"),
    // the Service's own annotations
    sa(`${AS}min-scale`, "1"),
    sa(`${AS}target-utilization-percentage`, "70"),
    sa(`${AS}anything`, "x"),
    sa("serving.knative.dev/rollout-duration", "x"),
    sa("serving.knative.dev/rollout-duration", "1.5s"),
    sa("serving.knative.dev/rollout-duration", "-10s"),
    sa("serving.knative.dev/rolloutDuration", "soon"),
    // volumes and mounts
    emptyDir("/"),
    emptyDir("/dev"),
    emptyDir("/dev/"),
    emptyDir("/dev/log"),
    emptyDir("//dev"),
    emptyDir("/dev/./log"),
    emptyDir("relative/path"),
    one("volumes[0].name", { volumes: [{ name: "tmp", emptyDir: {} }] }),
    one("volumes[1].name", {
        volumes: [
            { name: "tmp", emptyDir: {} },
            { name: "unused", emptyDir: {} },
        ],
        volumeMounts: [{ name: "tmp", mountPath: "/scratch" }],
    }),
    one("volumeMounts[0].name", { volumes: [{ name: "tmp", emptyDir: {} }], volumeMounts: [{ name: "other", mountPath: "/scratch" }] }),
    one("volumeMounts[1].mountPath", {
        volumes: [
            { name: "a", emptyDir: {} },
            { name: "b", emptyDir: {} },
        ],
        volumeMounts: [
            { name: "a", mountPath: "/data" },
            { name: "b", mountPath: "/data/" },
        ],
    }),
    one("volumeMounts[0].readOnly", {
        volumes: [{ name: "cfg", configMap: { name: "app" } }],
        volumeMounts: [{ name: "cfg", mountPath: "/etc/app" }],
    }),
    one(
        "volumeMounts[0].readOnly",
        {
            volumes: [{ name: "cfg", configMap: { name: "app" } }],
            volumeMounts: [{ name: "cfg", mountPath: "/etc/app", readOnly: false }],
        },
        "Knative's defaulting makes the mount read-only regardless: a mount written writable would silently not be",
    ),
    one("volumeMounts[0].readOnly", {
        volumes: [{ name: "s", secret: { secretName: "app" } }],
        volumeMounts: [{ name: "s", mountPath: "/etc/s" }],
    }),
    one("volumeMounts[0].readOnly", {
        placement: "ecs",
        volumes: [{ name: "logs", hostPath: { path: "/var/log" } }],
        volumeMounts: [{ name: "logs", mountPath: "/logs" }],
    }),
    one("volumeMounts[0].readOnly", {
        volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data", readOnly: true } }],
        volumeMounts: [{ name: "d", mountPath: "/data" }],
    }),
    one("volumes[0].emptyDir.sizeLimit", {
        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "lots" } }],
        volumeMounts: [{ name: "tmp", mountPath: "/scratch" }],
    }),
    one("volumes[0].name", { volumes: [{ name: "Tmp", emptyDir: {} }], volumeMounts: [{ name: "Tmp", mountPath: "/scratch" }] }),
    // env, ports, timeouts, concurrency
    ...["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"].map((n) => one(`env["${n}"]`, { env: { [n]: "x" } })),
    ...[8008, 8012, 8013, 8022, 9090, 9091].map((p) => one("port", { port: p })),
    one("port", { port: 65536 }),
    one("port", { port: -1 }),
    one("port", { port: 0 }, "port 0 is no port to listen on; leave port unset for Knative's default 8080"),
    one("timeoutSeconds", { timeoutSeconds: 601 }),
    one("timeoutSeconds", { timeoutSeconds: -1 }),
    one("timeoutSeconds", { timeoutSeconds: 0 }, "0 means Knative's default (300 s): the package asks for the default by leaving it unset"),
    one("containerConcurrency", { containerConcurrency: -1 }),
    one("containerConcurrency", { containerConcurrency: 1001 }),
    // security context, image, resources, names
    one("securityContext.privileged", { securityContext: { privileged: true } }),
    one("securityContext.runAsUser", { securityContext: { runAsUser: -1 } }),
    one("image", { image: "" }),
    one("image", { image: "Registry/UPPER:tag" }),
    one("image", { image: "nginx:bad tag" }),
    one("resources.requests.cpu", { resources: { requests: { cpu: "lots" } } }),
    one("resources.limits.memory", { resources: { limits: { memory: "1Qi" } } }),
    one(
        "resources.requests.cpu",
        { resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } },
        "Knative admits it, but Kubernetes then rejects the revision's pods (a request above its limit)",
    ),
    one("serviceName", { serviceName: "Web" }),
    one("serviceName", { serviceName: "1web" }),
    one("serviceName", { serviceName: "web.app" }),
    one("serviceName", { serviceName: "a".repeat(64) }),
    one("serviceName", { serviceName: "web-" }),
    // values both accept: the boundaries the package must not refuse
    sc("target", 0.01),
    sc("initialScale", 1),
    sc("window", "6s"),
    sc("window", "1h"),
    sc("scaleDownDelay", "0s"),
    pa(`${AS}minScale`, "2"),
    pa(`${AS}target-utilization-percentage`, "100"),
    pa(`${AS}target-burst-capacity`, "-1"),
    pa(`${AS}window`, "1m30s"),
    pa(`${QUEUE}cpu-resource-request`, "100m"),
    pa("serving.knative.dev/progress-deadline", "600s"),
    emptyDir("/devices"),
    one("volumeMounts[0].readOnly", {
        volumes: [{ name: "cfg", configMap: { name: "app" } }],
        volumeMounts: [{ name: "cfg", mountPath: "/etc/app", readOnly: true }],
    }),
    one("port", { port: 8080 }),
    one("timeoutSeconds", { timeoutSeconds: 600 }),
    one("containerConcurrency", { containerConcurrency: 0 }),
];

function packageVerdict(args: Settings): string | undefined {
    try {
        renderKnativeService("web", { ...BASE, ...args } as KnativeServiceSettings);
        return undefined;
    } catch (e) {
        if (e instanceof InputError) return e.message;
        throw e;
    }
}

const shown = (args: Settings) => JSON.stringify(args);

describe(`Parity with Knative's own validation, argument by argument (${ROWS.length} rows)`, function () {
    const knative = new Map<number, Verdict>();

    before(function () {
        this.timeout(60_000);
        // One helper run per set of config-features flags the rows need.
        const groups = new Map<string, number[]>();
        ROWS.forEach((row, i) => {
            const flags = JSON.stringify([...Object.keys(REQUIRED_FEATURES), ...requiredKnativeFeatures(row.args)]);
            groups.set(flags, [...(groups.get(flags) ?? []), i]);
        });
        for (const [flags, rows] of groups) {
            const data = Object.fromEntries((JSON.parse(flags) as string[]).map((f) => [f, "enabled"]));
            const verdicts = knativeReview(
                rows.map((i) => ({ name: String(i), object: unchecked(ROWS[i].args) })),
                [featuresConfigMap(data)],
            );
            for (const v of verdicts) knative.set(Number(v.name), v);
        }
    });

    it("accepts the base Service in Knative and in the package", () => {
        assert.equal(packageVerdict({}), undefined);
        assert.equal(
            knativeReview([{ name: "base", object: unchecked({}) }], [featuresConfigMap({ ...REQUIRED_FEATURES })])[0].allowed,
            true,
        );
    });

    ROWS.forEach((row, i) => {
        const title = `${row.field}: ${shown(row.args)}`;
        it(title, () => {
            const k = knative.get(i)!;
            const mine = packageVerdict(row.args);
            if (!k.allowed) {
                assert.ok(mine, `Knative rejects it (${k.error}) but the package accepts it`);
                assert.ok(mine.includes(row.field), `the package's error should name ${row.field}: ${mine}`);
                assert.equal(row.stricter, undefined, "Knative rejects it too: the row needs no 'stricter' reason");
            } else if (mine) {
                assert.ok(row.stricter, `the package rejects a value Knative accepts, without a reason in the table: ${mine}`);
                assert.ok(mine.includes(row.field), `the package's error should name ${row.field}: ${mine}`);
            } else {
                assert.equal(row.stricter, undefined, "both accept it: the 'stricter' reason is stale");
            }
        });
    });
});
