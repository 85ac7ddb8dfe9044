// The upgrade fixture: a `pulumi stack export` of the guide's Kubernetes half (programs/kubernetesHalf.ts) as a
// released version of this package left it, committed at tests/engine/day2/fixtures/kubernetes-half.state.json. The day-2
// engine test previews the current code against it (docs/engine-tests.md says when to re-record).
//
// Re-record: `npm run record:upgrade-fixture` (starts a local control plane, runs `pulumi up`, exports, destroys).
import * as fs from "node:fs";
import * as path from "node:path";
import type { Deployment } from "@pulumi/pulumi/automation";
import kubernetesHalf from "../programs/kubernetesHalf";
import { startLocalCluster } from "../harness/localCluster";
import { engineStack, installKubernetesPlugin, streamTo } from "../harness/pulumiStack";
import { REPO_ROOT } from "../harness/tools";

export const UPGRADE_PROJECT = "ack-knative-eci-upgrade";
export const UPGRADE_STACK = "recorded";
export const UPGRADE_FIXTURE = path.join(REPO_ROOT, "tests", "engine", "day2", "fixtures", "kubernetes-half.state.json");
/** The recorded cluster's API server URL is written as this; a test puts its own cluster's URL back. */
export const RECORDED_SERVER = "https://recorded-control-plane.invalid:6443";
/**
 * The recorded kubeconfig (a secret: the export holds it in plain text, with the control plane's token) is written as
 * this; a test puts its own cluster's back, as a stack's state holds the kubeconfig of the cluster it manages.
 */
export const RECORDED_KUBECONFIG = "(the recorded cluster's kubeconfig)";

/** Replaces every secret's plain text equal to `from` with `to` (both unserialized strings). */
function replaceSecret(value: unknown, from: string, to: string): unknown {
    if (Array.isArray(value)) return value.map((v) => replaceSecret(v, from, to));
    if (typeof value !== "object" || value === null) return value;
    const o = value as Record<string, unknown>;
    if (typeof o.plaintext === "string" && o.plaintext === JSON.stringify(from)) return { ...o, plaintext: JSON.stringify(to) };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, replaceSecret(v, from, to)]));
}

/** The fixture as a deployment for `stack.importStack`, pointed at the cluster of `server` and `kubeconfig`. */
export function recordedDeployment(server: string, kubeconfig: string): Deployment {
    const text = fs.readFileSync(UPGRADE_FIXTURE, "utf8").split(RECORDED_SERVER).join(server);
    return replaceSecret(JSON.parse(text), RECORDED_KUBECONFIG, kubeconfig) as Deployment;
}

async function record(): Promise<void> {
    const log = (line: string) => console.log(`[record] ${line}`);
    const cluster = await startLocalCluster("record-upgrade", log);
    let ok = false;
    try {
        const pluginDir = installKubernetesPlugin(cluster.tools, cluster.workDir);
        const stack = await engineStack({
            tools: cluster.tools,
            workDir: cluster.workDir,
            project: UPGRADE_PROJECT,
            stack: UPGRADE_STACK,
            program: async () => kubernetesHalf(),
            kubernetesPluginDir: pluginDir,
        });
        await stack.setConfig("kubeconfig", { value: cluster.cp.kubeconfig, secret: true });
        const up = await stack.up({ onOutput: streamTo("    | ") });
        if (up.summary.result !== "succeeded") throw new Error(`pulumi up: ${up.summary.result}`);
        // Exported with secrets in plain text: the kubeconfig (and its token) is replaced before anything is written.
        const exported = replaceSecret(await stack.exportStack(), cluster.cp.kubeconfig, RECORDED_KUBECONFIG) as Deployment;
        const text = JSON.stringify(exported, null, 2).split(cluster.cp.server).join(RECORDED_SERVER);
        if (text.includes(cluster.cp.kubeconfig.match(/token: (\S+)/)![1]))
            throw new Error("the control plane's token is still in the export");
        fs.mkdirSync(path.dirname(UPGRADE_FIXTURE), { recursive: true });
        fs.writeFileSync(UPGRADE_FIXTURE, `${text}\n`);
        log(`wrote ${path.relative(REPO_ROOT, UPGRADE_FIXTURE)} (${exported.deployment.resources?.length ?? 0} resources)`);
        await stack.destroy({ onOutput: streamTo("    | ") });
        ok = true;
    } finally {
        await cluster.stop(!ok);
    }
}

if (require.main === module) {
    record().catch((e) => {
        console.error(e instanceof Error ? e.message : String(e));
        process.exit(1);
    });
}
