import type { Checker } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";
import { mayRunOnEci, Placement } from "../core/placement";
import { renderEciSpecs } from "./eciSpecs";

// ACK Knative's reserved instances (Alibaba Cloud, "Configure reserved instances for Knative Services
// to reduce cold start latency"): instead of scaling to zero, ACK keeps a small, cheaper pod running;
// the first request after idle goes to it while standard pods start, and it is released once they are
// ready. Set by revision-template annotations that ACK's Knative reads; community Knative ignores them.

export const RESERVE_ANNOTATIONS = {
    enabled: "knative.aliyun.com/reserve-instance",
    type: "knative.aliyun.com/reserve-instance-type",
    replicas: "knative.aliyun.com/reserve-instance-replicas",
    eciSpecs: "knative.aliyun.com/reserve-instance-eci-use-specs",
} as const;

/** Where a reserved instance runs (ACK also offers `acs`, which this package does not place pods on). */
export const ReservedInstanceType = { Eci: "eci", Ecs: "ecs" } as const;
export type ReservedInstanceType = (typeof ReservedInstanceType)[keyof typeof ReservedInstanceType];

/** A reserved instance kept warm instead of scaling to zero. */
export interface ReservedInstanceArgs {
    /** `"eci"` (an ECI pod, needs a placement that may use ECI) or `"ecs"` (a pod on the ECS nodes). @default "eci" */
    type?: ReservedInstanceType;
    /**
     * ECI specs of the reserved pod, tried in order (at most 5): ECS types such as `"ecs.t6-c1m1.large"` or
     * `"<vCPU>-<mem>Gi"`. Only with type "eci". @default ACK's: the cheapest burstable types of at least 1 vCPU and 2 GiB
     */
    eciSpecs?: string[];
    /** Reserved pods kept while idle. @default 1 */
    replicas?: number;
}

/** Validates `reservedInstance` and renders its revision-template annotations. */
export function renderReservedInstance(c: Checker, placement: Placement, r: ReservedInstanceArgs | undefined): StringMap {
    if (r === undefined) return {};
    const type = r.type ?? ReservedInstanceType.Eci;
    c.oneOf(r.type, "reservedInstance.type", Object.values(ReservedInstanceType));
    if (type === ReservedInstanceType.Eci)
        c.check(
            mayRunOnEci(placement),
            "reservedInstance.type",
            type,
            `expected "ecs" with placement "${placement}", whose pods never run on ECI`,
        );
    else
        c.check(
            placement !== Placement.Eci && placement !== Placement.EciNamespace,
            "reservedInstance.type",
            type,
            `expected "eci" with placement "${placement}", whose pods never run on ECS nodes`,
        );
    c.integer(r.replicas, "reservedInstance.replicas", 1, 100);
    const out: StringMap = { [RESERVE_ANNOTATIONS.enabled]: "enable", [RESERVE_ANNOTATIONS.type]: type };
    if (r.replicas !== undefined) out[RESERVE_ANNOTATIONS.replicas] = String(r.replicas);
    if (r.eciSpecs !== undefined) {
        c.check(type === ReservedInstanceType.Eci, "reservedInstance.eciSpecs", r.eciSpecs, 'expected ECI specs only with type "eci"');
        out[RESERVE_ANNOTATIONS.eciSpecs] = renderEciSpecs(c, "reservedInstance.eciSpecs", r.eciSpecs);
    }
    return out;
}
