import type { NodeLabel } from "../core/placement";

/** The pod label Knative puts on every pod of a Service's revisions. */
export const KNATIVE_SERVICE_LABEL = "serving.knative.dev/service";

/** How `ecs-first` placement prefers ECS over ECI. */
export const EcsFirstStrategy = {
    /**
     * ACK's ResourcePolicy (ACK Pro, kube-scheduler): fill the ECS unit first, then ECI; scale in
     * in reverse order.
     */
    ResourcePolicy: "resource-policy",
    /**
     * Preferred node affinity towards ECS: a scoring preference only, so ECI may be picked while ECS
     * has room, and scale-in order is not guaranteed. For clusters without ResourcePolicy.
     */
    PreferredAffinity: "preferred-affinity",
} as const;
export type EcsFirstStrategy = (typeof EcsFirstStrategy)[keyof typeof EcsFirstStrategy];

/** Whether a placement is realised with an ACK ResourcePolicy (and so needs ACK Pro). */
export function usesResourcePolicy(placement: string, strategy: string | undefined): boolean {
    return placement === "ecs-first" && (strategy ?? EcsFirstStrategy.ResourcePolicy) === EcsFirstStrategy.ResourcePolicy;
}

/** `scheduling.alibabacloud.com/v1alpha1` ResourcePolicy, as ACK documents it. */
export interface ResourcePolicyObject {
    apiVersion: "scheduling.alibabacloud.com/v1alpha1";
    kind: "ResourcePolicy";
    metadata: { name: string; namespace: string };
    spec: {
        selector: Record<string, string>;
        strategy: "prefer";
        units: ({ resource: "ecs"; nodeSelector: Record<string, string>; max?: number } | { resource: "eci" })[];
    };
}

/**
 * The ResourcePolicy that sends a Knative Service's pods to ECS nodes first (at most `ecsMax` pods
 * there, when set) and to ECI after. It selects the pods by Knative's service label.
 */
export function renderResourcePolicy(
    serviceName: string,
    namespace: string,
    ecsNodeLabel: NodeLabel,
    ecsMax?: number,
): ResourcePolicyObject {
    const ecsUnit: { resource: "ecs"; nodeSelector: Record<string, string>; max?: number } = {
        resource: "ecs",
        nodeSelector: { [ecsNodeLabel.key]: ecsNodeLabel.value },
    };
    if (ecsMax !== undefined) ecsUnit.max = ecsMax;
    return {
        apiVersion: "scheduling.alibabacloud.com/v1alpha1",
        kind: "ResourcePolicy",
        metadata: { name: serviceName, namespace },
        spec: {
            selector: { [KNATIVE_SERVICE_LABEL]: serviceName },
            strategy: "prefer",
            units: [ecsUnit, { resource: "eci" }],
        },
    };
}
