export { KnativeService, type KnativeServiceArgs, type KnativeServiceManifest } from "./components/knativeService";
export type { NodeLabelArgs } from "./render/core/nodeLabelArgs";
export type {
    ResourcesArgs,
    SecurityContextArgs,
    TolerationArgs,
    VolumeArgs,
    VolumeMountArgs,
} from "./render/knativeService/knativeServiceArgs";
export { InputError, InputErrors } from "./render/core/errors";
export type { KnativeServiceObject } from "./render/core/k8sTypes";
export { renderKnativeService } from "./render/knativeService/knativeService";
export { Placement } from "./render/core/placement";
export type { ScalingSettings } from "./render/knativeService/knativeServiceArgs";
export { type NodeTaint, VirtualNode, type VirtualNodeArgs } from "./components/virtualNode";
export { KnativeServing, type KnativeServingArgs, KnativeSource } from "./components/knativeServing";
export { EciNamespace, type EciNamespaceArgs } from "./components/eciNamespace";
export type { KnativeServingObject } from "./render/knativeServing/knativeServing";
export { AckCluster, type AckAddonArgs, type AckClusterArgs, type AckNodePoolArgs } from "./components/ackCluster";
export { AckClusterKind, AckClusterMode, type AckClusterPlan, planAckCluster } from "./render/cluster/ackCluster";
export { KubeconfigEndpoint } from "./render/cluster/kubeconfig";
export {
    KnativeEciPlatform,
    type KnativeEciPlatformArgs,
    type PlatformKnativeArgs,
    type PlatformVirtualNodeArgs,
} from "./components/knativeEciPlatform";
export type { EcsFirstArgs, ImageCacheArgs, RegistryCredentialArgs } from "./render/knativeService/knativeServiceArgs";
export { ImageCacheMode, SpotStrategy, type SpotSettings } from "./render/knativeService/knativeServiceArgs";
export { EcsFirstStrategy } from "./render/knativeService/resourcePolicy";
