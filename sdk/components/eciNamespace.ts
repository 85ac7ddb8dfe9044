import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { InputError, resourceLabel } from "../render/errors";
import { renderEciNamespace } from "../render/namespace";
import { dependsOnList, renderWhenKnown } from "./whenKnown";

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

/**
 * A Kubernetes namespace, created or adopted, carrying the labels that route its pods to ECI. Pass the cluster's
 * Kubernetes provider in `opts.provider`; Knative Services in the namespace depend on `ready`.
 */
export class EciNamespace extends pulumi.ComponentResource {
    /** The namespace name. */
    readonly namespaceName: pulumi.Output<string>;
    /** Every label this component manages on the namespace (ECI labels included). */
    readonly labels: pulumi.Output<{ [key: string]: string }>;
    /** Whether ACK injects ECI affinity into the namespace's pods (`virtual-node-affinity-injection=enabled`). */
    readonly eciInjection: pulumi.Output<boolean>;
    /** The namespace, when created by this component. */
    readonly namespace?: corev1.Namespace;
    /** The label patch, when the namespace already existed (`existing: true`). */
    readonly patch?: corev1.NamespacePatch;
    /** What dependents wait for (`dependsOn: ns.ready`). A getter: a `pulumi.Resource[]` has no schema type. */
    get ready(): pulumi.Resource[] {
        return [(this.namespace ?? this.patch)!];
    }

    constructor(name: string, args: EciNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        const { existing, ...settings } = args;
        if (existing !== undefined && typeof existing !== "boolean") {
            // It decides which resource exists, so it cannot wait for an Output.
            throw new InputError(resourceLabel("EciNamespace", name), "existing", existing, "expected a plain true or false");
        }
        const rendered = renderWhenKnown(settings, (plain) => renderEciNamespace(name, plain, existing === true));
        super("ack-knative-eci:index:EciNamespace", name, {}, opts);

        const childOpts = { parent: this, dependsOn: dependsOnList(opts) };
        let resource: corev1.Namespace | corev1.NamespacePatch;
        if (existing === true) {
            resource = this.patch = new corev1.NamespacePatch(`${name}-patch`, { metadata: rendered.metadata }, childOpts);
        } else {
            resource = this.namespace = new corev1.Namespace(`${name}-namespace`, { metadata: rendered.metadata }, childOpts);
        }

        this.namespaceName = resource.metadata.apply((m) => m?.name ?? "");
        this.labels = rendered.metadata.labels;
        this.eciInjection = pulumi.output(args.eciInjection).apply((v) => v === true);
        this.registerOutputs({ namespaceName: this.namespaceName, labels: this.labels, eciInjection: this.eciInjection });
    }
}
