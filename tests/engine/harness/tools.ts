// Where the engine tests find their tools: the cache that tools/build-engine-tools.sh fills (its versions are
// in tools/versions.sh), and the Knative Serving module in the Go module cache.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** Repository root (this file runs from build/tests/engine/). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");

const BUILD_SCRIPT = path.join(REPO_ROOT, "tools", "build-engine-tools.sh");

/** `tools/versions.sh` as a map: the one place the tools' versions are written. */
export function toolVersions(): Record<string, string> {
    const text = fs.readFileSync(path.join(REPO_ROOT, "tools", "versions.sh"), "utf8");
    return Object.fromEntries([...text.matchAll(/^([A-Z0-9_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
}

/**
 * The version of `pkg` npm ci installed from the lock (the build stamps the Kubernetes provider with @pulumi/kubernetes's).
 * Read from node_modules, not package-lock.json, which `pulumi package add` of the repository rewrites while it runs.
 */
export function lockedVersion(pkg: string): string {
    return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8")).version as string;
}

export interface Tools {
    binDir: string;
    pulumi: string;
    kubernetesProvider: string;
    /** The version the provider reports and its schema carries: the locked @pulumi/kubernetes's (tools/versions.sh). */
    kubernetesProviderVersion: string;
    etcd: string;
    kubeApiserver: string;
    kubeControllerManager: string;
    kubeScheduler: string;
    kwok: string;
    /** Directory of knative.dev/serving in the Go module cache. */
    knativeServingDir: string;
    /** kwok's stage definitions (node initialize and heartbeat, pod ready/complete/delete) in the Go module cache. */
    kwokStages: string[];
}

/** The built tools, or an Error naming what is missing and how to build it. */
export function findTools(): Tools {
    const binDir = execFileSync("bash", [BUILD_SCRIPT, "--print-bin-dir"], { encoding: "utf8" }).trim();
    const versions = toolVersions();
    const bin = (name: string): string => {
        const file = path.join(binDir, name);
        if (!fs.existsSync(file)) throw new Error(`${file} is missing: run tools/build-engine-tools.sh first`);
        return file;
    };
    const knative = `knative.dev/serving@${versions.KNATIVE_SERVING_MODULE_VERSION}`;
    const modDir = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
    const knativeServingDir = path.join(modDir, "knative.dev", `serving@${versions.KNATIVE_SERVING_MODULE_VERSION}`);
    if (!fs.existsSync(knativeServingDir)) throw new Error(`${knative} is not in the Go module cache: run tools/build-engine-tools.sh`);
    // The kwok binary ships no stages (kwokctl passes these); the module the binary was built from holds them.
    const stageDir = path.join(modDir, "sigs.k8s.io", `kwok@${versions.KWOK_VERSION}`, "kustomize", "stage");
    const kwokStages = [
        "node/fast/node-initialize.yaml",
        "node/heartbeat/node-heartbeat.yaml",
        "pod/fast/pod-ready.yaml",
        "pod/fast/pod-complete.yaml",
        "pod/fast/pod-delete.yaml",
    ].map((f) => path.join(stageDir, f));
    const missing = kwokStages.find((f) => !fs.existsSync(f));
    if (missing) throw new Error(`${missing} is missing: run tools/build-engine-tools.sh (it downloads sigs.k8s.io/kwok)`);
    return {
        binDir,
        pulumi: bin("pulumi"),
        kubernetesProvider: bin("pulumi-resource-kubernetes"),
        kubernetesProviderVersion: lockedVersion("@pulumi/kubernetes"),
        etcd: bin("etcd"),
        kubeApiserver: bin("kube-apiserver"),
        kubeControllerManager: bin("kube-controller-manager"),
        kubeScheduler: bin("kube-scheduler"),
        kwok: bin("kwok"),
        knativeServingDir,
        kwokStages,
    };
}

/**
 * Where the CLI finds `pulumi-language-nodejs` to run a project directory: built next to it by
 * tools/build-engine-tools.sh (from PULUMI_LANGUAGE_HOSTS_SRC), or installed on PATH with an official
 * Pulumi CLI. Otherwise the sentence saying why the project-directory tests cannot run.
 */
export function findLanguageHost(tools: Tools): { dir: string } | { missing: string } {
    if (fs.existsSync(path.join(tools.binDir, "pulumi-language-nodejs"))) return { dir: tools.binDir };
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        if (dir && fs.existsSync(path.join(dir, "pulumi-language-nodejs"))) return { dir };
    }
    return {
        missing:
            "no pulumi-language-nodejs: tools/build-engine-tools.sh builds it when PULUMI_LANGUAGE_HOSTS_SRC names its source, or install the Pulumi CLI",
    };
}
