import * as alicloud from "@pulumi/alicloud";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { NodeLabel } from "../render/placement";
import { CONFIG_PATCH_OPTIONS } from "../render/addon";
import { renderVirtualNode, VIRTUAL_NODE_ADDON } from "../render/virtualNode";
import { dependsOnList, generatedIds, renderWhenKnown } from "./whenKnown";

/**
 * Arguments of `VirtualNode`: ACK's `ack-virtual-node` add-on (the ECI virtual kubelet) and, optionally, the ECI
 * network settings in `kube-system/eci-profile`.
 */
export interface VirtualNodeArgs {
    /** Id of the ACK cluster to install the add-on in. Required. */
    clusterId: pulumi.Input<string>;
    /** Add-on version to pin, e.g. `"v2.13.2"`. @default the version ACK installs (not pinned) */
    version?: pulumi.Input<string>;
    /**
     * Add-on settings, passed to ACK as JSON and merged into its stored configuration (keys: see
     * `cs.getKubernetesAddonMetadata`). @default none (the add-on's defaults)
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    config?: pulumi.Input<{ [key: string]: any }>;
    /**
     * Release the ECI instances the virtual node created when the add-on is uninstalled (`pulumi destroy`). With `false`,
     * they keep running and keep being billed. @default true
     */
    cleanupCloudResources?: pulumi.Input<boolean>;
    /**
     * vSwitches ECI pods get their IPs from, written comma-joined to `eci-profile` key `vSwitchIds`. Listing vSwitches in
     * several zones lets ECI fall back to another zone when one is sold out. Needs a Kubernetes provider (component
     * `provider`/`providers` option). @default the add-on's (the cluster's vSwitches)
     */
    vSwitchIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** Security group of ECI pods, written to `eci-profile` key `securityGroupId`. @default the add-on's (the cluster's) */
    securityGroupId?: pulumi.Input<string>;
}

/** A node taint, `key=value:effect`. */
export interface NodeTaint {
    key: string;
    value: string;
    /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
    effect: string;
}

/** `VirtualNodeArgs` with every value resolved, minus the cluster id: what the pure renderer works on. */
export type VirtualNodeSettings = pulumi.Unwrap<Omit<VirtualNodeArgs, "clusterId">>;

/**
 * The ECI virtual node of an ACK cluster: the `ack-virtual-node` add-on, plus the ECI vSwitches and security group in
 * ConfigMap `kube-system/eci-profile` when given. Pass the cluster's Alibaba Cloud and Kubernetes providers in
 * `opts.providers`. Order Knative Services that may run on ECI after `ready`.
 */
export class VirtualNode extends pulumi.ComponentResource {
    /** The ACK cluster id. */
    readonly clusterId: pulumi.Output<string>;
    /** The add-on version installed. */
    readonly version: pulumi.Output<string>;
    /** Label of the virtual node (`type=virtual-kubelet`); KnativeService placements select it. */
    readonly nodeLabel: pulumi.Output<NodeLabel>;
    /** Taint of the virtual node (`virtual-kubelet.io/provider=alibabacloud:NoSchedule`); placements tolerate it. */
    readonly nodeTaint: pulumi.Output<NodeTaint>;
    /** The `ack-virtual-node` add-on. */
    readonly addon: alicloud.cs.KubernetesAddon;
    /** The `kube-system/eci-profile` patch, when `vSwitchIds` or `securityGroupId` is set. */
    readonly eciProfile?: k8s.core.v1.ConfigMapPatch;
    /**
     * What dependents wait for (`dependsOn: virtualNode.ready`): the add-on and the `eci-profile` patch. A getter, so
     * it stays out of the cross-language schema (a `pulumi.Resource[]` has no schema type).
     */
    get ready(): pulumi.Resource[] {
        return this.eciProfile ? [this.addon, this.eciProfile] : [this.addon];
    }

    constructor(name: string, args: VirtualNodeArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything; the cluster id passes straight through so previews stay readable,
        // and so do ids other resources generate (e.g. the platform's pod vSwitches).
        const { clusterId, ...settings } = args;
        const generated = generatedIds(settings, ["vSwitchIds", "securityGroupId"]);
        const rendered = renderWhenKnown(settings, (plain) => renderVirtualNode(name, plain, generated));
        super("ack-knative-eci:index:VirtualNode", name, {}, opts);

        this.addon = new alicloud.cs.KubernetesAddon(
            `${name}-addon`,
            {
                clusterId,
                name: VIRTUAL_NODE_ADDON,
                version: rendered.apply((r) => r.addon.version),
                config: rendered.apply((r) => r.addon.config),
                cleanupCloudResources: rendered.addon.cleanupCloudResources,
            },
            // Children do not inherit dependsOn; hand it on (e.g. the node pool the add-on needs).
            { parent: this, dependsOn: dependsOnList(opts) },
        );

        // Whether a setting is given is known now even when its value is an Output.
        if (args.vSwitchIds !== undefined || args.securityGroupId !== undefined) {
            const profile = rendered.apply((r) => r.eciProfile!);
            this.eciProfile = new k8s.core.v1.ConfigMapPatch(
                `${name}-eci-profile`,
                { metadata: profile.metadata, data: profile.data },
                // The add-on creates eci-profile; keep the ECI settings if this patch is later removed.
                { parent: this, dependsOn: [this.addon], ...CONFIG_PATCH_OPTIONS },
            );
        }

        this.clusterId = this.addon.clusterId;
        this.version = this.addon.version;
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
