import * as yaml from "js-yaml";
import { InputError, redaction } from "../core/errors";

interface KubeconfigDoc {
    "current-context"?: string;
    contexts?: { name?: string; context?: { cluster?: string } }[];
    clusters?: { name?: string; cluster?: { server?: string } }[];
}

/**
 * The API server URL a kubeconfig's current context points at (or its only cluster's). It identifies
 * the cluster across credential rotations, so it serves as the Kubernetes provider's
 * `clusterIdentifier` when a cluster is adopted by kubeconfig alone.
 *
 * Throws `InputError` for text that is not such a kubeconfig; the message never shows the kubeconfig,
 * which holds credentials.
 */
export function kubeconfigServer(resource: string, field: string, kubeconfig: string): string {
    return givenKubeconfig(resource, field, kubeconfig).server;
}

/** A kubeconfig given to adopt a cluster, and the API server URL that identifies the cluster (see `kubeconfigServer`). */
export interface GivenKubeconfig {
    kubeconfig: string;
    server: string;
}

/** The given kubeconfig with its API server URL; throws `InputError` as `kubeconfigServer` does, also when none is given. */
export function givenKubeconfig(resource: string, field: string, kubeconfig: string | undefined): GivenKubeconfig {
    const fail = (): never => {
        const shown = typeof kubeconfig === "string" ? redaction(kubeconfig) : undefined;
        throw new InputError(
            resource,
            field,
            shown ?? kubeconfig,
            "expected a kubeconfig (YAML or JSON) whose current context, or only cluster, has a server URL",
            // The engine shows a problem's value beside its property unless it is a secret: this one is.
            shown === undefined ? { secretValue: true } : { shown: `= ${shown}`, secretValue: true },
        );
    };
    if (typeof kubeconfig !== "string" || kubeconfig.trim() === "") return fail();
    let doc: KubeconfigDoc;
    try {
        doc = yaml.load(kubeconfig) as KubeconfigDoc;
    } catch {
        return fail();
    }
    if (typeof doc !== "object" || doc === null) return fail();
    const clusters = Array.isArray(doc.clusters) ? doc.clusters : [];
    const contexts = Array.isArray(doc.contexts) ? doc.contexts : [];
    const context = contexts.find((c) => c?.name === doc["current-context"]);
    const cluster = context ? clusters.find((c) => c?.name === context.context?.cluster) : clusters.length === 1 ? clusters[0] : undefined;
    const server = cluster?.cluster?.server;
    return typeof server === "string" && /^https?:\/\/\S+$/.test(server) ? { kubeconfig, server } : fail();
}

/** Which API server endpoint the kubeconfig of an `AckCluster` points at. */
export const KubeconfigEndpoint = {
    /** The internet endpoint: what `cs.getClusterCredential` returns (it asks ACK with `PrivateIpAddress: false`). */
    Public: "public",
    /** The VPC (intranet) endpoint, for stacks that run inside the VPC or over VPN/CEN. */
    Private: "private",
} as const;
export type KubeconfigEndpoint = (typeof KubeconfigEndpoint)[keyof typeof KubeconfigEndpoint];

/** A cluster's API server endpoints, as `ManagedKubernetes.connections` reports them (`""` when absent). */
export interface ApiServerEndpoints {
    apiServerInternet?: string;
    apiServerIntranet?: string;
}

const SERVER_URL = /^https:\/\/\S+$/;

/**
 * The kubeconfig to use for the chosen endpoint. ACK's provider only fetches the internet credential, so for
 * `"private"` the server of the kubeconfig's current cluster is replaced by the intranet endpoint (the same
 * cluster CA and client credential apply: ACK's intranet kubeconfig differs only in its server). Runs at
 * deployment; a missing endpoint is an `InputError` naming the fix. The kubeconfig never appears in messages.
 */
export function kubeconfigForEndpoint(
    resource: string,
    kubeconfig: string,
    endpoint: KubeconfigEndpoint,
    endpoints: ApiServerEndpoints | undefined,
): string {
    // Endpoints not reported at all (an older provider without connections, Pulumi's test mocks): the
    // credential ACK issued is used as is.
    if (endpoints === undefined) return kubeconfig;
    const internet = endpoints.apiServerInternet ?? "";
    const intranet = endpoints.apiServerIntranet ?? "";
    if (endpoint === KubeconfigEndpoint.Public) {
        if (internet === "") {
            throw new InputError(
                resource,
                "kubeconfigEndpoint",
                endpoint,
                'expected "private": the cluster has no public API server endpoint (ACK reports none); set apiServerPublic: true on a created cluster, or use "private" from inside the VPC',
            );
        }
        return kubeconfig;
    }
    if (!SERVER_URL.test(intranet)) {
        throw new InputError(
            resource,
            "kubeconfigEndpoint",
            endpoint,
            `expected "public": ACK reports no intranet API server endpoint for the cluster (got ${JSON.stringify(intranet)})`,
        );
    }
    kubeconfigServer(resource, "kubeconfig", kubeconfig);
    const doc = yaml.load(kubeconfig) as KubeconfigDoc;
    const clusters = doc.clusters ?? [];
    const context = (doc.contexts ?? []).find((c) => c?.name === doc["current-context"]);
    const target = context ? clusters.find((c) => c?.name === context.context?.cluster) : clusters[0];
    target!.cluster!.server = intranet;
    return yaml.dump(doc, { lineWidth: -1 });
}

/**
 * The endpoint an adopted cluster's kubeconfig uses by default: the intranet one when the cluster reports only
 * that, else the public one (also when the endpoints are not reported: ACK's credential is then used as is).
 */
export function defaultKubeconfigEndpoint(endpoints: ApiServerEndpoints | undefined): KubeconfigEndpoint {
    const onlyIntranet = !endpoints?.apiServerInternet && SERVER_URL.test(endpoints?.apiServerIntranet ?? "");
    return onlyIntranet ? KubeconfigEndpoint.Private : KubeconfigEndpoint.Public;
}
