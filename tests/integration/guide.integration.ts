// Real-cloud integration test (docs/integration-tests.md): deploys the root guide program (or INTEGRATION_PROGRAM_DIR)
// with Pulumi's Automation API, checks every Knative Service answers HTTP through the ingress gateway and runs its pods
// where its placement allows (the guide's `kubectl -n vk get pod -o wide` check), then destroys the stack and checks no
// ECI instance of it is left. Runs only with Alibaba Cloud credentials and the pulumi CLI; otherwise prints one line
// and is reported as pending. Not a *.test.ts file: `npm test` does not run it; `npm run test:integration` does.
import * as fs from "node:fs";
import * as path from "node:path";
import { type DestroyOptions, LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import {
    declaredConfigKeys,
    describeTerms,
    expectations,
    findOnPath,
    formatRows,
    GUIDE_SERVICES,
    type IntegrationSettings,
    integrationSettings,
    knativeServicesFromState,
    leftoverLines,
    missingGuideServices,
    checkPlacement,
    type PlacementVerdict,
    type ServiceExpectation,
    type ServiceRef,
    skipMessage,
    stackConfig,
    vswitchIdsFromState,
} from "./checks";
import { Cluster } from "./cluster";
import { findLeftoverContainerGroups } from "./eciLeftovers";
import { getThroughGateway } from "./http";

/** Repository root (this file runs from build/tests/integration/). */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

const MINUTE = 60_000;
const HTTP_DEADLINE = 15 * MINUTE;
const PLACEMENT_DEADLINE = 10 * MINUTE;
const POLL = 15_000;
const LEFTOVER_ATTEMPTS = 5;

const log = (line: string) => console.log(`[integration] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stream = (out: string) => process.stdout.write(out);
const key = (s: ServiceRef) => `${s.namespace}/${s.serviceName}`;

function isExecutableFile(candidate: string): boolean {
    try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return fs.statSync(candidate).isFile();
    } catch {
        return false;
    }
}

/** Everything the run learns, shared by the tests and the teardown. */
interface Run {
    settings: IntegrationSettings;
    stack: Stack;
    vswitchIds: Set<string>;
    eciInstanceIds: Set<string>;
    services: ServiceExpectation[];
    cluster?: Cluster;
    destroyed: boolean;
    upSucceeded: boolean;
}

/** Decided when the suite is defined: the guide's Services get one test each; other programs one test per check. */
const definedForGuide = !process.env.INTEGRATION_PROGRAM_DIR?.trim();

describe("integration: the guide on Alibaba Cloud (Automation API)", function () {
    // Cluster creation takes 15-25 minutes, destroy about 10: hooks and tests get generous limits.
    this.timeout(120 * MINUTE);
    let run: Run | undefined;

    before(async function () {
        const pulumi = findOnPath("pulumi", process.env.PATH, isExecutableFile);
        const skip = skipMessage(process.env, pulumi !== undefined);
        if (skip) {
            console.log(skip);
            this.skip();
        }
        const settings = integrationSettings(process.env, REPO_ROOT);
        const project = declaredConfigKeys(fs.readFileSync(path.join(settings.programDir, "Pulumi.yaml"), "utf8"));
        log(`pulumi CLI: ${pulumi}`);
        log(`program: ${settings.programDir} (project ${project.project}), stack: ${settings.stackName}, region: ${settings.region}`);
        log("this creates billed cloud resources (ACK Pro cluster, NAT gateway, EIP, ECS nodes, ECI) until destroy");

        const stack = await LocalWorkspace.createOrSelectStack({ stackName: settings.stackName, workDir: settings.programDir });
        run = {
            settings,
            stack,
            vswitchIds: new Set(),
            eciInstanceIds: new Set(),
            services: [],
            destroyed: false,
            upSucceeded: false,
        };
        await stack.setAllConfig(stackConfig(settings, project.keys));
        log(`config: ${Object.keys(stackConfig(settings, project.keys)).join(", ")}`);

        log("pulumi up ...");
        const up = await stack.up({ onOutput: stream, color: "never" });
        run.upSucceeded = true;
        log(`pulumi up: ${up.summary.result}, ${JSON.stringify(up.summary.resourceChanges ?? {})}`);

        const state = await stack.exportStack();
        vswitchIdsFromState(state).forEach((id) => run!.vswitchIds.add(id));
        run.services = expectations(knativeServicesFromState(state), settings);
        for (const s of run.services) log(`service ${key(s)}: url ${s.url || "<none>"}, placement check: ${s.source}`);

        const kubeconfig = up.outputs.kubeconfig?.value ?? settings.secretConfig.kubeconfig ?? settings.config.kubeconfig;
        if (!kubeconfig) log("no kubeconfig output or config: using the default kubeconfig (KUBECONFIG / ~/.kube/config)");
        run.cluster = await Cluster.connect(typeof kubeconfig === "string" ? kubeconfig : undefined);
    });

    after(async function () {
        // Always destroy what was created, even when `up` or an assertion failed.
        if (run && !run.destroyed) await teardown(run);
    });

    it("deploys every Knative Service with a URL", function () {
        const r = started(run);
        if (r.settings.isGuide) {
            const missing = missingGuideServices(r.services);
            if (missing.length > 0) throw new Error(`the guide's Services are missing from the stack: ${missing.join(", ")}`);
        }
        if (r.services.length === 0) throw new Error("the stack contains no ack-knative-eci:index:KnativeService");
        const noUrl = r.services.filter((s) => !s.url);
        if (noUrl.length > 0) throw new Error(`Services without a URL (not Ready?): ${noUrl.map(key).join(", ")}`);
    });

    const httpTitle = (name: string) => `${name} answers HTTP through the Knative ingress gateway`;
    const placementTitle = (name: string) => `${name} runs its pods Running and ready on the nodes its placement allows`;
    if (definedForGuide) {
        for (const s of GUIDE_SERVICES) {
            it(httpTitle(`${key(s)} (${s.placement})`), async function () {
                await checkHttp(started(run), serviceOf(started(run), s));
            });
        }
        for (const s of GUIDE_SERVICES) {
            it(placementTitle(`${key(s)} (${s.placement})`), async function () {
                await checkPods(started(run), serviceOf(started(run), s));
            });
        }
    } else {
        it(httpTitle("every Service"), async function () {
            const r = started(run);
            await allOf(r.services.map((s) => () => checkHttp(r, s)));
        });
        it(placementTitle("every Service"), async function () {
            const r = started(run);
            await allOf(r.services.map((s) => () => checkPods(r, s)));
        });
    }

    it("destroys the stack and leaves no ECI instance (container group) behind", async function () {
        await teardown(started(run));
    });
});

function started(run: Run | undefined): Run {
    if (!run?.upSucceeded) throw new Error("the stack was not deployed (see the before-all hook's error)");
    return run;
}

function serviceOf(run: Run, ref: ServiceRef): ServiceExpectation {
    const found = run.services.find((s) => key(s) === key(ref));
    if (!found) throw new Error(`${key(ref)} is not in the stack`);
    return found;
}

/** Runs every check, then fails with all their errors (one Service's failure does not hide another's). */
async function allOf(checks: (() => Promise<void>)[]): Promise<void> {
    const errors: string[] = [];
    for (const check of checks) await check().catch((e: unknown) => errors.push((e as Error).message));
    if (errors.length > 0) throw new Error(errors.join("\n"));
}

async function gatewayFor(run: Run, s: ServiceRef): Promise<{ address: string; via: string } | undefined> {
    if (run.settings.gateway) return { address: run.settings.gateway, via: "INTEGRATION_GATEWAY" };
    return run.cluster!.gatewayAddress(s);
}

/** GET the Service's URL through the gateway until it answers 200 (with the expected body) or the deadline passes. */
async function checkHttp(run: Run, s: ServiceExpectation): Promise<void> {
    if (!s.url) throw new Error(`${key(s)} has no URL`);
    const expect = run.settings.expectBody;
    const deadline = Date.now() + HTTP_DEADLINE;
    let last = "no gateway address yet";
    for (;;) {
        const gw = await gatewayFor(run, s);
        if (gw) {
            try {
                // The first request may wait for an ECI pod to start (scale from zero).
                const answer = await getThroughGateway(s.url, gw.address, 3 * MINUTE);
                const body = answer.body.trim();
                if (answer.status === 200 && (expect === undefined || body.includes(expect))) {
                    log(`${key(s)}: GET ${s.url} via ${gw.address} (${gw.via}) -> 200 ${JSON.stringify(body.slice(0, 200))}`);
                    return;
                }
                last = `HTTP ${answer.status} ${JSON.stringify(body.slice(0, 300))}${expect ? ` (expected 200 containing ${JSON.stringify(expect)})` : ""}`;
            } catch (e) {
                last = (e as Error).message;
            }
            last = `via ${gw.address} (${gw.via}): ${last}`;
        }
        if (Date.now() > deadline)
            throw new Error(`${key(s)}: GET ${s.url} did not succeed within ${HTTP_DEADLINE / MINUTE} min; last: ${last}`);
        log(`${key(s)}: waiting (${last})`);
        await sleep(POLL);
    }
}

/** Polls the Service's pods until one is Running 2/2 on an allowed node; fails at once when a pod runs elsewhere. */
async function checkPods(run: Run, s: ServiceExpectation): Promise<void> {
    if (!s.terms) {
        log(`${key(s)}: placement not checked: no expectation (name it in INTEGRATION_PLACEMENTS)`);
        return;
    }
    // A Service scaled to zero has no pods: one request (not awaited) makes Knative start one.
    const gw = await gatewayFor(run, s).catch(() => undefined);
    if (gw && s.url) void getThroughGateway(s.url, gw.address, 3 * MINUTE).catch(() => undefined);
    const deadline = Date.now() + PLACEMENT_DEADLINE;
    let verdict: PlacementVerdict;
    for (;;) {
        const [pods, nodes] = await Promise.all([
            run.cluster!.pods(s.namespace, `serving.knative.dev/service=${s.serviceName}`),
            run.cluster!.nodes(),
        ]);
        verdict = checkPlacement(s, s.terms, pods, nodes);
        verdict.eciInstanceIds.forEach((id) => run.eciInstanceIds.add(id));
        if (verdict.state !== "wait" || Date.now() > deadline) break;
        log(`${verdict.detail}; waiting`);
        await sleep(POLL);
    }
    log(`${key(s)} pods (allowed nodes: ${describeTerms(s.terms)}):\n${formatRows(verdict.rows)}`);
    if (verdict.state !== "ok") throw new Error(verdict.detail);
    log(verdict.detail);
}

/** Destroys the stack (retrying once), checks for left-over ECI instances, and removes the stack when it is empty. */
async function teardown(run: Run): Promise<void> {
    if (run.destroyed) return;
    run.destroyed = true;
    const { stack, settings } = run;
    // Record the stack's vSwitches before they go (also when `up` failed half-way).
    try {
        vswitchIdsFromState(await stack.exportStack()).forEach((id) => run.vswitchIds.add(id));
    } catch (e) {
        log(`could not export the stack's state: ${(e as Error).message}`);
    }

    // Run the program on destroy: the kubeconfig is a temporary credential, fetched afresh by the program.
    const attempts: DestroyOptions[] = [
        { onOutput: stream, color: "never", runProgram: true },
        { onOutput: stream, color: "never", refresh: true },
    ];
    let destroyError: unknown;
    for (const [i, opts] of attempts.entries()) {
        try {
            log(`pulumi destroy (attempt ${i + 1}) ...`);
            await stack.destroy(opts);
            destroyError = undefined;
            break;
        } catch (e) {
            destroyError = e;
            log(`pulumi destroy failed: ${(e as Error).message.split("\n").slice(-5).join(" | ")}`);
        }
    }
    if (destroyError !== undefined) {
        const where = path.relative(process.cwd(), settings.programDir) || ".";
        throw new Error(
            `pulumi destroy failed; the stack is kept so nothing is orphaned. Clean up with: ` +
                `pulumi destroy --stack ${settings.stackName} --cwd ${where} && pulumi stack rm ${settings.stackName} --cwd ${where}\n` +
                String((destroyError as Error).message ?? destroyError),
        );
    }

    // ECI instances are released asynchronously: look a few times before calling them left over.
    const vswitchIds = [...run.vswitchIds];
    const instanceIds = [...run.eciInstanceIds];
    log(`ECI check: vSwitches [${vswitchIds.join(", ")}], instances seen on pods [${instanceIds.join(", ")}]`);
    let left: string[] = [];
    for (let attempt = 1; attempt <= LEFTOVER_ATTEMPTS; attempt++) {
        left = leftoverLines(
            await findLeftoverContainerGroups({ stackName: settings.stackName, region: settings.region, vswitchIds, instanceIds, log }),
        );
        if (left.length === 0) break;
        log(`ECI check ${attempt}/${LEFTOVER_ATTEMPTS}: still present: ${left.join("; ")}`);
        if (attempt < LEFTOVER_ATTEMPTS) await sleep(MINUTE);
    }

    await stack.workspace.removeStack(settings.stackName);
    log(`stack ${settings.stackName} destroyed and removed`);
    if (left.length > 0) throw new Error(`ECI instances left after destroy (delete them in the ECI console): ${left.join("; ")}`);
    log("ECI check: no container group of the stack is left");
}
