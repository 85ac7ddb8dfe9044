// The baseline of `npm run bench`: the guide's stack (guide/index.ts) declared resource by resource, with
// the same inputs, dependencies, provider and data-source calls the components produce, but no components
// and no validation. What the plan of the guide costs beyond this is the components' own overhead.
import * as cs from "@pulumi/alicloud/cs";
import * as ecs from "@pulumi/alicloud/ecs";
import { getZonesOutput } from "@pulumi/alicloud/getZones";
import * as vpc from "@pulumi/alicloud/vpc";
import * as apiextensions from "@pulumi/kubernetes/apiextensions";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";

const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
const instanceTypes = ["ecs.u1-c1m2.xlarge", "ecs.g7.xlarge", "ecs.g6.xlarge"];

const zones = pulumi
    .all([
        getZonesOutput({ availableResourceCreation: "VSwitch", availableInstanceType: instanceTypes[0] }).ids,
        vpc.getEnhancedNatAvailableZonesOutput({}).zones.apply((zs) => zs.map((z) => z.zoneId)),
    ])
    .apply(([ids, nat]) =>
        ids
            .filter((z) => nat.includes(z))
            .sort()
            .slice(0, 2),
    );
const network = new vpc.Network("raw-vpc", { vpcName: "raw-vpc", cidrBlock: "192.168.0.0/16" });
const vswitch = (name: string, cidr: string, zone: number) =>
    new vpc.Switch(
        name,
        { vswitchName: name, vpcId: network.id, cidrBlock: cidr, zoneId: zones.apply((z) => z[zone]) },
        { ignoreChanges: ["zoneId"] },
    );
const nodeSwitches = [vswitch("raw-vswitch-0", "192.168.0.0/20", 0), vswitch("raw-vswitch-1", "192.168.16.0/20", 1)];
const podSwitches = [vswitch("raw-pod-vswitch-0", "192.168.64.0/18", 0), vswitch("raw-pod-vswitch-1", "192.168.128.0/18", 1)];
const sg = new ecs.SecurityGroup("raw-sg", {
    securityGroupName: "raw-sg",
    vpcId: network.id,
    securityGroupType: "normal",
    innerAccessPolicy: "Accept",
    description: "ACK nodes, Terway pods and ECI pods",
});
const nat = new vpc.NatGateway("raw-nat", {
    natGatewayName: "raw-nat",
    vpcId: network.id,
    vswitchId: nodeSwitches[0].id,
    natType: "Enhanced",
    networkType: "internet",
    paymentType: "PayAsYouGo",
    internetChargeType: "PayByLcu",
});
const eip = new ecs.EipAddress("raw-eip", {
    addressName: "raw-eip",
    bandwidth: "100",
    internetChargeType: "PayByTraffic",
    paymentType: "PayAsYouGo",
});
const association = new ecs.EipAssociation("raw-eip-association", { allocationId: eip.id, instanceId: nat.id, instanceType: "Nat" });
const snat = [...nodeSwitches, ...podSwitches].map(
    (s, i) =>
        new vpc.SnatEntry(
            `raw-snat-${i}`,
            { snatTableId: nat.snatTableIds, sourceVswitchId: s.id, snatIp: eip.ipAddress },
            { dependsOn: [association] },
        ),
);

const cluster = new cs.ManagedKubernetes(
    "raw-cluster",
    {
        name: `ack-knative-eci-${pulumi.getStack()}`,
        clusterSpec: "ack.pro.small",
        vswitchIds: nodeSwitches.map((s) => s.id),
        podVswitchIds: podSwitches.map((s) => s.id),
        serviceCidr: "172.21.0.0/20",
        securityGroupId: sg.id,
        newNatGateway: false,
        slbInternetEnabled: true,
        deletionProtection: false,
        deleteOptions: [
            { deleteMode: "delete", resourceType: "SLB" },
            { deleteMode: "delete", resourceType: "ALB" },
            { deleteMode: "retain", resourceType: "SLS_Data" },
            { deleteMode: "retain", resourceType: "SLS_ControlPlane" },
        ],
        addons: [{ name: "terway-eniip" }, { name: "csi-plugin" }, { name: "csi-provisioner" }],
        proxyMode: "ipvs",
        skipSetCertificateAuthority: true,
    },
    { dependsOn: snat },
);
const pool = new cs.NodePool("raw-ecs-pool", {
    clusterId: cluster.id,
    nodePoolName: "raw-ecs",
    vswitchIds: nodeSwitches.map((s) => s.id),
    instanceTypes,
    instanceChargeType: "PostPaid",
    desiredSize: "2",
    scalingConfig: { enable: false },
    labels: [{ key: "resource-role", value: "ecs" }],
    systemDiskCategory: "cloud_essd",
    systemDiskSize: 40,
    multiAzPolicy: "BALANCE",
    securityGroupIds: [sg.id],
});
const kubeconfig = pulumi.secret(cs.getClusterCredentialOutput({ clusterId: cluster.id }).kubeConfig);
const provider = new KubernetesProvider("raw-provider", { kubeconfig, clusterIdentifier: cluster.id });

const knative = new cs.KubernetesAddon("raw-knative-addon", { clusterId: cluster.id, name: "knative" }, { dependsOn: [pool] });
const patched = { "pulumi.com/patchForce": "true" };
const features = new corev1.ConfigMapPatch(
    "raw-knative-features",
    {
        metadata: { name: "config-features", namespace: "knative-serving", annotations: patched },
        data: {
            "kubernetes.podspec-affinity": "enabled",
            "kubernetes.podspec-nodeselector": "enabled",
            "kubernetes.podspec-tolerations": "enabled",
        },
    },
    { provider, dependsOn: [knative], retainOnDelete: true },
);
const virtualNode = new cs.KubernetesAddon(
    "raw-virtual-node-addon",
    { clusterId: cluster.id, name: "ack-virtual-node", cleanupCloudResources: true },
    { dependsOn: [pool, ...podSwitches, sg] },
);
const eciProfile = new corev1.ConfigMapPatch(
    "raw-virtual-node-eci-profile",
    {
        metadata: { name: "eci-profile", namespace: "kube-system", annotations: patched },
        data: { securityGroupId: sg.id, vSwitchIds: pulumi.all(podSwitches.map((s) => s.id)).apply((ids) => ids.join(",")) },
    },
    { provider, dependsOn: [virtualNode], retainOnDelete: true },
);
const vk = new corev1.Namespace("raw-ns-vk", { metadata: { name: "vk", labels: {} } }, { provider });
const vkInjected = new corev1.Namespace(
    "raw-ns-vk-injected",
    { metadata: { name: "vk-injected", labels: { "virtual-node-affinity-injection": "enabled" } } },
    { provider },
);

const onEci = { nodeSelectorTerms: [{ matchExpressions: [{ key: "type", operator: "In", values: ["virtual-kubelet"] }] }] };
const onEcsOrEci = {
    nodeSelectorTerms: [
        { matchExpressions: [{ key: "resource-role", operator: "In", values: ["ecs"] }] },
        { matchExpressions: [{ key: "type", operator: "In", values: ["virtual-kubelet"] }] },
    ],
};
const toleration = [{ key: "virtual-kubelet.io/provider", operator: "Exists" }];
function ksvc(name: string, namespace: corev1.Namespace, affinity: object | undefined, extra: object = {}) {
    return new apiextensions.CustomResource(
        `raw-${name}-ksvc`,
        {
            apiVersion: "serving.knative.dev/v1",
            kind: "Service",
            metadata: {
                name,
                namespace: namespace.metadata.name,
                annotations: { "pulumi.com/timeoutSeconds": "600", "pulumi.com/waitFor": "condition=Ready" },
            },
            spec: {
                template: {
                    metadata: { annotations: { "k8s.aliyun.com/eci-use-specs": "2-4Gi" } },
                    spec: {
                        ...(affinity
                            ? {
                                  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: affinity } },
                                  tolerations: toleration,
                              }
                            : {}),
                        containers: [{ name: "user-container", image, env: [{ name: "TARGET", value: "Knative" }] }],
                        ...extra,
                    },
                },
            },
            status: undefined,
        },
        { provider, dependsOn: [knative, features, virtualNode, eciProfile, namespace] },
    );
}
const services = [
    ksvc("helloworld-go", vk, onEci),
    ksvc("helloworld-go-injected", vkInjected, undefined),
    ksvc("helloworld-go-mixed", vk, onEcsOrEci, { containerConcurrency: 10 }),
];

export const clusterId = cluster.id;
export { kubeconfig };
export const serviceUrls = pulumi
    .all(services.map((s) => pulumi.all([s.metadata.name, (s as unknown as { status: pulumi.Output<{ url: string }> }).status])))
    .apply((list) => Object.fromEntries(list.map(([name, status]) => [name, status.url])));
