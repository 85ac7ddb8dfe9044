// What the local Alibaba Cloud reports of itself (`GET /_local/state`, `/_local/requests`, `/_local/violations`),
// and a client for its test endpoints. The server is tests/local-cloud; these types follow its JSON.
import * as https from "node:https";

export interface NodeState {
    instance_id: string;
    node_name: string;
    ip: string;
    zone_id: string;
    instance_type: string;
}

export interface NodePoolState {
    nodepool_id: string;
    name: string;
    state: string;
    desired_size: number;
    instance_types: string[];
    vswitch_ids: string[];
    labels?: { key: string; value: string }[];
    taints?: { key: string; value?: string; effect: string }[];
    nodes: NodeState[];
}

export interface AddonState {
    name: string;
    version: string;
    config: string;
    state: string;
}

export interface ClusterState {
    cluster_id: string;
    name: string;
    state: string;
    cluster_spec: string;
    vpc_id: string;
    vswitch_ids: string[];
    security_group_id: string;
    node_pools: NodePoolState[];
    addons: AddonState[];
}

export interface TaskState {
    task_id: string;
    state: string;
    type: string;
    cluster_id: string;
    resource: string;
    agent: boolean;
    message?: string;
}

export interface CloudState {
    region: string;
    vswitches: { id: string; vpc_id: string; zone_id: string; cidr_block: string }[];
    clusters: ClusterState[];
    tasks: TaskState[];
    /** How many resources of each kind exist (and how many CS tasks it has run, under `tasks`). */
    counts: Record<string, number>;
}

export interface RequestRecord {
    product: string;
    action: string;
    method: string;
    path: string;
    status: number;
    code?: string;
    message?: string;
}

/** A fault the next matching calls meet (tests/local-cloud/README.md). */
export interface Fault {
    action: string;
    kind: "throttle" | "server-error" | "fail-task" | "slow" | "in-use";
    count?: number;
    message?: string;
    seconds?: number;
}

/** The local cloud's test endpoints at `https://<endpoint>/_local/…`, trusting its CA. */
export class CloudClient {
    constructor(
        readonly endpoint: string,
        private readonly ca: string,
    ) {}

    private request<T>(method: string, path: string, body?: unknown): Promise<T> {
        const [host, port] = this.endpoint.split(":");
        const data = body === undefined ? undefined : JSON.stringify(body);
        return new Promise((resolve, reject) => {
            const req = https.request(
                { host, port: Number(port), path, method, ca: this.ca, headers: data ? { "content-type": "application/json" } : {} },
                (res) => {
                    let text = "";
                    res.on("data", (c: Buffer) => (text += c.toString()));
                    res.on("end", () => {
                        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
                        else resolve((text ? JSON.parse(text) : undefined) as T);
                    });
                },
            );
            req.on("error", reject);
            req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer in 10 s`)));
            req.end(data);
        });
    }

    state(): Promise<CloudState> {
        return this.request("GET", "/_local/state");
    }
    requests(): Promise<RequestRecord[]> {
        return this.request("GET", "/_local/requests");
    }
    /** Requests refused because Alibaba's request model does not know a parameter, its type, or missed a required one. */
    violations(): Promise<RequestRecord[]> {
        return this.request("GET", "/_local/violations");
    }
    completeTask(taskId: string, outcome: { state: "success" } | { state: "failed"; message: string }): Promise<void> {
        return this.request("POST", `/_local/tasks/${encodeURIComponent(taskId)}`, outcome);
    }
    fault(f: Fault): Promise<void> {
        return this.request("POST", "/_local/faults", f);
    }
    /** What a user does in the ACK console (or `aliyun cs POST /clusters/{id}/components/uninstall`): uninstalls add-ons. */
    uninstallAddons(clusterId: string, names: string[]): Promise<{ task_id: string }> {
        return this.request(
            "POST",
            `/clusters/${encodeURIComponent(clusterId)}/components/uninstall`,
            names.map((name) => ({ name })),
        );
    }
    clearFaults(): Promise<void> {
        return this.request("DELETE", "/_local/faults");
    }
}

/** Resources of any kind the cloud still holds, as `kind: n` (empty when nothing is left). Tasks are history, not resources. */
export function leftovers(state: CloudState): string[] {
    return Object.entries(state.counts)
        .filter(([kind, n]) => kind !== "tasks" && n > 0)
        .map(([kind, n]) => `${kind}: ${n}`);
}
