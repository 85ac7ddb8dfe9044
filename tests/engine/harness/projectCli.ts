// The `pulumi` CLI run as a user runs it: in a project directory of the repository, through the Node.js language
// host, with the file backend and passphrase secrets of the engine tests (pulumiEnv). Asynchronous on purpose: the
// Knative stand-in reconciles in this process while `pulumi up` waits for Services to become Ready.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiEnv } from "./pulumiStack";
import type { Tools } from "./tools";

export interface CliResult {
    code: number;
    /** stdout and stderr interleaved, as a terminal shows them. */
    output: string;
    stdout: string;
}

export class ProjectCli {
    constructor(
        private readonly tools: Tools,
        private readonly workDir: string,
        /** The language host's directory, put first on PATH. */
        private readonly hostDir: string,
        /** The project directory (absolute). */
        readonly dir: string,
        readonly stack: string,
        /** More environment for every command (e.g. the local Alibaba Cloud's SSL_CERT_FILE). */
        private readonly extraEnv: Record<string, string> = {},
    ) {}

    private env(): NodeJS.ProcessEnv {
        // The host runs programs with the first `node` on PATH: the one running these tests.
        const PATH = [this.hostDir, path.dirname(process.execPath), process.env.PATH].join(path.delimiter);
        return { ...process.env, ...pulumiEnv(this.workDir), ...this.extraEnv, PATH, PULUMI_STACK: undefined };
    }

    /** `pulumi <args> --stack <stack>` in the project directory; `input` goes to stdin. Never throws on exit codes. */
    run(args: string[], input?: string): Promise<CliResult> {
        return this.start(args, input).result;
    }

    /**
     * As `run`, and the command's process, the leader of its own process group (with the language host and the
     * providers it starts), so a test can kill the CLI and everything it runs: `process.kill(-pid, "SIGKILL")`.
     */
    start(args: string[], input?: string, group = false): { pid: number; result: Promise<CliResult> } {
        // `stack init` takes the stack's name as its argument; every other command is told which stack.
        const stackFlag = args[0] === "stack" && args[1] === "init" ? [] : ["--stack", this.stack];
        const full = [...args, ...stackFlag, "--non-interactive"];
        const prefix = `    | ${path.basename(this.dir)}$ `;
        process.stdout.write(`${prefix}pulumi ${args.join(" ")}\n`);
        const child = spawn(this.tools.pulumi, full, { cwd: this.dir, env: this.env(), stdio: ["pipe", "pipe", "pipe"], detached: group });
        const result = new Promise<CliResult>((resolve, reject) => {
            let output = "";
            let stdout = "";
            const take = (chunk: Buffer, isStdout: boolean) => {
                const text = chunk.toString();
                output += text;
                if (isStdout) stdout += text;
                process.stdout.write(text.replace(/^(?=.)/gm, "    |   "));
            };
            child.stdout.on("data", (c: Buffer) => take(c, true));
            child.stderr.on("data", (c: Buffer) => take(c, false));
            child.on("error", reject);
            child.on("close", (code) => resolve({ code: code ?? 1, output, stdout }));
            child.stdin.end(input ?? "");
        });
        return { pid: child.pid!, result };
    }

    /** As `run`, failing with the CLI's output unless it exits 0. */
    async ok(args: string[], input?: string): Promise<CliResult> {
        const result = await this.run(args, input);
        if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} in ${this.dir} exited ${result.code}:\n${result.output}`);
        return result;
    }

    /** The stack's config file the CLI writes into the project directory (its encryption salt, its values). */
    get configFile(): string {
        return path.join(this.dir, `Pulumi.${this.stack}.yaml`);
    }

    /** Removes the stack and its config file, so the repository is left as it was. */
    async remove(): Promise<void> {
        await this.run(["stack", "rm", "--yes", "--force"]);
        fs.rmSync(this.configFile, { force: true });
    }
}
