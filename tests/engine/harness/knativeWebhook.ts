// Knative Serving's own admission webhooks in the local control plane: tests/knative-helper's `serve` mode (Knative's
// defaulting and validation code from knative.dev/serving) on https://127.0.0.1:<free port>, registered as a
// MutatingWebhookConfiguration and a ValidatingWebhookConfiguration with URL client configs, as Knative's webhook
// registers itself (same names, paths, resources and failure policy). Every create and update of a
// serving.knative.dev/v1 object, dry runs (`pulumi preview`) included, goes through it.
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as readline from "node:readline";
import { knativeHelperPath } from "../../knative/knativeHelper";
import type { Kube } from "./kube";

const STARTUP_MS = 30_000;
/** Knative's webhook covers these serving.knative.dev/v1 resources (cmd/webhook/main.go), each with its status. */
const RESOURCES = ["services", "configurations", "revisions", "routes"].flatMap((r) => [r, `${r}/status`]);

export class KnativeWebhook {
    private constructor(
        private readonly child: ChildProcess,
        readonly port: number,
    ) {}

    /** Starts the helper's `serve` (its log in `logFile`) and registers both webhook configurations. */
    static async start(kube: Kube, kubeconfigFile: string, logFile: string): Promise<KnativeWebhook> {
        const log = fs.openSync(logFile, "a");
        const child = spawn(knativeHelperPath(), ["serve", `--kubeconfig=${kubeconfigFile}`], { stdio: ["pipe", "pipe", log] });
        const ready = await new Promise<{ port: number; caBundle: string }>((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`knative-helper serve did not start in ${STARTUP_MS / 1000} s (see ${logFile})`)),
                STARTUP_MS,
            );
            child.once("exit", (code) => reject(new Error(`knative-helper serve exited (${code}); see ${logFile}`)));
            readline.createInterface({ input: child.stdout! }).once("line", (line) => {
                clearTimeout(timer);
                resolve(JSON.parse(line) as { port: number; caBundle: string });
            });
        });
        const webhook = new KnativeWebhook(child, ready.port);
        const hook = (name: string, path: string) => ({
            name,
            admissionReviewVersions: ["v1"],
            sideEffects: "None",
            failurePolicy: "Fail",
            timeoutSeconds: 10,
            clientConfig: { url: `https://127.0.0.1:${ready.port}${path}`, caBundle: ready.caBundle },
            rules: [{ apiGroups: ["serving.knative.dev"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: RESOURCES }],
        });
        await kube.objects.create({
            apiVersion: "admissionregistration.k8s.io/v1",
            kind: "MutatingWebhookConfiguration",
            metadata: { name: "webhook.serving.knative.dev" },
            webhooks: [{ ...hook("webhook.serving.knative.dev", "/defaulting"), reinvocationPolicy: "IfNeeded" }],
        } as never);
        await kube.objects.create({
            apiVersion: "admissionregistration.k8s.io/v1",
            kind: "ValidatingWebhookConfiguration",
            metadata: { name: "validation.webhook.serving.knative.dev" },
            webhooks: [hook("validation.webhook.serving.knative.dev", "/resource-validation")],
        } as never);
        return webhook;
    }

    /** Ends the helper (it stops when its stdin closes; SIGKILL after 5 s). */
    async stop(): Promise<void> {
        if (this.child.exitCode !== null || this.child.signalCode !== null) return;
        await new Promise<void>((resolve) => {
            const kill = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
            this.child.once("exit", () => {
                clearTimeout(kill);
                resolve();
            });
            this.child.stdin!.end();
        });
    }

    /** Whether the helper is still serving (a healthy run keeps it up to the end). */
    running(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }
}
