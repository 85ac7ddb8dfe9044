import type * as pulumi from "@pulumi/pulumi";
import type { AckClusterArgs } from "./ackClusterArgs";
import type { EciNamespaceArgs } from "./eciNamespaceArgs";
import type { KnativeServiceArgs } from "./knativeServiceArgs";
import type { KnativeServingArgs } from "./knativeServingArgs";

/** The platform's ECI virtual node. */
export interface PlatformVirtualNodeArgs {
    /** The cluster has an ECI virtual node (placements other than `"ecs"` need it). @default true */
    enabled?: boolean;
    /**
     * Install the `ack-virtual-node` add-on and own it (destroying the stack uninstalls it and, with
     * `cleanupCloudResources`, releases every ECI instance it created in the cluster).
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
}

/** The platform's Knative Serving: `KnativeServing` args (the cluster id is filled in) plus `install`. */
export interface PlatformKnativeArgs extends KnativeServingArgs {
    /**
     * Install Knative and own it (destroying the stack uninstalls it, with every Knative Service in the
     * cluster). @default true for a created cluster, false for an adopted one (which keeps its own Knative)
     */
    install?: boolean;
}

/** Arguments of `KnativeEciPlatform`. With no arguments at all it creates everything with defaults. */
export interface KnativeEciPlatformArgs {
    /**
     * The ACK cluster: created (with a new network and ECS node pool) or adopted. See `AckClusterArgs`.
     * @default a new VPC in two zones, an `ack.pro.small` cluster and a 2-node ECS pool labeled `resource-role=ecs`
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
