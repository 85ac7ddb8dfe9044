// What every cloud-half engine test starts with: the local Alibaba Cloud and its control plane in a fresh work
// directory, both real providers installed as plugins under the versions the SDKs ask for, and project directories
// driven through the CLI with the cloud's `pulumi config` and environment. `undefined` (with the reason logged)
// when the language host, the alicloud plugin or the local cloud is not built.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CloudTools, findCloudTools, installAlicloudPlugin } from "./cloudTools";
import { configSetCommands, type LocalAlibabaCloud, startLocalAlibabaCloud } from "./localAlibabaCloud";
import { ProjectCli } from "./projectCli";
import { installKubernetesPlugin } from "./pulumiStack";
import { findLanguageHost, findTools, REPO_ROOT, type Tools } from "./tools";

/** The guide's Services, as guide/index.ts (and examples/python-consumer, its Python twin) declare them. */
export const GUIDE_SERVICES = [
    { namespace: "vk", name: "helloworld-go", placement: "eci" },
    { namespace: "vk-injected", name: "helloworld-go-injected", placement: "eci-namespace" },
    { namespace: "vk", name: "helloworld-go-mixed", placement: "ecs-and-eci" },
] as const;

export interface CloudLane {
    tools: Tools;
    cloudTools: CloudTools;
    workDir: string;
    cloud: LocalAlibabaCloud;
    /** A new stack of the project in `dir` (relative to the repository), configured for the local cloud. */
    project(dir: string, stack: string): Promise<ProjectCli>;
    /** Removes the stacks, stops everything; keeps the work directory (and says where) when `failed`. */
    stop(failed: boolean): Promise<void>;
}

/** The version of a Pulumi provider package the SDK asks the engine for. */
export function requestedVersion(pkg: "kubernetes" | "alicloud"): string {
    const file = path.join(REPO_ROOT, "node_modules", "@pulumi", pkg, "package.json");
    return JSON.parse(fs.readFileSync(file, "utf8")).version as string;
}

export async function startCloudLane(purpose: string, log: (line: string) => void): Promise<CloudLane | undefined> {
    const tools = findTools();
    const host = findLanguageHost(tools);
    const cloudTools = findCloudTools();
    if ("missing" in host || "missing" in cloudTools) {
        log(`skipped: ${"missing" in host ? host.missing : (cloudTools as { missing: string }).missing}`);
        return undefined;
    }
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `ack-knative-eci-${purpose}-`));
    log(`work directory ${workDir}`);
    const cloud = await startLocalAlibabaCloud(tools, cloudTools, path.join(workDir, "local-cloud"));
    log(`local Alibaba Cloud at https://${cloud.endpoint}, its ACK cluster at ${cloud.cp.server}`);
    fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
    installKubernetesPlugin(tools, workDir, requestedVersion("kubernetes"));
    installAlicloudPlugin(tools, cloudTools, workDir);
    const clis: ProjectCli[] = [];
    return {
        tools,
        cloudTools,
        workDir,
        cloud,
        async project(dir: string, stack: string) {
            const cli = new ProjectCli(tools, workDir, host.dir, path.join(REPO_ROOT, dir), stack, cloud.env);
            clis.push(cli);
            await cli.ok(["stack", "init", stack, "--secrets-provider", "passphrase"]);
            for (const args of configSetCommands(cloud.pulumiConfig)) await cli.ok(args);
            return cli;
        },
        async stop(failed: boolean) {
            for (const cli of clis) await cli.remove();
            await cloud.stop();
            if (!failed) fs.rmSync(workDir, { recursive: true, force: true });
            else log(`kept ${workDir} (logs: local-cloud/cloud/local-alicloud.log, local-cloud/cluster/*.log)`);
        },
    };
}
