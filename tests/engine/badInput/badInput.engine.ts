// A program with one bad input fails `pulumi preview` on the real engine with the package's one-line message:
// no stack trace and no TypeError in the CLI's output.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as k8s from "@pulumi/kubernetes";
import { KnativeService, type Placement } from "../../../sdk";
import { engineStack, installKubernetesPlugin } from "../harness/pulumiStack";
import { findTools } from "../harness/tools";

const EXPECTED =
    'KnativeService "web": placement = "ECI" is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs".';

describe("engine: bad input fails pulumi preview with one sentence", function () {
    this.timeout(5 * 60_000);

    it("placement ECI", async () => {
        const tools = findTools();
        const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-knative-eci-bad-"));
        const stack = await engineStack({
            tools,
            workDir,
            project: "ack-knative-eci-bad-input",
            stack: "bad",
            kubernetesPluginDir: installKubernetesPlugin(tools, workDir),
            program: async () => {
                // A provider that is never contacted: the component refuses its args before registering anything.
                const provider = new k8s.Provider("unused", { kubeconfig: "{}" });
                new KnativeService("web", { image: "nginx:1.27", placement: "ECI" as Placement }, { provider });
            },
        });
        let output = "";
        await assert.rejects(stack.preview({ onOutput: (s) => (output += s) }));
        process.stdout.write(output.replace(/^(?=.)/gm, "    | "));
        assert.ok(output.includes(EXPECTED), `the CLI prints: ${EXPECTED}`);
        // Every error line is the sentence itself: no prefixes, no "unhandled error", no other error.
        const errors = output.split("\n").filter((l) => /\berror\b/i.test(l) && !/\d+ errors?\b/.test(l));
        assert.ok(errors.length > 0);
        for (const line of errors) assert.equal(line.replace(/^.*?error: /, ""), EXPECTED, line);
        // The Diagnostics section lists it at most twice: an inline program's failure is reported by Pulumi both as
        // the stack's diagnostic and as the run's result.
        const diagnostics = output.slice(output.indexOf("Diagnostics:"));
        assert.ok(diagnostics.split(EXPECTED).length - 1 <= 2, diagnostics);
        assert.doesNotMatch(output, /^\s+at /m, "no stack trace");
        assert.doesNotMatch(output, /TypeError|unhandled/);
        fs.rmSync(workDir, { recursive: true, force: true });
    });
});
