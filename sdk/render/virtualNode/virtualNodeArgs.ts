import type * as pulumi from "@pulumi/pulumi";
import { anything, assertSameShape, bool, input, list, map, obj, opt, plain, str, type TypeOf } from "../core/shape";

/**
 * Arguments of `VirtualNode`: ACK's `ack-virtual-node` add-on (the ECI virtual kubelet) and, optionally, the ECI
 * network settings in `kube-system/eci-profile`.
 */
export interface VirtualNodeArgs {
    /** Id of the ACK cluster to install the add-on in. Required when `install` is true. @default none */
    clusterId?: pulumi.Input<string>;
    /**
     * Install the `ack-virtual-node` add-on and own it. With `false` the cluster's own add-on is adopted: only
     * `eci-profile` is written (so `vSwitchIds` or `securityGroupId` is required) and destroy leaves the add-on. A plain
     * value: it decides which resources are declared. @default true
     */
    install?: boolean;
    /** Add-on version to pin, e.g. `"v2.13.2"`. @default the version ACK installs (not pinned) */
    version?: pulumi.Input<string>;
    /**
     * Add-on settings, passed to ACK as JSON and merged into its stored configuration (keys: see
     * `cs.getKubernetesAddonMetadata`). @default none (the add-on's defaults)
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    config?: pulumi.Input<{ [key: string]: any }>;
    /**
     * Release the ECI instances the virtual node created when ACK uninstalls the add-on. The alicloud provider does not
     * uninstall it on `pulumi destroy` (README): this applies when you uninstall it yourself. @default true
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
export type VirtualNodeSettings = pulumi.Unwrap<Omit<VirtualNodeArgs, "clusterId" | "install">>;

/** `VirtualNodeArgs` as a runtime shape (checked against the interface at compile time). */
export const VIRTUAL_NODE_ARGS = obj({
    clusterId: opt(input(str())),
    install: opt(plain(bool(), "it decides whether the add-on is declared")),
    version: opt(input(str())),
    config: opt(input(map(anything()))),
    cleanupCloudResources: opt(input(bool())),
    vSwitchIds: opt(input(list(input(str())))),
    securityGroupId: opt(input(str())),
});
assertSameShape<TypeOf<typeof VIRTUAL_NODE_ARGS>, VirtualNodeArgs>(true);
