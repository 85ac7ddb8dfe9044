// A local Kubernetes control plane for the engine tests, on 127.0.0.1 only: etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and kwok (which keeps the fake nodes Ready and marks the pods
// bound to them Running). Nothing here listens on or dials any other address: no APIServices, no kubelets, no
// Knative data plane; the only admission webhooks are Knative's (knativeWebhook.ts), on 127.0.0.1 too.
import { type ChildProcess, spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as https from "node:https";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";
import type { Tools } from "./tools";

const LOOPBACK = "127.0.0.1";
const STARTUP_DEADLINE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on the loopback address. */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, LOOPBACK, () => {
            const port = (server.address() as net.AddressInfo).port;
            server.close(() => resolve(port));
        });
    });
}

/** Polls `probe` until it is true, or throws naming `what` (and the log to read) after the deadline. */
async function waitFor(what: string, probe: () => Promise<boolean>, logFile: string): Promise<void> {
    const deadline = Date.now() + STARTUP_DEADLINE_MS;
    while (Date.now() < deadline) {
        if (await probe().catch(() => false)) return;
        await sleep(250);
    }
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "(no log)";
    throw new Error(`${what} did not become ready in ${STARTUP_DEADLINE_MS / 1000} s; the end of ${logFile}:\n${tail}`);
}

function httpOk(url: string, options: https.RequestOptions = {}): Promise<boolean> {
    const get = url.startsWith("https:") ? https.get : http.get;
    return new Promise((resolve) => {
        const req = get(url, options, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on("error", () => resolve(false));
        req.setTimeout(2_000, () => req.destroy());
    });
}

/** One running control plane. `stop()` ends every process it started. */
export class ControlPlane {
    private readonly processes: { name: string; child: ChildProcess; command: string; args: string[] }[] = [];

    private constructor(
        /** Working directory: data, certificates, logs, the admin kubeconfig. */
        readonly dir: string,
        private readonly tools: Tools,
        /** A CA whose client certificates the API server accepts (the local Alibaba Cloud's kubeconfigs carry one). */
        private readonly clientCaFile?: string,
    ) {}

    /** The API server URL. */
    server = "";
    /** An admin kubeconfig (YAML) for the API server. */
    kubeconfig = "";
    /** Where `kubeconfig` is written. */
    get kubeconfigFile(): string {
        return path.join(this.dir, "admin.kubeconfig");
    }

    static async start(tools: Tools, dir: string, options: { clientCaFile?: string } = {}): Promise<ControlPlane> {
        fs.mkdirSync(dir, { recursive: true });
        const cp = new ControlPlane(dir, tools, options.clientCaFile);
        try {
            await cp.startAll();
        } catch (e) {
            await cp.stop();
            throw e;
        }
        return cp;
    }

    private file(name: string): string {
        return path.join(this.dir, name);
    }

    private run(name: string, command: string, args: string[]): void {
        const log = fs.openSync(this.file(`${name}.log`), "a");
        const child = spawn(command, args, { stdio: ["ignore", log, log], env: { ...process.env, KUBECONFIG: "" } });
        child.on("exit", (code, signal) => {
            if (!this.stopping) fs.appendFileSync(this.file(`${name}.log`), `\n[engine tests] ${name} exited: ${code ?? signal}\n`);
        });
        this.processes.push({ name, child, command, args });
    }

    /** Probes the API server's /readyz with the admin token. */
    private apiReady = async (): Promise<boolean> => false;

    private stopping = false;

    private async startAll(): Promise<void> {
        const t = this.tools;
        const [etcdClient, etcdPeer, apiPort] = [await freePort(), await freePort(), await freePort()];

        // etcd
        this.run("etcd", t.etcd, [
            "--name=engine-tests",
            `--data-dir=${this.file("etcd")}`,
            `--listen-client-urls=http://${LOOPBACK}:${etcdClient}`,
            `--advertise-client-urls=http://${LOOPBACK}:${etcdClient}`,
            `--listen-peer-urls=http://${LOOPBACK}:${etcdPeer}`,
            `--initial-advertise-peer-urls=http://${LOOPBACK}:${etcdPeer}`,
            `--initial-cluster=engine-tests=http://${LOOPBACK}:${etcdPeer}`,
            "--unsafe-no-fsync",
            "--log-level=warn",
        ]);
        await waitFor("etcd", () => httpOk(`http://${LOOPBACK}:${etcdClient}/health`), this.file("etcd.log"));

        // kube-apiserver: a static admin token, a service-account signing key, a self-signed serving certificate.
        const token = crypto.randomBytes(24).toString("hex");
        fs.writeFileSync(this.file("tokens.csv"), `${token},admin,admin,system:masters\n`, { mode: 0o600 });
        const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
        fs.writeFileSync(this.file("sa.key"), privateKey.export({ type: "pkcs1", format: "pem" }), { mode: 0o600 });
        this.server = `https://${LOOPBACK}:${apiPort}`;
        this.run("kube-apiserver", t.kubeApiserver, [
            `--etcd-servers=http://${LOOPBACK}:${etcdClient}`,
            `--bind-address=${LOOPBACK}`,
            `--advertise-address=${LOOPBACK}`,
            `--secure-port=${apiPort}`,
            `--cert-dir=${this.file("certs")}`,
            `--token-auth-file=${this.file("tokens.csv")}`,
            ...(this.clientCaFile ? [`--client-ca-file=${this.clientCaFile}`] : []),
            "--authorization-mode=RBAC",
            `--service-account-issuer=${this.server}`,
            `--service-account-key-file=${this.file("sa.key")}`,
            `--service-account-signing-key-file=${this.file("sa.key")}`,
            "--service-cluster-ip-range=10.96.0.0/16",
            "--allow-privileged=false",
            // Built-in admission, plus the webhooks knativeWebhook.ts registers (URL client configs on 127.0.0.1).
            "--disable-admission-plugins=ServiceAccount",
            "--enable-priority-and-fairness=false",
            "--profiling=false",
        ]);
        const auth = { headers: { Authorization: `Bearer ${token}` }, rejectUnauthorized: false };
        this.apiReady = () => httpOk(`${this.server}/readyz`, auth);
        await waitFor("kube-apiserver", this.apiReady, this.file("kube-apiserver.log"));
        const ca = fs.readFileSync(path.join(this.file("certs"), "apiserver.crt")).toString("base64");
        this.kubeconfig = [
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: engine-tests",
            "  cluster:",
            `    server: ${this.server}`,
            `    certificate-authority-data: ${ca}`,
            "users:",
            "- name: admin",
            "  user:",
            `    token: ${token}`,
            "contexts:",
            "- name: engine-tests",
            "  context: {cluster: engine-tests, user: admin}",
            "current-context: engine-tests",
            "",
        ].join("\n");
        fs.writeFileSync(this.kubeconfigFile, this.kubeconfig, { mode: 0o600 });

        const common = [`--kubeconfig=${this.kubeconfigFile}`, "--leader-elect=false", `--bind-address=${LOOPBACK}`, "--secure-port=0"];
        this.run("kube-controller-manager", t.kubeControllerManager, [
            ...common,
            `--service-account-private-key-file=${this.file("sa.key")}`,
            `--root-ca-file=${path.join(this.file("certs"), "apiserver.crt")}`,
            "--use-service-account-credentials=false",
            // kwok's heartbeat comes every 20-45 s: give the fake nodes time before they count as lost.
            "--node-monitor-grace-period=5m",
            // No cloud and no node IPAM: the nodes are fake and get no pod CIDRs.
            "--controllers=*,-nodeipam,-cloud-node-lifecycle,-service-lb-controller,-node-route-controller",
        ]);
        this.run("kube-scheduler", t.kubeScheduler, common);
        this.run("kwok", t.kwok, [
            `--kubeconfig=${this.kubeconfigFile}`,
            ...t.kwokStages.map((f) => `--config=${f}`),
            "--manage-all-nodes=false",
            "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
            `--node-ip=${LOOPBACK}`,
            `--server-address=${LOOPBACK}:${await freePort()}`,
        ]);
    }

    /**
     * Kills the API server (SIGKILL: no graceful shutdown, as when its host fails) and starts it again with the same
     * flags, port and certificates; resolves once it is ready again. Clients see refused connections meanwhile.
     */
    async restartApiServer(downMs = 0): Promise<void> {
        const index = this.processes.findIndex((p) => p.name === "kube-apiserver");
        const old = this.processes[index];
        if (old.child.exitCode === null && old.child.signalCode === null) {
            await new Promise<void>((resolve) => {
                old.child.once("exit", () => resolve());
                old.child.kill("SIGKILL");
            });
        }
        this.processes.splice(index, 1);
        await sleep(downMs);
        this.run(old.name, old.command, old.args);
        await waitFor("kube-apiserver (restarted)", this.apiReady, this.file("kube-apiserver.log"));
    }

    /** Ends every process (SIGTERM, then SIGKILL after 5 s). */
    async stop(): Promise<void> {
        this.stopping = true;
        const running = this.processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null).reverse();
        await Promise.all(
            running.map(
                (p) =>
                    new Promise<void>((resolve) => {
                        const kill = setTimeout(() => p.child.kill("SIGKILL"), 5_000);
                        p.child.once("exit", () => {
                            clearTimeout(kill);
                            resolve();
                        });
                        p.child.kill("SIGTERM");
                    }),
            ),
        );
    }

    /** Names of the started processes that have exited (a healthy control plane has none). */
    exited(): string[] {
        return this.processes.filter((p) => p.child.exitCode !== null || p.child.signalCode !== null).map((p) => p.name);
    }
}
