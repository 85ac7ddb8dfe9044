// Runs tests/knative-helper (Knative Serving's own admission and Deployment code, built by
// tools/build-engine-tools.sh) from the tests: one JSON request on stdin, one answer on stdout.
import type * as K8s from "@kubernetes/client-node" with { "resolution-mode": "import" };
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface ConfigMap {
    metadata: { name: string; namespace?: string };
    data?: Record<string, string>;
}

/** Knative's webhook verdict on one object: defaulting, then validation, as the API server runs them. */
export interface Verdict {
    name: string;
    allowed: boolean;
    /** Knative's message when not allowed ("validation failed: …"). */
    error?: string;
    warnings: string[];
    /** The object after Knative's defaulting. */
    object?: Record<string, unknown>;
}

export interface ReviewItem {
    name: string;
    object: unknown;
    /** The stored object: makes this an update. */
    oldObject?: unknown;
    dryRun?: boolean;
}

let helper: string | undefined;

/** The built helper, or an Error saying how to build it. */
export function knativeHelperPath(): string {
    if (helper) return helper;
    const file = execFileSync("bash", [path.join(REPO_ROOT, "tools", "build-engine-tools.sh"), "--print-knative-helper"], {
        encoding: "utf8",
    }).trim();
    if (!fs.existsSync(file)) {
        throw new Error(`${file} is missing: run tools/build-engine-tools.sh first (with KNATIVE_DEPS_DIR set as it was for that build)`);
    }
    return (helper = file);
}

function run<T>(mode: string, request: unknown): T {
    const out = execFileSync(knativeHelperPath(), [mode], {
        input: JSON.stringify(request),
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(out) as T;
}

/** `config-features` with `data` (Knative's defaults for every flag not given). */
export function featuresConfigMap(data: Record<string, string>): ConfigMap {
    return { metadata: { name: "config-features", namespace: "knative-serving" }, data };
}

/** Each item through Knative's defaulting and validating admission, with `configMaps` of knative-serving. */
export function knativeReview(items: ReviewItem[], configMaps: ConfigMap[] = []): Verdict[] {
    return run<{ results: Verdict[] }>("validate", { configMaps, items }).results;
}

export interface KnativeDeployment {
    configuration: Record<string, unknown>;
    revision: { metadata: { name: string; annotations?: Record<string, string> } };
    deployment: K8s.V1Deployment;
}

/** Knative's controllers' Configuration, Revision and the revision's Deployment for a Service. */
export function knativeDeploy(
    service: unknown,
    options: { configMaps?: ConfigMap[]; configurationGeneration?: number; revisionUID?: string } = {},
): KnativeDeployment {
    return run<KnativeDeployment>("deploy", { service, ...options });
}
