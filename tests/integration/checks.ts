// Pure decisions of the real-cloud integration tests (guide.integration.ts): whether they can run, which stack and
// config they use, where each Service's pods may run and whether they do, how to reach a Knative URL through the
// ingress gateway, and what the stack's state says about vSwitches and Services. No cloud, no Kubernetes, no Pulumi
// here: tests/integration/checks.test.ts runs these offline in `npm test`.
import * as path from "node:path";
import * as yaml from "js-yaml";

// ---------------------------------------------------------------------------------------------------------------
// Skip decision and settings
// ---------------------------------------------------------------------------------------------------------------

/** The one line printed when the integration tests cannot run here. */
export const SKIP_LINE =
    "integration tests skipped: no Alibaba Cloud credentials (ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY) and/or no pulumi CLI on PATH";

export type Env = Readonly<Record<string, string | undefined>>;

/** Full path of `command` on `pathVar` (PATH), or undefined. `isFile` is injected so this stays pure. */
export function findOnPath(
    command: string,
    pathVar: string | undefined,
    isFile: (candidate: string) => boolean,
    platform: string = process.platform,
): string | undefined {
    const exts = platform === "win32" ? ["", ".exe", ".cmd", ".bat"] : [""];
    const sep = platform === "win32" ? ";" : ":";
    for (const dir of (pathVar ?? "").split(sep).filter((d) => d.length > 0)) {
        for (const ext of exts) {
            const candidate = path.join(dir, command + ext);
            if (isFile(candidate)) return candidate;
        }
    }
    return undefined;
}

/** What the integration tests lack to run (empty when they can run). */
export function missingPrerequisites(env: Env, pulumiOnPath: boolean): string[] {
    const missing: string[] = [];
    for (const key of ["ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY"]) {
        if (!env[key]?.trim()) missing.push(key);
    }
    if (!pulumiOnPath) missing.push("pulumi CLI");
    return missing;
}

/** The skip line plus what exactly is missing, or undefined when the tests can run. */
export function skipMessage(env: Env, pulumiOnPath: boolean): string | undefined {
    const missing = missingPrerequisites(env, pulumiOnPath);
    return missing.length === 0 ? undefined : `${SKIP_LINE} [missing: ${missing.join(", ")}]`;
}

export const DEFAULT_STACK = "integration";
export const DEFAULT_REGION = "cn-hangzhou";

export interface IntegrationSettings {
    /** Stack name (INTEGRATION_STACK, default "integration"); concurrent runs need distinct names. */
    stackName: string;
    /** Alibaba Cloud region (ALICLOUD_REGION, default cn-hangzhou). */
    region: string;
    /** Absolute directory of the Pulumi program (INTEGRATION_PROGRAM_DIR, default the repository root: the guide). */
    programDir: string;
    /** The program is the root guide program, whose Services and placements are known. */
    isGuide: boolean;
    /** Extra plain stack config (INTEGRATION_CONFIG, JSON object). */
    config: Record<string, string>;
    /** Extra secret stack config (INTEGRATION_SECRET_CONFIG, JSON object), e.g. an example's kubeconfig. */
    secretConfig: Record<string, string>;
    /** `namespace/serviceName` → placement, over the guide's and the inferred ones (INTEGRATION_PLACEMENTS). */
    placements: Record<string, string>;
    /** Substring every Service must answer with (INTEGRATION_EXPECT_BODY; the guide's default "Hello Knative!"). */
    expectBody: string | undefined;
    /** Gateway address to use instead of discovering it (INTEGRATION_GATEWAY, `host` or `host:port`). */
    gateway: string | undefined;
}

const STACK_NAME = /^(?:[A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/;

function jsonObject(env: Env, key: string): Record<string, string> {
    const raw = env[key]?.trim();
    if (!raw) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch (e) {
        throw new Error(`${key} must be a JSON object of strings, e.g. {"key":"value"}: ${(e as Error).message}`, { cause: e });
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new Error(`${key} must be a JSON object of strings, e.g. {"key":"value"}; got ${raw}`);
    }
    return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
}

/** Reads and checks the integration tests' environment variables. Throws with the variable's name on bad values. */
export function integrationSettings(env: Env, repoRoot: string): IntegrationSettings {
    const stackName = env.INTEGRATION_STACK?.trim() || DEFAULT_STACK;
    if (!STACK_NAME.test(stackName)) {
        throw new Error(`INTEGRATION_STACK "${stackName}" is not a valid stack name: use letters, digits, '-', '_' and '.'`);
    }
    const programDir = path.resolve(repoRoot, env.INTEGRATION_PROGRAM_DIR?.trim() || ".");
    const isGuide = programDir === path.resolve(repoRoot);
    const expectBody = env.INTEGRATION_EXPECT_BODY ?? (isGuide ? GUIDE_BODY : undefined);
    return {
        stackName,
        region: env.ALICLOUD_REGION?.trim() || DEFAULT_REGION,
        programDir,
        isGuide,
        config: jsonObject(env, "INTEGRATION_CONFIG"),
        secretConfig: jsonObject(env, "INTEGRATION_SECRET_CONFIG"),
        placements: jsonObject(env, "INTEGRATION_PLACEMENTS"),
        expectBody: expectBody === "" ? undefined : expectBody,
        gateway: env.INTEGRATION_GATEWAY?.trim() || undefined,
    };
}

/** Config keys a Pulumi.yaml declares, without the `<project>:` prefix (provider keys such as `alicloud:region` keep theirs). */
export function declaredConfigKeys(pulumiYaml: string): { project: string; keys: string[] } {
    const doc = (yaml.load(pulumiYaml) ?? {}) as { name?: unknown; config?: Record<string, unknown> };
    const project = typeof doc.name === "string" ? doc.name : "";
    const keys = Object.keys(doc.config ?? {}).map((k) => (k.startsWith(`${project}:`) ? k.slice(project.length + 1) : k));
    return { project, keys };
}

export interface ConfigEntry {
    value: string;
    secret?: boolean;
}

/**
 * The test stack's config: the region, `deletionProtection=false` and `apiServerPublic=true` (only when the program
 * declares those keys, so programs with a config schema that lacks them are not broken), then the user's extras.
 */
export function stackConfig(settings: IntegrationSettings, declaredKeys: readonly string[]): Record<string, ConfigEntry> {
    const config: Record<string, ConfigEntry> = { "alicloud:region": { value: settings.region } };
    if (declaredKeys.includes("deletionProtection")) config.deletionProtection = { value: "false" };
    if (declaredKeys.includes("apiServerPublic")) config.apiServerPublic = { value: "true" };
    for (const [k, v] of Object.entries(settings.config)) config[k] = { value: v };
    for (const [k, v] of Object.entries(settings.secretConfig)) config[k] = { value: v, secret: true };
    return config;
}

// ---------------------------------------------------------------------------------------------------------------
// Placement expectations and the `kubectl get pod -o wide` check
// ---------------------------------------------------------------------------------------------------------------

/** The guide program's answer: helloworld-go with TARGET=Knative. */
export const GUIDE_BODY = "Hello Knative!";

export interface ServiceRef {
    namespace: string;
    serviceName: string;
}

/** The root guide program's Services (guide/index.ts) and their placements. */
export const GUIDE_SERVICES: readonly (ServiceRef & { placement: string })[] = [
    { namespace: "vk", serviceName: "helloworld-go", placement: "eci" },
    { namespace: "vk-injected", serviceName: "helloworld-go-injected", placement: "eci-namespace" },
    { namespace: "vk", serviceName: "helloworld-go-mixed", placement: "ecs-and-eci" },
];

/** One required label `key=value`; a term is an AND of requirements; a node is allowed when it matches any term. */
export interface LabelRequirement {
    key: string;
    values: string[];
}
export type NodeTerm = LabelRequirement[];

export const VIRTUAL_KUBELET: NodeTerm = [{ key: "type", values: ["virtual-kubelet"] }];
export const ECS_NODE: NodeTerm = [{ key: "resource-role", values: ["ecs"] }];

/** Nodes each placement may run on (README "Placement modes"): ECI modes only on the virtual node, mixed modes on either. */
export function allowedNodeTerms(placement: string): NodeTerm[] {
    switch (placement) {
        case "eci":
        case "eci-namespace":
            return [VIRTUAL_KUBELET];
        case "ecs-and-eci":
        case "ecs-first":
            return [ECS_NODE, VIRTUAL_KUBELET];
        case "ecs":
            return [ECS_NODE];
        default:
            throw new Error(`unknown placement "${placement}": expected eci, eci-namespace, ecs-and-eci, ecs-first or ecs`);
    }
}

interface MatchExpression {
    key?: string;
    operator?: string;
    values?: string[];
}
interface ManifestLike {
    spec?: {
        template?: {
            spec?: {
                nodeSelector?: Record<string, string>;
                affinity?: {
                    nodeAffinity?: {
                        requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchExpressions?: MatchExpression[] }[] };
                    };
                };
            };
        };
    };
}

/**
 * Allowed nodes read from a rendered Service's required node affinity (`In` expressions) and nodeSelector, for
 * Services of other programs that INTEGRATION_PLACEMENTS does not name. Undefined when the manifest does not pin
 * its pods (e.g. `eci-namespace`, where ACK's webhook adds the affinity): name those in INTEGRATION_PLACEMENTS.
 */
export function nodeTermsFromManifest(manifest: unknown): NodeTerm[] | undefined {
    const podSpec = (manifest as ManifestLike | undefined)?.spec?.template?.spec;
    const selector: NodeTerm = Object.entries(podSpec?.nodeSelector ?? {}).map(([key, value]) => ({ key, values: [value] }));
    const terms = podSpec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const fromAffinity: NodeTerm[] = [];
    for (const term of terms) {
        const exprs = term.matchExpressions ?? [];
        if (exprs.length === 0 || exprs.some((e) => e.operator !== "In" || !e.key || !e.values?.length)) return undefined;
        fromAffinity.push(exprs.map((e) => ({ key: e.key as string, values: [...(e.values as string[])] })));
    }
    if (fromAffinity.length === 0) return selector.length > 0 ? [selector] : undefined;
    // nodeSelector ANDs with every affinity term.
    return fromAffinity.map((t) => [...t, ...selector]);
}

export function nodeMatches(labels: Readonly<Record<string, string>> | undefined, terms: readonly NodeTerm[]): boolean {
    return terms.some((term) => term.every((req) => labels?.[req.key] !== undefined && req.values.includes(labels[req.key])));
}

export function describeTerms(terms: readonly NodeTerm[]): string {
    return terms.map((t) => t.map((r) => `${r.key}=${r.values.join("|")}`).join(",")).join(" or ");
}

/** The fields of a Kubernetes Pod the checks read. */
export interface PodLike {
    metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string>; deletionTimestamp?: unknown };
    spec?: { nodeName?: string };
    status?: { phase?: string; containerStatuses?: { ready?: boolean }[] };
}
/** The fields of a Kubernetes Node the checks read. */
export interface NodeLike {
    metadata?: { name?: string; labels?: Record<string, string> };
}

/** Label Knative sets on every pod of a Service. */
export const KNATIVE_SERVICE_LABEL = "serving.knative.dev/service";
/** Annotation ACK's virtual node writes on an ECI pod: the container group (ECI instance) id. Unconfirmed name. */
export const ECI_INSTANCE_ANNOTATION = "k8s.aliyun.com/eci-instance-id";

export interface PodRow {
    name: string;
    ready: string;
    phase: string;
    node: string;
    nodeAllowed: boolean;
}

export interface PlacementVerdict {
    /** `ok`: ≥1 pod Running with every container ready, and every scheduled pod on an allowed node; `wait`: not yet. */
    state: "ok" | "wait" | "fail";
    detail: string;
    /** `kubectl get pod -o wide`-like rows, for the log. */
    rows: PodRow[];
    /** ECI instance ids seen on the pods (for the post-destroy check). */
    eciInstanceIds: string[];
}

function podReady(pod: PodLike): string {
    const statuses = pod.status?.containerStatuses ?? [];
    return `${statuses.filter((s) => s.ready === true).length}/${statuses.length}`;
}

/**
 * The guide's check (`kubectl -n vk get pod -o wide`: pods `2/2 Running` on a virtual-kubelet node), for one Service.
 * `pods` are the namespace's pods (filtered here by the Knative service label), `nodes` the cluster's nodes.
 */
export function checkPlacement(
    service: ServiceRef,
    terms: readonly NodeTerm[],
    pods: readonly PodLike[],
    nodes: readonly NodeLike[],
): PlacementVerdict {
    const labelsOf = new Map(nodes.map((n) => [n.metadata?.name ?? "", n.metadata?.labels ?? {}]));
    const mine = pods.filter((p) => p.metadata?.labels?.[KNATIVE_SERVICE_LABEL] === service.serviceName && !p.metadata?.deletionTimestamp);
    const rows: PodRow[] = mine.map((p) => {
        const node = p.spec?.nodeName ?? "";
        return {
            name: p.metadata?.name ?? "?",
            ready: podReady(p),
            phase: p.status?.phase ?? "Unknown",
            node: node || "<none>",
            nodeAllowed: node !== "" && nodeMatches(labelsOf.get(node), terms),
        };
    });
    const eciInstanceIds = [
        ...new Set(mine.map((p) => p.metadata?.annotations?.[ECI_INSTANCE_ANNOTATION]).filter((id): id is string => !!id)),
    ];
    const where = `${service.namespace}/${service.serviceName}`;
    const wanted = describeTerms(terms);
    const wrong = rows.filter((r) => r.node !== "<none>" && !r.nodeAllowed);
    if (wrong.length > 0) {
        const list = wrong.map((r) => `${r.name} on ${r.node} (labels ${JSON.stringify(labelsOf.get(r.node) ?? {})})`).join("; ");
        return { state: "fail", detail: `${where}: pods on nodes not labeled ${wanted}: ${list}`, rows, eciInstanceIds };
    }
    const readyRunning = mine.filter((p, i) => {
        const [ready, total] = rows[i].ready.split("/").map(Number);
        return p.status?.phase === "Running" && total > 0 && ready === total && rows[i].nodeAllowed;
    });
    if (readyRunning.length === 0) {
        const state = rows.length === 0 ? "no pods yet" : rows.map((r) => `${r.name} ${r.ready} ${r.phase} on ${r.node}`).join("; ");
        return { state: "wait", detail: `${where}: no pod Running with all containers ready (${state})`, rows, eciInstanceIds };
    }
    return {
        state: "ok",
        detail: `${where}: ${readyRunning.length} pod(s) Running ${rows.find((r) => r.nodeAllowed)?.ready} on ${wanted}`,
        rows,
        eciInstanceIds,
    };
}

/** `kubectl get pod -o wide`-like text of verdict rows. */
export function formatRows(rows: readonly PodRow[]): string {
    if (rows.length === 0) return "    (no pods)";
    return rows.map((r) => `    ${r.name}  ${r.ready}  ${r.phase}  ${r.node}${r.nodeAllowed ? "" : "  <- not an allowed node"}`).join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Reaching a Knative URL through the ingress gateway
// ---------------------------------------------------------------------------------------------------------------

export interface UrlTarget {
    /** `http:` or `https:`. */
    protocol: string;
    /** The Host header: the URL's host (with a non-default port). */
    host: string;
    /** Path and query, at least `/`. */
    path: string;
}

/** What to send for a Knative URL such as `http://helloworld-go.vk.example.com`: the Host header and the path. */
export function urlTarget(url: string): UrlTarget {
    let u: URL;
    try {
        u = new URL(url);
    } catch {
        throw new Error(`not a URL: ${JSON.stringify(url)} (is the Knative Service Ready?)`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`unsupported URL scheme in ${url}`);
    return { protocol: u.protocol, host: u.host, path: `${u.pathname || "/"}${u.search}` };
}

/** `host` or `host:port` (IPv6 in brackets) of the gateway. */
export function splitAddress(address: string, protocol: string): { hostname: string; port: number } {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(address.trim());
    if (!m) throw new Error(`not a gateway address: ${JSON.stringify(address)}; expected host or host:port`);
    return { hostname: m[1].replace(/^\[|\]$/g, ""), port: m[2] ? Number(m[2]) : protocol === "https:" ? 443 : 80 };
}

/** Gateway Services tried when a Service's KIngress does not name one, in order. */
export const GATEWAY_CANDIDATES: readonly ServiceRef[] = [
    // ACK's managed Knative with the Kourier gateway, and the Knative Operator's Kourier (both in knative-serving).
    { namespace: "knative-serving", serviceName: "kourier" },
    // Upstream net-kourier release manifests.
    { namespace: "kourier-system", serviceName: "kourier" },
    // Istio / ASM ingress.
    { namespace: "istio-system", serviceName: "istio-ingressgateway" },
];

/** `kourier.knative-serving.svc.cluster.local` → the Service it names; undefined for other domains. */
export function serviceFromClusterDomain(domain: string): ServiceRef | undefined {
    const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.[a-z0-9.-]+)?\.?$/.exec(domain);
    return m ? { serviceName: m[1], namespace: m[3] } : undefined;
}

interface LoadBalancerIngress {
    ip?: string;
    hostname?: string;
}
/** The fields of a Kubernetes Service the checks read. */
export interface ServiceLike {
    spec?: { type?: string };
    status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

/** External address of a LoadBalancer Service (IP, else hostname), or undefined while it has none. */
export function loadBalancerAddress(svc: ServiceLike | undefined): string | undefined {
    const ingress = svc?.status?.loadBalancer?.ingress ?? [];
    return ingress.map((i) => i.ip || i.hostname).find((a): a is string => !!a);
}

/** Status of a Knative `networking.internal.knative.dev/v1alpha1` Ingress (KIngress), the fields read here. */
export interface KIngressStatusLike {
    publicLoadBalancer?: { ingress?: { ip?: string; domain?: string; domainInternal?: string }[] };
}

/**
 * Where a Service's KIngress says its public gateway is: an address (`ip` or `domain`, e.g. an ALB/MSE host name)
 * or an in-cluster Service (`domainInternal`, e.g. Kourier's) whose LoadBalancer address must be read.
 */
export function gatewayFromKIngress(status: KIngressStatusLike | undefined): { address: string } | { service: ServiceRef } | undefined {
    for (const lb of status?.publicLoadBalancer?.ingress ?? []) {
        if (lb.ip) return { address: lb.ip };
        if (lb.domain) return { address: lb.domain };
        const svc = lb.domainInternal ? serviceFromClusterDomain(lb.domainInternal) : undefined;
        if (svc) return { service: svc };
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The stack's state (stack.exportStack())
// ---------------------------------------------------------------------------------------------------------------

interface StateResource {
    type?: string;
    urn?: string;
    outputs?: Record<string, unknown>;
}
interface StateLike {
    deployment?: { resources?: StateResource[] };
}

/** Pulumi's marker of a secret value in exported state. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
function plain(value: unknown): unknown {
    return typeof value === "object" && value !== null && SECRET_SIG in value ? undefined : value;
}

/** Ids of the vSwitches the stack created (node and pod vSwitches): where its ECI instances run. */
export function vswitchIdsFromState(state: unknown): string[] {
    const resources = (state as StateLike | undefined)?.deployment?.resources ?? [];
    const ids = resources
        .filter((r) => r.type === "alicloud:vpc/switch:Switch")
        .map((r) => plain(r.outputs?.id))
        .filter((id): id is string => typeof id === "string" && id.length > 0);
    return [...new Set(ids)].sort();
}

export interface StackService extends ServiceRef {
    url: string;
    manifest: unknown;
}

/** The KnativeService components in the stack's state, with their outputs (serviceName, namespace, url, manifest). */
export function knativeServicesFromState(state: unknown): StackService[] {
    const resources = (state as StateLike | undefined)?.deployment?.resources ?? [];
    return resources
        .filter((r) => r.type === "ack-knative-eci:index:KnativeService")
        .map((r) => ({
            serviceName: String(plain(r.outputs?.serviceName) ?? ""),
            namespace: String(plain(r.outputs?.namespace) ?? "default"),
            url: String(plain(r.outputs?.url) ?? ""),
            manifest: plain(r.outputs?.manifest),
        }))
        .filter((s) => s.serviceName.length > 0);
}

export interface ServiceExpectation extends StackService {
    /** Allowed nodes; undefined: placement not checked (logged). */
    terms: NodeTerm[] | undefined;
    /** Where the expectation comes from, for the log. */
    source: string;
}

/** Each Service's allowed nodes: INTEGRATION_PLACEMENTS, else the guide's placements, else the manifest's affinity. */
export function expectations(
    services: readonly StackService[],
    settings: Pick<IntegrationSettings, "isGuide" | "placements">,
): ServiceExpectation[] {
    const guide = new Map(GUIDE_SERVICES.map((s) => [`${s.namespace}/${s.serviceName}`, s.placement]));
    return services.map((s) => {
        const key = `${s.namespace}/${s.serviceName}`;
        const given = settings.placements[key] ?? settings.placements[s.serviceName];
        if (given !== undefined) return { ...s, terms: allowedNodeTerms(given), source: `placement "${given}" (INTEGRATION_PLACEMENTS)` };
        const fromGuide = settings.isGuide ? guide.get(key) : undefined;
        if (fromGuide !== undefined) return { ...s, terms: allowedNodeTerms(fromGuide), source: `placement "${fromGuide}" (guide)` };
        const terms = nodeTermsFromManifest(s.manifest);
        return { ...s, terms, source: terms ? "the manifest's required node affinity" : "none (set INTEGRATION_PLACEMENTS)" };
    });
}

/** The guide Services the stack must contain (the test fails early when the program does not deploy them). */
export function missingGuideServices(services: readonly ServiceRef[]): string[] {
    const have = new Set(services.map((s) => `${s.namespace}/${s.serviceName}`));
    return GUIDE_SERVICES.map((s) => `${s.namespace}/${s.serviceName}`).filter((k) => !have.has(k));
}

// ---------------------------------------------------------------------------------------------------------------
// Left-over ECI instances after destroy
// ---------------------------------------------------------------------------------------------------------------

export interface ContainerGroupLike {
    id: string;
    containerGroupName?: string;
    status?: string;
    vswitchId?: string;
}

/** Container groups still present after destroy, de-duplicated by id, as readable lines (empty: none left). */
export function leftoverLines(groups: readonly ContainerGroupLike[]): string[] {
    const byId = new Map(groups.map((g) => [g.id, g]));
    return [...byId.values()].map(
        (g) => `${g.id} (${g.containerGroupName ?? "?"}, status ${g.status ?? "?"}, vSwitch ${g.vswitchId ?? "?"})`,
    );
}
