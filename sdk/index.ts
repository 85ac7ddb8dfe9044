export { KnativeService, type KnativeServiceArgs, type KnativeServiceManifest } from "./components/knativeService";
export type {
    NodeLabelArgs,
    ResourcesArgs,
    SecurityContextArgs,
    TolerationArgs,
    VolumeArgs,
    VolumeMountArgs,
} from "./render/knativeServiceArgs";
export { InputError } from "./render/errors";
export type { KnativeServiceObject } from "./render/k8sTypes";
export { renderKnativeService } from "./render/knativeService";
export { Placement } from "./render/placement";
export type { ScalingSettings } from "./render/scaling";
export { type NodeTaint, VirtualNode, type VirtualNodeArgs } from "./components/virtualNode";
export { KnativeServing, type KnativeServingArgs, KnativeSource } from "./components/knativeServing";
export { EciNamespace, type EciNamespaceArgs } from "./components/eciNamespace";
export type { KnativeServingObject } from "./render/knativeServing";
export { AckCluster, type AckAddonArgs, type AckClusterArgs, type AckNodePoolArgs } from "./components/ackCluster";
export { AckClusterMode, type AckClusterPlan, planAckCluster } from "./render/ackCluster";
export { KubeconfigEndpoint } from "./render/kubeconfig";
export {
    KnativeEciPlatform,
    type KnativeEciPlatformArgs,
    type PlatformKnativeArgs,
    type PlatformVirtualNodeArgs,
} from "./components/knativeEciPlatform";
export type { EcsFirstArgs, ImageCacheArgs, RegistryCredentialArgs } from "./render/knativeServiceArgs";
export { ImageCacheMode, SpotStrategy, type SpotSettings } from "./render/eciOptions";
export { EcsFirstStrategy } from "./render/resourcePolicy";
