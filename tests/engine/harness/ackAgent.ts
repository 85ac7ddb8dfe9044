// The local Alibaba Cloud's ACK side, in the real control plane: what ACK does inside a cluster when the cloud API
// changes it. The cloud (tests/local-cloud) keeps each such task `running` until this agent has made the cluster
// match the cloud's state, then the agent completes it:
// - a node pool's nodes are Node objects (kwok keeps them Ready) with the pool's labels and taints, its id, the
//   instance type and zone, named `<region>.<private ip>` as ACK names them;
// - the `ack-virtual-node` add-on brings the virtual node (`type=virtual-kubelet`, its taint) and kube-system/eci-profile;
// - the `knative` add-on brings Knative Serving's CRDs, the knative-serving namespace and config-features, Knative's
//   own admission webhook (knativeWebhook.ts) and the engine lane's Knative stand-in (knativeStandIn.ts);
// - an ACK Pro cluster serves ACK's ResourcePolicy kind (scheduling.alibabacloud.com/v1alpha1), so a stack can store
//   one; its schema here accepts any spec, and ACK's scheduler extension that acts on it does not run here;
// - a deleted node pool, add-on or cluster takes all of that away again.
import * as path from "node:path";
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };
import { eciProfile, knativeCrdDocuments, knativeFeaturesDocument } from "./ackFixtures";
import type { CloudClient, CloudState, ClusterState, NodePoolState } from "./cloudState";
import { isConflict, isNotFound, type Kube } from "./kube";
import { KnativeStandIn } from "./knativeStandIn";
import { KnativeWebhook } from "./knativeWebhook";
import { Loop } from "./loop";

/** Nodes this agent made carry this annotation (and kwok's, so kwok keeps them Ready). */
const MANAGED = "local-alicloud/managed";
const KWOK = "kwok.x-k8s.io/node";
const NODEPOOL_LABEL = "alibabacloud.com/nodepool-id";
const VIRTUAL_NODE_ADDON = "ack-virtual-node";
const KNATIVE_ADDON = "knative";
const WEBHOOK_CONFIGS = [
    ["MutatingWebhookConfiguration", "webhook.serving.knative.dev"],
    ["ValidatingWebhookConfiguration", "validation.webhook.serving.knative.dev"],
] as const;
/** After this many failed rounds in a row the agent fails the tasks waiting on it, with the last error. */
const FAILED_ROUNDS_LIMIT = 40;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** vCPUs by an ECS instance type's size, and GiB per vCPU by its family (ECS's naming: c 1:2, g 1:4, r 1:8). */
export function instanceCapacity(instanceType: string): Record<string, string> {
    const size = instanceType.split(".").pop() ?? "";
    const cpu = { large: 2, xlarge: 4, "2xlarge": 8, "3xlarge": 12, "4xlarge": 16, "8xlarge": 32 }[size] ?? 4;
    const family = instanceType.split(".")[1] ?? "";
    const ratio = /m(\d+)$/.exec(family.split("-")[1] ?? "")?.[1] ?? { c: "2", g: "4", r: "8" }[family[0]] ?? "4";
    return { cpu: String(cpu), memory: `${cpu * Number(ratio)}Gi`, pods: "64", "ephemeral-storage": "100Gi" };
}

function poolNodes(region: string, pool: NodePoolState): K8s.V1Node[] {
    return pool.nodes.map((n) => {
        const capacity = instanceCapacity(n.instance_type);
        const labels: Record<string, string> = {
            "kubernetes.io/hostname": n.node_name,
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "topology.kubernetes.io/region": region,
            "topology.kubernetes.io/zone": n.zone_id,
            "node.kubernetes.io/instance-type": n.instance_type,
            [NODEPOOL_LABEL]: pool.nodepool_id,
        };
        for (const l of pool.labels ?? []) labels[l.key] = l.value;
        const taints = (pool.taints ?? []).map((t) => ({ key: t.key, value: t.value || undefined, effect: t.effect }));
        return {
            apiVersion: "v1",
            kind: "Node",
            metadata: { name: n.node_name, annotations: { [KWOK]: "fake", [MANAGED]: "true" }, labels },
            spec: { taints, providerID: `${region}.${n.instance_id}` },
            status: { capacity, allocatable: capacity, addresses: [{ type: "InternalIP", address: n.ip }] },
        };
    });
}

/** The virtual node ack-virtual-node registers, one per zone of the cluster's vSwitches (current add-on naming). */
function virtualNode(region: string, zone: string): K8s.V1Node {
    const capacity = { cpu: "16", memory: "64Gi", pods: "200", "ephemeral-storage": "500Gi" };
    const name = `virtual-kubelet-${zone}`;
    return {
        apiVersion: "v1",
        kind: "Node",
        metadata: {
            name,
            annotations: { [KWOK]: "fake", [MANAGED]: "true" },
            labels: {
                "kubernetes.io/hostname": name,
                type: "virtual-kubelet",
                "kubernetes.io/role": "agent",
                "topology.kubernetes.io/region": region,
                "topology.kubernetes.io/zone": zone,
            },
        },
        spec: { taints: [{ key: "virtual-kubelet.io/provider", value: "alibabacloud", effect: "NoSchedule" }] },
        status: { capacity, allocatable: capacity },
    };
}

/** ACK Pro's ResourcePolicy kind, served with a schema that keeps any spec (ACK publishes none to copy). */
function resourcePolicyCrd(): K8s.V1CustomResourceDefinition {
    return {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: "resourcepolicies.scheduling.alibabacloud.com" },
        spec: {
            group: "scheduling.alibabacloud.com",
            scope: "Namespaced",
            names: { kind: "ResourcePolicy", plural: "resourcepolicies", singular: "resourcepolicy", listKind: "ResourcePolicyList" },
            versions: [
                {
                    name: "v1alpha1",
                    served: true,
                    storage: true,
                    schema: { openAPIV3Schema: { type: "object", x_kubernetes_preserve_unknown_fields: true } },
                },
            ],
        },
    };
}

function zoneOf(state: CloudState, vswitchId: string): string | undefined {
    return state.vswitches.find((s) => s.id === vswitchId)?.zone_id;
}

export interface AgentOptions {
    /** knative.dev/serving in the Go module cache: its CRDs and config-features. */
    knativeServingDir: string;
    /** The control plane's admin kubeconfig file, for Knative's webhook. */
    kubeconfigFile: string;
    /** Where the webhook writes its log. */
    logDir: string;
}

export class AckAgent {
    private loop?: Loop;
    private webhook?: KnativeWebhook;
    private standIn?: KnativeStandIn;
    private failedRounds = 0;
    /** The last error of a failed round, for a test's message. */
    lastError = "";

    constructor(
        private readonly kube: Kube,
        private readonly cloud: CloudClient,
        private readonly options: AgentOptions,
    ) {}

    /** The Knative stand-in, while the knative add-on is installed. */
    get knativeStandIn(): KnativeStandIn | undefined {
        return this.standIn;
    }

    start(intervalMs = 500): void {
        this.loop = new Loop(() => this.round(), intervalMs);
        this.loop.start();
    }

    async stop(): Promise<void> {
        await this.loop?.stop();
        await this.stopKnative();
    }

    /** One reconciliation; tasks waiting on the agent complete when it succeeds, and fail when it keeps failing. */
    private async round(): Promise<void> {
        let state: CloudState;
        try {
            state = await this.cloud.state();
        } catch {
            return; // the cloud is starting or stopping
        }
        const waiting = state.tasks.filter((t) => t.agent && t.state === "running");
        try {
            await this.reconcile(state);
            this.failedRounds = 0;
            for (const t of waiting) await this.cloud.completeTask(t.task_id, { state: "success" });
        } catch (e) {
            this.lastError = String((e as { body?: { message?: string } })?.body?.message ?? e);
            if (++this.failedRounds < FAILED_ROUNDS_LIMIT) return;
            for (const t of waiting) await this.cloud.completeTask(t.task_id, { state: "failed", message: this.lastError });
        }
    }

    private async reconcile(state: CloudState): Promise<void> {
        const live = state.clusters.filter((c) => !["deleting", "deleted", "failed", "delete_failed"].includes(c.state));
        const wanted = new Map<string, K8s.V1Node>();
        for (const c of live) {
            for (const pool of c.node_pools) for (const n of poolNodes(state.region, pool)) wanted.set(n.metadata!.name!, n);
            if (hasAddon(c, VIRTUAL_NODE_ADDON)) {
                const zones = new Set(c.vswitch_ids.map((v) => zoneOf(state, v)).filter((z): z is string => !!z));
                for (const z of zones) wanted.set(`virtual-kubelet-${z}`, virtualNode(state.region, z));
            }
        }
        await this.syncNodes(wanted);
        const withVirtualNode = live.find((c) => hasAddon(c, VIRTUAL_NODE_ADDON));
        await this.syncEciProfile(withVirtualNode);
        if (live.some((c) => hasAddon(c, KNATIVE_ADDON))) await this.ensureKnative();
        else await this.removeKnative();
        await this.syncResourcePolicyKind(live.some((c) => c.cluster_spec.startsWith("ack.pro")));
    }

    private async syncResourcePolicyKind(wanted: boolean): Promise<void> {
        const crd = resourcePolicyCrd();
        if (wanted) await ignoreConflict(this.kube.extensions.createCustomResourceDefinition({ body: crd }));
        else await ignoreMissing(this.kube.extensions.deleteCustomResourceDefinition({ name: crd.metadata!.name! }));
    }

    private async syncNodes(wanted: Map<string, K8s.V1Node>): Promise<void> {
        const existing = (await this.kube.core.listNode()).items.filter((n) => n.metadata?.annotations?.[MANAGED] === "true");
        for (const n of existing) {
            if (!wanted.has(n.metadata!.name!)) await ignoreMissing(this.kube.core.deleteNode({ name: n.metadata!.name! }));
        }
        const names = new Set(existing.map((n) => n.metadata!.name!));
        for (const [name, node] of wanted) {
            if (!names.has(name)) await ignoreConflict(this.kube.core.createNode({ body: node }));
        }
    }

    /** kube-system/eci-profile as ack-virtual-node writes it: the cluster's VPC, vSwitches and security group. */
    private async syncEciProfile(cluster: ClusterState | undefined): Promise<void> {
        const read = await this.kube.core.readNamespacedConfigMap({ name: "eci-profile", namespace: "kube-system" }).catch((e) => {
            if (isNotFound(e)) return undefined;
            throw e;
        });
        if (!cluster) {
            if (read) await ignoreMissing(this.kube.core.deleteNamespacedConfigMap({ name: "eci-profile", namespace: "kube-system" }));
            return;
        }
        if (read) return;
        const profile = eciProfile();
        profile.data = {
            ...profile.data,
            vpcId: cluster.vpc_id,
            vSwitchIds: cluster.vswitch_ids.join(","),
            securityGroupId: cluster.security_group_id,
        };
        await ignoreConflict(this.kube.core.createNamespacedConfigMap({ namespace: "kube-system", body: profile }));
    }

    private async ensureKnative(): Promise<void> {
        if (this.webhook?.running() && this.standIn) return;
        const { knativeServingDir } = this.options;
        for (const doc of knativeCrdDocuments(knativeServingDir)) await this.applyAll(doc);
        await ignoreConflict(this.kube.core.createNamespace({ body: { metadata: { name: "knative-serving" } } }));
        await this.applyAll(knativeFeaturesDocument(knativeServingDir));
        await this.waitForServicesCrd();
        this.webhook ??= await KnativeWebhook.start(
            this.kube,
            this.options.kubeconfigFile,
            path.join(this.options.logDir, "knative-webhook.log"),
        );
        if (!this.standIn) {
            this.standIn = new KnativeStandIn(this.kube);
            this.standIn.start();
        }
    }

    private async removeKnative(): Promise<void> {
        const crd = await this.kube.extensions.readCustomResourceDefinition({ name: "services.serving.knative.dev" }).catch((e) => {
            if (isNotFound(e)) return undefined;
            throw e;
        });
        if (!crd && !this.webhook) return;
        await this.stopKnative();
        for (const [kind, name] of WEBHOOK_CONFIGS) {
            await ignoreMissing(this.kube.objects.delete({ apiVersion: "admissionregistration.k8s.io/v1", kind, metadata: { name } }));
        }
        for (const doc of knativeCrdDocuments(this.options.knativeServingDir)) {
            for (const obj of this.kube.k8s.loadAllYaml(doc)) if (obj) await ignoreMissing(this.kube.objects.delete(obj));
        }
        await ignoreMissing(this.kube.core.deleteNamespace({ name: "knative-serving" }));
    }

    private async stopKnative(): Promise<void> {
        await this.standIn?.stop();
        this.standIn = undefined;
        await this.webhook?.stop();
        this.webhook = undefined;
    }

    private async applyAll(doc: string): Promise<void> {
        for (const obj of this.kube.k8s.loadAllYaml(doc)) if (obj) await ignoreConflict(this.kube.objects.create(obj));
    }

    private async waitForServicesCrd(): Promise<void> {
        for (let i = 0; i < 120; i++) {
            const crd = await this.kube.extensions.readCustomResourceDefinition({ name: "services.serving.knative.dev" });
            if (crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) return;
            await sleep(250);
        }
        throw new Error("Knative's services CRD was not Established within 30 s");
    }
}

function hasAddon(cluster: ClusterState, name: string): boolean {
    return cluster.addons.some((a) => a.name === name && !/uninstall|delet/i.test(a.state));
}

async function ignoreMissing(p: Promise<unknown>): Promise<void> {
    await p.catch((e) => {
        if (!isNotFound(e)) throw e;
    });
}

async function ignoreConflict(p: Promise<unknown>): Promise<void> {
    await p.catch((e) => {
        if (!isConflict(e)) throw e;
    });
}
