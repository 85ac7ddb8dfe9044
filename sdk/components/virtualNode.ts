import * as cs from "@pulumi/alicloud/cs";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import type { NodeLabel } from "../render/core/placement";
import { CONFIG_PATCH_OPTIONS } from "../render/core/addon";
import { declaredPart } from "../render/core/declaredPart";
import { InputError, reportAll, resourceLabel } from "../render/core/errors";
import { checkVirtualNodeArgs, renderVirtualNode, VIRTUAL_NODE_ADDON } from "../render/virtualNode/virtualNode";
import type { NodeTaint, VirtualNodeArgs } from "../render/virtualNode/virtualNodeArgs";
import { childOptions, dependsOnList, rejectIgnoreChanges } from "./core/childOptions";
import { generatedIds } from "./core/generatedIds";
import { checkLate } from "./core/lateErrors";
import { renderWhenKnown } from "./core/renderWhenKnown";

export type { NodeTaint, VirtualNodeArgs } from "../render/virtualNode/virtualNodeArgs";

/**
 * The ECI virtual node of an ACK cluster: the `ack-virtual-node` add-on, plus the ECI vSwitches and security group in
 * ConfigMap `kube-system/eci-profile` when given. Pass the cluster's Alibaba Cloud and Kubernetes providers in
 * `opts.providers`. Order Knative Services that may run on ECI after `ready`.
 */
export class VirtualNode extends pulumi.ComponentResource {
    /** The ACK cluster id (undefined for an adopted add-on given no id). */
    readonly clusterId: pulumi.Output<string | undefined>;
    /** The add-on version installed (undefined for an adopted add-on). */
    readonly version: pulumi.Output<string | undefined>;
    /** Label of the virtual node (`type=virtual-kubelet`); KnativeService placements select it. */
    readonly nodeLabel: pulumi.Output<NodeLabel>;
    /** Taint of the virtual node (`virtual-kubelet.io/provider=alibabacloud:NoSchedule`); placements tolerate it. */
    readonly nodeTaint: pulumi.Output<NodeTaint>;
    /** The `ack-virtual-node` add-on, when installed by this component. */
    readonly addon?: cs.KubernetesAddon;
    /** The `kube-system/eci-profile` patch, when `vSwitchIds` or `securityGroupId` is set. */
    readonly eciProfile?: corev1.ConfigMapPatch;
    /**
     * What dependents wait for (`dependsOn: virtualNode.ready`): the add-on and the `eci-profile` patch. A getter, so
     * it stays out of the cross-language schema (a `pulumi.Resource[]` has no schema type).
     */
    get ready(): pulumi.Resource[] {
        return [this.addon, this.eciProfile].filter((r): r is NonNullable<typeof r> => r !== undefined);
    }

    constructor(name: string, args: VirtualNodeArgs, opts?: pulumi.ComponentResourceOptions) {
        // Every problem at once, before anything is registered; the cluster id passes straight through so previews
        // stay readable.
        const label = resourceLabel("VirtualNode", name);
        const why = "it declares an add-on and a ConfigMap patch; set ignoreChanges on your own resources instead";
        reportAll([() => checkVirtualNodeArgs(name, args), () => rejectIgnoreChanges(label, opts, why)]);
        const { clusterId, install: installArg, ...settings } = args;
        const install = installArg ?? true;
        // The cluster to install the add-on in (checked above); undefined for an adopted add-on.
        const installIn = install ? (clusterId ?? missingClusterId(label)) : undefined;
        // Ids other resources generate (e.g. the platform's pod vSwitches) pass through unchecked.
        const generated = generatedIds(settings, ["vSwitchIds", "securityGroupId"]);
        const rendered = renderWhenKnown(settings, (plain) => renderVirtualNode(name, plain, generated));
        super("ack-knative-eci:index:VirtualNode", name, {}, opts);

        if (installIn !== undefined) {
            this.addon = new cs.KubernetesAddon(
                `${name}-addon`,
                {
                    clusterId: installIn,
                    name: VIRTUAL_NODE_ADDON,
                    version: rendered.apply((r) => r.addon.version),
                    config: rendered.apply((r) => r.addon.config),
                    cleanupCloudResources: rendered.addon.cleanupCloudResources,
                },
                // Children do not inherit dependsOn; hand it on (e.g. the node pool the add-on needs).
                childOptions(this, opts, { dependsOn: dependsOnList(opts) }),
            );
        }

        // Whether a setting is given is known now even when its value is an Output.
        if (args.vSwitchIds !== undefined || args.securityGroupId !== undefined) {
            const profile = checkLate(rendered, (r) => declaredPart(r.eciProfile, "kube-system/eci-profile"));
            this.eciProfile = new corev1.ConfigMapPatch(
                `${name}-eci-profile`,
                { metadata: profile.metadata, data: profile.data },
                // The add-on creates eci-profile; keep the ECI settings if this patch is later removed.
                childOptions(this, opts, { dependsOn: this.addon ? [this.addon] : dependsOnList(opts), ...CONFIG_PATCH_OPTIONS }),
            );
        }

        this.clusterId = this.addon ? this.addon.clusterId : pulumi.output(clusterId);
        this.version = this.addon ? this.addon.version : pulumi.output(undefined);
        this.nodeLabel = rendered.nodeLabel;
        this.nodeTaint = rendered.nodeTaint.apply((t) => ({ key: t.key, value: t.value ?? "", effect: t.effect }));
        this.registerOutputs({
            clusterId: this.clusterId,
            version: this.version,
            nodeLabel: this.nodeLabel,
            nodeTaint: this.nodeTaint,
        });
    }
}

/** An add-on to install needs the cluster to install it in (checkVirtualNodeArgs says so first). */
function missingClusterId(label: string): never {
    throw new InputError(label, "clusterId", undefined, "expected the ACK cluster id to install ack-virtual-node in");
}
