export { KnativeService, type KnativeServiceArgs } from "./components/knativeService";
export type {
    NodeLabelArgs,
    ResourcesArgs,
    SecurityContextArgs,
    TolerationArgs,
    VolumeArgs,
    VolumeMountArgs,
} from "./components/knativeServiceArgs";
export { InputError } from "./render/errors";
export type { KnativeServiceObject } from "./render/k8sTypes";
export { renderKnativeService } from "./render/knativeService";
export { Placement } from "./render/placement";
export type { ScalingSettings } from "./render/scaling";
