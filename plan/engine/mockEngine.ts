import * as pulumi from "@pulumi/pulumi";
import {
    CLUSTER_TYPE,
    KSVC_TYPE,
    KUBERNETES_PREFIX,
    SECURITY_GROUP_TYPE,
    STACK_REFERENCE_TYPE,
    VPC_TYPE,
    VSWITCH_TYPE,
} from "../resourceTypes";

/**
 * Runs Pulumi programs under Pulumi's mock engine (no CLI, no cloud) and records every resource the
 * engine is asked to register: type, name, inputs (secrets kept as secret markers), parent, provider
 * and dependencies. Used by the tests and by the offline plan.
 */

export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    custom: boolean;
    /** Inputs as the engine received them; secret values are `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
    inputs: Record<string, unknown>;
    parent?: string;
    /** The provider reference (`urn::id`) for custom resources that name one. */
    provider?: string;
    /** URNs this resource depends on (explicit `dependsOn` plus resources its inputs came from). */
    dependencies: string[];
    /** The `retainOnDelete` resource option, when set. */
    retainOnDelete?: boolean;
    /** The `ignoreChanges` resource option, when not empty. */
    ignoreChanges?: string[];
    /** The `customTimeouts` resource option's non-empty fields. */
    customTimeouts?: { create?: string; update?: string; delete?: string };
    /**
     * What the resource passed to `registerOutputs` (components and the stack: a stack's outputs are its
     * exports), serialized as the engine received them: secrets as secret markers.
     */
    outputs?: Record<string, unknown>;
}

export interface RecordedCall {
    token: string;
    args: Record<string, unknown>;
}

export interface MockEngineOptions {
    project?: string;
    stack?: string;
    /** Run as `pulumi preview` (unknowns stay unknown) rather than `pulumi up`. @default false */
    preview?: boolean;
    /** Stack configuration, `{"project:key": "value"}`. */
    config?: Record<string, string>;
}

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function isRecordedSecret(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG;
}

/** The value behind recorded secret markers, at any depth. */
export function revealSecrets(value: unknown): unknown {
    if (isRecordedSecret(value)) return revealSecrets(value.value);
    if (Array.isArray(value)) return value.map(revealSecrets);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealSecrets(v)]));
    }
    return value;
}

/** A kubeconfig shaped like ACK's, with no real endpoint or credentials. */
export function mockKubeconfig(clusterId: string): string {
    return [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        `- name: ${clusterId}`,
        "  cluster:",
        `    server: https://${clusterId}.mock.invalid:6443`,
        "    certificate-authority-data: TU9DSw==",
        "contexts:",
        `- name: ${clusterId}`,
        "  context:",
        `    cluster: ${clusterId}`,
        "    user: mock",
        `current-context: ${clusterId}`,
        "users:",
        "- name: mock",
        "  user:",
        "    token: mock-token-not-a-credential",
        "",
    ].join("\n");
}

/** Outputs the mock cloud computes for a resource, beyond echoing its inputs. */
function computedState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    if (type === STACK_REFERENCE_TYPE) {
        // A referenced platform stack, shaped like the root guide program's outputs.
        const clusterId = "cmockreferencedcluster";
        return {
            outputs: { clusterId, kubeconfig: mockKubeconfig(clusterId), serviceUrls: {} },
            secretOutputNames: ["kubeconfig"],
        };
    }
    if (type === CLUSTER_TYPE) {
        // Like ACK: an intranet endpoint always, an internet one only with the public API server load balancer.
        const id = mockId(type, name, inputs);
        return {
            connections: {
                apiServerIntranet: `https://${id}.intranet.mock.invalid:6443`,
                apiServerInternet: inputs.slbInternetEnabled === true ? `https://${id}.mock.invalid:6443` : "",
            },
        };
    }
    if (type === KSVC_TYPE) {
        const meta = (inputs.metadata ?? {}) as { name?: string; namespace?: string };
        const svc = meta.name ?? name;
        const ns = meta.namespace ?? "default";
        return {
            status: {
                url: `http://${svc}.${ns}.example.com`,
                latestReadyRevisionName: `${svc}-00001`,
                conditions: [{ type: "Ready", status: "True" }],
            },
        };
    }
    return {};
}

/** The request's custom timeouts, with only the fields set. */
function customTimeoutsOf(req: RegisterRequest | undefined): Pick<RecordedResource, "customTimeouts"> {
    const t = req?.getCustomtimeouts();
    const timeouts = Object.fromEntries(
        (
            [
                ["create", t?.getCreate()],
                ["update", t?.getUpdate()],
                ["delete", t?.getDelete()],
            ] as const
        ).filter(([, v]) => v),
    );
    return Object.keys(timeouts).length ? { customTimeouts: timeouts } : {};
}

/** Id prefixes of Alibaba Cloud resources whose ids other inputs validate (`vsw-…`, `sg-…`, `vpc-…`). */
const ALICLOUD_ID_PREFIX: Record<string, string> = {
    [VSWITCH_TYPE]: "vsw-",
    [SECURITY_GROUP_TYPE]: "sg-",
    [VPC_TYPE]: "vpc-",
};

function mockId(type: string, name: string, inputs: Record<string, unknown>): string {
    if (type === CLUSTER_TYPE) return `c${name.replace(/[^a-z0-9]/g, "")}mock`;
    const prefix = ALICLOUD_ID_PREFIX[type];
    if (prefix) return `${prefix}${name.toLowerCase().replace(/[^a-z0-9]/g, "")}mock`;
    if (type.startsWith(KUBERNETES_PREFIX)) {
        const meta = (inputs.metadata ?? {}) as { name?: string; namespace?: string };
        return meta.namespace ? `${meta.namespace}/${meta.name ?? name}` : (meta.name ?? name);
    }
    return `${name}-id`;
}

/** Zone data sources (`getZones`, `eci.getZones`, `vpc.getEnhancedNatAvailableZones`, …): `alicloud:<module>/get…Zones:get…Zones`. */
const ZONE_DATA_SOURCE = /^alicloud:[a-z]+\/get\w*Zones:get\w*Zones$/;

/**
 * What every zone data source answers: the same three zones, under the field names those data sources
 * use (`id`/`zoneIds` of getZones, `zoneId` of eci.getZones).
 */
function mockZones(): Record<string, unknown> {
    const ids = ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"];
    return { ids, zones: ids.map((id) => ({ id, zoneId: id, zoneIds: [id], localName: id, availableInstanceTypes: [] })) };
}

/**
 * `vpc.getEnhancedNatAvailableZones` as the provider answers it: `ids` are the zones' local names (its source sets
 * `ids` from `LocalName`), the zone ids are only in `zones[].zoneId`.
 */
function mockEnhancedNatZones(): Record<string, unknown> {
    const zones = (mockZones().zones as { zoneId: string }[]).map(({ zoneId }) => ({
        zoneId,
        localName: `Hangzhou Zone ${zoneId.slice(-1).toUpperCase()}`,
    }));
    return { ids: zones.map((z) => z.localName), zones };
}

function mockCall(token: string, args: Record<string, unknown>): Record<string, unknown> {
    if (token === "alicloud:vpc/getEnhancedNatAvailableZones:getEnhancedNatAvailableZones") return mockEnhancedNatZones();
    if (ZONE_DATA_SOURCE.test(token)) return mockZones();
    switch (token) {
        case "alicloud:cs/getClusterCredential:getClusterCredential":
            return {
                clusterId: args.clusterId,
                kubeConfig: mockKubeconfig(String(args.clusterId)),
                expiration: "2099-01-01T00:00:00Z",
                certificateAuthority: {},
            };
        case "alicloud:cs/getManagedKubernetesClusters:getManagedKubernetesClusters": {
            // Every requested cluster exists, with ids derived from its own.
            const ids = ((args.ids as string[] | undefined) ?? []).map(String);
            return {
                ids,
                names: ids,
                clusters: ids.map((id) => ({
                    id,
                    name: id,
                    vpcId: `vpc-${id}`,
                    vswitchIds: [`vsw-${id}a`, `vsw-${id}b`],
                    securityGroupId: `sg-${id}`,
                    connections: {
                        apiServerInternet: `https://${id}.mock.invalid:6443`,
                        apiServerIntranet: `https://${id}.intranet.mock.invalid:6443`,
                    },
                    state: "running",
                })),
            };
        }
        default:
            return args;
    }
}

export interface MockEngine {
    readonly resources: RecordedResource[];
    readonly calls: RecordedCall[];
    /** Resources of a type token, in registration order. */
    ofType(type: string): RecordedResource[];
    /** The one resource with this type and name; throws if absent. */
    get(type: string, name: string): RecordedResource;
    /** The resource with this URN; throws if absent. */
    byUrn(urn: string): RecordedResource;
    /** Waits for every registration and call under way to finish. */
    settle(): Promise<void>;
}

interface MockMonitor {
    registerResource(req: RegisterRequest, cb: unknown): Promise<void>;
    registerResourceOutputs(req: RegisterOutputsRequest, cb: unknown): void;
    /** The URN scheme of Pulumi's mock monitor, so parents and dependencies match our records. */
    newUrn(parent: string, type: string, name: string): string;
}

interface RegisterOutputsRequest {
    getUrn(): string;
    getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProvider(): string;
    getCustom(): boolean;
    getDependenciesList(): string[];
    getRetainondelete(): boolean | undefined;
    getIgnorechangesList(): string[];
    getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
    getObject(): { toJavaScript(): unknown } | undefined;
}

/** What the mocks have seen so far. */
interface Recording {
    resources: RecordedResource[];
    byUrn: Map<string, RecordedResource>;
    calls: RecordedCall[];
    /** Register requests by `type::name`, queued until the mock's `newResource` takes them. */
    pendingByName: Map<string, RegisterRequest[]>;
}

/** One resource: what the mock is given (type, name, inputs), plus parent, dependencies and options from its request. */
function recordResource(args: pulumi.runtime.MockResourceArgs, req: RegisterRequest | undefined, urn: string): RecordedResource {
    const inputs = args.inputs as Record<string, unknown>;
    const parent = req?.getParent() || undefined;
    return {
        type: args.type,
        name: args.name,
        urn,
        custom: args.custom ?? true,
        // As serialized in the request: the mock's own deserializer lifts a nested secret to
        // the top-level property, the real engine keeps it where it is (e.g. one env value).
        inputs: (req?.getObject()?.toJavaScript() as Record<string, unknown> | undefined) ?? inputs,
        parent,
        provider: args.provider || undefined,
        dependencies: [...new Set(req?.getDependenciesList() ?? [])],
        ...(req?.getRetainondelete() !== undefined ? { retainOnDelete: req.getRetainondelete() } : {}),
        ...(req?.getIgnorechangesList()?.length ? { ignoreChanges: req.getIgnorechangesList() } : {}),
        ...customTimeoutsOf(req),
    };
}

/** Pulumi mocks that record every resource and call, and answer as the mock cloud would. */
function recordingMocks(rec: Recording, newUrn: MockMonitor["newUrn"]): pulumi.runtime.Mocks {
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
            const req = rec.pendingByName.get(`${args.type}::${args.name}`)?.shift();
            const inputs = args.inputs as Record<string, unknown>;
            const record = recordResource(args, req, newUrn(req?.getParent() ?? "", args.type, args.name));
            rec.resources.push(record);
            rec.byUrn.set(record.urn, record);
            return {
                id: args.custom === false ? "" : mockId(args.type, args.name, inputs),
                state: { ...inputs, ...computedState(args.type, args.name, inputs) },
            };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            const inputs = args.inputs as Record<string, unknown>;
            rec.calls.push({ token: args.token, args: inputs });
            return mockCall(args.token, inputs);
        },
    };
}

/** The mocks only see type, name and inputs: queue each request for them, and record what components register as outputs. */
function peekAtRequests(monitor: MockMonitor, rec: Recording): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        const key = `${req.getType()}::${req.getName()}`;
        rec.pendingByName.set(key, [...(rec.pendingByName.get(key) ?? []), req]);
        return register(req, cb);
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        const r = rec.byUrn.get(req.getUrn());
        if (r) {
            // Converted when read: the plan reads only the stack's, and a large program has a component per Service.
            let outputs: Record<string, unknown> | undefined;
            Object.defineProperty(r, "outputs", {
                get: () => (outputs ??= req.getOutputs()?.toJavaScript() ?? {}),
                enumerable: true,
                configurable: true,
            });
        }
        return registerOutputs(req, cb);
    };
}

/** The recording's read side. */
function engineOf(rec: Recording): MockEngine {
    const { resources, calls } = rec;
    return {
        resources,
        calls,
        ofType: (type) => resources.filter((r) => r.type === type),
        get(type, name) {
            const r = resources.find((x) => x.type === type && x.name === name);
            if (!r) throw new Error(`no ${type} named ${name}; have: ${resources.map((x) => `${x.type}::${x.name}`).join(", ")}`);
            return r;
        },
        byUrn(urn) {
            const r = rec.byUrn.get(urn);
            if (!r) throw new Error(`no resource with URN ${urn}`);
            return r;
        },
        async settle() {
            // Registrations can start more registrations; wait until the queue stays empty.
            let count = -1;
            while (count !== resources.length + calls.length) {
                count = resources.length + calls.length;
                await new Promise((resolve) => setTimeout(resolve, 20));
                await (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs?.();
            }
        },
    };
}

/**
 * Installs Pulumi's mock engine with recording. Call before importing the code under test or the
 * program; each process gets one engine (Pulumi's runtime state is global).
 */
export function startMockEngine(options: MockEngineOptions = {}): MockEngine {
    const rec: Recording = { resources: [], byUrn: new Map(), calls: [], pendingByName: new Map() };
    for (const [key, value] of Object.entries(options.config ?? {})) pulumi.runtime.setConfig(key, value);
    void pulumi.runtime.setMocks(
        // `monitor` is set below; the mocks only call back later, once resources register.
        recordingMocks(rec, (parent, type, name) => monitor.newUrn(parent, type, name)),
        options.project ?? "ack-knative-eci",
        options.stack ?? "dev",
        options.preview ?? false,
    );
    // Created by setMocks above.
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor;
    peekAtRequests(monitor, rec);
    return engineOf(rec);
}
