// The integration tests' view of the cluster, through @kubernetes/client-node. The package is ESM-only ("type":
// "module"), so it is loaded with a real dynamic import(), which module "nodenext" preserves (as tests/knativeSchema.ts
// does); only types are imported statically.
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };
import {
    GATEWAY_CANDIDATES,
    gatewayFromKIngress,
    type KIngressStatusLike,
    loadBalancerAddress,
    type NodeLike,
    type PodLike,
    type ServiceLike,
    type ServiceRef,
} from "./checks";
import { isNotFound, loadK8s } from "../engine/harness/kube";

/** Read-only access to the test cluster: pods, nodes, Services and Knative's KIngress status. */
export class Cluster {
    private constructor(
        private readonly core: K8s.CoreV1Api,
        private readonly custom: K8s.CustomObjectsApi,
    ) {}

    /** From a kubeconfig string (the stack's `kubeconfig` output), or the default one (KUBECONFIG, ~/.kube/config). */
    static async connect(kubeconfig: string | undefined): Promise<Cluster> {
        const k8s = await loadK8s();
        const kc = new k8s.KubeConfig();
        if (kubeconfig) kc.loadFromString(kubeconfig);
        else kc.loadFromDefault();
        return new Cluster(kc.makeApiClient(k8s.CoreV1Api), kc.makeApiClient(k8s.CustomObjectsApi));
    }

    async pods(namespace: string, labelSelector: string): Promise<PodLike[]> {
        return (await this.core.listNamespacedPod({ namespace, labelSelector })).items as PodLike[];
    }

    async nodes(): Promise<NodeLike[]> {
        return (await this.core.listNode()).items as NodeLike[];
    }

    async service(ref: ServiceRef): Promise<ServiceLike | undefined> {
        try {
            return (await this.core.readNamespacedService({ name: ref.serviceName, namespace: ref.namespace })) as ServiceLike;
        } catch (e) {
            if (isNotFound(e)) return undefined;
            throw e;
        }
    }

    /** Status of the Knative Ingress (KIngress) Knative names after the Service's route. */
    async kingressStatus(ref: ServiceRef): Promise<KIngressStatusLike | undefined> {
        try {
            const obj = (await this.custom.getNamespacedCustomObject({
                group: "networking.internal.knative.dev",
                version: "v1alpha1",
                namespace: ref.namespace,
                plural: "ingresses",
                name: ref.serviceName,
            })) as { status?: KIngressStatusLike };
            return obj.status;
        } catch (e) {
            if (isNotFound(e)) return undefined;
            throw e;
        }
    }

    /**
     * The public address of the ingress gateway that serves `ref`: what its KIngress status names (an address, or a
     * Service whose LoadBalancer address is read), else the first of GATEWAY_CANDIDATES with a LoadBalancer address.
     * Returns the address and how it was found, or undefined while none has an address yet.
     */
    async gatewayAddress(ref: ServiceRef): Promise<{ address: string; via: string } | undefined> {
        const named = gatewayFromKIngress(await this.kingressStatus(ref));
        if (named && "address" in named) return { address: named.address, via: `KIngress ${ref.namespace}/${ref.serviceName}` };
        const candidates = named ? [named.service, ...GATEWAY_CANDIDATES] : GATEWAY_CANDIDATES;
        for (const svc of candidates) {
            const address = loadBalancerAddress(await this.service(svc));
            if (address) return { address, via: `Service ${svc.namespace}/${svc.serviceName}` };
        }
        return undefined;
    }
}
