// What Knative's revision reconciler reports when a revision's pods cannot run, for the Knative stand-in
// (knativeStandIn.ts). Knative (pkg/reconciler/revision/reconcile_resources.go) looks at the first pod of a
// Deployment that wants replicas but has none available; a PodScheduled=False condition marks the revision's
// ResourcesAvailable False with the scheduler's reason and message. The Configuration then reports
// `RevisionFailed: Revision "<name>" failed with message: <message>.` and the Service's Ready condition carries it.
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };

export interface RevisionFailure {
    reason: string;
    message: string;
}

/** The Service's failure for `revision`, from its Deployment and that Deployment's pods; undefined while it may still start. */
export function revisionFailure(revision: string, deployment: K8s.V1Deployment, pods: K8s.V1Pod[]): RevisionFailure | undefined {
    if ((deployment.spec?.replicas ?? 0) === 0 || (deployment.status?.availableReplicas ?? 0) > 0) return undefined;
    const first = pods[0];
    const unscheduled = first?.status?.conditions?.find((c) => c.type === "PodScheduled" && c.status === "False");
    if (!unscheduled) return undefined;
    return {
        reason: "RevisionFailed",
        message: `Revision "${revision}" failed with message: ${unscheduled.message ?? unscheduled.reason}.`,
    };
}

/** The label selector of a Deployment's pods, as the API's list call takes it. */
export function podSelector(deployment: K8s.V1Deployment): string {
    return Object.entries(deployment.spec?.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
}
