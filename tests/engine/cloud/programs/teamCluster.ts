// "The platform team's cluster" that examples/existing-cluster adopts by id: an ACK Pro cluster in its own network,
// an ECS node pool already labeled resource-role=ecs, and ACK's Knative add-on, declared with plain @pulumi/alicloud
// resources (as another team's stack would) and created by the real provider on the local Alibaba Cloud.
import * as alicloud from "@pulumi/alicloud";
import type { PulumiFn } from "@pulumi/pulumi/automation";

export const teamCluster: PulumiFn = async () => {
    const zones = alicloud.getZonesOutput({ availableResourceCreation: "VSwitch" });
    const vpc = new alicloud.vpc.Network("team-vpc", { vpcName: "team-vpc", cidrBlock: "172.16.0.0/12" });
    const vswitch = new alicloud.vpc.Switch("team-vswitch", {
        vswitchName: "team-nodes",
        vpcId: vpc.id,
        cidrBlock: "172.16.0.0/20",
        zoneId: zones.ids[0],
    });
    const cluster = new alicloud.cs.ManagedKubernetes("team-cluster", {
        name: "team-cluster",
        clusterSpec: "ack.pro.small",
        vswitchIds: [vswitch.id],
        podCidr: "10.64.0.0/16",
        serviceCidr: "172.31.0.0/20",
        newNatGateway: false,
        slbInternetEnabled: true,
    });
    new alicloud.cs.NodePool("team-pool", {
        clusterId: cluster.id,
        nodePoolName: "ecs",
        vswitchIds: [vswitch.id],
        instanceTypes: ["ecs.g7.xlarge"],
        desiredSize: "2",
        systemDiskCategory: "cloud_essd",
        systemDiskSize: 40,
        labels: [{ key: "resource-role", value: "ecs" }],
    });
    new alicloud.cs.KubernetesAddon("team-knative", { clusterId: cluster.id, name: "knative" });
    return { clusterId: cluster.id };
};
