import type * as pulumi from "@pulumi/pulumi";
import { ACK_CLUSTER_ARGS, type AckClusterArgs } from "../cluster/ackClusterArgs";
import { ECI_NAMESPACE_ARGS, type EciNamespaceArgs } from "../eciNamespace/eciNamespaceArgs";
import { KNATIVE_SERVICE_ARGS, type KnativeServiceArgs } from "../knativeService/knativeServiceArgs";
import { KNATIVE_SERVING_FIELDS, type KnativeServingArgs } from "../knativeServing/knativeServingArgs";
import { anything, assertSameShape, bool, input, list, map, obj, opt, plain, str, type TypeOf } from "../core/shape";

/** The platform's ECI virtual node. */
export interface PlatformVirtualNodeArgs {
    /** The cluster has an ECI virtual node (placements other than `"ecs"` need it). @default true */
    enabled?: boolean;
    /**
     * Install the `ack-virtual-node` add-on and own it. On an adopted cluster, destroying the stack leaves it installed:
     * the alicloud provider never uninstalls an add-on (README, "Deploying the guide for real").
     * @default true for a created cluster, false for an adopted one (which keeps its own add-on)
     */
    install?: boolean;
    /** Add-on version to pin. @default the version ACK installs */
    version?: pulumi.Input<string>;
    /** Add-on settings passed to ACK as JSON. @default none */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    config?: pulumi.Input<{ [key: string]: any }>;
    /** Release the ECI instances on `pulumi destroy`. @default true */
    cleanupCloudResources?: pulumi.Input<boolean>;
    /**
     * Write the cluster's pod vSwitches (all zones) and security group to `kube-system/eci-profile`, so ECI
     * can fall back to another zone. Only for clusters the platform creates. @default true
     */
    useClusterNetwork?: boolean;
    /**
     * vSwitches for ECI pods, written to `kube-system/eci-profile` (over `useClusterNetwork`). For an adopted cluster
     * whose add-on the platform does not install, giving these (or `securityGroupId`) still writes `eci-profile`.
     * @default the created cluster's pod vSwitches; none for an adopted cluster
     */
    vSwitchIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** Security group of ECI pods, written to `kube-system/eci-profile`. @default the created cluster's; none if adopted */
    securityGroupId?: pulumi.Input<string>;
}

/** The platform's Knative Serving: `KnativeServing` args (the cluster id is filled in) plus `install`. */
export interface PlatformKnativeArgs extends KnativeServingArgs {
    /**
     * Install Knative and own it (on an adopted cluster destroying the stack leaves it installed: the alicloud
     * provider never uninstalls an add-on). Without it the cluster's own Knative is used and only its `config-features` flags are ensured
     * (source `"existing"`). @default true for a created cluster, false for an adopted one (which keeps its own Knative)
     */
    install?: boolean;
}

/** Arguments of `KnativeEciPlatform`. With no arguments at all it creates everything with defaults. */
export interface KnativeEciPlatformArgs {
    /**
     * The ACK cluster: created (with a new network and ECS node pool) or adopted. See `AckClusterArgs`.
     * @default a new VPC in two zones, an `ack.pro.small` cluster and a 3-node ECS pool labeled `resource-role=ecs`
     */
    cluster?: AckClusterArgs;
    /** The ECI virtual node. @default installed, with the cluster's network in `eci-profile` */
    virtualNode?: PlatformVirtualNodeArgs;
    /** Knative Serving. @default ACK's managed Knative add-on */
    knative?: PlatformKnativeArgs;
    /** Namespaces to create or adopt, each named by `namespaceName`. @default none */
    namespaces?: EciNamespaceArgs[];
    /** Knative Services, each named by `serviceName` (unique in the platform). @default none */
    services?: KnativeServiceArgs[];
    /**
     * The adopted cluster's ECS nodes carry the ECS label already (e.g. from a node pool managed elsewhere),
     * so ECS placements are allowed without `cluster.ecsNodeNames`. @default false
     */
    ecsNodesLabeled?: boolean;
}

// ---- the same arguments as a runtime shape (checked against the interfaces above at compile time) ----

const PARTS = "the platform declares its parts from it before any Output is known";

const PLATFORM_VIRTUAL_NODE_ARGS = obj({
    enabled: opt(plain(bool(), "it decides whether the virtual node add-on is declared")),
    install: opt(plain(bool(), "it decides whether the virtual node add-on is declared")),
    version: opt(input(str())),
    config: opt(input(map(anything()))),
    cleanupCloudResources: opt(input(bool())),
    useClusterNetwork: opt(plain(bool(), "it decides whether the eci-profile patch is declared")),
    vSwitchIds: opt(input(list(input(str())))),
    securityGroupId: opt(input(str())),
});
assertSameShape<TypeOf<typeof PLATFORM_VIRTUAL_NODE_ARGS>, PlatformVirtualNodeArgs>(true);

const PLATFORM_KNATIVE_ARGS = obj({
    ...KNATIVE_SERVING_FIELDS,
    install: opt(plain(bool(), "it decides whether Knative is declared")),
});
assertSameShape<TypeOf<typeof PLATFORM_KNATIVE_ARGS>, PlatformKnativeArgs>(true);

/** `KnativeEciPlatformArgs` as a runtime shape: every part's own shape, under the platform's field names. */
export const KNATIVE_ECI_PLATFORM_ARGS = obj({
    cluster: opt(plain(ACK_CLUSTER_ARGS, PARTS)),
    virtualNode: opt(plain(PLATFORM_VIRTUAL_NODE_ARGS, PARTS)),
    knative: opt(plain(PLATFORM_KNATIVE_ARGS, PARTS)),
    namespaces: opt(plain(list(ECI_NAMESPACE_ARGS), "the platform declares one EciNamespace per entry")),
    services: opt(plain(list(KNATIVE_SERVICE_ARGS), "the platform declares one KnativeService per entry")),
    ecsNodesLabeled: opt(plain(bool(), "it decides which placements the platform accepts")),
});
assertSameShape<TypeOf<typeof KNATIVE_ECI_PLATFORM_ARGS>, KnativeEciPlatformArgs>(true);
