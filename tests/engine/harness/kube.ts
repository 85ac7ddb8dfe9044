// The engine tests' Kubernetes client (@kubernetes/client-node, ESM-only: loaded with a real dynamic import()).
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };

let k8sModule: Promise<typeof K8s> | undefined;
export function loadK8s(): Promise<typeof K8s> {
    k8sModule ??= import("@kubernetes/client-node");
    return k8sModule;
}

export function isNotFound(e: unknown): boolean {
    return (e as { code?: number } | undefined)?.code === 404;
}

export function isConflict(e: unknown): boolean {
    const code = (e as { code?: number } | undefined)?.code;
    return code === 409;
}

/** An answer worth retrying: too many requests (e.g. a new CRD's storage initializing) or a server error. */
export function isTransient(e: unknown): boolean {
    const code = (e as { code?: number } | undefined)?.code;
    return code === 429 || (code !== undefined && code >= 500);
}

/** Typed clients for one cluster. */
export interface Kube {
    k8s: typeof K8s;
    core: K8s.CoreV1Api;
    apps: K8s.AppsV1Api;
    custom: K8s.CustomObjectsApi;
    objects: K8s.KubernetesObjectApi;
    extensions: K8s.ApiextensionsV1Api;
}

export async function connect(kubeconfig: string): Promise<Kube> {
    const k8s = await loadK8s();
    const kc = new k8s.KubeConfig();
    kc.loadFromString(kubeconfig);
    return {
        k8s,
        core: kc.makeApiClient(k8s.CoreV1Api),
        apps: kc.makeApiClient(k8s.AppsV1Api),
        custom: kc.makeApiClient(k8s.CustomObjectsApi),
        objects: k8s.KubernetesObjectApi.makeApiClient(kc),
        extensions: kc.makeApiClient(k8s.ApiextensionsV1Api),
    };
}

/** `undefined` for a 404, the value otherwise. */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
    try {
        return await read;
    } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
    }
}
