// The package's cloud half, small: an AckCluster with its created network (VPC, node and pod vSwitches, security
// group, NAT gateway, EIP, SNAT), the ACK cluster and its ECS node pool, and a VirtualNode (the ack-virtual-node
// add-on). `nodeCount` sizes the pool, so a test can scale it.
import * as pulumi from "@pulumi/pulumi";
import { AckCluster, VirtualNode } from "../../../../../sdk";

const config = new pulumi.Config();

const cluster = new AckCluster("faults", {
    clusterName: "faults",
    deletionProtection: false,
    apiServerPublic: true,
    nodePool: { desiredSize: config.getNumber("nodeCount") ?? 1, minSize: 1, maxSize: 3 },
});
new VirtualNode(
    "faults-virtual-node",
    { clusterId: cluster.clusterId.apply((id) => id!) },
    { dependsOn: cluster.nodePool ? [cluster.nodePool] : [] },
);

export const clusterId = cluster.clusterId;
