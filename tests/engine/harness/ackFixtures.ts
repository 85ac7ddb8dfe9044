// What an ACK cluster with Knative and ack-virtual-node holds before the stack runs, recreated on the local
// control plane: two ECS nodes (not yet labeled resource-role=ecs: the stack labels them), the ECI virtual node,
// Knative Serving's CRDs and its config-features ConfigMap (read from the knative.dev/serving module), and
// kube-system/eci-profile as ACK creates it.
import * as fs from "node:fs";
import * as path from "node:path";
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };

/** Nodes kwok manages carry this annotation. */
const KWOK_ANNOTATION = { "kwok.x-k8s.io/node": "fake" };

export const REGION = "cn-hangzhou";
export const ECS_NODES = [`${REGION}.ecs-node-1`, `${REGION}.ecs-node-2`] as const;
export const VIRTUAL_NODE = "virtual-node-eci-0";
/** A label ACK puts on ECS nodes that the stack never sets: destroy must leave it. */
export const NODE_POOL_LABEL = { key: "alibabacloud.com/nodepool-id", value: "np-engine-tests" };
/** An ECI setting that ACK writes and the stack does not manage: destroy must leave it. */
export const ECI_PROFILE_UNMANAGED = { key: "enableClusterIp", value: "true" };

const ECS_CAPACITY = { cpu: "4", memory: "16Gi", pods: "64", "ephemeral-storage": "100Gi" };
// The virtual node reports a large pool, as ack-virtual-node does; kept moderate so scheduling scores stay comparable.
const VIRTUAL_CAPACITY = { cpu: "16", memory: "64Gi", pods: "200", "ephemeral-storage": "500Gi" };

function node(name: string, labels: Record<string, string>, capacity: Record<string, string>, taints: K8s.V1Taint[]): K8s.V1Node {
    return {
        apiVersion: "v1",
        kind: "Node",
        metadata: {
            name,
            annotations: KWOK_ANNOTATION,
            labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", ...labels },
        },
        spec: { taints },
        status: { capacity, allocatable: capacity },
    };
}

export function ackNodes(): K8s.V1Node[] {
    const zone = { "topology.kubernetes.io/region": REGION, "topology.kubernetes.io/zone": `${REGION}-k` };
    return [
        ...ECS_NODES.map((name) =>
            node(
                name,
                { ...zone, "node.kubernetes.io/instance-type": "ecs.c7.xlarge", [NODE_POOL_LABEL.key]: NODE_POOL_LABEL.value },
                ECS_CAPACITY,
                [],
            ),
        ),
        node(VIRTUAL_NODE, { ...zone, type: "virtual-kubelet", "kubernetes.io/role": "agent" }, VIRTUAL_CAPACITY, [
            { key: "virtual-kubelet.io/provider", value: "alibabacloud", effect: "NoSchedule" },
        ]),
    ];
}

/** Every YAML document of Knative Serving's CRDs (config/core/300-resources). */
export function knativeCrdDocuments(knativeServingDir: string): string[] {
    const dir = path.join(knativeServingDir, "config", "core", "300-resources");
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

/** Knative's own config-features ConfigMap (config/core/configmaps/features.yaml). */
export function knativeFeaturesDocument(knativeServingDir: string): string {
    return fs.readFileSync(path.join(knativeServingDir, "config", "core", "configmaps", "features.yaml"), "utf8");
}

/** kube-system/eci-profile as ack-virtual-node creates it (keys from ACK's eci-profile documentation). */
export function eciProfile(): K8s.V1ConfigMap {
    return {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "eci-profile", namespace: "kube-system" },
        data: {
            vpcId: "vpc-bp1enginetests0000000",
            vSwitchIds: "vsw-bp1enginetests0000001",
            securityGroupId: "sg-bp1enginetests000000",
            [ECI_PROFILE_UNMANAGED.key]: ECI_PROFILE_UNMANAGED.value,
            enableHybridMode: "false",
            enablePrivateZone: "false",
            selectors: "",
        },
    };
}
