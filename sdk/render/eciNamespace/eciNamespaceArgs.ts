import type * as pulumi from "@pulumi/pulumi";
import { assertSameShape, bool, input, map, obj, opt, plain, str, type TypeOf } from "../core/shape";

/**
 * Arguments of `EciNamespace`: a namespace labeled so ACK's admission webhook sends its pods to ECI (the guide's
 * `kubectl label namespace vk virtual-node-affinity-injection=enabled`).
 */
export interface EciNamespaceArgs {
    /** The namespace's `metadata.name`. @default the Pulumi resource name */
    namespaceName?: pulumi.Input<string>;
    /**
     * Label the namespace `virtual-node-affinity-injection=enabled` (the guide's), so ACK injects ECI node affinity and
     * toleration into its pods; KnativeService placement `"eci-namespace"` relies on it. @default false
     */
    eciInjection?: pulumi.Input<boolean>;
    /**
     * Label the namespace `alibabacloud.com/eci=true` (ACK's current label; highest priority: every pod of the namespace
     * runs on ECI, whatever its affinity). @default false
     */
    eciLabel?: pulumi.Input<boolean>;
    /** Further labels on the namespace. @default none */
    labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Adopt a namespace that already exists (e.g. `"default"`) instead of creating it: its labels are applied with a
     * server-side-apply patch, and `pulumi destroy` removes only those labels. A plain value: it decides which resource
     * is declared. @default false
     */
    existing?: boolean;
}

/** `EciNamespaceArgs` with every value resolved: what the pure renderer works on. */
export type EciNamespaceSettings = pulumi.Unwrap<Omit<EciNamespaceArgs, "existing">>;

/** `EciNamespaceArgs` as a runtime shape (checked against the interface at compile time). */
export const ECI_NAMESPACE_ARGS = obj({
    namespaceName: opt(input(str())),
    eciInjection: opt(input(bool())),
    eciLabel: opt(input(bool())),
    labels: opt(input(map(input(str())))),
    existing: opt(plain(bool(), "it decides whether the namespace is created or patched")),
});
assertSameShape<TypeOf<typeof ECI_NAMESPACE_ARGS>, EciNamespaceArgs>(true);
