// Every Knative Service the guide and the TypeScript examples render (with the config their docs give), judged by
// Knative Serving's own admission code (tests/knative-helper): accepted with the config-features flags the package
// sets, and rejected when a flag a Service's pod spec needs is missing. Knative's only warning is the documented one.
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { REQUIRED_FEATURES } from "../../sdk/render/knativeServing/knativeServing";
import { PROGRAMS } from "../programList";
import { featuresConfigMap, knativeReview, type ReviewItem, type Verdict } from "./knativeHelper";
import { INSECURE_DEFAULTS_WARNING, insecureDefaultFields, UNSET_SECURITY_FIELDS } from "./securityWarning";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "build", "plan", "cli.js");

interface PodSpec {
    affinity?: unknown;
    tolerations?: unknown[];
    nodeSelector?: Record<string, string>;
    hostNetwork?: boolean;
    volumes?: { emptyDir?: unknown; hostPath?: unknown; persistentVolumeClaim?: { readOnly?: boolean } }[];
}
interface ServiceObject {
    metadata: { name: string; namespace: string; annotations?: Record<string, string> };
    spec: { template: { spec: PodSpec } };
}

/** Which pod fields each Knative podspec flag admits: Knative rejects them when the flag is off. */
const GATED: Record<string, (p: PodSpec) => boolean> = {
    "kubernetes.podspec-affinity": (p) => p.affinity !== undefined,
    "kubernetes.podspec-tolerations": (p) => (p.tolerations?.length ?? 0) > 0,
    "kubernetes.podspec-nodeselector": (p) => Object.keys(p.nodeSelector ?? {}).length > 0,
    "kubernetes.podspec-hostnetwork": (p) => p.hostNetwork === true,
    "kubernetes.podspec-volumes-emptydir": (p) => (p.volumes ?? []).some((v) => v.emptyDir),
    "kubernetes.podspec-volumes-hostpath": (p) => (p.volumes ?? []).some((v) => v.hostPath),
    "kubernetes.podspec-persistent-volume-claim": (p) => (p.volumes ?? []).some((v) => v.persistentVolumeClaim),
    "kubernetes.podspec-persistent-volume-write": (p) =>
        (p.volumes ?? []).some((v) => v.persistentVolumeClaim && !v.persistentVolumeClaim.readOnly),
};

interface Rendered {
    program: string;
    services: ServiceObject[];
    /**
     * The config-features data the program sets (its ConfigMapPatch), or for a program that deploys Services onto a
     * Knative it does not manage, the three podspec flags the README tells the user to enable.
     */
    features: Record<string, string>;
}

function planOut(program: string | undefined, project: string, config: string[], out: string): Promise<void> {
    const programArgs = program ? ["--program", path.join(ROOT, "build", program), "--project", project] : [];
    const args = [CLI, ...programArgs, ...config.flatMap((c) => ["--config", c]), "--out", out];
    return new Promise((resolve, reject) =>
        execFile(process.execPath, args, { cwd: ROOT }, (err, _stdout, stderr) =>
            err ? reject(new Error(`${project}: ${stderr}`)) : resolve(),
        ),
    );
}

function objectsIn(dir: string): Record<string, unknown>[] {
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    return files.map((f) => yaml.load(fs.readFileSync(path.join(dir, f), "utf8")) as Record<string, unknown>);
}

async function renderAll(): Promise<Rendered[]> {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "knative-rendered-"));
    try {
        return await Promise.all(
            Object.entries(PROGRAMS).map(async ([name, p]) => {
                const out = path.join(tmp, name);
                await planOut(p.program, p.project, p.config, out);
                const objects = objectsIn(out);
                const services = objects.filter(
                    (o) => o.apiVersion === "serving.knative.dev/v1" && o.kind === "Service",
                ) as unknown as ServiceObject[];
                const features = objects.find(
                    (o) => (o.metadata as { name?: string })?.name === "config-features" && /^ConfigMap/.test(String(o.kind)),
                ) as { data?: Record<string, string> } | undefined;
                return { program: name, services, features: features?.data ?? { ...REQUIRED_FEATURES } };
            }),
        );
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

describe("Knative's own admission on every rendered Knative Service", function () {
    let rendered: Rendered[] = [];
    const verdicts = new Map<string, Verdict>();
    const label = (r: Rendered, s: ServiceObject, what: string) => `${r.program} ${s.metadata.namespace}/${s.metadata.name} ${what}`;

    before(async function () {
        this.timeout(180_000);
        rendered = await renderAll();
        // One helper run per flag set: with the program's flags, without any, and without each flag in turn.
        const batches: { configMaps: ReturnType<typeof featuresConfigMap>[]; items: ReviewItem[] }[] = [];
        for (const r of rendered) {
            const item = (s: ServiceObject, what: string) => ({ name: label(r, s, what), object: s });
            batches.push({ configMaps: [featuresConfigMap(r.features)], items: r.services.map((s) => item(s, "with its flags")) });
            batches.push({ configMaps: [], items: r.services.map((s) => item(s, "with Knative's default flags")) });
            for (const flag of Object.keys(r.features).filter((f) => GATED[f])) {
                const without = Object.fromEntries(Object.entries(r.features).filter(([k]) => k !== flag));
                batches.push({ configMaps: [featuresConfigMap(without)], items: r.services.map((s) => item(s, `without ${flag}`)) });
            }
        }
        for (const b of batches) for (const v of knativeReview(b.items, b.configMaps)) verdicts.set(v.name, v);
    });

    it("renders the guide's and every example's Services (at least the guide's 3)", () => {
        const count = rendered.reduce((n, r) => n + r.services.length, 0);
        assert.ok(rendered.find((r) => r.program === "guide")!.services.length >= 3);
        assert.ok(count >= 11, `${count} Services rendered`);
    });

    it("accepts each with the config-features flags its program sets", () => {
        for (const r of rendered) {
            for (const s of r.services) {
                const v = verdicts.get(label(r, s, "with its flags"))!;
                assert.equal(v.allowed, true, `${label(r, s, "")}: ${v.error}`);
            }
        }
    });

    it("rejects each that uses a gated pod field without the flags, and names the field", () => {
        let gatedServices = 0;
        for (const r of rendered) {
            for (const s of r.services) {
                const pod = s.spec.template.spec;
                const gated = Object.keys(GATED).filter((f) => GATED[f](pod));
                const v = verdicts.get(label(r, s, "with Knative's default flags"))!;
                assert.equal(v.allowed, gated.length === 0, `${label(r, s, "")} uses ${gated.join(", ") || "no gated field"}: ${v.error}`);
                if (gated.length) {
                    gatedServices++;
                    assert.match(v.error!, /must not set the field\(s\)/);
                }
            }
        }
        assert.ok(gatedServices >= 5, `${gatedServices} Services use gated fields`);
    });

    it("needs each flag the package enables exactly where a Service's pod spec uses its field", () => {
        let checked = 0;
        for (const r of rendered) {
            for (const flag of Object.keys(r.features).filter((f) => GATED[f])) {
                for (const s of r.services) {
                    const v = verdicts.get(label(r, s, `without ${flag}`))!;
                    assert.equal(v.allowed, !GATED[flag](s.spec.template.spec), `${label(r, s, `without ${flag}`)}: ${v.error}`);
                    checked++;
                }
            }
        }
        assert.ok(checked > 0);
    });

    it("warns only that Kubernetes' security-context defaults are insecure, for fields the package leaves to the user", () => {
        for (const r of rendered) {
            for (const s of r.services) {
                const v = verdicts.get(label(r, s, "with its flags"))!;
                for (const w of v.warnings) {
                    assert.ok(w.startsWith(INSECURE_DEFAULTS_WARNING), `${label(r, s, "")}: an undocumented Knative warning: ${w}`);
                    for (const field of insecureDefaultFields(w)) {
                        assert.ok(UNSET_SECURITY_FIELDS.includes(field), `${label(r, s, "")}: ${field} is not a documented warning`);
                    }
                }
            }
        }
    });
});
