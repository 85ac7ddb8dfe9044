import type { Checker } from "../core/errors";
import type { RevisionPodSpec } from "../core/k8sTypes";
import type { Placement } from "../core/placement";

/**
 * Rejects pod settings ECI cannot run (Alibaba Cloud, "ECI limits": no host network, no hostPath
 * volumes) when the placement may land pods on ECI. (Privileged containers are rejected for every
 * placement: Knative itself does not allow them.)
 */
export function checkEciCompatible(c: Checker, placement: Placement, pod: RevisionPodSpec): void {
    const why = `ECI does not support it and placement "${placement}" may run pods on ECI; use placement "ecs" for pods that need it`;
    c.check(!pod.hostNetwork, "hostNetwork", pod.hostNetwork, `expected false: ${why}`);
    (pod.volumes ?? []).forEach((v, i) =>
        c.check(!v.hostPath, `volumes[${i}].hostPath`, v.hostPath, `expected no hostPath volume: ${why}`),
    );
}
