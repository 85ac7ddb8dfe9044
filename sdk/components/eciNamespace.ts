import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { checkEciNamespaceArgs, renderEciNamespace } from "../render/eciNamespace/eciNamespace";
import type { EciNamespaceArgs } from "../render/eciNamespace/eciNamespaceArgs";
import { childOptions, dependsOnList, ownIgnoreChanges } from "./core/childOptions";
import { renderWhenKnown } from "./core/renderWhenKnown";

export type { EciNamespaceArgs } from "../render/eciNamespace/eciNamespaceArgs";

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
        return this.namespace ? [this.namespace] : this.patch ? [this.patch] : [];
    }

    constructor(name: string, args: EciNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Every problem in the arguments at once, before anything is registered (`existing` decides which resource
        // exists, so it must be a plain value).
        checkEciNamespaceArgs(name, args);
        const { existing, ...settings } = args;
        const rendered = renderWhenKnown(settings, (plain) => renderEciNamespace(name, plain, existing === true));
        super("ack-knative-eci:index:EciNamespace", name, {}, opts);

        // The namespace waits for the component's dependsOn; ignoreChanges paths are the namespace's (e.g. `metadata.labels`).
        const childOpts = childOptions(this, opts, { dependsOn: dependsOnList(opts), ...ownIgnoreChanges(opts) });
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
