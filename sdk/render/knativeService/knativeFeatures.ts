import type { KnativeServiceSettings } from "./knativeServiceArgs";

/**
 * The further Knative `config-features` flags a Service's pod spec needs beyond the placement ones
 * (`REQUIRED_FEATURES` in knativeServing.ts);
 * without them Knative's webhook rejects the revision ("must not set the field(s)").
 */
export function requiredKnativeFeatures(s: Pick<KnativeServiceSettings, "hostNetwork" | "volumes">): string[] {
    const flags = new Set<string>();
    if (s.hostNetwork) flags.add("kubernetes.podspec-hostnetwork");
    for (const v of s.volumes ?? []) {
        if (v.emptyDir) flags.add("kubernetes.podspec-volumes-emptydir");
        if (v.hostPath) flags.add("kubernetes.podspec-volumes-hostpath");
        if (v.persistentVolumeClaim) {
            flags.add("kubernetes.podspec-persistent-volume-claim");
            if (!v.persistentVolumeClaim.readOnly) flags.add("kubernetes.podspec-persistent-volume-write");
        }
    }
    return [...flags].sort();
}
