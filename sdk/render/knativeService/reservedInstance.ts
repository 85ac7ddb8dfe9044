import type { Checker } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";
import { mayRunOnEci, Placement } from "../core/placement";
import { renderEciSpecs } from "./eciSpecs";
import { type ReservedInstanceArgs, ReservedInstanceType } from "./knativeServiceArgs";

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

/** Validates `reservedInstance` and renders its revision-template annotations. */
export function renderReservedInstance(c: Checker, placement: Placement, r: ReservedInstanceArgs | undefined): StringMap {
    if (r === undefined) return {};
    const type = r.type ?? ReservedInstanceType.Eci;
    const typeRight = c.part(() => {
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
        return true;
    });
    c.part(() => c.integer(r.replicas, "reservedInstance.replicas", 1, 100));
    const out: StringMap = { [RESERVE_ANNOTATIONS.enabled]: "enable", [RESERVE_ANNOTATIONS.type]: type };
    if (r.replicas !== undefined) out[RESERVE_ANNOTATIONS.replicas] = String(r.replicas);
    // The specs depend on the type: with a wrong type, only the type is reported.
    const eciSpecs = r.eciSpecs;
    if (eciSpecs !== undefined && typeRight) {
        c.part(() => {
            c.check(type === ReservedInstanceType.Eci, "reservedInstance.eciSpecs", eciSpecs, 'expected ECI specs only with type "eci"');
            out[RESERVE_ANNOTATIONS.eciSpecs] = renderEciSpecs(c, "reservedInstance.eciSpecs", eciSpecs);
        });
    }
    return out;
}
