// The programs `npm run bench:engine` deploys: `count` Knative Services through KnativeService, and the same
// Services declared as plain Kubernetes resources (one serving.knative.dev/v1 Service each, with the ECI
// placement written out by hand and the same readiness wait), so the difference is what the component costs.
import { CustomResource } from "@pulumi/kubernetes/apiextensions";
import { Namespace } from "@pulumi/kubernetes/core/v1";
import { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService } from "../sdk";

const IMAGE = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
const NAMESPACE = "bench";

const name = (i: number) => `svc-${String(i).padStart(3, "0")}`;

function setup(kubeconfig: string): { provider: Provider; namespace: Namespace } {
    const provider = new Provider("bench", { kubeconfig: pulumi.secret(kubeconfig) });
    const namespace = new Namespace(NAMESPACE, { metadata: { name: NAMESPACE } }, { provider });
    return { provider, namespace };
}

/** `count` Services through the component, placement `eci`. */
export function componentServices(kubeconfig: string, count: number): void {
    const { provider, namespace } = setup(kubeconfig);
    for (let i = 0; i < count; i++) {
        const serviceName = name(i);
        new KnativeService(
            serviceName,
            { namespace: NAMESPACE, placement: "eci", image: IMAGE, env: { TARGET: serviceName }, eciSpecs: ["2-4Gi"] },
            { provider, dependsOn: [namespace] },
        );
    }
}

/** The same Services as plain custom resources: what the component renders for `eci`, written by hand. */
export function plainServices(kubeconfig: string, count: number): void {
    const { provider, namespace } = setup(kubeconfig);
    for (let i = 0; i < count; i++) {
        const serviceName = name(i);
        new CustomResource(
            serviceName,
            {
                apiVersion: "serving.knative.dev/v1",
                kind: "Service",
                metadata: {
                    name: serviceName,
                    namespace: NAMESPACE,
                    annotations: { "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "600" },
                },
                spec: {
                    template: {
                        metadata: { annotations: { "k8s.aliyun.com/eci-use-specs": "2-4Gi" } },
                        spec: {
                            containers: [{ image: IMAGE, env: [{ name: "TARGET", value: serviceName }] }],
                            affinity: {
                                nodeAffinity: {
                                    requiredDuringSchedulingIgnoredDuringExecution: {
                                        nodeSelectorTerms: [
                                            { matchExpressions: [{ key: "type", operator: "In", values: ["virtual-kubelet"] }] },
                                        ],
                                    },
                                },
                            },
                            tolerations: [{ key: "virtual-kubelet.io/provider", operator: "Exists" }],
                        },
                    },
                },
            },
            { provider, dependsOn: [namespace] },
        );
    }
}
