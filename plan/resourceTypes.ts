/**
 * The Pulumi type tokens plan/ knows by name, in one place: the engine answers for some, the sections
 * classify resources by them and compare's replacement rules are keyed by them. It imports nothing, so
 * every layer may use it.
 */

// Pulumi's own.
export const STACK_TYPE = "pulumi:pulumi:Stack";
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";
export const KUBERNETES_PROVIDER_TYPE = "pulumi:providers:kubernetes";

// Alibaba Cloud (@pulumi/alicloud): every type the package creates.
export const ALICLOUD_PREFIX = "alicloud:";
export const CLUSTER_TYPE = "alicloud:cs/managedKubernetes:ManagedKubernetes";
export const NODE_POOL_TYPE = "alicloud:cs/nodePool:NodePool";
export const ADDON_TYPE = "alicloud:cs/kubernetesAddon:KubernetesAddon";
export const VPC_TYPE = "alicloud:vpc/network:Network";
export const VSWITCH_TYPE = "alicloud:vpc/switch:Switch";
export const SECURITY_GROUP_TYPE = "alicloud:ecs/securityGroup:SecurityGroup";
export const NAT_TYPE = "alicloud:vpc/natGateway:NatGateway";
export const SNAT_ENTRY_TYPE = "alicloud:vpc/snatEntry:SnatEntry";
export const EIP_TYPE = "alicloud:ecs/eipAddress:EipAddress";
export const EIP_ASSOCIATION_TYPE = "alicloud:ecs/eipAssociation:EipAssociation";
export const IMAGE_CACHE_TYPE = "alicloud:eci/imageCache:ImageCache";

// Kubernetes (@pulumi/kubernetes): `kubernetes:<group>/<version>:<Kind>`.
export const KUBERNETES_PREFIX = "kubernetes:";
export const KSVC_TYPE = "kubernetes:serving.knative.dev/v1:Service";
export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
export const NAMESPACE_PATCH_TYPE = "kubernetes:core/v1:NamespacePatch";
export const NODE_PATCH_TYPE = "kubernetes:core/v1:NodePatch";
export const CONFIG_MAP_PATCH_TYPE = "kubernetes:core/v1:ConfigMapPatch";
export const RESOURCE_POLICY_TYPE = "kubernetes:scheduling.alibabacloud.com/v1alpha1:ResourcePolicy";
