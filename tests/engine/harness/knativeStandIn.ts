// A STAND-IN for the parts of Knative Serving's controller that cannot run here (its activator, autoscaler and
// networking layer), owned by the engine tests. Knative's own code does the rest: its webhook admits every Service
// (knativeWebhook.ts), and each revision's Deployment is the one Knative's revision reconciler makes
// (tests/knative-helper `deploy`: MakeConfiguration, MakeRevision, MakeDeployment). This stand-in:
// - creates that Deployment `<revision>-deployment` for a new revision (`<service>-<generation>`, one per change of
//   the Service) and, as the autoscaler would without traffic, scales it from Knative's initial scale to min-scale
//   (at least 1, at most max-scale); older revisions are scaled to zero;
// - writes the Service's status: `Ready` once the revision's pods are ready, `url`, `latestReadyRevisionName`, traffic.
// It creates no Configuration, Revision or Route objects (the Service owns the Deployment, so Kubernetes' garbage
// collector removes it with the Service), and no networking.
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };
import * as crypto from "node:crypto";
import { type ConfigMap, knativeDeploy } from "../../knative/knativeHelper";
import { isConflict, isNotFound, isTransient, type Kube, orMissing } from "./kube";
import { Loop } from "./loop";
import { podSelector, type RevisionFailure, revisionFailure } from "./standInFailure";

const GROUP = "serving.knative.dev";
const SERVICE_LABEL = `${GROUP}/service`;
const MIN_SCALE = "autoscaling.knative.dev/min-scale";
const MAX_SCALE = "autoscaling.knative.dev/max-scale";
/** Knative's default domain (config-domain unset) and domain template `{{.Name}}.{{.Namespace}}.{{.Domain}}`. */
const DOMAIN = "example.com";

interface KnativeServiceObject {
    apiVersion: string;
    kind: string;
    metadata: K8s.V1ObjectMeta;
    spec?: { template?: { metadata?: K8s.V1ObjectMeta; spec?: Record<string, unknown> } };
    status?: Record<string, unknown>;
}

export function revisionName(svc: KnativeServiceObject): string {
    // A named revision (spec.template.metadata.name) keeps its name, as Knative's MakeRevision does.
    const named = svc.spec?.template?.metadata?.name;
    if (named) return named;
    return `${svc.metadata.name}-${String(svc.metadata.generation ?? 1).padStart(5, "0")}`;
}

/**
 * Replicas Knative's autoscaler keeps for a revision that receives no traffic once it started at its initial scale:
 * min-scale, at least 1 (this stand-in never scales to zero), at most max-scale.
 */
export function replicasOf(svc: KnativeServiceObject): number {
    const annotations = svc.spec?.template?.metadata?.annotations ?? {};
    const min = Number(annotations[MIN_SCALE] ?? "0");
    const max = Number(annotations[MAX_SCALE] ?? "0");
    const replicas = Math.max(1, Number.isFinite(min) ? min : 0);
    return max > 0 ? Math.min(replicas, max) : replicas;
}

/** The knative-serving ConfigMaps Knative's controllers read, as the cluster holds them now. */
async function knativeConfigMaps(kube: Kube): Promise<ConfigMap[]> {
    const list = await kube.core.listNamespacedConfigMap({ namespace: "knative-serving" });
    return list.items.map((cm) => ({ metadata: { name: cm.metadata!.name!, namespace: "knative-serving" }, data: cm.data ?? {} }));
}

/**
 * The Deployment Knative's own controllers make for the Service's latest revision (tests/knative-helper `deploy`:
 * Knative's MakeConfiguration, MakeRevision and MakeDeployment), owned by the Service instead of the Revision this
 * stand-in does not create, so Kubernetes' garbage collector removes it with the Service.
 */
export function revisionDeployment(svc: KnativeServiceObject, configMaps: ConfigMap[]): K8s.V1Deployment {
    const service = { apiVersion: svc.apiVersion, kind: svc.kind, metadata: { ...svc.metadata, managedFields: undefined }, spec: svc.spec };
    // The uid a stored Revision would have: Knative selects the revision's pods by it.
    const revisionUID = crypto.randomUUID();
    const { deployment } = knativeDeploy(service, { configMaps, configurationGeneration: svc.metadata.generation ?? 1, revisionUID });
    deployment.metadata!.ownerReferences = [
        {
            apiVersion: svc.apiVersion,
            kind: svc.kind,
            name: svc.metadata.name!,
            uid: svc.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
        },
    ];
    return deployment;
}

function condition(type: string, ready: boolean, now: string, failure?: RevisionFailure): Record<string, string> {
    if (failure && type !== "RoutesReady") return { type, status: "False", ...failure, lastTransitionTime: now };
    return ready
        ? { type, status: "True", lastTransitionTime: now }
        : { type, status: "Unknown", reason: "Deploying", message: "waiting for the revision's pods", lastTransitionTime: now };
}

/** The Service's status once its latest revision is (or is not yet) ready, or has failed. */
export function serviceStatus(svc: KnativeServiceObject, ready: boolean, now: string, failure?: RevisionFailure): Record<string, unknown> {
    const revision = revisionName(svc);
    const url = `http://${svc.metadata.name}.${svc.metadata.namespace}.${DOMAIN}`;
    const previous = (svc.status?.latestReadyRevisionName as string | undefined) ?? undefined;
    const served = ready ? revision : previous;
    return {
        observedGeneration: svc.metadata.generation,
        latestCreatedRevisionName: revision,
        ...(served ? { latestReadyRevisionName: served } : {}),
        conditions: ["ConfigurationsReady", "Ready", "RoutesReady"].map((t) => condition(t, ready, now, failure)),
        ...(ready ? { url, address: { url: `http://${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local` } } : {}),
        ...(served ? { traffic: [{ revisionName: served, latestRevision: true, percent: 100 }] } : {}),
    };
}

function sameReadiness(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
    const strip = (s: Record<string, unknown> | undefined) =>
        JSON.stringify({
            ...s,
            conditions: ((s?.conditions as Record<string, string>[] | undefined) ?? []).map(({ type, status }) => ({ type, status })),
        });
    return strip(a) === strip(b);
}

/** Runs the stand-in's reconcile loop until `stop()`. */
export class KnativeStandIn {
    private loop?: Loop;
    /**
     * Errors the loop met, other than the API server's transient answers (429 while a new CRD's storage initializes,
     * 5xx); a healthy run has none. Reconciliation retries on the next tick either way.
     */
    readonly errors: string[] = [];

    constructor(private readonly kube: Kube) {}

    start(intervalMs = 300): void {
        this.loop = new Loop(
            () =>
                this.reconcileAll().catch((e) => {
                    if (!isTransient(e)) this.errors.push(String(e?.body?.message ?? e));
                }),
            intervalMs,
        );
        this.loop.start();
    }

    async stop(): Promise<void> {
        await this.loop?.stop();
    }

    private async reconcileAll(): Promise<void> {
        const list = (await this.kube.custom.listClusterCustomObject({ group: GROUP, version: "v1", plural: "services" })) as {
            items: KnativeServiceObject[];
        };
        for (const svc of list.items) {
            if (svc.metadata.deletionTimestamp) continue;
            await this.reconcile(svc);
        }
    }

    private async reconcile(svc: KnativeServiceObject): Promise<void> {
        const namespace = svc.metadata.namespace!;
        const name = `${revisionName(svc)}-deployment`;
        let current = await orMissing(this.kube.apps.readNamespacedDeployment({ name, namespace }));
        if (!current) {
            try {
                current = await this.kube.apps.createNamespacedDeployment({
                    namespace,
                    body: revisionDeployment(svc, await knativeConfigMaps(this.kube)),
                });
            } catch (e) {
                if (!isConflict(e)) throw e;
                return;
            }
        }
        // The autoscaler's part: from the initial scale Knative's Deployment starts at, to what it keeps without traffic.
        const want = replicasOf(svc);
        if (current.spec?.replicas !== want) {
            current = await this.kube.apps.patchNamespacedDeployment(
                { name, namespace, body: { spec: { replicas: want } } },
                this.mergePatch(),
            );
        }
        // Older revisions keep their Deployment, scaled to zero (they receive no traffic).
        const revisions = await this.kube.apps.listNamespacedDeployment({
            namespace,
            labelSelector: `${SERVICE_LABEL}=${svc.metadata.name}`,
        });
        for (const d of revisions.items) {
            if (d.metadata?.name === name || d.spec?.replicas === 0) continue;
            await this.kube.apps.patchNamespacedDeploymentScale(
                { name: d.metadata!.name!, namespace, body: { spec: { replicas: 0 } } },
                this.mergePatch(),
            );
        }
        const ready =
            (current.status?.readyReplicas ?? 0) >= want &&
            (current.status?.observedGeneration ?? 0) >= (current.metadata?.generation ?? 1);
        const failure = ready ? undefined : await this.failureOf(revisionName(svc), current);
        const status = serviceStatus(svc, ready, new Date().toISOString(), failure);
        if (sameReadiness(svc.status, status)) return;
        try {
            await this.kube.custom.replaceNamespacedCustomObjectStatus({
                group: GROUP,
                version: "v1",
                namespace,
                plural: "services",
                name: svc.metadata.name!,
                body: { ...svc, status },
            });
        } catch (e) {
            // A newer version of the Service arrived meanwhile: the next tick reconciles it.
            if (!isConflict(e) && !isNotFound(e)) throw e;
        }
    }

    /** Knative's verdict on a revision whose pods cannot run (standInFailure.ts). */
    private async failureOf(revision: string, deployment: K8s.V1Deployment): Promise<RevisionFailure | undefined> {
        if ((deployment.status?.availableReplicas ?? 0) > 0) return undefined;
        const namespace = deployment.metadata!.namespace!;
        const pods = await this.kube.core.listNamespacedPod({ namespace, labelSelector: podSelector(deployment), limit: 1 });
        return revisionFailure(revision, deployment, pods.items);
    }

    private mergePatch(): K8s.ConfigurationOptions {
        const { k8s } = this.kube;
        return k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch);
    }
}
