import {
    ADDON_TYPE,
    CLUSTER_TYPE,
    EIP_ASSOCIATION_TYPE,
    EIP_TYPE,
    IMAGE_CACHE_TYPE,
    KUBERNETES_PROVIDER_TYPE,
    NAT_TYPE,
    NODE_POOL_TYPE,
    SECURITY_GROUP_TYPE,
    SNAT_ENTRY_TYPE,
    VPC_TYPE,
    VSWITCH_TYPE,
} from "../resourceTypes";

/**
 * Which changed inputs make `pulumi up` replace a resource instead of updating it, in one place.
 * The mock engine does not diff, so the plan decides from these lists, taken from the providers' own
 * sources; tests/plan/compare/replacement.test.ts checks every alicloud property against @pulumi/alicloud.
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
    [CLUSTER_TYPE]: {
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
    [NODE_POOL_TYPE]: {
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
    [ADDON_TYPE]: { terraform: "alicloud_cs_kubernetes_addon", properties: ["clusterId", "name"] },
    [VPC_TYPE]: { terraform: "alicloud_vpc", properties: ["ipv6CidrBlock", "isDefault", "userCidrs"] },
    [VSWITCH_TYPE]: {
        terraform: "alicloud_vswitch",
        properties: ["availabilityZone", "cidrBlock", "isDefault", "vpcId", "zoneId"],
    },
    [SECURITY_GROUP_TYPE]: { terraform: "alicloud_security_group", properties: ["securityGroupType", "vpcId"] },
    [NAT_TYPE]: {
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
    [EIP_TYPE]: {
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
    [EIP_ASSOCIATION_TYPE]: {
        terraform: "alicloud_eip_association",
        properties: ["allocationId", "instanceId", "instanceType", "privateIpAddress", "vpcId"],
    },
    [SNAT_ENTRY_TYPE]: { terraform: "alicloud_snat_entry", properties: ["snatTableId", "sourceCidr", "sourceVswitchId"] },
    [IMAGE_CACHE_TYPE]: {
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
    [KUBERNETES_PROVIDER_TYPE]: ["clusterIdentifier"],
};
