// A LOCAL ALIBABA CLOUD (a stand-in for the cloud, never for the provider): the server in tests/local-cloud answers
// the OpenAPI actions the real alicloud provider calls, over HTTPS on 127.0.0.1 with a CA it creates; its ACK
// cluster is the engine lane's real control plane (controlPlane.ts, accepting the cloud's client certificates), which
// the ACK agent (ackAgent.ts) keeps in step with the cloud: node pools are Nodes, add-ons bring what they bring.
// A stack reaches it through the provider's own settings only: the `pulumi config` values and environment below.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import type { Stack } from "@pulumi/pulumi/automation";
import { AckAgent } from "./ackAgent";
import { CloudClient } from "./cloudState";
import type { CloudTools } from "./cloudTools";
import { ControlPlane } from "./controlPlane";
import { connect, type Kube } from "./kube";
import type { Tools } from "./tools";

export const LOCAL_REGION = "cn-hangzhou";
/** Any non-empty keys do: the local cloud does not check signatures. Not a real credential. */
const LOCAL_ACCESS_KEY = "LTAIlocalcloudtests";
const LOCAL_SECRET_KEY = "local-cloud-secret-key";
const STARTUP_MS = 60_000;

export interface LocalAlibabaCloud {
    /** `127.0.0.1:<port>`: every product's endpoint. */
    endpoint: string;
    /** The CA the cloud's HTTPS certificate is signed by (the CLI and the provider trust it through SSL_CERT_FILE). */
    caFile: string;
    cp: ControlPlane;
    kube: Kube;
    cloud: CloudClient;
    agent: AckAgent;
    /** Each stack configuration key a stack needs, with its value (`alicloud:secretKey` is a secret). */
    pulumiConfig: Record<string, unknown>;
    /** The environment the Pulumi CLI (and so the provider) needs. */
    env: Record<string, string>;
    /** Writes `<dir>/pulumi-config.json` and `<dir>/env`. */
    writeFiles(dir: string): void;
    stop(): Promise<void>;
}

/** Keys whose values `pulumi config set` must be given with `--secret`. */
export const SECRET_CONFIG_KEYS = ["alicloud:secretKey"];

function stackConfig(endpoint: string): Record<string, unknown> {
    const products = ["vpc", "ecs", "cs", "eci", "bssopenapi", "location", "sts"];
    return {
        "alicloud:region": LOCAL_REGION,
        "alicloud:accessKey": LOCAL_ACCESS_KEY,
        "alicloud:secretKey": LOCAL_SECRET_KEY,
        // Domestic: no BssOpenApi call at start-up. HTTPS: the CS clients use it whatever this says.
        "alicloud:accountType": "Domestic",
        "alicloud:protocol": "HTTPS",
        "alicloud:endpoints": [Object.fromEntries(products.map((p) => [p, endpoint]))],
    };
}

/** One stack configuration value as `pulumi config set` takes it: objects flattened to `--path` keys. */
export interface ConfigEntry {
    key: string;
    value: string;
    path: boolean;
    secret: boolean;
}

/** `config` as the values `pulumi config set` (or the Automation API's `setConfig`) sets one by one. */
export function configEntries(config: Record<string, unknown>): ConfigEntry[] {
    const entries: ConfigEntry[] = [];
    const walk = (key: string, value: unknown, path: boolean) => {
        if (Array.isArray(value)) value.forEach((v, i) => walk(`${key}[${i}]`, v, true));
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(`${key}.${k}`, v, true);
        else entries.push({ key, value: String(value), path, secret: SECRET_CONFIG_KEYS.includes(key) });
    };
    for (const [k, v] of Object.entries(config)) walk(k, v, false);
    return entries;
}

/** The `pulumi config set` commands that give a stack `config`. */
export function configSetCommands(config: Record<string, unknown>): string[][] {
    return configEntries(config).map((e) => [
        "config",
        "set",
        ...(e.path ? ["--path"] : []),
        ...(e.secret ? ["--secret"] : []),
        e.key,
        e.value,
    ]);
}

/** Sets `config` on an Automation API stack, as `configSetCommands` does on the CLI. */
export async function setStackConfig(stack: Stack, config: Record<string, unknown>): Promise<void> {
    for (const e of configEntries(config)) await stack.setConfig(e.key, { value: e.value, secret: e.secret }, e.path);
}

async function startServer(binary: string, args: string[], logFile: string): Promise<{ child: ChildProcess; endpoint: string }> {
    const log = fs.openSync(logFile, "a");
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", log] });
    const endpoint = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
            () => reject(new Error(`local-alicloud did not start in ${STARTUP_MS / 1000} s (see ${logFile})`)),
            STARTUP_MS,
        );
        child.once("exit", (code) => reject(new Error(`local-alicloud exited (${code}); see ${logFile}`)));
        readline.createInterface({ input: child.stdout! }).on("line", (line) => {
            const m = /local-alicloud listening (127\.0\.0\.1:\d+)/.exec(line);
            if (!m) return;
            clearTimeout(timer);
            resolve(m[1]);
        });
    });
    return { child, endpoint };
}

function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
            clearTimeout(kill);
            resolve();
        });
        child.kill("SIGTERM");
    });
}

/** Starts the control plane, the cloud and the ACK agent under `dir`. */
export async function startLocalAlibabaCloud(tools: Tools, cloudTools: CloudTools, dir: string): Promise<LocalAlibabaCloud> {
    const cloudDir = path.join(dir, "cloud");
    fs.mkdirSync(cloudDir, { recursive: true });
    execFileSync(cloudTools.localCloud, ["certs", "--dir", cloudDir], { stdio: "inherit" });
    const caFile = path.join(cloudDir, "ca.pem");
    const cp = await ControlPlane.start(tools, path.join(dir, "cluster"), { clientCaFile: caFile });
    let child: ChildProcess | undefined;
    try {
        const kubeCa = path.join(cp.dir, "certs", "apiserver.crt");
        const args = ["serve", "--dir", cloudDir, "--region", LOCAL_REGION, "--kube-server", cp.server, "--kube-ca", kubeCa];
        const server = await startServer(cloudTools.localCloud, args, path.join(cloudDir, "local-alicloud.log"));
        child = server.child;
        const kube = await connect(cp.kubeconfig);
        const cloud = new CloudClient(server.endpoint, fs.readFileSync(caFile, "utf8"));
        const agent = new AckAgent(kube, cloud, {
            knativeServingDir: tools.knativeServingDir,
            kubeconfigFile: cp.kubeconfigFile,
            logDir: cp.dir,
        });
        agent.start();
        const pulumiConfig = stackConfig(server.endpoint);
        // tea and dara bypass a proxy only for an exact host:port NO_PROXY entry.
        const env = {
            SSL_CERT_FILE: caFile,
            NO_PROXY: `${server.endpoint},127.0.0.1,localhost`,
            no_proxy: `${server.endpoint},127.0.0.1,localhost`,
        };
        const running = child;
        return {
            endpoint: server.endpoint,
            caFile,
            cp,
            kube,
            cloud,
            agent,
            pulumiConfig,
            env,
            writeFiles(out: string) {
                fs.mkdirSync(out, { recursive: true });
                fs.writeFileSync(path.join(out, "pulumi-config.json"), JSON.stringify(pulumiConfig, null, 2) + "\n", { mode: 0o600 });
                const lines = Object.entries(env).map(([k, v]) => `${k}=${v}`);
                fs.writeFileSync(path.join(out, "env"), lines.join("\n") + "\n");
            },
            async stop() {
                await agent.stop();
                await stopChild(running);
                await cp.stop();
            },
        };
    } catch (e) {
        if (child) await stopChild(child);
        await cp.stop();
        throw e;
    }
}
