// Stacks driven through Pulumi's Automation API over the real `pulumi` CLI built by tools/build-engine-tools.sh:
// a local file backend, passphrase secrets, no update checks and no plugin downloads. The Kubernetes provider is
// installed from the built binary with `pulumi plugin install --file`.
//
// These stacks run inline programs (in this process), so a test can hand a program its own values; the project
// directories run through the CLI and the language host instead (projectCli.ts).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type ProjectSettings, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import type { Tools } from "./tools";

export const PASSPHRASE = "engine-tests";

/** The environment every `pulumi` call of the engine tests gets. */
export function pulumiEnv(workDir: string): Record<string, string> {
    return {
        PULUMI_HOME: path.join(workDir, "pulumi-home"),
        PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_SKIP_CONFIRMATIONS: "true",
        PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    };
}

/**
 * Installs the built Kubernetes provider as a plugin, by default under its own version (the locked @pulumi/kubernetes's,
 * which the build stamps it with: the version a project directory run by the CLI asks for); returns the directory it
 * was installed to.
 */
export function installKubernetesPlugin(tools: Tools, workDir: string, version = tools.kubernetesProviderVersion): string {
    const pulumi = pulumiEnv(workDir);
    const env = { ...process.env, ...pulumi };
    execFileSync(tools.pulumi, ["plugin", "install", "resource", "kubernetes", version, "--file", tools.kubernetesProvider], {
        env,
        stdio: "inherit",
    });
    const dir = path.join(pulumi.PULUMI_HOME, "plugins", `resource-kubernetes-v${version}`);
    if (!fs.existsSync(path.join(dir, "pulumi-resource-kubernetes"))) throw new Error(`pulumi plugin install left no plugin in ${dir}`);
    return dir;
}

export interface StackOptions {
    tools: Tools;
    workDir: string;
    project: string;
    stack: string;
    program: PulumiFn;
    /** Where `installKubernetesPlugin` put the provider. */
    kubernetesPluginDir: string;
}

/** A stack of an inline program on the file backend. */
export async function engineStack(o: StackOptions): Promise<Stack> {
    fs.mkdirSync(path.join(o.workDir, "state"), { recursive: true });
    const projectDir = path.join(o.workDir, "projects", o.project);
    fs.mkdirSync(projectDir, { recursive: true });
    const pulumiCommand = await PulumiCommand.get({ root: path.dirname(o.tools.binDir) });
    const envVars = pulumiEnv(o.workDir);
    return LocalWorkspace.createOrSelectStack(
        { projectName: o.project, stackName: o.stack, program: o.program },
        {
            workDir: projectDir,
            pulumiCommand,
            envVars,
            secretsProvider: "passphrase",
            projectSettings: {
                name: o.project,
                runtime: "nodejs",
                backend: { url: envVars.PULUMI_BACKEND_URL },
                // The built provider (a stand-in for the release @pulumi/kubernetes asks for, tools/versions.sh), by path:
                // a project plugin entry without a version makes the engine use it for any requested version.
                // (`plugins` is a Pulumi.yaml key the Automation API's ProjectSettings type does not list.)
                ...({ plugins: { providers: [{ name: "kubernetes", path: o.kubernetesPluginDir }] } } as object),
            } as ProjectSettings,
        },
    );
}

/** Writes the CLI's own output to the test log, indented. */
export function streamTo(prefix: string): (out: string) => void {
    return (out: string) => process.stdout.write(out.replace(/^(?=.)/gm, prefix));
}
