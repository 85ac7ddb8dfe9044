import "../harness";
import * as pulumi from "@pulumi/pulumi";
import { VirtualNode } from "../../sdk";
import { VIRTUAL_NODE_ARGS } from "../../sdk/render/virtualNode/virtualNodeArgs";
import { type Rejection, rejectionTable } from "../fixtures/rejectionTable";

const clusterId = "c0123456789abcdef";
const rows: Rejection[] = [
    [{}, 'VirtualNode "t-vn": clusterId (missing) is not valid: expected the ACK cluster id to install ack-virtual-node in.'],
    [
        { clusterId: "" },
        'VirtualNode "t-vn": clusterId = "" is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a".',
    ],
    [
        { clusterId: "cluster-1" },
        'VirtualNode "t-vn": clusterId = "cluster-1" is not valid: expected an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a".',
    ],
    [{ clusterId: 42 }, 'VirtualNode "t-vn": clusterId = 42 is not valid: expected a string, not a number.'],
    [{ clusterid: clusterId }, 'VirtualNode "t-vn": clusterid = "c0123456789abcdef" is not an argument; did you mean clusterId?'],
    [
        { clusterId, version: "latest" },
        'VirtualNode "t-vn": version = "latest" is not valid: expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers).',
    ],
    [{ clusterId, version: 2 }, 'VirtualNode "t-vn": version = 2 is not valid: expected a string, not a number.'],
    [{ clusterId, config: ["a"] }, 'VirtualNode "t-vn": config = ["a"] is not valid: expected a map of names to values, not a list.'],
    [{ clusterId, config: "{}" }, 'VirtualNode "t-vn": config = "{}" is not valid: expected a map of names to values, not a string.'],
    [{ clusterId, config: { f: () => 1 } }, 'VirtualNode "t-vn": config["f"] = (a function) is not valid: expected a JSON-like value.'],
    [
        { clusterId, cleanupCloudResources: "yes" },
        'VirtualNode "t-vn": cleanupCloudResources = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { clusterId, install: "false" },
        'VirtualNode "t-vn": install = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { install: false },
        'VirtualNode "t-vn": install = false is not valid: with install: false only kube-system/eci-profile is written: give vSwitchIds or securityGroupId, or drop the component.',
    ],
    [
        { clusterId, cleanupCloudResources: 0 },
        'VirtualNode "t-vn": cleanupCloudResources = 0 is not valid: expected true or false, not a number.',
    ],
    [
        { clusterId, vSwitchIds: "vsw-a1" },
        'VirtualNode "t-vn": vSwitchIds = "vsw-a1" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { clusterId, vSwitchIds: [] },
        'VirtualNode "t-vn": vSwitchIds = [] is not valid: expected a non-empty list of vSwitch ids such as ["vsw-bp1a2b3c4d5e6f7g8h9i0"].',
    ],
    [
        { clusterId, vSwitchIds: ["subnet-1"] },
        'VirtualNode "t-vn": vSwitchIds[0] = "subnet-1" is not valid: expected a vSwitch id: "vsw-" followed by letters and digits.',
    ],
    [
        { clusterId, vSwitchIds: ["vsw-a1", "vsw-a1"] },
        'VirtualNode "t-vn": vSwitchIds[1] = "vsw-a1" is not valid: expected each vSwitch only once.',
    ],
    [{ clusterId, vSwitchIds: [1] }, 'VirtualNode "t-vn": vSwitchIds[0] = 1 is not valid: expected a string, not a number.'],
    [{ clusterId, vswitchIds: ["vsw-a1"] }, 'VirtualNode "t-vn": vswitchIds = ["vsw-a1"] is not an argument; did you mean vSwitchIds?'],
    [
        { clusterId, securityGroupId: "sg_1" },
        'VirtualNode "t-vn": securityGroupId = "sg_1" is not valid: expected a security group id: "sg-" followed by letters and digits.',
    ],
    [
        { clusterId, securityGroupId: "" },
        'VirtualNode "t-vn": securityGroupId = "" is not valid: expected a security group id: "sg-" followed by letters and digits.',
    ],
    [
        { clusterId, securityGroupId: ["sg-a1"] },
        'VirtualNode "t-vn": securityGroupId = ["sg-a1"] is not valid: expected a string, not a list.',
    ],
    [
        { clusterId, securityGroupIds: ["sg-a1"] },
        'VirtualNode "t-vn": securityGroupIds = ["sg-a1"] is not an argument; did you mean securityGroupId?',
    ],
    [
        { clusterId, version: pulumi.output("v2.13.2"), enabled: true },
        'VirtualNode "t-vn": enabled = true is not an argument; expected one of clusterId, install, version, config, cleanupCloudResources, vSwitchIds, securityGroupId.',
    ],
];

rejectionTable("VirtualNode", VIRTUAL_NODE_ARGS, (args) => new VirtualNode("t-vn", args as never), rows);
