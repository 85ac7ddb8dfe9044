import type { StringMap, Taint } from "../../sdk/render/core/k8sTypes";
import { DEFAULT_VIRTUAL_NODE_LABEL, DEFAULT_VIRTUAL_NODE_TAINT } from "../../sdk/render/core/placement";
import { ECI_PROFILE, VIRTUAL_NODE_ADDON } from "../../sdk/render/virtualNode/virtualNode";
import type { RecordedResource } from "../engine/mockEngine";
import {
    ADDON_TYPE,
    CONFIG_MAP_PATCH_TYPE,
    KSVC_TYPE,
    NAMESPACE_PATCH_TYPE,
    NAMESPACE_TYPE,
    NODE_PATCH_TYPE,
    NODE_POOL_TYPE,
} from "../resourceTypes";
import { compare, obj, printable, str, stringMap } from "./printable";
import { eciInjectionReason, type Fit, fits, injectEci, type PodScheduling, type SchedulingNode } from "./scheduling";

/**
 * The placement table: for each declared Knative Service, which declared nodes its pods may be
 * scheduled on, computed from the rendered pod spec with Kubernetes' matching rules.
 */

const NAMESPACE_TYPES = [NAMESPACE_TYPE, NAMESPACE_PATCH_TYPE];

export type NodeKind = "ECS node pool" | "ECS node" | "ECI virtual node";

export interface DeclaredNode extends SchedulingNode {
    kind: NodeKind;
    /** The Pulumi resource that declares it. */
    resource: string;
}

export interface NodeFit {
    node: DeclaredNode;
    fit: Fit;
}

export interface ServicePlacement {
    /** `namespace/name`. */
    service: string;
    /** The Pulumi resource name of the ksvc. */
    resource: string;
    /** Why ACK's webhook sends the pods to ECI, when it does. */
    injection?: string;
    fits: NodeFit[];
    /** Whether ACK's virtual node admits the pods, declared in the program or not (an adopted cluster's). */
    mayRunOnEci: boolean;
}

export interface PlacementTable {
    nodes: DeclaredNode[];
    services: ServicePlacement[];
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function taints(value: unknown): Taint[] {
    if (!Array.isArray(value)) return [];
    return value.map(obj).map((t) => ({
        key: str(t.key) ?? "",
        ...(str(t.value) ? { value: str(t.value) } : {}),
        // ACK applies NoSchedule when a node pool taint names no effect.
        effect: (EFFECTS.includes(str(t.effect) ?? "") ? t.effect : "NoSchedule") as Taint["effect"],
    }));
}

function poolLabels(value: unknown): StringMap {
    if (!Array.isArray(value)) return {};
    return Object.fromEntries(value.map(obj).flatMap((l) => (str(l.key) ? [[str(l.key), str(l.value) ?? ""]] : [])));
}

/** The node ack-virtual-node registers: its label and taint. */
const VIRTUAL_NODE: SchedulingNode = {
    name: "virtual-kubelet",
    labels: { [DEFAULT_VIRTUAL_NODE_LABEL.key]: DEFAULT_VIRTUAL_NODE_LABEL.value },
    taints: [DEFAULT_VIRTUAL_NODE_TAINT],
};

function declaredNode(r: RecordedResource): DeclaredNode | undefined {
    const inputs = obj(printable(r.inputs));
    const resource = `${r.name} (${r.type})`;
    if (r.type === NODE_POOL_TYPE) {
        const name = str(inputs.nodePoolName) ?? str(inputs.name) ?? r.name;
        return { kind: "ECS node pool", resource, name, labels: poolLabels(inputs.labels), taints: taints(inputs.taints) };
    }
    if (r.type === NODE_PATCH_TYPE) {
        const meta = obj(inputs.metadata);
        const name = str(meta.name) ?? r.name;
        return { kind: "ECS node", resource, name, labels: stringMap(meta.labels), taints: taints(obj(inputs.spec).taints) };
    }
    if (r.type === ADDON_TYPE && inputs.name === VIRTUAL_NODE_ADDON) {
        return { kind: "ECI virtual node", resource, ...VIRTUAL_NODE };
    }
    return undefined;
}

/**
 * The cluster's own ECI virtual node, when the program adopts its add-on and only writes `kube-system/eci-profile`
 * (a `VirtualNode` with `install: false`): the node exists, with ack-virtual-node's label and taint.
 */
function adoptedVirtualNode(resources: RecordedResource[], declared: DeclaredNode[]): DeclaredNode | undefined {
    if (declared.some((n) => n.kind === "ECI virtual node")) return undefined;
    const profile = resources.find((r) => {
        const meta = obj(obj(printable(r.inputs)).metadata);
        return r.type === CONFIG_MAP_PATCH_TYPE && meta.name === ECI_PROFILE.name && meta.namespace === ECI_PROFILE.namespace;
    });
    return profile ? { kind: "ECI virtual node", resource: `${profile.name} (${profile.type})`, ...VIRTUAL_NODE } : undefined;
}

const KIND_ORDER: NodeKind[] = ["ECS node pool", "ECS node", "ECI virtual node"];

/** Labels of every declared namespace, merged across `Namespace` and `NamespacePatch` resources. */
function namespaceLabels(resources: RecordedResource[]): Map<string, StringMap> {
    const out = new Map<string, StringMap>();
    for (const r of resources.filter((x) => NAMESPACE_TYPES.includes(x.type))) {
        const meta = obj(obj(printable(r.inputs)).metadata);
        const name = str(meta.name) ?? r.name;
        out.set(name, { ...out.get(name), ...stringMap(meta.labels) });
    }
    return out;
}

export function buildPlacementTable(resources: RecordedResource[]): PlacementTable {
    const declared = resources.map(declaredNode).filter((n): n is DeclaredNode => n !== undefined);
    const nodes = [...declared, adoptedVirtualNode(resources, declared)]
        .filter((n): n is DeclaredNode => n !== undefined)
        .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.name, b.name));
    const namespaces = namespaceLabels(resources);
    const services = resources
        .filter((r) => r.type === KSVC_TYPE)
        .map((r): ServicePlacement => {
            const inputs = obj(printable(r.inputs));
            const meta = obj(inputs.metadata);
            const namespace = str(meta.namespace) ?? "default";
            const template = obj(obj(inputs.spec).template);
            const spec = obj(template.spec);
            const declared: PodScheduling = {
                nodeSelector: stringMap(spec.nodeSelector),
                affinity: obj(spec.affinity) as PodScheduling["affinity"],
                tolerations: Array.isArray(spec.tolerations) ? (spec.tolerations as PodScheduling["tolerations"]) : [],
            };
            const injection = eciInjectionReason(namespaces.get(namespace), stringMap(obj(template.metadata).labels));
            const pod = injection ? injectEci(declared) : declared;
            return {
                service: `${namespace}/${str(meta.name) ?? r.name}`,
                resource: r.name,
                ...(injection ? { injection } : {}),
                fits: nodes.map((node) => ({ node, fit: fits(pod, node) })),
                mayRunOnEci: fits(pod, VIRTUAL_NODE).fits,
            };
        })
        .sort((a, b) => compare(a.service, b.service) || compare(a.resource, b.resource));
    return { nodes, services };
}
