import type { Checker } from "./errors";
import type { RevisionPodSpec } from "./k8sTypes";
import type { Placement } from "./placement";

/**
 * Rejects pod settings ECI cannot run (Alibaba Cloud, "ECI limits": no host network, no hostPath
 * volumes, no privileged containers) when the placement may land pods on ECI.
 */
export function checkEciCompatible(c: Checker, placement: Placement, pod: RevisionPodSpec): void {
    const why = `ECI does not support it and placement "${placement}" may run pods on ECI; use placement "ecs" for pods that need it`;
    c.check(!pod.hostNetwork, "hostNetwork", pod.hostNetwork, `expected false: ${why}`);
    (pod.volumes ?? []).forEach((v, i) =>
        c.check(!v.hostPath, `volumes[${i}].hostPath`, v.hostPath, `expected no hostPath volume: ${why}`),
    );
    pod.containers.forEach((container) =>
        c.check(!container.securityContext?.privileged, "securityContext.privileged", true, `expected false or unset: ${why}`),
    );
}
