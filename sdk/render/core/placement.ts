import type { Affinity, NodeSelectorTerm, Taint, Toleration } from "./k8sTypes";

/**
 * Where a Knative Service's pods may run. Pass the constant (`Placement.Eci`) or the plain string
 * (`"eci"`).
 *
 * - `eci`: only on ECI (the guide's 方式一 without a namespace label): required node affinity on
 *   the virtual node's label plus a toleration of its taint.
 * - `eci-namespace`: on ECI through a namespace labeled `virtual-node-affinity-injection=enabled`;
 *   the Service carries only the ECI annotations and ACK's admission webhook injects the rest.
 * - `ecs-and-eci`: on labeled ECS nodes or on ECI, the scheduler's choice (the guide's 方式二).
 * - `ecs-first`: on labeled ECS nodes first, overflowing to ECI (ACK ResourcePolicy, or preferred
 *   node affinity where ResourcePolicy is not available).
 * - `ecs`: only on labeled ECS nodes, never on ECI.
 */
export const Placement = {
    Eci: "eci",
    EciNamespace: "eci-namespace",
    EcsAndEci: "ecs-and-eci",
    EcsFirst: "ecs-first",
    Ecs: "ecs",
} as const;
export type Placement = (typeof Placement)[keyof typeof Placement];

export const PLACEMENTS: readonly Placement[] = Object.values(Placement);

/** True for placements whose pods may land on ECI, where ECI's restrictions apply. */
export function mayRunOnEci(placement: Placement): boolean {
    return placement !== Placement.Ecs;
}

/** True for placements whose pods may land on the labeled ECS nodes. */
export function mayRunOnEcs(placement: Placement): boolean {
    return placement === Placement.EcsAndEci || placement === Placement.EcsFirst || placement === Placement.Ecs;
}

/** A `key=value` node label. */
export interface NodeLabel {
    key: string;
    value: string;
}

/** How the ECS nodes and the ECI virtual node are recognised. Defaults are the guide's. */
export interface PlacementTargets {
    /** Label carried by the ECS nodes that may run pods. @default resource-role=ecs */
    ecsNodeLabel: NodeLabel;
    /** Label carried by the ECI virtual node. @default type=virtual-kubelet */
    virtualNodeLabel: NodeLabel;
    /** Taint on the ECI virtual node. @default virtual-kubelet.io/provider=alibabacloud:NoSchedule */
    virtualNodeTaint: Taint;
}

export const DEFAULT_ECS_NODE_LABEL: NodeLabel = { key: "resource-role", value: "ecs" };
export const DEFAULT_VIRTUAL_NODE_LABEL: NodeLabel = { key: "type", value: "virtual-kubelet" };
export const DEFAULT_VIRTUAL_NODE_TAINT: Taint = {
    key: "virtual-kubelet.io/provider",
    value: "alibabacloud",
    effect: "NoSchedule",
};

export const DEFAULT_TARGETS: PlacementTargets = {
    ecsNodeLabel: DEFAULT_ECS_NODE_LABEL,
    virtualNodeLabel: DEFAULT_VIRTUAL_NODE_LABEL,
    virtualNodeTaint: DEFAULT_VIRTUAL_NODE_TAINT,
};

/** The namespace label that makes ACK's webhook send a namespace's pods to ECI (the guide's). */
export const ECI_INJECTION_LABEL: NodeLabel = { key: "virtual-node-affinity-injection", value: "enabled" };
/** The current, highest-priority ECI label (pod or namespace) in ACK's docs. */
export const ECI_LABEL: NodeLabel = { key: "alibabacloud.com/eci", value: "true" };

/** What a placement adds to the revision's pod spec. */
export interface PlacementPodFields {
    affinity?: Affinity;
    tolerations?: Toleration[];
}

function termFor(label: NodeLabel): NodeSelectorTerm {
    return { matchExpressions: [{ key: label.key, operator: "In", values: [label.value] }] };
}

function required(terms: NodeSelectorTerm[]): Affinity {
    return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
}

/**
 * The toleration of the virtual node's taint. The guide tolerates the key with `Exists` and no effect,
 * which matches any value and effect the virtual kubelet uses.
 */
export function virtualNodeToleration(targets: PlacementTargets): Toleration {
    return { key: targets.virtualNodeTaint.key, operator: "Exists" };
}

/**
 * Node affinity and tolerations for a placement, exactly as the guide writes them. `preferEcs` adds
 * a preferred ECS term for `ecs-first` without ResourcePolicy.
 */
export function renderPlacement(placement: Placement, targets: PlacementTargets = DEFAULT_TARGETS, preferEcs = false): PlacementPodFields {
    switch (placement) {
        case Placement.Eci:
            return {
                affinity: required([termFor(targets.virtualNodeLabel)]),
                tolerations: [virtualNodeToleration(targets)],
            };
        case Placement.EciNamespace:
            // The namespace label makes ACK's webhook inject affinity and toleration at admission.
            return {};
        case Placement.EcsAndEci:
            // Two terms are ORed: a pod may land on a labeled ECS node or on the virtual node.
            return {
                affinity: required([termFor(targets.ecsNodeLabel), termFor(targets.virtualNodeLabel)]),
                tolerations: [virtualNodeToleration(targets)],
            };
        case Placement.EcsFirst: {
            // ECS or ECI as in ecs-and-eci; the order comes from a ResourcePolicy or a preference.
            const affinity = required([termFor(targets.ecsNodeLabel), termFor(targets.virtualNodeLabel)]);
            if (preferEcs && affinity.nodeAffinity) {
                affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = [
                    { weight: 100, preference: termFor(targets.ecsNodeLabel) },
                ];
            }
            return { affinity, tolerations: [virtualNodeToleration(targets)] };
        }
        case Placement.Ecs:
            return { affinity: required([termFor(targets.ecsNodeLabel)]) };
    }
}
