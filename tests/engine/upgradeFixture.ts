// The upgrade fixture: a `pulumi stack export` of the guide's Kubernetes half (programs/kubernetesHalf.ts) as a
// released version of this package left it, committed at tests/engine/fixtures/kubernetes-half.state.json. The day-2
// engine test previews the current code against it (docs/engine-tests.md says when to re-record).
//
// Re-record: `npm run record:upgrade-fixture` (starts a local control plane, runs `pulumi up`, exports, destroys).
import * as fs from "node:fs";
import * as path from "node:path";
import type { Deployment } from "@pulumi/pulumi/automation";
import kubernetesHalf from "./programs/kubernetesHalf";
import { startLocalCluster } from "./localCluster";
import { engineStack, installKubernetesPlugin, streamTo } from "./pulumiStack";
import { REPO_ROOT } from "./tools";

export const UPGRADE_PROJECT = "ack-knative-eci-upgrade";
export const UPGRADE_STACK = "recorded";
export const UPGRADE_FIXTURE = path.join(REPO_ROOT, "tests", "engine", "fixtures", "kubernetes-half.state.json");
/** The recorded cluster's API server URL is written as this; a test puts its own cluster's URL back. */
export const RECORDED_SERVER = "https://recorded-control-plane.invalid:6443";

/** The fixture as a deployment for `stack.importStack`, pointed at the API server `server`. */
export function recordedDeployment(server: string): Deployment {
    return JSON.parse(fs.readFileSync(UPGRADE_FIXTURE, "utf8").split(RECORDED_SERVER).join(server)) as Deployment;
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
        const exported = await stack.exportStack();
        // The kubeconfig stays encrypted (the tests' public passphrase; it names a control plane that no longer exists).
        const text = JSON.stringify(exported, null, 2).split(cluster.cp.server).join(RECORDED_SERVER);
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
