// What a Python consumer of the package needs on this machine (docs/cross-language.md, "Python on this machine"):
// the Python language host with its exec script, the example's virtual environment, and the generated Python SDK.
// `pulumi package add` cannot generate that SDK here (it stops on the alicloud plugin), so it is generated from the
// schema the Node.js host serves, less the outputs typed with alicloud resources.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema, type PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import { REPO_ROOT, type Tools } from "./tools";

/** The script the Python host runs programs with; the official CLI release installs it next to the host. */
const PYTHON_EXEC = "pulumi-language-python-exec";

/**
 * The first directory, beside the CLI or on PATH, holding `pulumi-language-python` and its exec script; otherwise the
 * sentence saying why the Python consumer cannot run.
 */
export function findPythonHost(tools: Tools): { dir: string } | { missing: string } {
    const dirs = [tools.binDir, ...(process.env.PATH ?? "").split(path.delimiter)].filter(Boolean);
    const hosts = dirs.filter((d) => fs.existsSync(path.join(d, "pulumi-language-python")));
    const dir = hosts.find((d) => fs.existsSync(path.join(d, PYTHON_EXEC)));
    if (dir) return { dir };
    if (hosts.length > 0) {
        return {
            missing: `${path.join(hosts[0], "pulumi-language-python")} has no ${PYTHON_EXEC} beside it (it is sdk/python/cmd/${PYTHON_EXEC} of the same pulumi/pulumi version)`,
        };
    }
    return {
        missing:
            "no pulumi-language-python beside the CLI or on PATH (tools/build-engine-tools.sh builds it from PULUMI_LANGUAGE_HOSTS_SRC)",
    };
}

/**
 * The project's virtual environment (`virtualenv: venv`), created as `pulumi install` would create it when missing;
 * a sentence instead when there is no Python 3 with the venv module to create it.
 */
export function ensureVirtualenv(projectDir: string, log: (line: string) => void): { python: string } | { missing: string } {
    const python = path.join(projectDir, "venv", "bin", "python");
    if (fs.existsSync(python)) return { python };
    try {
        execFileSync("python3", ["-m", "venv", path.join(projectDir, "venv")], { stdio: "pipe" });
    } catch (e) {
        return {
            missing: `no virtual environment in ${projectDir} and \`python3 -m venv\` failed: ${(e as Error).message.split("\n")[0]}`,
        };
    }
    log(`created ${path.join(projectDir, "venv")}; installing requirements.txt from PyPI`);
    execFileSync(python, ["-m", "pip", "install", "--quiet", "-r", path.join(projectDir, "requirements.txt")], { stdio: "inherit" });
    return { python };
}

/** The package's schema exactly as the Node.js host's ComponentProvider.getSchema infers it. */
export function packageSchema(): PackageSpec {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the language host loads the plugin exactly so
    const components = getPulumiComponents(require(REPO_ROOT)).map((c) => c.name);
    const analyzer = new Analyzer(REPO_ROOT, pkg.name, pkg, new Set(components));
    const { components: defs, typeDefinitions, dependencies } = analyzer.analyze();
    return generateSchema(pkg.name, pkg.version, pkg.description, defs, typeDefinitions, dependencies, undefined);
}

const ALICLOUD_REF = /^\/alicloud\//;

/**
 * The schema as this machine can generate an SDK from: less every output typed with an alicloud resource (SDK
 * generation resolves those through the alicloud plugin) and the alicloud dependency, and with the Kubernetes
 * references moved to `kubernetesVersion`, the provider installed (the schema loader wants the exact version the
 * plugin reports, and the built provider is older than @pulumi/kubernetes). Returns the removed outputs as
 * `<Component>.<output>`.
 */
export function consumerSchema(schema: PackageSpec, kubernetesVersion: string): { schema: PackageSpec; removed: string[] } {
    const copy = structuredClone(schema);
    const removed: string[] = [];
    for (const [token, resource] of Object.entries(copy.resources)) {
        for (const [name, prop] of Object.entries(resource.properties ?? {})) {
            if (!("$ref" in prop) || !ALICLOUD_REF.test(prop.$ref)) continue;
            delete resource.properties![name];
            resource.required = resource.required?.filter((r) => r !== name);
            removed.push(`${token.split(":")[2]}.${name}`);
        }
    }
    copy.dependencies = copy.dependencies?.filter((d) => d.name !== "alicloud");
    const kubernetes = copy.dependencies?.find((d) => d.name === "kubernetes");
    if (!kubernetes?.version || kubernetes.version === kubernetesVersion) return { schema: copy, removed };
    const requested = `/kubernetes/v${kubernetes.version}/`;
    kubernetes.version = kubernetesVersion;
    const text = JSON.stringify(copy).split(requested).join(`/kubernetes/v${kubernetesVersion}/`);
    return { schema: JSON.parse(text) as PackageSpec, removed };
}

/** `pulumi package gen-sdk <schema> --language python --local` (as `package add` generates it) into `outDir`; returns the SDK's directory. */
export function generatePythonSdk(tools: Tools, env: NodeJS.ProcessEnv, schema: PackageSpec, outDir: string): string {
    const file = path.join(outDir, "schema.json");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
    execFileSync(tools.pulumi, ["package", "gen-sdk", file, "--language", "python", "--local", "--out", outDir], { env, stdio: "inherit" });
    return path.join(outDir, "python");
}
