import * as cs from "@pulumi/alicloud/cs";
import * as apiextensions from "@pulumi/kubernetes/apiextensions";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as yamlv2 from "@pulumi/kubernetes/yaml/v2";
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_PATCH_OPTIONS, type RenderedConfigMapPatch } from "../render/core/addon";
import { InputError, reportAll, resourceLabel } from "../render/core/errors";
import {
    checkKnativeServingArgs,
    KNATIVE_SERVING_NAMESPACE,
    type KnativeServingObject,
    KnativeSource,
    renderAckKnative,
    type RenderedAckKnative,
    type RenderedUpstreamKnative,
    renderExistingKnative,
    renderUpstreamKnative,
    resolveKnativeSource,
} from "../render/knativeServing/knativeServing";
import type { KnativeServingArgs } from "../render/knativeServing/knativeServingArgs";
import { childOptions, dependsOnList, rejectIgnoreChanges } from "./core/childOptions";
import { renderWhenKnown } from "./core/renderWhenKnown";

export { KnativeSource } from "../render/knativeServing/knativeServing";
export type { KnativeServingArgs } from "../render/knativeServing/knativeServingArgs";

/** Open-ended object fields: lets the analyzer infer a rendered object as a map of Any. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFields = { [key: string]: any };

/** What a `KnativeServing` declares, by source: the rendered install or patch, and the cluster of ACK's add-on. */
type PlannedKnative =
    | { source: typeof KnativeSource.Ack; clusterId: pulumi.Input<string>; rendered: pulumi.Output<RenderedAckKnative> }
    | { source: typeof KnativeSource.Upstream; rendered: pulumi.Output<RenderedUpstreamKnative> }
    | { source: typeof KnativeSource.Existing; rendered: pulumi.Output<RenderedConfigMapPatch> };

/** Renders the source's resources (the arguments are checked already), before the component registers anything. */
function planKnative(name: string, args: KnativeServingArgs): PlannedKnative {
    const source = resolveKnativeSource(name, args.source);
    const { clusterId, ...rest } = args;
    // `source` is resolved above; the cluster id passes straight through so previews stay readable.
    const settings = { ...rest, source: undefined };
    switch (source) {
        case KnativeSource.Ack:
            return {
                source,
                clusterId: clusterId ?? missingClusterId(resourceLabel("KnativeServing", name)),
                rendered: renderWhenKnown(settings, (plain) => renderAckKnative(name, plain)),
            };
        case KnativeSource.Upstream:
            return { source, rendered: renderWhenKnown(settings, (plain) => renderUpstreamKnative(name, plain)) };
        case KnativeSource.Existing:
            return { source, rendered: renderWhenKnown(settings, (plain) => renderExistingKnative(name, plain)) };
    }
}

/** ACK's add-on installs Knative in the cluster it names (checkKnativeServingArgs says so first). */
function missingClusterId(label: string): never {
    throw new InputError(label, "clusterId", undefined, 'expected the ACK cluster id with source "ack"');
}

/** The `KnativeServing` CR of each component, kept off the class's fields (see `KnativeServing.serving`). */
const servingCrs = new WeakMap<KnativeServing, apiextensions.CustomResource>();

/**
 * Knative Serving on an ACK cluster, from ACK's managed add-on or a pinned upstream release, with the feature flags
 * KnativeService placements need. Pass the cluster's providers in `opts.providers`; make Knative Services depend on
 * `ready`, so none is applied before Knative's webhooks can admit it.
 */
export class KnativeServing extends pulumi.ComponentResource {
    /** `"ack"` or `"upstream"`. */
    readonly source: pulumi.Output<string>;
    /** The Knative version: the add-on's for `ack`, the release for `upstream`, empty for `existing` (not managed here). */
    readonly version: pulumi.Output<string>;
    /** Namespace of the Serving control plane. */
    readonly namespace: pulumi.Output<string>;
    /** The `config-features` flags this component sets. */
    readonly features: pulumi.Output<{ [flag: string]: string }>;
    /** `ack`: the `knative` add-on. */
    readonly addon?: cs.KubernetesAddon;
    /** `ack`, `existing`: the `knative-serving/config-features` patch (kept on delete: the flags cannot safely be disabled). */
    readonly featuresPatch?: corev1.ConfigMapPatch;
    /** `upstream`: the Knative Operator install. */
    readonly operator?: yamlv2.ConfigFile;
    /** `upstream`: the `knative-serving` namespace. */
    readonly servingNamespace?: corev1.Namespace;
    /** `upstream`: the rendered `KnativeServing` CR (a map of Any in the cross-language schema). */
    readonly manifest?: pulumi.Output<KnativeServingObject & AnyFields>;

    /**
     * `upstream`: the operator's `KnativeServing` custom resource (awaited until Ready). A getter, like `ready`: such
     * resources have no schema type, so they stay out of the cross-language outputs.
     */
    get serving(): apiextensions.CustomResource | undefined {
        return servingCrs.get(this);
    }

    /** What Knative Services must depend on (`dependsOn: knative.ready`): the install, awaited until it admits them. */
    get ready(): pulumi.Resource[] {
        const install = this.featuresPatch ? [this.addon, this.featuresPatch] : [this.operator, this.servingNamespace, this.serving];
        return install.filter((r): r is NonNullable<typeof r> => r !== undefined);
    }

    constructor(name: string, args: KnativeServingArgs, opts?: pulumi.ComponentResourceOptions) {
        // Every problem at once, before anything is registered.
        const why = "it declares Knative's install or its config-features patch; set ignoreChanges on your own resources instead";
        reportAll([() => checkKnativeServingArgs(name, args), () => rejectIgnoreChanges(resourceLabel("KnativeServing", name), opts, why)]);
        const planned = planKnative(name, args);
        super("ack-knative-eci:index:KnativeServing", name, {}, opts);

        // Children do not inherit dependsOn; hand it on to the first resources of the install.
        const dependsOn = dependsOnList(opts);
        if (planned.source === KnativeSource.Upstream) {
            const r = planned.rendered;
            this.manifest = r.serving.apply((o): KnativeServingObject & AnyFields => o);
            this.operator = new yamlv2.ConfigFile(
                `${name}-operator`,
                { file: r.operatorManifest },
                childOptions(this, opts, { dependsOn }),
            );
            this.servingNamespace = new corev1.Namespace(
                `${name}-namespace`,
                { metadata: { name: KNATIVE_SERVING_NAMESPACE } },
                childOptions(this, opts, { dependsOn }),
            );
            // The CR needs the operator's CRD and webhook, and its namespace; it is awaited until Ready.
            const serving = new apiextensions.CustomResource(
                `${name}-serving`,
                { apiVersion: "operator.knative.dev/v1beta1", kind: "KnativeServing", metadata: r.serving.metadata, spec: r.serving.spec },
                childOptions(this, opts, { dependsOn: [this.operator, this.servingNamespace] }),
            );
            servingCrs.set(this, serving);
            this.version = r.version;
            this.features = r.serving.spec.config.apply((c) => c.features);
        } else {
            if (planned.source === KnativeSource.Ack) {
                const ack = planned.rendered;
                this.addon = new cs.KubernetesAddon(
                    `${name}-addon`,
                    {
                        clusterId: planned.clusterId,
                        name: ack.apply((r) => r.addon.name),
                        version: ack.apply((r) => r.addon.version),
                        config: ack.apply((r) => r.addon.config),
                    },
                    childOptions(this, opts, { dependsOn }),
                );
            }
            const featuresPatch = planned.source === KnativeSource.Ack ? planned.rendered.features : planned.rendered;
            // Force over the add-on's ownership of the flags, and keep them on delete: they cannot safely be disabled.
            this.featuresPatch = new corev1.ConfigMapPatch(
                `${name}-features`,
                { metadata: featuresPatch.metadata, data: featuresPatch.data },
                childOptions(this, opts, { dependsOn: this.addon ? [this.addon] : dependsOn, ...CONFIG_PATCH_OPTIONS }),
            );
            // `existing`: the version is not managed here.
            this.version = this.addon ? this.addon.version : pulumi.output("");
            this.features = featuresPatch.data;
        }

        this.source = pulumi.output(planned.source);
        this.namespace = pulumi.output(KNATIVE_SERVING_NAMESPACE);
        this.registerOutputs({ source: this.source, version: this.version, namespace: this.namespace, features: this.features });
    }
}
