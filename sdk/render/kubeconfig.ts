import * as yaml from "js-yaml";
import { InputError, redaction } from "./errors";

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
    const fail = (): never => {
        const shown = typeof kubeconfig === "string" ? redaction(kubeconfig) : undefined;
        throw new InputError(
            resource,
            field,
            shown ?? kubeconfig,
            "expected a kubeconfig (YAML or JSON) whose current context, or only cluster, has a server URL",
            shown === undefined ? {} : { shown: `= ${shown}` },
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
    return typeof server === "string" && /^https?:\/\/\S+$/.test(server) ? server : fail();
}
