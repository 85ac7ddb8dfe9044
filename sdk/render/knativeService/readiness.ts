// When `pulumi up` stops waiting for a Knative Service and what it then says. The provider waits (through
// `pulumi.com/waitFor`) until Knative has decided the Service's `Ready` condition for its current generation, True or
// False; the component then reads that verdict here and fails the update when Knative said False, with Knative's own
// reason. Without this, a revision that can never become Ready (pods no node admits, an image that cannot be pulled)
// keeps `up` waiting for the whole ready timeout and ends with the provider's "timed out waiting for the condition".
import { PackageError } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";

/**
 * Satisfied once the Service's `Ready` condition is True or False (not Unknown) for its current generation: the
 * provider's JSONPath await also waits until `status.observedGeneration` reaches `metadata.generation`.
 */
export const READY_DECIDED = 'jsonpath={.status.conditions[?(@.type=="Ready" && (@.status=="True" || @.status=="False"))].status}';

/** `pulumi.com/waitFor` and `pulumi.com/timeoutSeconds` for a Service awaited for up to `timeoutSeconds`. */
export function awaitReadyAnnotations(timeoutSeconds: number): StringMap {
    return { "pulumi.com/waitFor": READY_DECIDED, "pulumi.com/timeoutSeconds": String(timeoutSeconds) };
}

/** One entry of a Knative `status.conditions`. */
export interface KnativeCondition {
    type?: string;
    status?: string;
    reason?: string;
    message?: string;
}

/** The part of a Knative Service's status the verdict reads. */
export interface KnativeServiceStatus {
    observedGeneration?: number;
    conditions?: KnativeCondition[];
}

/** What Knative says about the Service: Ready, not Ready (with its reason), or not decided yet. */
export type Readiness =
    { state: "ready" } | { state: "failed"; reason: string; message: string } | { state: "pending"; reason?: string; message?: string };

/** Knative's verdict on the Service from its `Ready` condition. */
export function readiness(status: KnativeServiceStatus | undefined): Readiness {
    const ready = status?.conditions?.find((c) => c.type === "Ready");
    if (ready?.status === "True") return { state: "ready" };
    if (ready?.status === "False") {
        return { state: "failed", reason: ready.reason ?? "NotReady", message: ready.message ?? "(Knative gave no message)" };
    }
    return { state: "pending", reason: ready?.reason, message: ready?.message };
}

/** A Knative Service Knative reported not Ready; the CLI prints the sentence alone (PackageError). */
export class ServiceNotReadyError extends PackageError {
    constructor(
        /** Who awaited it, e.g. `KnativeService "hello"`. */
        readonly resource: string,
        /** `namespace/name` in the cluster. */
        readonly service: string,
        readonly reason: string,
        readonly detail: string,
    ) {
        super(
            `${resource}: Knative reports Service ${service} not Ready (${reason}): ${detail.replace(/\.?$/, ".")} ` +
                "Fix the cause and run pulumi up again; pulumi up --refresh re-reads the Service if the cause went away by itself.",
        );
        this.name = "ServiceNotReadyError";
    }
}

/** Throws `ServiceNotReadyError` when Knative decided the Service is not Ready; otherwise returns its readiness. */
export function checkReady(resource: string, service: string, status: KnativeServiceStatus | undefined): Readiness {
    const verdict = readiness(status);
    if (verdict.state === "failed") throw new ServiceNotReadyError(resource, service, verdict.reason, verdict.message);
    return verdict;
}
