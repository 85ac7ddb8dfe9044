// Parity, argument by argument: for malformed (and boundary) values of every KnativeService argument that reaches
// Knative, Knative's own verdict (tests/knative-helper, with the config-features flags the package sets) against the
// package's. Whatever Knative rejects, the package rejects first, at preview, naming the field as the user wrote it.
// Where the package is stricter than Knative, the row says why.
import * as assert from "node:assert/strict";
import { InputError } from "../../sdk/render/core/errors";
import { REQUIRED_FEATURES } from "../../sdk/render/knativeServing/knativeServing";
import { renderKnativeService } from "../../sdk/render/knativeService/knativeService";
import { requiredKnativeFeatures } from "../../sdk/render/knativeService/knativeFeatures";
import { CLASS_ANNOTATION, HPA_CLASS, SCALING_FIELD_ANNOTATIONS } from "../../sdk/render/knativeService/knativeFacts";
import type { KnativeServiceSettings } from "../../sdk/render/knativeService/knativeServiceArgs";
import { RESERVE_ANNOTATIONS } from "../../sdk/render/knativeService/reservedInstance";
import { VISIBILITY_LABEL } from "../../sdk/render/knativeService/knativeService";
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
        annotations[SCALING_FIELD_ANNOTATIONS[k as keyof typeof SCALING_FIELD_ANNOTATIONS]] = String(v);
        if (k === "metric" && (v === "cpu" || v === "memory")) annotations[CLASS_ANNOTATION] = HPA_CLASS;
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
    // issue 19's arguments, written where container.ts, probes.ts, envSources.ts, sidecars.ts, traffic.ts,
    // reservedInstance.ts and knativeService.ts render them
    const servingPort = args.port ?? 8080;
    if (args.portName !== undefined) container.ports = [{ containerPort: servingPort, name: args.portName }];
    if (args.readinessProbe) container.readinessProbe = rawProbe(args.readinessProbe, servingPort);
    if (args.livenessProbe) container.livenessProbe = rawProbe(args.livenessProbe, servingPort);
    if (args.imagePullPolicy !== undefined) container.imagePullPolicy = args.imagePullPolicy;
    Object.assign(container, rawEnv(container.env, args.envValueFrom, args.envFrom));
    if (args.sidecars) {
        container.ports ??= [{ containerPort: servingPort }];
        pod.containers.push(...args.sidecars.map(rawSidecar));
    }
    if (args.revisionName !== undefined) template.metadata.name = args.revisionName;
    if (args.traffic)
        svc.spec.traffic = args.traffic.map((t) => ({
            ...(t.tag !== undefined ? { tag: t.tag } : {}),
            ...(t.revisionName !== undefined ? { revisionName: t.revisionName } : {}),
            latestRevision: t.latestRevision === true,
            percent: t.percent ?? 0,
        }));
    if (args.labels) svc.metadata.labels = { ...args.labels };
    if (args.clusterLocal) svc.metadata.labels = { ...(svc.metadata.labels ?? {}), [VISIBILITY_LABEL]: "cluster-local" };
    const r = args.reservedInstance;
    if (r) {
        annotations[RESERVE_ANNOTATIONS.enabled] = "enable";
        annotations[RESERVE_ANNOTATIONS.type] = String(r.type ?? "eci");
        if (r.replicas !== undefined) annotations[RESERVE_ANNOTATIONS.replicas] = String(r.replicas);
        if (r.eciSpecs !== undefined) annotations[RESERVE_ANNOTATIONS.eciSpecs] = r.eciSpecs.join(",");
    }
    return svc;
}

/** A probe as given, each handler's port the given one or, unset, the serving port (as probes.ts renders it). */
function rawProbe(p: Obj, servingPort: number): Obj {
    const out: Obj = { ...p };
    if (p.httpGet) {
        const { httpHeaders, ...g } = p.httpGet as Obj;
        out.httpGet = { ...g, port: g.port ?? servingPort };
        if (httpHeaders) out.httpGet.httpHeaders = Object.entries(httpHeaders as Obj).map(([name, value]) => ({ name, value }));
    }
    if (p.tcpSocket) out.tcpSocket = { ...p.tcpSocket, port: p.tcpSocket.port ?? servingPort };
    if (p.grpc) out.grpc = { ...p.grpc, port: p.grpc.port ?? servingPort };
    return out;
}

/** A container's env and envFrom with the key references and whole sources added, as envSources.ts renders them. */
function rawEnv(env: Obj[] | undefined, valueFrom: Obj | undefined, envFrom: Obj[] | undefined): Obj {
    const out: Obj = {};
    const refs = Object.entries(valueFrom ?? {}).map(([name, from]) => ({ name, valueFrom: from }));
    if (env || refs.length) out.env = [...(env ?? []), ...refs];
    if (envFrom)
        out.envFrom = envFrom.map((f) => ({
            ...(f.prefix !== undefined ? { prefix: f.prefix } : {}),
            ...(f.secret !== undefined ? { secretRef: { name: f.secret } } : {}),
            ...(f.configMap !== undefined ? { configMapRef: { name: f.configMap } } : {}),
        }));
    return out;
}

/** A sidecar as given; fields the package has no argument for (ports, probes) pass through as written. */
function rawSidecar(s: Obj): Obj {
    const { env, envValueFrom, envFrom, eciResourceIgnore, ...rest } = s;
    const literal = Object.entries((env ?? {}) as Obj).map(([name, value]) => ({ name, value }));
    if (eciResourceIgnore) literal.push({ name: "__ECI_RESOURCE_IGNORE__", value: "TRUE" });
    return { ...rest, ...rawEnv(literal.length ? literal : undefined, envValueFrom, envFrom) };
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

const RESERVED =
    "ACK's reserved instance is read by ACK's Knative from its own knative.aliyun.com/ annotations, which community Knative ignores; the package checks them against ACK's documented values";
const K8S_POD = "Knative admits it, but Kubernetes' own validation then rejects the revision's Deployment, after the cloud work is done";
const PROBE_PORT =
    "Knative probes a readiness port other than the serving one as given, and rewrites a liveness HTTP or TCP port to the serving one (without its multi-container-probing flag, which the package does not set): the package keeps probes on the serving port, so a ready revision is one whose serving port answers";
const UNSET_DEFAULT = "0 or empty is the 'unset' that Kubernetes or Knative replaces with its default: the package asks to leave it unset";
const ENV_NAME =
    "Kubernetes rejects a variable name starting with a digit or holding a space unless its RelaxedEnvironmentVariableValidation gate is on (off by default before 1.32), and shells cannot read it";
const WHOLE_PERCENT = "the package takes whole percents, as kn's --scale-utilization does";
const NOT_A_REVISION =
    "Knative admits any name here, but every revision of this Service is named after it: the route would never become ready";
const VISIBILITY =
    'Knative admits any value, but its route reconciler takes a non-empty one as cluster-local for the ingress and gives the cluster-local domain only to "cluster-local": the package asks for that value or clusterLocal';
const TWICE = "two arguments setting the same thing are a mistake the package reports";
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
    // probes (issue 19): handlers, ports, timings
    ...(["readinessProbe", "livenessProbe"] as const).flatMap((probe) => [
        one(probe, { [probe]: { httpGet: { path: "/healthz" }, tcpSocket: {} } }),
        one(probe, { [probe]: { exec: { command: ["true"] }, grpc: {} } }),
        one(
            probe,
            { [probe]: {} },
            probe === "readinessProbe"
                ? "a readiness probe without a handler is Knative's default TCP probe of the serving port: the package asks to leave readinessProbe unset"
                : undefined,
        ),
        one(`${probe}.httpGet.port`, { [probe]: { httpGet: { port: 9000 } } }, PROBE_PORT),
        one(`${probe}.tcpSocket.port`, { [probe]: { tcpSocket: { port: 9000 } } }, PROBE_PORT),
        one(`${probe}.grpc.port`, { portName: "h2c", [probe]: { grpc: { port: 9000 } } }, PROBE_PORT),
        one(`${probe}.timeoutSeconds`, { [probe]: { tcpSocket: {}, periodSeconds: 5, timeoutSeconds: 0 } }, UNSET_DEFAULT),
        one(
            `${probe}.failureThreshold`,
            { [probe]: { tcpSocket: {}, periodSeconds: 5, failureThreshold: -1 } },
            probe === "livenessProbe" ? K8S_POD : undefined,
        ),
        one(
            `${probe}.initialDelaySeconds`,
            { [probe]: { tcpSocket: {}, initialDelaySeconds: -1 } },
            probe === "livenessProbe" ? K8S_POD : undefined,
        ),
        one(`${probe}.periodSeconds`, { [probe]: { tcpSocket: {}, periodSeconds: -1 } }, probe === "livenessProbe" ? K8S_POD : undefined),
        one(`${probe}.successThreshold`, { [probe]: { tcpSocket: {}, periodSeconds: 5, successThreshold: 0 } }, UNSET_DEFAULT),
        one(`${probe}.exec.command`, { [probe]: { exec: { command: [] } } }, K8S_POD),
        one(
            `${probe}.httpGet.path`,
            { [probe]: { httpGet: { path: "healthz" } } },
            'the kubelet and Knative\'s queue-proxy request it with a "/" added: a path written without one is a mistake the package reports',
        ),
        one(`${probe}.httpGet.scheme`, { [probe]: { httpGet: { scheme: "http" } } }, K8S_POD),
        one(`${probe}.grpc`, { portName: "h2c", [probe]: { grpc: { service: "my.pkg.Health" } } }),
        one(`${probe}.grpc`, { portName: "h2c", [probe]: { grpc: { service: "" } } }),
        one(`${probe}.httpGet.port`, { port: 9000, [probe]: { httpGet: { port: 9000 } } }),
    ]),
    one("readinessProbe.timeoutSeconds", { readinessProbe: { tcpSocket: {}, periodSeconds: 0, timeoutSeconds: 2 } }),
    one("readinessProbe.failureThreshold", { readinessProbe: { tcpSocket: {}, periodSeconds: 0, failureThreshold: 3 } }),
    one("readinessProbe.periodSeconds", { readinessProbe: { tcpSocket: {}, periodSeconds: 0 } }),
    one("livenessProbe.periodSeconds", { livenessProbe: { tcpSocket: {}, periodSeconds: 0 } }, UNSET_DEFAULT),
    one("livenessProbe.successThreshold", { livenessProbe: { tcpSocket: {}, periodSeconds: 5, successThreshold: 2 } }, K8S_POD),
    one("readinessProbe.successThreshold", { readinessProbe: { tcpSocket: {}, periodSeconds: 5, successThreshold: 2 } }),
    // portName
    ...["grpc", "http", "H2C", "HTTP1", "http2"].map((n) => one("portName", { portName: n })),
    one("portName", { portName: "" }, UNSET_DEFAULT),
    one("portName", { portName: "h2c" }),
    one("portName", { port: 9000, portName: "http1" }),
    // envValueFrom, envFrom
    ...["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"].map((n) =>
        one(`envValueFrom["${n}"]`, { envValueFrom: { [n]: { secretKeyRef: { name: "db", key: "password" } } } }),
    ),
    one('envValueFrom["1DB"]', { envValueFrom: { "1DB": { secretKeyRef: { name: "db", key: "password" } } } }, ENV_NAME),
    one('envValueFrom[""]', { envValueFrom: { "": { configMapKeyRef: { name: "app", key: "level" } } } }),
    one(
        'envValueFrom["DB"]',
        { envValueFrom: { DB: { secretKeyRef: { name: "db", key: "p" }, configMapKeyRef: { name: "app", key: "l" } } } },
        K8S_POD,
    ),
    one('envValueFrom["DB"]', { envValueFrom: { DB: {} } }, K8S_POD),
    one('envValueFrom["DB"].secretKeyRef.name', { envValueFrom: { DB: { secretKeyRef: { name: "", key: "password" } } } }, K8S_POD),
    one(
        'envValueFrom["DB"].secretKeyRef.name',
        { envValueFrom: { DB: { secretKeyRef: { name: "Db_Secret", key: "password" } } } },
        K8S_POD,
    ),
    one('envValueFrom["DB"].secretKeyRef.key', { envValueFrom: { DB: { secretKeyRef: { name: "db", key: "" } } } }, K8S_POD),
    one('envValueFrom["DB"].secretKeyRef.key', { envValueFrom: { DB: { secretKeyRef: { name: "db", key: "a/b" } } } }, K8S_POD),
    one(
        'envValueFrom["LEVEL"].configMapKeyRef.name',
        { envValueFrom: { LEVEL: { configMapKeyRef: { name: "", key: "level" } } } },
        K8S_POD,
    ),
    one('envValueFrom["LEVEL"].configMapKeyRef.key', { envValueFrom: { LEVEL: { configMapKeyRef: { name: "app", key: "" } } } }, K8S_POD),
    one('envValueFrom["DB"]', { envValueFrom: { DB: { secretKeyRef: { name: "db", key: "password" } } } }),
    one('envValueFrom["LEVEL"]', { envValueFrom: { LEVEL: { configMapKeyRef: { name: "app", key: "log.level" } } } }),
    one("envFrom[0]", { envFrom: [{ secret: "db", configMap: "app" }] }),
    one("envFrom[0]", { envFrom: [{}] }),
    one("envFrom[0]", { envFrom: [{ prefix: "DB_" }] }),
    one("envFrom[0].secret", { envFrom: [{ secret: "" }] }, K8S_POD),
    one("envFrom[0].configMap", { envFrom: [{ configMap: "App" }] }, K8S_POD),
    one("envFrom[0].prefix", { envFrom: [{ secret: "db", prefix: "1DB_" }] }, ENV_NAME),
    one("envFrom[0].prefix", { envFrom: [{ configMap: "app", prefix: "APP CFG" }] }, ENV_NAME),
    one("envFrom[0].prefix", { envFrom: [{ secret: "db", prefix: "" }] }, UNSET_DEFAULT),
    one("envFrom[0]", { envFrom: [{ secret: "db", prefix: "DB_" }] }),
    one("envFrom[1]", { envFrom: [{ secret: "db" }, { configMap: "app", prefix: "APP_" }] }),
    // sidecars
    one("sidecars[0].name", { sidecars: [{ name: "user-container", image: "nginx:1.25" }] }),
    one("sidecars[0].name", { sidecars: [{ name: "queue-proxy", image: "nginx:1.25" }] }),
    one("sidecars[1].name", {
        sidecars: [
            { name: "log", image: "nginx:1.25" },
            { name: "log", image: "nginx:1.25" },
        ],
    }),
    one("sidecars[0].name", { sidecars: [{ name: "Log_Agent", image: "nginx:1.25" }] }, K8S_POD),
    one(
        "sidecars[0].name",
        { sidecars: [{ name: "", image: "nginx:1.25" }] },
        "Knative names an unnamed sidecar itself; the package asks for the name its plan and errors show",
    ),
    one("sidecars[0].image", { sidecars: [{ name: "log", image: "" }] }),
    one("sidecars[0].ports", { sidecars: [{ name: "log", image: "nginx:1.25", ports: [{ containerPort: 9000 }] }] } as never),
    one("sidecars[0].readinessProbe", {
        sidecars: [{ name: "log", image: "nginx:1.25", readinessProbe: { tcpSocket: { port: 9000 } } }],
    } as never),
    one("sidecars[0].livenessProbe", {
        sidecars: [{ name: "log", image: "nginx:1.25", livenessProbe: { exec: { command: ["true"] } } }],
    } as never),
    // Knative gives PORT to the serving container only: a sidecar may set its own
    ...["PORT", "K_SERVICE"].map((n) =>
        one(`sidecars[0].env["${n}"]`, { sidecars: [{ name: "log", image: "nginx:1.25", env: { [n]: "x" } }] }),
    ),
    one('sidecars[0].envValueFrom["K_REVISION"]', {
        sidecars: [{ name: "log", image: "nginx:1.25", envValueFrom: { K_REVISION: { configMapKeyRef: { name: "app", key: "rev" } } } }],
    }),
    one("sidecars[0].volumeMounts[0].name", {
        volumes: [{ name: "tmp", emptyDir: {} }],
        volumeMounts: [{ name: "tmp", mountPath: "/scratch" }],
        sidecars: [{ name: "log", image: "nginx:1.25", volumeMounts: [{ name: "other", mountPath: "/scratch" }] }],
    }),
    one("sidecars[0].volumeMounts[0].mountPath", {
        volumes: [{ name: "tmp", emptyDir: {} }],
        sidecars: [{ name: "log", image: "nginx:1.25", volumeMounts: [{ name: "tmp", mountPath: "/dev" }] }],
    }),
    one(
        "sidecars[0].volumeMounts[0].readOnly",
        {
            volumes: [{ name: "cfg", configMap: { name: "app" } }],
            sidecars: [{ name: "log", image: "nginx:1.25", volumeMounts: [{ name: "cfg", mountPath: "/etc/app", readOnly: false }] }],
        },
        "Knative's defaulting makes the mount read-only regardless: a mount written writable would silently not be",
    ),
    one("sidecars[0].imagePullPolicy", { sidecars: [{ name: "log", image: "nginx:1.25", imagePullPolicy: "always" }] }, K8S_POD),
    one("sidecars[0].securityContext.privileged", {
        sidecars: [{ name: "log", image: "nginx:1.25", securityContext: { privileged: true } }],
    }),
    one("sidecars[0].resources.requests.cpu", {
        sidecars: [{ name: "log", image: "nginx:1.25", resources: { requests: { cpu: "lots" } } }],
    }),
    one("volumes[0].name", {
        volumes: [{ name: "tmp", emptyDir: {} }],
        sidecars: [{ name: "log", image: "nginx:1.25", volumeMounts: [{ name: "tmp", mountPath: "/scratch" }] }],
    }),
    one("sidecars[0]", { sidecars: [{ name: "log", image: "nginx:1.25" }] }),
    one("sidecars[0]", { port: 9000, sidecars: [{ name: "log", image: "nginx:1.25", eciResourceIgnore: true }] }),
    // revisionName
    one("revisionName", { revisionName: "v2" }),
    one("revisionName", { revisionName: "other-v2" }),
    one("revisionName", { revisionName: "web-" }),
    one("revisionName", { revisionName: `web-${"a".repeat(60)}` }),
    one("revisionName", { revisionName: "web-V2" }),
    one("revisionName", { revisionName: "web-v2." }),
    one("revisionName", { revisionName: "web_v2" }),
    one("revisionName", { revisionName: "web-v2" }),
    one("revisionName", { revisionName: `web-${"a".repeat(59)}` }),
    // traffic
    one("traffic", { traffic: [{ latestRevision: true, percent: 90 }] }),
    one("traffic", {
        traffic: [
            { latestRevision: true, percent: 60 },
            { revisionName: "web-v1", percent: 60 },
        ],
    }),
    one("traffic", { traffic: [{ latestRevision: true }] }),
    one(
        "traffic",
        { traffic: [] },
        "an empty list is Knative's default, everything to the latest revision: the package asks to leave traffic out",
    ),
    one("traffic[0].percent", {
        traffic: [
            { latestRevision: true, percent: -10 },
            { revisionName: "web-v1", percent: 110 },
        ],
    }),
    one("traffic[0].percent", { traffic: [{ latestRevision: true, percent: 101 }] }),
    one("traffic[0].percent", {
        traffic: [
            { latestRevision: true, percent: 99.5 },
            { revisionName: "web-v1", percent: 0.5 },
        ],
    }),
    one("traffic[1].tag", {
        traffic: [
            { latestRevision: true, percent: 50, tag: "canary" },
            { revisionName: "web-v1", percent: 50, tag: "canary" },
        ],
    }),
    ...["Canary", "1canary", "can_ary", "canary-", "x".repeat(59)].map((tag) =>
        one("traffic[0].tag", { traffic: [{ latestRevision: true, percent: 100, tag }] }),
    ),
    one("traffic[0]", { traffic: [{ revisionName: "web-v1", latestRevision: true, percent: 100 }] }),
    one("traffic[0]", { traffic: [{ latestRevision: false, percent: 100 }] }),
    one("traffic[0]", { traffic: [{ percent: 100 }] }),
    one("traffic[0].revisionName", { traffic: [{ revisionName: "Web_V1", percent: 100 }] }, NOT_A_REVISION),
    one("traffic[0].revisionName", { traffic: [{ revisionName: "other-v1", percent: 100 }] }, NOT_A_REVISION),
    one("traffic[0].tag", { traffic: [{ latestRevision: true, percent: 100, tag: "x".repeat(58) }] }),
    one("traffic", {
        revisionName: "web-v2",
        traffic: [
            { revisionName: "web-v2", percent: 90, tag: "current" },
            { revisionName: "web-v1", percent: 10, tag: "canary" },
            { latestRevision: true, percent: 0, tag: "latest" },
        ],
    }),
    // clusterLocal and the visibility label
    one("clusterLocal", { clusterLocal: true }),
    one(`labels["${VISIBILITY_LABEL}"]`, { clusterLocal: true, labels: { [VISIBILITY_LABEL]: "cluster-local" } }, TWICE),
    one(`labels["${VISIBILITY_LABEL}"]`, { labels: { [VISIBILITY_LABEL]: "internal" } }, VISIBILITY),
    one(`labels["${VISIBILITY_LABEL}"]`, { labels: { [VISIBILITY_LABEL]: "" } }, VISIBILITY),
    one(`labels["${VISIBILITY_LABEL}"]`, { labels: { [VISIBILITY_LABEL]: "cluster-local" } }),
    // imagePullPolicy
    ...["always", "Sometimes"].map((v) => one("imagePullPolicy", { imagePullPolicy: v }, K8S_POD)),
    one("imagePullPolicy", { imagePullPolicy: "" }, UNSET_DEFAULT),
    one("imagePullPolicy", { imagePullPolicy: "IfNotPresent" }),
    // reservedInstance: ACK's own annotations (knative.aliyun.com/*), which community Knative ignores
    one("reservedInstance.replicas", { reservedInstance: { replicas: 0 } }, RESERVED),
    one("reservedInstance.replicas", { reservedInstance: { replicas: 1.5 } }, RESERVED),
    one("reservedInstance.type", { reservedInstance: { type: "acs" as never } }, RESERVED),
    one("reservedInstance.type", { placement: "ecs", reservedInstance: { type: "eci" } }, RESERVED),
    one("reservedInstance.type", { reservedInstance: { type: "ecs" } }, RESERVED),
    one("reservedInstance.eciSpecs", { placement: "ecs-and-eci", reservedInstance: { type: "ecs", eciSpecs: ["2-4Gi"] } }, RESERVED),
    one("reservedInstance.eciSpecs", { reservedInstance: { eciSpecs: ["lots"] } }, RESERVED),
    one("reservedInstance", { scaling: { minScale: 1 }, reservedInstance: {} }, RESERVED),
    one("reservedInstance", { reservedInstance: { eciSpecs: ["ecs.t6-c1m1.large"], replicas: 2 } }),
    one("reservedInstance", { placement: "ecs", reservedInstance: { type: "ecs" } }),
    // scaling.targetUtilization and scaling.activationScale
    sc("targetUtilization", 0),
    sc("targetUtilization", 101),
    sc("targetUtilization", 70.5, WHOLE_PERCENT),
    sc("targetUtilization", -1),
    sc("targetUtilization", 1),
    sc("targetUtilization", 100),
    sc("activationScale", 0),
    sc("activationScale", 1),
    sc("activationScale", 2.5),
    sc("activationScale", 2),
    one("scaling.activationScale", { scaling: { maxScale: 3, activationScale: 4 } }),
    one("scaling.activationScale", { scaling: { minScale: 5, activationScale: 3 } }),
    one("scaling.activationScale", { scaling: { minScale: 2, maxScale: 5, activationScale: 5 } }),
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
