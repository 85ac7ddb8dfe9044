// The same imports from an ES module (nodenext): named exports of the CommonJS package.
import { AckCluster, EciNamespace, InputError, KnativeEciPlatform, KnativeService, KnativeServing, VirtualNode } from "ack-knative-eci";
import type { KnativeEciPlatformArgs } from "ack-knative-eci";

const args: KnativeEciPlatformArgs = { services: [{ serviceName: "web", placement: "eci", image: "nginx:1.27" }] };
export const components = [AckCluster, EciNamespace, KnativeEciPlatform, KnativeService, KnativeServing, VirtualNode];
export function platform(): KnativeEciPlatform {
    return new KnativeEciPlatform("esm", args);
}
export { InputError };
