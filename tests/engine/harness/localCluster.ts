// The local stand-in for an ACK cluster with Knative and ack-virtual-node that every engine test deploys to: the
// control plane (controlPlane.ts), what ACK, Knative and ack-virtual-node put there before any stack runs
// (ackFixtures.ts), Knative's own admission webhooks (knativeWebhook.ts) and the Knative stand-in reconciling
// Services (knativeStandIn.ts).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ackNodes, eciProfile, knativeCrdDocuments, knativeFeaturesDocument } from "./ackFixtures";
import { ControlPlane } from "./controlPlane";
import { connect, type Kube } from "./kube";
import { KnativeStandIn } from "./knativeStandIn";
import { KnativeWebhook } from "./knativeWebhook";
import { KNATIVE_SERVICE_LABEL } from "../../integration/checks";
import { REQUIRED_FEATURES } from "../../../sdk/render/knativeServing/knativeServing";
import { findTools, type Tools } from "./tools";

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LocalCluster {
    tools: Tools;
    /** A fresh temporary directory: the cluster's data, the Pulumi home and state. */
    workDir: string;
    cp: ControlPlane;
    kube: Kube;
    standIn: KnativeStandIn;
    /** Knative's own admission webhooks, registered in the API server. */
    webhook: KnativeWebhook;
    /** Stops everything; removes the work directory unless `keep` (a failed test's evidence). */
    stop(keep: boolean): Promise<void>;
}

async function applyYaml(kube: Kube, documents: string[]): Promise<void> {
    for (const doc of documents) {
        for (const obj of kube.k8s.loadAllYaml(doc)) {
            if (obj) await kube.objects.create(obj);
        }
    }
}

/** What ACK, Knative and ack-virtual-node put in the cluster before the stack runs. */
async function seedCluster(kube: Kube, tools: Tools): Promise<void> {
    for (const node of ackNodes()) await kube.core.createNode({ body: node });
    await applyYaml(kube, knativeCrdDocuments(tools.knativeServingDir));
    await kube.core.createNamespace({ body: { metadata: { name: "knative-serving" } } });
    await applyYaml(kube, [knativeFeaturesDocument(tools.knativeServingDir)]);
    await kube.core.createNamespacedConfigMap({ namespace: "kube-system", body: eciProfile() });
    await kube.core.createNamespace({ body: { metadata: { name: "team-existing", labels: { owner: "platform-team" } } } });
    // The CRDs must be served before a stack applies Knative Services.
    const deadline = Date.now() + MINUTE;
    for (;;) {
        const crd = await kube.extensions.readCustomResourceDefinition({ name: "services.serving.knative.dev" });
        if (crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) break;
        if (Date.now() > deadline) throw new Error("Knative's services CRD was not Established within a minute");
        await sleep(200);
    }
}

/** Starts a seeded local cluster in a new temporary directory named after `purpose`. */
export async function startLocalCluster(purpose: string, log: (line: string) => void): Promise<LocalCluster> {
    const tools = findTools();
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `ack-knative-eci-${purpose}-`));
    log(`work directory ${workDir}`);
    const cp = await ControlPlane.start(tools, path.join(workDir, "cluster"));
    log(`control plane at ${cp.server}`);
    const kube = await connect(cp.kubeconfig);
    await seedCluster(kube, tools);
    const webhook = await KnativeWebhook.start(kube, cp.kubeconfigFile, path.join(workDir, "cluster", "knative-webhook.log"));
    const standIn = new KnativeStandIn(kube);
    standIn.start();
    return {
        tools,
        workDir,
        cp,
        kube,
        standIn,
        webhook,
        async stop(keep: boolean) {
            await standIn.stop();
            await webhook.stop();
            await cp.stop();
            if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
        },
    };
}

/**
 * What the README asks of a user whose Knative no stack of theirs manages ("If you bring your own Knative, enable
 * them"): the three podspec flags in `knative-serving/config-features`. Without them Knative's webhook rejects every
 * Service with affinity, tolerations or a node selector.
 */
export async function enablePodspecFlags(kube: Kube): Promise<void> {
    const mergePatch = kube.k8s.setHeaderOptions("Content-Type", kube.k8s.PatchStrategy.MergePatch);
    await kube.core.patchNamespacedConfigMap(
        { name: "config-features", namespace: "knative-serving", body: { data: { ...REQUIRED_FEATURES } } },
        mergePatch,
    );
}

/** The Service's pods that are not being deleted. */
export async function podsOf(kube: Kube, namespace: string, service: string) {
    return (await kube.core.listNamespacedPod({ namespace, labelSelector: `${KNATIVE_SERVICE_LABEL}=${service}` })).items.filter(
        (p) => !p.metadata?.deletionTimestamp,
    );
}

/** Waits until `count` of the Service's pods are bound and Running (kwok marks pods on fake nodes Running). */
export async function waitForRunningPods(kube: Kube, namespace: string, service: string, count: number): Promise<void> {
    const deadline = Date.now() + 3 * MINUTE;
    for (;;) {
        const pods = await podsOf(kube, namespace, service);
        const running = pods.filter((p) => p.spec?.nodeName && p.status?.phase === "Running");
        if (running.length >= count) return;
        if (Date.now() > deadline) {
            const states = pods.map((p) => `${p.metadata?.name}: ${p.spec?.nodeName ?? "unbound"} ${p.status?.phase}`).join("; ");
            throw new Error(`${namespace}/${service}: ${running.length} of ${count} pods Running after 3 minutes (${states || "no pods"})`);
        }
        await sleep(500);
    }
}
