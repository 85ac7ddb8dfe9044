import type * as cs from "@pulumi/alicloud/cs";
import type * as pulumi from "@pulumi/pulumi";

/** Who declares the resources: the component, its name (for messages) and its options (childOptions.ts). */
export interface Scope {
    name: string;
    parent: pulumi.ComponentResource;
    opts: pulumi.ComponentResourceOptions | undefined;
}

/** What the network step hands to the cluster: ids of the node and pod vSwitches and the security group. */
export interface NetworkWiring {
    /** The created VPC; undefined for given vSwitches (the cluster reports it). */
    vpcId?: pulumi.Output<string>;
    vswitchIds: pulumi.Output<string[]>;
    podVswitchIds: pulumi.Output<string[]>;
    /** The created or given security group; undefined when ACK is to create one. */
    securityGroupId: pulumi.Output<string | undefined>;
    /** Resources the cluster must wait for (the SNAT entries: nodes need egress while ACK installs them). */
    ready: pulumi.Resource[];
}

/** What each way of obtaining the cluster hands to the component: its kubeconfig, identity and network. */
export interface ClusterWiring {
    kubeconfig: pulumi.Output<string>;
    /** What identifies the cluster to the Kubernetes provider: the cluster id, or the API server URL. */
    clusterIdentifier: pulumi.Output<string>;
    cluster: cs.ManagedKubernetes | undefined;
    nodePool: cs.NodePool | undefined;
    clusterId: pulumi.Output<string | undefined>;
    vpcId: pulumi.Output<string | undefined>;
    vswitchIds: pulumi.Output<string[] | undefined>;
    podVswitchIds: pulumi.Output<string[] | undefined>;
    securityGroupId: pulumi.Output<string | undefined>;
}
