/**
 * Which changed inputs make `pulumi up` replace a resource instead of updating it, in one place.
 * The mock engine does not diff, so the plan decides from these lists, taken from the providers' own
 * sources; tests/plan/replacementRules.test.ts checks every alicloud property against @pulumi/alicloud.
 */

/**
 * Kubernetes, from pulumi-kubernetes' provider (provider/pkg/provider/diff.go `forceNew` and
 * provider.go `Diff`, main branch, July 2026): every object is replaced when `.metadata.name` or
 * `.metadata.namespace` changes; `*Patch` resources only then. Per kind (`group/version/Kind`, core as
 * `v1/Kind`), the paths below; `[*]` is every list item. Secret and ConfigMap contents replace with the
 * provider's defaults (`enableSecretMutable` and `enableConfigMapMutable` off).
 */
export const KUBERNETES_IDENTITY = [".metadata.name", ".metadata.namespace"];

const CONTAINER_FIELDS = [
    "args",
    "command",
    "env",
    "image",
    "imagePullPolicy",
    "lifecycle",
    "livenessProbe",
    "ports",
    "readinessProbe",
    "resources",
    "securityContext",
    "stdin",
    "stdinOnce",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "tty",
    "volumeDevices",
    "volumeMounts",
    "workingDir",
];
const SELECTOR = [".spec.selector"];
const POD = [
    ...[
        "affinity",
        "automountServiceAccountToken",
        "dnsConfig",
        "dnsPolicy",
        "enableServiceLinks",
        "hostAliases",
        "hostIPC",
        "hostNetwork",
        "hostPID",
        "hostname",
        "imagePullSecrets",
        "nodeName",
        "nodeSelector",
        "overhead",
        "preemptionPolicy",
        "priority",
        "priorityClassName",
        "readinessGates",
        "restartPolicy",
        "runtimeClassName",
        "schedulerName",
        "securityContext",
        "serviceAccount",
        "serviceAccountName",
        "shareProcessNamespace",
        "subdomain",
        "terminationGracePeriodSeconds",
        "volumes",
    ].map((f) => `.spec.${f}`),
    ...["containers", "initContainers"].flatMap((list) => CONTAINER_FIELDS.map((f) => `.spec.${list}[*].${f}`)),
];
const STATEFUL_SET = [
    ".spec.podManagementPolicy",
    ".spec.revisionHistoryLimit",
    ".spec.selector",
    ".spec.serviceName",
    ".spec.volumeClaimTemplates",
];
const JOB = [".spec.completions", ".spec.parallelism", ".spec.selector", ".spec.template"];

export const KUBERNETES_FORCE_NEW: Record<string, string[]> = {
    "v1/Pod": POD,
    "v1/PersistentVolumeClaim": [".spec.accessModes", ".spec.selector", ".spec.storageClassName", ".spec.volumeName"],
    "v1/ResourceQuota": [".spec.scopes"],
    "v1/Secret": [".type", ".stringData", ".data"],
    "v1/ConfigMap": [".binaryData", ".data"],
    "v1/Service": [".spec.clusterIP"],
    "apps/v1/Deployment": SELECTOR,
    "apps/v1/DaemonSet": SELECTOR,
    "apps/v1/StatefulSet": STATEFUL_SET,
    "batch/v1/Job": JOB,
    "rbac.authorization.k8s.io/v1/RoleBinding": [".roleRef"],
    "rbac.authorization.k8s.io/v1/ClusterRoleBinding": [".roleRef"],
    "storage.k8s.io/v1/StorageClass": [".parameters", ".provisioner"],
};

/**
 * Alibaba Cloud: the properties marked `ForceNew: true` in terraform-provider-alicloud, which
 * @pulumi/alicloud bridges (aliyun/terraform-provider-alicloud, alicloud/resource_alicloud_<name>.go,
 * commit 81c43b6 of August 2026, after v1.289.0), for the resource types this package creates, as
 * Pulumi names the properties.
 */
export const ALICLOUD_FORCE_NEW: Record<string, { terraform: string; properties: string[] }> = {
    "alicloud:cs/managedKubernetes:ManagedKubernetes": {
        terraform: "alicloud_cs_managed_kubernetes",
        properties: [
            "apiAudiences",
            "autoMode",
            "clusterDomain",
            "ipStack",
            "nodeCidrMask",
            "podCidr",
            "profile",
            "proxyMode",
            "serviceAccountIssuer",
            "serviceCidr",
        ],
    },
    "alicloud:cs/nodePool:NodePool": {
        terraform: "alicloud_cs_kubernetes_node_pool",
        properties: [
            "autoMode",
            "cisEnabled",
            "clusterId",
            "deploymentSetId",
            "instanceMetadataOptions",
            "loginAsNonRoot",
            "nodeNameMode",
            "ramRoleName",
            "securityGroupId",
            "securityGroupIds",
            "securityHardeningOs",
            "socEnabled",
            "teeConfig",
            "type",
        ],
    },
    "alicloud:cs/kubernetesAddon:KubernetesAddon": { terraform: "alicloud_cs_kubernetes_addon", properties: ["clusterId", "name"] },
    "alicloud:vpc/network:Network": { terraform: "alicloud_vpc", properties: ["ipv6CidrBlock", "isDefault", "userCidrs"] },
    "alicloud:vpc/switch:Switch": {
        terraform: "alicloud_vswitch",
        properties: ["availabilityZone", "cidrBlock", "isDefault", "vpcId", "zoneId"],
    },
    "alicloud:ecs/securityGroup:SecurityGroup": { terraform: "alicloud_security_group", properties: ["securityGroupType", "vpcId"] },
    "alicloud:vpc/natGateway:NatGateway": {
        terraform: "alicloud_nat_gateway",
        properties: [
            "accessMode",
            "availabilityMode",
            "instanceChargeType",
            "internetChargeType",
            "paymentType",
            "privateLinkEnabled",
            "vpcId",
        ],
    },
    "alicloud:ecs/eipAddress:EipAddress": {
        terraform: "alicloud_eip_address",
        properties: [
            "allocationId",
            "highDefinitionMonitorLogStatus",
            "instanceChargeType",
            "internetChargeType",
            "ipAddress",
            "isp",
            "netmode",
            "paymentType",
            "publicIpAddressPoolId",
            "securityProtectionTypes",
            "zone",
        ],
    },
    "alicloud:ecs/eipAssociation:EipAssociation": {
        terraform: "alicloud_eip_association",
        properties: ["allocationId", "instanceId", "instanceType", "privateIpAddress", "vpcId"],
    },
    "alicloud:vpc/snatEntry:SnatEntry": { terraform: "alicloud_snat_entry", properties: ["snatTableId", "sourceCidr", "sourceVswitchId"] },
    "alicloud:eci/imageCache:ImageCache": {
        terraform: "alicloud_eci_image_cache",
        properties: [
            "eipInstanceId",
            "imageCacheName",
            "imageCacheSize",
            "imageRegistryCredentials",
            "images",
            "resourceGroupId",
            "retentionDays",
            "securityGroupId",
            "vswitchId",
            "zoneId",
        ],
    },
};

/** The Kubernetes provider's own resource: a changed `clusterIdentifier` replaces it (provider.go `DiffConfig`). */
export const PROVIDER_FORCE_NEW: Record<string, string[]> = {
    "pulumi:providers:kubernetes": ["clusterIdentifier"],
};
