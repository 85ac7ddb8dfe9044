// A STAND-IN for Knative Serving's controller, owned by the engine tests (Knative's real controller needs its
// webhook, activator and networking layer, which cannot run here). It does only the part of Knative's
// reconciler that decides scheduling and readiness:
// - for each Knative Service, a Deployment `<revision>-deployment` whose pod template is the revision template —
//   the user container(s) with Knative's default name and env, a queue-proxy sidecar, the
//   `serving.knative.dev/*` labels, the template's annotations — with min-scale (at least 1) replicas;
//   a new revision (`<service>-<generation>`) for each change of the Service, older revisions scaled to zero;
// - the Service's status: `Ready` once the revision's pods are ready, `url`, `latestReadyRevisionName`, traffic.
// It creates no Configuration, Revision or Route objects (the Deployment is owned by the Service, so Kubernetes'
// garbage collector removes it with the Service), and no networking.
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };
import { isConflict, isNotFound, isTransient, type Kube, orMissing } from "./kube";
import { podSelector, type RevisionFailure, revisionFailure } from "./standInFailure";

const GROUP = "serving.knative.dev";
const SERVICE_LABEL = `${GROUP}/service`;
const REVISION_LABEL = `${GROUP}/revision`;
const CONFIGURATION_LABEL = `${GROUP}/configuration`;
const MIN_SCALE = "autoscaling.knative.dev/min-scale";
const MAX_SCALE = "autoscaling.knative.dev/max-scale";
/** Knative's default domain (config-domain unset) and domain template `{{.Name}}.{{.Namespace}}.{{.Domain}}`. */
const DOMAIN = "example.com";
/** Revision-only fields of a revision template's spec: not part of the pod spec. */
const REVISION_FIELDS = ["containerConcurrency", "timeoutSeconds", "responseStartTimeoutSeconds", "idleTimeoutSeconds"];

interface KnativeServiceObject {
    apiVersion: string;
    kind: string;
    metadata: K8s.V1ObjectMeta;
    spec?: { template?: { metadata?: K8s.V1ObjectMeta; spec?: Record<string, unknown> } };
    status?: Record<string, unknown>;
}

export function revisionName(svc: KnativeServiceObject): string {
    return `${svc.metadata.name}-${String(svc.metadata.generation ?? 1).padStart(5, "0")}`;
}

/** Replicas Knative keeps for a revision that receives no traffic: min-scale, at least the initial scale of 1. */
export function replicasOf(svc: KnativeServiceObject): number {
    const annotations = svc.spec?.template?.metadata?.annotations ?? {};
    const min = Number(annotations[MIN_SCALE] ?? "0");
    const max = Number(annotations[MAX_SCALE] ?? "0");
    const replicas = Math.max(1, Number.isFinite(min) ? min : 0);
    return max > 0 ? Math.min(replicas, max) : replicas;
}

/** The Deployment Knative's reconciler makes for the Service's latest revision. */
export function revisionDeployment(svc: KnativeServiceObject): K8s.V1Deployment {
    const name = svc.metadata.name!;
    const revision = revisionName(svc);
    const template = svc.spec?.template ?? {};
    const spec = { ...(template.spec ?? {}) } as Record<string, unknown>;
    for (const field of REVISION_FIELDS) delete spec[field];
    const containers = ((spec.containers as K8s.V1Container[] | undefined) ?? []).map((c, i) => ({
        ...c,
        name: c.name ?? (i === 0 ? "user-container" : `container-${i}`),
        env: [
            ...(c.env ?? []),
            { name: "PORT", value: String(c.ports?.[0]?.containerPort ?? 8080) },
            { name: "K_REVISION", value: revision },
            { name: "K_CONFIGURATION", value: name },
            { name: "K_SERVICE", value: name },
        ],
    }));
    const queueProxy: K8s.V1Container = {
        name: "queue-proxy",
        image: "gcr.io/knative-releases/knative.dev/serving/cmd/queue",
        ports: [
            { name: "http-queueadm", containerPort: 8022 },
            { name: "http1", containerPort: 8012 },
        ],
        resources: { requests: { cpu: "25m" } },
    };
    const labels = {
        ...(template.metadata?.labels ?? {}),
        [SERVICE_LABEL]: name,
        [CONFIGURATION_LABEL]: name,
        [REVISION_LABEL]: revision,
        app: revision,
    };
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: {
            name: `${revision}-deployment`,
            namespace: svc.metadata.namespace,
            labels: { [SERVICE_LABEL]: name, [REVISION_LABEL]: revision },
            ownerReferences: [
                { apiVersion: svc.apiVersion, kind: svc.kind, name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true },
            ],
        },
        spec: {
            replicas: replicasOf(svc),
            selector: { matchLabels: { [REVISION_LABEL]: revision } },
            template: {
                metadata: { labels, annotations: template.metadata?.annotations },
                spec: { enableServiceLinks: false, ...(spec as unknown as K8s.V1PodSpec), containers: [...containers, queueProxy] },
            },
        },
    };
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
    private timer?: NodeJS.Timeout;
    private running?: Promise<void>;
    /**
     * Errors the loop met, other than the API server's transient answers (429 while a new CRD's storage initializes,
     * 5xx); a healthy run has none. Reconciliation retries on the next tick either way.
     */
    readonly errors: string[] = [];

    constructor(private readonly kube: Kube) {}

    start(intervalMs = 300): void {
        const tick = () => {
            this.running = this.reconcileAll()
                .catch((e) => {
                    if (!isTransient(e)) this.errors.push(String(e?.body?.message ?? e));
                })
                .finally(() => {
                    if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
                });
        };
        this.timer = setTimeout(tick, 0);
    }

    async stop(): Promise<void> {
        const timer = this.timer;
        this.timer = undefined;
        clearTimeout(timer);
        await this.running;
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
        const wanted = revisionDeployment(svc);
        const name = wanted.metadata!.name!;
        let current = await orMissing(this.kube.apps.readNamespacedDeployment({ name, namespace }));
        if (!current) {
            try {
                current = await this.kube.apps.createNamespacedDeployment({ namespace, body: wanted });
            } catch (e) {
                if (!isConflict(e)) throw e;
                return;
            }
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
        const want = wanted.spec!.replicas!;
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
