import "../harness";
import * as pulumi from "@pulumi/pulumi";
import { AckCluster } from "../../sdk";
import { ACK_CLUSTER_ARGS } from "../../sdk/render/cluster/ackClusterArgs";
import { type Rejection, rejectionTable } from "../fixtures/rejectionTable";

const adopt = { existingClusterId: "c0123456789abcdef" };
const kubeconfig = "clusters:\n- name: c\n  cluster: {server: 'https://10.0.0.1:6443'}\n";
const given = { vswitchIds: ["vsw-a1", "vsw-b2"] };
const tags21 = Object.fromEntries([...Array(21).keys()].map((i) => [`team${i}`, "x"]));

const rows: Rejection[] = [
    [
        { existingClusterId: "" },
        'AckCluster "t-ack": existingClusterId = "" is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a".',
    ],
    [
        { existingClusterId: "cluster-1" },
        'AckCluster "t-ack": existingClusterId = "cluster-1" is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a".',
    ],
    [{ existingClusterId: 1 }, 'AckCluster "t-ack": existingClusterId = 1 is not valid: expected a string, not a number.'],
    [
        { existingKubeconfig: "not: a kubeconfig" },
        'AckCluster "t-ack": existingKubeconfig = (secret, 17 characters) is not valid: expected a kubeconfig (YAML or JSON) whose current context, or only cluster, has a server URL.',
    ],
    [
        { existingKubeconfig: 1234 },
        'AckCluster "t-ack": existingKubeconfig = (secret, 4 characters) is not valid: expected a string, not a number.',
    ],
    [
        { existingKubeconfig: kubeconfig, kubeconfigExpirationMinutes: 60 },
        'AckCluster "t-ack": kubeconfigExpirationMinutes = 60 is not valid: expected no kubeconfigExpirationMinutes with existingKubeconfig: the given kubeconfig is used as is.',
    ],
    [
        { ...adopt, ecsNodeNames: "node-1" },
        'AckCluster "t-ack": ecsNodeNames = "node-1" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...adopt, ecsNodeNames: ["Bad_Node"] },
        'AckCluster "t-ack": ecsNodeNames[0] = "Bad_Node" is not valid: expected a Kubernetes node name such as "cn-hangzhou.192.168.0.10".',
    ],
    [
        { ...adopt, ecsNodeNames: ["cn-hangzhou.192.168.0.10", "cn-hangzhou.192.168.0.10"] },
        'AckCluster "t-ack": ecsNodeNames[1] = "cn-hangzhou.192.168.0.10" is not valid: expected each node once.',
    ],
    [
        { ...adopt, ecsNodeNames: pulumi.output(["n1"]) },
        'AckCluster "t-ack": ecsNodeNames = (an Output) is not valid: expected a list of strings as a plain value, not an Output: its length decides how many node label patches are declared.',
    ],
    [
        { ecsNodeNames: ["n1"] },
        'AckCluster "t-ack": ecsNodeNames = ["n1"] is not valid: expected no ecsNodeNames when the cluster is created: its node pool labels its nodes with ecsNodeLabel; ecsNodeNames labels running nodes of an adopted cluster.',
    ],
    [
        { ...adopt, clusterName: "prod" },
        'AckCluster "t-ack": clusterName = "prod" is not valid: expected no clusterName when adopting an existing cluster (existingClusterId or existingKubeconfig): its settings, network and node pools already exist; label its running ECS nodes with ecsNodeNames.',
    ],
    [
        { ...adopt, createNodePool: true },
        'AckCluster "t-ack": createNodePool = true is not valid: expected no createNodePool when adopting an existing cluster (existingClusterId or existingKubeconfig): its settings, network and node pools already exist; label its running ECS nodes with ecsNodeNames.',
    ],
    [
        { clusterName: "-bad" },
        "AckCluster \"t-ack\": clusterName = \"-bad\" is not valid: expected 1 to 63 letters, digits, '-' or '_', starting with a letter or digit.",
    ],
    [
        { clusterName: "a".repeat(64) },
        "AckCluster \"t-ack\": clusterName = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is not valid: expected 1 to 63 letters, digits, '-' or '_', starting with a letter or digit.",
    ],
    [{ clusterName: 5 }, 'AckCluster "t-ack": clusterName = 5 is not valid: expected a string, not a number.'],
    [
        { clusterSpec: "ack.pro.medium" },
        'AckCluster "t-ack": clusterSpec = "ack.pro.medium" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
    ],
    [{ clusterSpec: 1 }, 'AckCluster "t-ack": clusterSpec = 1 is not valid: expected a string, not a number.'],
    [
        { kubernetesVersion: "1.33" },
        'AckCluster "t-ack": kubernetesVersion = "1.33" is not valid: expected an ACK version such as "1.33.1-aliyun.1".',
    ],
    [{ kubernetesVersion: 1.33 }, 'AckCluster "t-ack": kubernetesVersion = 1.33 is not valid: expected a string, not a number.'],
    [
        { serviceCidr: "172.21.0.0" },
        'AckCluster "t-ack": serviceCidr = "172.21.0.0" is not valid: expected an IPv4 CIDR block such as "172.21.0.0/20" (its first address) with a prefix from /16 to /24.',
    ],
    [
        { serviceCidr: "192.168.0.0/20" },
        'AckCluster "t-ack": serviceCidr = "192.168.0.0/20" is not valid: expected a block outside the VPC CIDR 192.168.0.0/16.',
    ],
    [{ serviceCidr: 1 }, 'AckCluster "t-ack": serviceCidr = 1 is not valid: expected a string, not a number.'],
    [
        { apiServerPublic: "true" },
        'AckCluster "t-ack": apiServerPublic = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { deletionProtection: "false" },
        'AckCluster "t-ack": deletionProtection = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { deleteCreatedLoadBalancers: 1 },
        'AckCluster "t-ack": deleteCreatedLoadBalancers = 1 is not valid: expected true or false, not a number.',
    ],
    [
        { deleteCreatedLogProjects: "no" },
        'AckCluster "t-ack": deleteCreatedLogProjects = "no" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { addons: { name: "arms-prometheus" } },
        'AckCluster "t-ack": addons = {"name":"arms-prometheus"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { addons: [{ name: "Bad Addon" }] },
        'AckCluster "t-ack": addons[0].name = "Bad Addon" is not valid: expected an ACK add-on name such as "arms-prometheus".',
    ],
    [
        { addons: [{ name: "flannel" }] },
        'AckCluster "t-ack": addons[0].name = "flannel" is not valid: expected not flannel: the cluster uses Terway (pod vSwitches), so pods and ECI get VPC addresses.',
    ],
    [
        { addons: [{ name: "arms-prometheus" }, { name: "arms-prometheus" }] },
        'AckCluster "t-ack": addons[1].name = "arms-prometheus" is not valid: expected each add-on once.',
    ],
    [
        { addons: [{ name: "arms-prometheus", config: "{not json" }] },
        'AckCluster "t-ack": addons[0].config = "{not json" is not valid: expected a JSON string (see alicloud.cs.getKubernetesAddonMetadata for the schema).',
    ],
    [
        { addons: [{ name: "arms-prometheus", config: { a: 1 } }] },
        'AckCluster "t-ack": addons[0].config = {"a":1} is not valid: expected a string, not an object.',
    ],
    [
        { addons: [{ name: "arms-prometheus", version: 1 }] },
        'AckCluster "t-ack": addons[0].version = 1 is not valid: expected a string, not a number.',
    ],
    [
        { addons: [{ name: "arms-prometheus", disabled: "true" }] },
        'AckCluster "t-ack": addons[0].disabled = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [{ addons: [{ config: "{}" }] }, 'AckCluster "t-ack": addons[0].name (missing) is not valid: expected a string (required).'],
    [
        { addons: [{ name: "arms-prometheus", enabled: true }] },
        'AckCluster "t-ack": addons[0].enabled = true is not an argument; expected one of name, config, version, disabled in addons[0].',
    ],
    [
        { addons: pulumi.output([]) },
        'AckCluster "t-ack": addons = (an Output) is not valid: expected a list of objects as a plain value, not an Output: the add-on list is part of the cluster\'s declaration.',
    ],
    [
        { resourceGroupId: "" },
        'AckCluster "t-ack": resourceGroupId = "" is not valid: expected a resource group id such as "rg-acfmzw2jz2z6kiq".',
    ],
    [
        { resourceGroupId: "group-1" },
        'AckCluster "t-ack": resourceGroupId = "group-1" is not valid: expected a resource group id such as "rg-acfmzw2jz2z6kiq".',
    ],
    [{ resourceGroupId: 1 }, 'AckCluster "t-ack": resourceGroupId = 1 is not valid: expected a string, not a number.'],
    [
        { tags: { "aliyun:team": "x" } },
        'AckCluster "t-ack": tags key = "aliyun:team" is not valid: expected 1 to 128 characters, not starting with "aliyun" or "acs:" and without "http://" or "https://".',
    ],
    [
        { tags: { team: "https://example.com" } },
        'AckCluster "t-ack": tags["team"] = "https://example.com" is not valid: expected at most 128 characters without "http://" or "https://".',
    ],
    [{ tags: { team: 1 } }, 'AckCluster "t-ack": tags["team"] = 1 is not valid: expected a string, not a number.'],
    [{ tags: ["team"] }, 'AckCluster "t-ack": tags = ["team"] is not valid: expected a map of names to strings, not a list.'],
    [
        { tags: tags21 },
        'AckCluster "t-ack": tags = {"team0":"x","team1":"x","team2":"x","team3":"x","team4":"x","team5":"x","team6":"x","team7":"x","team8":"x","team9":... is not valid: expected at most 20 tags (Alibaba Cloud\'s limit per resource), not 21.',
    ],
    [
        { kubeconfigExpirationMinutes: 10 },
        'AckCluster "t-ack": kubeconfigExpirationMinutes = 10 is not valid: expected an integer from 15 to 4320.',
    ],
    [
        { kubeconfigExpirationMinutes: "60" },
        'AckCluster "t-ack": kubeconfigExpirationMinutes = "60" is not valid: expected a finite number, not a string.',
    ],
    [
        { kubeconfigEndpoint: "internal" },
        'AckCluster "t-ack": kubeconfigEndpoint = "internal" is not valid: expected one of "public", "private".',
    ],
    [
        { createNetwork: "false" },
        'AckCluster "t-ack": createNetwork = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { createNetwork: false },
        'AckCluster "t-ack": createNetwork = false is not valid: expected true or unset without vswitchIds: the cluster needs vSwitches, given (vswitchIds) or created.',
    ],
    [
        { createNetwork: pulumi.output(true) },
        'AckCluster "t-ack": createNetwork = (an Output) is not valid: expected true or false as a plain value, not an Output: it decides whether a VPC, vSwitches and a NAT gateway are declared.',
    ],
    [
        { ...given, createNetwork: true },
        'AckCluster "t-ack": createNetwork = true is not valid: expected false or unset with vswitchIds: the cluster uses the given vSwitches, so no network is created.',
    ],
    [
        { vpcCidr: "10.0.0.0/28" },
        'AckCluster "t-ack": vpcCidr = "10.0.0.0/28" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/16" (its first address) with a prefix from /8 to /24.',
    ],
    [
        { vpcCidr: "10.0.0.0" },
        'AckCluster "t-ack": vpcCidr = "10.0.0.0" is not valid: expected an IPv4 CIDR block such as "192.168.0.0/16" (its first address) with a prefix from /8 to /24.',
    ],
    [
        { ...given, vpcCidr: "10.0.0.0/16" },
        'AckCluster "t-ack": vpcCidr = "10.0.0.0/16" is not valid: expected no vpcCidr with vswitchIds: it configures a created network.',
    ],
    [{ vpcCIDR: "10.0.0.0/16" }, 'AckCluster "t-ack": vpcCIDR = "10.0.0.0/16" is not an argument; did you mean vpcCidr?'],
    [
        { zoneIds: "cn-hangzhou-i" },
        'AckCluster "t-ack": zoneIds = "cn-hangzhou-i" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { zoneIds: ["cn-hangzhou-i"] },
        'AckCluster "t-ack": zoneIds = ["cn-hangzhou-i"] is not valid: expected 2 to 3 zones for a created network (one node and one pod vSwitch each).',
    ],
    [
        { zoneIds: ["cn-hangzhou-i", "cn-hangzhou-i"] },
        'AckCluster "t-ack": zoneIds = ["cn-hangzhou-i","cn-hangzhou-i"] is not valid: expected each zone once: a created network gets one node and one pod vSwitch per zone.',
    ],
    [
        { zoneIds: ["cn-hangzhou-i", "cn-hangzhou-j"], zoneCount: 2 },
        'AckCluster "t-ack": zoneCount = 2 is not valid: expected no zoneCount with zoneIds: the zones are given.',
    ],
    [
        { zoneIds: pulumi.output(["cn-hangzhou-i", "cn-hangzhou-j"]) },
        'AckCluster "t-ack": zoneIds = (an Output) is not valid: expected a list of strings as a plain value, not an Output: its length decides how many vSwitches are declared.',
    ],
    [{ zoneIds: ["cn-hangzhou-i", 2] }, 'AckCluster "t-ack": zoneIds[1] = 2 is not valid: expected a string, not a number.'],
    [{ zoneCount: 4 }, 'AckCluster "t-ack": zoneCount = 4 is not valid: expected a plain integer from 2 to 3.'],
    [{ zoneCount: "2" }, 'AckCluster "t-ack": zoneCount = "2" is not valid: expected a finite number, not a string.'],
    [
        { zoneCount: pulumi.output(2) },
        'AckCluster "t-ack": zoneCount = (an Output) is not valid: expected a finite number as a plain value, not an Output: it decides how many vSwitches are declared.',
    ],
    [
        { vswitchCidrs: ["192.168.0.0/20"] },
        'AckCluster "t-ack": vswitchCidrs = ["192.168.0.0/20"] is not valid: expected one CIDR per zone (2).',
    ],
    [
        { vswitchCidrs: ["10.0.0.0/20", "10.0.16.0/20"] },
        [
            'AckCluster "t-ack": vswitchCidrs[0] = "10.0.0.0/20" is not valid: expected a block inside vpcCidr 192.168.0.0/16.',
            'AckCluster "t-ack": vswitchCidrs[1] = "10.0.16.0/20" is not valid: expected a block inside vpcCidr 192.168.0.0/16.',
        ],
    ],
    [
        { vswitchCidrs: "192.168.0.0/20" },
        'AckCluster "t-ack": vswitchCidrs = "192.168.0.0/20" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { podVswitchCidrs: ["192.168.64.0/18"] },
        'AckCluster "t-ack": podVswitchCidrs = ["192.168.64.0/18"] is not valid: expected one CIDR per zone (2).',
    ],
    [
        { podVswitchCidrs: ["192.168.0.0/20", "192.168.16.0/20"] },
        [
            'AckCluster "t-ack": podVswitchCidrs[0] = "192.168.0.0/20" is not valid: expected a block that does not overlap vswitchCidrs[0] (192.168.0.0/20).',
            'AckCluster "t-ack": podVswitchCidrs[1] = "192.168.16.0/20" is not valid: expected a block that does not overlap vswitchCidrs[1] (192.168.16.0/20).',
        ],
    ],
    [{ eipBandwidth: 0 }, 'AckCluster "t-ack": eipBandwidth = 0 is not valid: expected an integer from 1 to 200.'],
    [{ eipBandwidth: 201 }, 'AckCluster "t-ack": eipBandwidth = 201 is not valid: expected an integer from 1 to 200.'],
    [{ eipBandwidth: "100" }, 'AckCluster "t-ack": eipBandwidth = "100" is not valid: expected a finite number, not a string.'],
    [
        { vswitchIds: ["vsw-a1"] },
        'AckCluster "t-ack": vswitchIds = ["vsw-a1"] is not valid: expected at least 2 vSwitches in different zones (ACK spreads the control plane and nodes across them); pass zoneIds too so their zones are checked.',
    ],
    [
        { vswitchIds: ["subnet-1", "vsw-b2"] },
        'AckCluster "t-ack": vswitchIds[0] = "subnet-1" is not valid: expected a vSwitch id such as "vsw-bp1s5fnvk4gn2tws03624".',
    ],
    [{ vswitchIds: ["vsw-a1", "vsw-a1"] }, 'AckCluster "t-ack": vswitchIds[1] = "vsw-a1" is not valid: expected each vSwitch once.'],
    [{ vswitchIds: "vsw-a1" }, 'AckCluster "t-ack": vswitchIds = "vsw-a1" is not valid: expected a list of strings, not a single string.'],
    [
        { ...given, zoneIds: ["cn-hangzhou-i"] },
        'AckCluster "t-ack": zoneIds = ["cn-hangzhou-i"] is not valid: expected the zone of each vSwitch in vswitchIds, in order (2 zones).',
    ],
    [
        { ...given, podVswitchIds: ["eni-1", "vsw-c3"] },
        'AckCluster "t-ack": podVswitchIds[0] = "eni-1" is not valid: expected a vSwitch id such as "vsw-bp1s5fnvk4gn2tws03624".',
    ],
    [
        { podVswitchIds: ["vsw-c3", "vsw-d4"] },
        'AckCluster "t-ack": podVswitchIds = ["vsw-c3","vsw-d4"] is not valid: expected no podVswitchIds when the network is created: it applies to given vswitchIds.',
    ],
    [
        { ...given, securityGroupId: "sg_1" },
        'AckCluster "t-ack": securityGroupId = "sg_1" is not valid: expected a security group id such as "sg-bp1fg655nh68xyz9y2g0".',
    ],
    [
        { securityGroupId: "sg-a1" },
        'AckCluster "t-ack": securityGroupId = "sg-a1" is not valid: expected no securityGroupId when the network is created: it applies to given vswitchIds.',
    ],
    [
        { ...given, newNatGateway: "yes" },
        'AckCluster "t-ack": newNatGateway = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { newNatGateway: true },
        'AckCluster "t-ack": newNatGateway = true is not valid: expected no newNatGateway when the network is created: it applies to given vswitchIds.',
    ],
    [
        { createNodePool: "false" },
        'AckCluster "t-ack": createNodePool = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { createNodePool: false, nodePool: {} },
        'AckCluster "t-ack": nodePool = {} is not valid: expected no nodePool when createNodePool is false.',
    ],
    [
        { nodePool: pulumi.output({}) },
        'AckCluster "t-ack": nodePool = (an Output) is not valid: expected an object with nodePoolName, instanceTypes, desiredSize, autoscaling, minSize, maxSize, systemDiskCategory, systemDiskSize, keyName, labels as a plain value, not an Output: it configures the node pool that is declared.',
    ],
    [
        { nodePool: { nodePoolName: "-pool" } },
        "AckCluster \"t-ack\": nodePool.nodePoolName = \"-pool\" is not valid: expected 1 to 63 letters, digits, '-' or '_', starting with a letter or digit.",
    ],
    [
        { nodePool: { instanceTypes: [] } },
        'AckCluster "t-ack": nodePool.instanceTypes = [] is not valid: expected 1 to 10 ECS instance types.',
    ],
    [
        { nodePool: { instanceTypes: "ecs.c7.large" } },
        'AckCluster "t-ack": nodePool.instanceTypes = "ecs.c7.large" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { nodePool: { instanceTypes: ["c7.large"] } },
        'AckCluster "t-ack": nodePool.instanceTypes[0] = "c7.large" is not valid: expected an ECS instance type such as "ecs.c7.large".',
    ],
    [
        { nodePool: { instanceTypes: ["ecs.c7.large", "ecs.c7.large"] } },
        'AckCluster "t-ack": nodePool.instanceTypes[1] = "ecs.c7.large" is not valid: expected each instance type once.',
    ],
    [
        { nodePool: { instanceType: "ecs.c7.large" } },
        'AckCluster "t-ack": nodePool.instanceType = "ecs.c7.large" is not an argument; did you mean instanceTypes?',
    ],
    [
        { nodePool: { desiredSize: 5 } },
        'AckCluster "t-ack": nodePool.desiredSize = 5 is not valid: expected a node count within nodePool.minSize to nodePool.maxSize (1 to 3); widen the bounds to change it.',
    ],
    [
        { nodePool: { desiredSize: 1.5 } },
        'AckCluster "t-ack": nodePool.desiredSize = 1.5 is not valid: expected an integer from 0 to 1000.',
    ],
    [
        { nodePool: { desiredSize: "2" } },
        'AckCluster "t-ack": nodePool.desiredSize = "2" is not valid: expected a finite number, not a string.',
    ],
    [
        { nodePool: { autoscaling: true, desiredSize: 2 } },
        'AckCluster "t-ack": nodePool.desiredSize = 2 is not valid: expected no desiredSize with autoscaling: the autoscaler sizes the pool between minSize (1) and maxSize (3).',
    ],
    [
        { nodePool: { autoscaling: "true" } },
        'AckCluster "t-ack": nodePool.autoscaling = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { nodePool: { minSize: 4, maxSize: 3 } },
        'AckCluster "t-ack": nodePool.minSize = 4 is not valid: expected at most nodePool.maxSize (3).',
    ],
    [{ nodePool: { minSize: -1 } }, 'AckCluster "t-ack": nodePool.minSize = -1 is not valid: expected an integer from 0 to 1000.'],
    [{ nodePool: { maxSize: 1001 } }, 'AckCluster "t-ack": nodePool.maxSize = 1001 is not valid: expected an integer from 0 to 1000.'],
    [
        { nodePool: { systemDiskCategory: "cloud_hdd" } },
        'AckCluster "t-ack": nodePool.systemDiskCategory = "cloud_hdd" is not valid: expected one of "cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud_ssd", "cloud_efficiency".',
    ],
    [
        { nodePool: { systemDiskSize: 10 } },
        'AckCluster "t-ack": nodePool.systemDiskSize = 10 is not valid: expected an integer from 20 to 2048.',
    ],
    [{ nodePool: { keyName: "" } }, 'AckCluster "t-ack": nodePool.keyName = "" is not valid: expected an ECS key pair name.'],
    [
        { nodePool: { labels: { "resource-role": "gpu" } } },
        'AckCluster "t-ack": nodePool.labels["resource-role"] = "gpu" is not valid: expected no "resource-role" label: the pool\'s nodes carry ecsNodeLabel (resource-role=ecs); change ecsNodeLabel instead.',
    ],
    [
        { nodePool: { labels: { "bad key!": "x" } } },
        "AckCluster \"t-ack\": nodePool.labels key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ecsNodeLabel: { key: "resource-role", value: "has space" } },
        "AckCluster \"t-ack\": ecsNodeLabel.value = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ecsNodeLabel: { key: "bad key!", value: "ecs" } },
        "AckCluster \"t-ack\": ecsNodeLabel.key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ecsNodeLabel: "resource-role=ecs" },
        'AckCluster "t-ack": ecsNodeLabel = "resource-role=ecs" is not valid: expected an object with key, value, not a string.',
    ],
    [
        { region: "cn-hangzhou" },
        'AckCluster "t-ack": region = "cn-hangzhou" is not an argument; expected one of existingClusterId, existingKubeconfig, ecsNodeNames, clusterName, clusterSpec, kubernetesVersion, serviceCidr, apiServerPublic, deletionProtection, deleteCreatedLoadBalancers, deleteCreatedLogProjects, addons, resourceGroupId, tags, kubeconfigExpirationMinutes, createNetwork, vpcCidr, zoneIds, zoneCount, vswitchCidrs, podVswitchCidrs, eipBandwidth, vswitchIds, podVswitchIds, securityGroupId, newNatGateway, createNodePool, nodePool, ecsNodeLabel, kubeconfigEndpoint.',
    ],
];

// Several mistakes in one resource: each reported at once, one sentence per mistake.
const SEVERAL: Rejection[] = [
    [
        { clusterSpec: "ack.pro.tiny", kubernetesVersion: "1.33", nodePool: { minSize: 5, maxSize: 3 } },
        [
            'AckCluster "t-ack": clusterSpec = "ack.pro.tiny" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
            'AckCluster "t-ack": kubernetesVersion = "1.33" is not valid: expected an ACK version such as "1.33.1-aliyun.1".',
            'AckCluster "t-ack": nodePool.minSize = 5 is not valid: expected at most nodePool.maxSize (3).',
        ],
    ],
];

rejectionTable("AckCluster", ACK_CLUSTER_ARGS, (args) => new AckCluster("t-ack", args as never), [...rows, ...SEVERAL]);
