import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { RecordedResource } from "../engine/mockEngine";
import { clean, type KubernetesObject } from "./objects";
import { obj, printable } from "./printable";
import { urnDescriber } from "./resourceTree";

/**
 * `resources.json` in a plan's `--out` directory: every custom resource (Kubernetes objects, cloud
 * resources, providers) by URN with its printable inputs, so that two plans can be compared the way
 * Pulumi compares a program with its stack: by URN.
 */

export const MANIFEST_FILE = "resources.json";
const FORMAT = 1;

export interface ManifestEntry {
    /** The Pulumi URN: what `pulumi up` matches old and new resources by. */
    urn: string;
    name: string;
    type: string;
    /** The `--out` file of a Kubernetes object. */
    file?: string;
    retainOnDelete?: boolean;
    /** Inputs as printable data (secrets as `[secret]`); a Kubernetes object as its YAML shows it. */
    inputs: Record<string, unknown>;
}

export interface Manifest {
    entries: ManifestEntry[];
    /** False when read back from the YAML files of a plan made before `resources.json` existed. */
    complete: boolean;
}

export function manifestEntries(resources: RecordedResource[], objects: KubernetesObject[]): ManifestEntry[] {
    const describe = urnDescriber(resources);
    const byUrn = new Map(objects.map((o) => [o.resource.urn, o]));
    return resources
        .filter((r) => r.custom)
        .map((r) => {
            const o = byUrn.get(r.urn);
            return {
                urn: r.urn,
                name: r.name,
                type: r.type,
                ...(o ? { file: o.file } : {}),
                ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
                inputs: o ? o.object : obj(clean(printable(r.inputs, describe))),
            };
        })
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

export function manifestText(entries: ManifestEntry[]): string {
    return `${JSON.stringify({ format: FORMAT, resources: entries }, null, 1)}\n`;
}

/** `# name (type)`, the first line of each object file. */
const HEADER = /^# (\S+) \(([^)\s]+)\)\n/;

function yamlFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
        .sort();
}

/** Kubernetes objects from a plan without `resources.json`, keyed by type and name (no URN there). */
function fromObjectFiles(dir: string): ManifestEntry[] {
    return yamlFiles(dir).flatMap((file) => {
        const text = fs.readFileSync(path.join(dir, file), "utf8");
        const m = HEADER.exec(text);
        if (!m) return [];
        return [{ urn: `${m[2]}::${m[1]}`, name: m[1], type: m[2], file, inputs: obj(yaml.load(text.slice(m[0].length))) }];
    });
}

/** A plan directory's resources; an empty directory (a base that could not be planned) has none. */
export function readManifest(dir: string): Manifest {
    const file = path.join(dir, MANIFEST_FILE);
    if (fs.existsSync(file)) {
        const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { format?: number; resources?: ManifestEntry[] };
        if (doc.format !== FORMAT || !Array.isArray(doc.resources)) {
            throw new Error(`${file}: not a plan manifest of format ${FORMAT}; plan it again with this version`);
        }
        return { entries: doc.resources, complete: true };
    }
    if (!fs.existsSync(dir)) throw new Error(`${dir}: no such plan directory`);
    const files = fs.readdirSync(dir);
    if (files.length > 0 && !files.includes("resources.txt")) {
        throw new Error(`${dir}: not a plan directory (no resources.txt); write one with ack-knative-eci-plan --out`);
    }
    return { entries: fromObjectFiles(dir), complete: files.length === 0 };
}

/** Keys both sides the same way: by URN when both manifests are complete, else by `type::name`. */
export function entryKey(entry: ManifestEntry, byUrn: boolean): string {
    return byUrn ? entry.urn : `${entry.type}::${entry.name}`;
}
