import type { Affinity, NodeSelectorRequirement, NodeSelectorTerm, StringMap, Taint, Toleration } from "../../sdk/render/core/k8sTypes";
import {
    DEFAULT_TARGETS,
    ECI_INJECTION_LABEL,
    ECI_LABEL,
    Placement,
    type PlacementTargets,
    renderPlacement,
} from "../../sdk/render/core/placement";

/**
 * Kubernetes' scheduling predicates that decide whether a pod may land on a node, as plain functions:
 * node selector, required node affinity and taints/tolerations (the rules of kube-scheduler's
 * NodeAffinity and TaintToleration plugins), plus the pod mutation ACK's ECI webhook applies to
 * labeled namespaces. No Pulumi in here.
 */

/** A node (or every node of a pool) as far as scheduling is concerned. */
export interface SchedulingNode {
    /** `metadata.name`, matched by `matchFields` on `metadata.name`. */
    name: string;
    labels: StringMap;
    taints: Taint[];
}

/** The pod-spec fields that constrain placement. */
export interface PodScheduling {
    nodeSelector?: StringMap;
    affinity?: Affinity;
    tolerations?: Toleration[];
}

/** A node-field requirement (`matchFields`); Kubernetes only supports `metadata.name`. */
export interface NodeFieldRequirement {
    key: string;
    operator: NodeSelectorRequirement["operator"];
    values?: string[];
}

/** A term that may also carry `matchFields`, as Kubernetes allows. */
export type SchedulingTerm = NodeSelectorTerm & { matchFields?: NodeFieldRequirement[] };

const INTEGER = /^[+-]?[0-9]+$/;

/** Whether a value satisfies one requirement; `value` is undefined when the label is absent. */
function matchesValue(req: NodeSelectorRequirement | NodeFieldRequirement, value: string | undefined): boolean {
    const values = req.values ?? [];
    switch (req.operator) {
        case "In":
            return value !== undefined && values.includes(value);
        case "NotIn":
            return value === undefined || !values.includes(value);
        case "Exists":
            return value !== undefined;
        case "DoesNotExist":
            return value === undefined;
        case "Gt":
        case "Lt": {
            // Kubernetes requires exactly one integer value and an integer label; anything else fails.
            if (value === undefined || values.length !== 1 || !INTEGER.test(values[0]) || !INTEGER.test(value)) return false;
            const [label, bound] = [BigInt(value), BigInt(values[0])];
            return req.operator === "Gt" ? label > bound : label < bound;
        }
        default:
            return false;
    }
}

/** One `matchExpressions` requirement against node labels. */
export function matchesRequirement(req: NodeSelectorRequirement, labels: StringMap): boolean {
    return matchesValue(req, Object.prototype.hasOwnProperty.call(labels, req.key) ? labels[req.key] : undefined);
}

/** One term: its requirements are ANDed; a term with no requirements matches no node. */
export function matchesTerm(term: SchedulingTerm, node: SchedulingNode): boolean {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return (
        exprs.every((r) => matchesRequirement(r, node.labels)) &&
        fields.every((f) => matchesValue(f, f.key === "metadata.name" ? node.name : undefined))
    );
}

/** The terms are ORed: any matching term admits the node. */
export function matchesTerms(terms: SchedulingTerm[], node: SchedulingNode): boolean {
    return terms.some((t) => matchesTerm(t, node));
}

/** kube's `Toleration.ToleratesTaint`. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    switch (t.operator ?? "Equal") {
        case "Equal":
            return (t.value ?? "") === (taint.value ?? "");
        case "Exists":
            return true;
        default:
            return false;
    }
}

/** Taints that keep the pod off the node: `NoSchedule`/`NoExecute` ones no toleration tolerates. */
export function untoleratedTaints(tolerations: Toleration[], taints: Taint[]): Taint[] {
    return taints.filter((taint) => taint.effect !== "PreferNoSchedule" && !tolerations.some((t) => toleratesTaint(t, taint)));
}

export function formatTaint(t: Taint): string {
    return `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`;
}

function formatRequirement(r: NodeSelectorRequirement | NodeFieldRequirement): string {
    return r.values?.length ? `${r.key} ${r.operator} [${r.values.join(", ")}]` : `${r.key} ${r.operator}`;
}

export function formatTerm(term: SchedulingTerm): string {
    const parts = [...(term.matchExpressions ?? []), ...(term.matchFields ?? [])].map(formatRequirement);
    return parts.length ? parts.join(" AND ") : "(empty term)";
}

/** Whether the pod may be scheduled on the node and, if not, why (one reason per failed predicate). */
export interface Fit {
    fits: boolean;
    reasons: string[];
}

export function fits(pod: PodScheduling, node: SchedulingNode): Fit {
    const reasons: string[] = [];
    for (const [key, value] of Object.entries(pod.nodeSelector ?? {})) {
        if (node.labels[key] !== value) reasons.push(`nodeSelector ${key}=${value} does not match`);
    }
    const required = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required) {
        const terms = (required.nodeSelectorTerms ?? []) as SchedulingTerm[];
        if (!matchesTerms(terms, node)) {
            reasons.push(`required node affinity: no term matches (${terms.map((t) => `{${formatTerm(t)}}`).join(" OR ") || "no terms"})`);
        }
    }
    for (const taint of untoleratedTaints(pod.tolerations ?? [], node.taints)) {
        reasons.push(`taint ${formatTaint(taint)} is not tolerated`);
    }
    return { fits: reasons.length === 0, reasons };
}

/** Why ACK's webhook sends a pod to ECI, or undefined when it does not. */
export function eciInjectionReason(namespaceLabels: StringMap | undefined, podLabels: StringMap | undefined): string | undefined {
    const text = (l: { key: string; value: string }): string => `${l.key}=${l.value}`;
    // The current ECI label works on the pod itself; both labels work on the namespace.
    if (podLabels?.[ECI_LABEL.key] === ECI_LABEL.value) return `pod label ${text(ECI_LABEL)}`;
    for (const label of [ECI_LABEL, ECI_INJECTION_LABEL]) {
        if (namespaceLabels?.[label.key] === label.value) return `namespace label ${text(label)}`;
    }
    return undefined;
}

/**
 * The pod as admitted when ACK's webhook applies: the required node affinity becomes the virtual
 * node's and the virtual node's taint is tolerated, so the pod may only run on ECI. Other fields stay.
 */
export function injectEci(pod: PodScheduling, targets: PlacementTargets = DEFAULT_TARGETS): PodScheduling {
    const eci = renderPlacement(Placement.Eci, targets);
    const tolerations = [...(pod.tolerations ?? [])];
    for (const t of eci.tolerations ?? []) {
        if (!tolerations.some((x) => JSON.stringify(x) === JSON.stringify(t))) tolerations.push(t);
    }
    const nodeAffinity = { ...pod.affinity?.nodeAffinity, ...eci.affinity?.nodeAffinity };
    return { ...pod, affinity: { ...pod.affinity, nodeAffinity }, tolerations };
}
