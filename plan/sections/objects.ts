import * as yaml from "js-yaml";
import type { RecordedResource } from "../engine/mockEngine";
import { KUBERNETES_PREFIX } from "../resourceTypes";
import { compare, obj, printable, str } from "./printable";
import { urnDescriber } from "./resourceTree";

/**
 * The Kubernetes objects a program declares, as the YAML the provider would apply (secrets as
 * `[secret]`, no Pulumi-internal fields), each with a stable file name for `--out`.
 */

export interface KubernetesObject {
    resource: RecordedResource;
    /** The object, printable. */
    object: Record<string, unknown>;
    /** `<namespace>/<kind>-<name>.yaml`; cluster-scoped objects go under `_cluster/`. */
    file: string;
}

const TOKEN = /^kubernetes:([^/:]+)\/([^:]+):(.+)$/;
const KEY_ORDER = ["apiVersion", "kind", "metadata", "name", "namespace", "labels", "annotations", "spec"];

/** Group, version and kind of a `kubernetes:<group>/<version>:<Kind>` type token. */
export function parseKubernetesType(type: string): { group: string; version: string; kind: string } | undefined {
    const m = TOKEN.exec(type);
    return m ? { group: m[1], version: m[2], kind: m[3] } : undefined;
}

/**
 * Kubernetes resources a program declares: custom resources with a `kubernetes:` type. Remote
 * components (`helm.sh/v4:Chart`, `yaml/v2:ConfigGroup`) are excluded: their objects only exist once
 * the provider renders them at deploy time.
 */
export function isKubernetesObject(r: RecordedResource): boolean {
    return r.custom && parseKubernetesType(r.type) !== undefined;
}

/** `kubernetes:` components whose objects the offline plan cannot show. */
export function unexpandedComponents(resources: RecordedResource[]): RecordedResource[] {
    return resources.filter((r) => !r.custom && r.type.startsWith(KUBERNETES_PREFIX));
}

/** Drops Pulumi-internal fields (`__…`) and absent values, at any depth. */
export function clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(clean);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([k, v]) => !k.startsWith("__") && v !== undefined && v !== null)
                .map(([k, v]) => [k, clean(v)]),
        );
    }
    return value;
}

function keyOrder(a: string, b: string): number {
    const [ia, ib] = [KEY_ORDER.indexOf(a), KEY_ORDER.indexOf(b)];
    if (ia >= 0 || ib >= 0) return (ia < 0 ? KEY_ORDER.length : ia) - (ib < 0 ? KEY_ORDER.length : ib);
    return compare(a, b);
}

/** YAML with a stable key order (Kubernetes' usual head fields first, then alphabetical). */
export function toYaml(value: unknown): string {
    return yaml.dump(value, { sortKeys: keyOrder, lineWidth: -1, noRefs: true });
}

function fileSafe(text: string): string {
    return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

function toObject(r: RecordedResource, describe: (urn: string) => string): Record<string, unknown> {
    const t = parseKubernetesType(r.type)!;
    // `status` is the provider's output (`status: undefined` asks for it), not part of the object.
    const inputs = { ...obj(clean(printable(r.inputs, describe))) };
    delete inputs.status;
    return {
        ...inputs,
        apiVersion: str(inputs.apiVersion) ?? (t.group === "core" ? t.version : `${t.group}/${t.version}`),
        kind: str(inputs.kind) ?? t.kind.replace(/Patch$/, ""),
    };
}

export function kubernetesObjects(resources: RecordedResource[]): KubernetesObject[] {
    const describe = urnDescriber(resources);
    const objects = resources.filter(isKubernetesObject).map((resource) => {
        const object = toObject(resource, describe);
        const t = parseKubernetesType(resource.type)!;
        const meta = obj(object.metadata);
        const kind = `${t.kind.toLowerCase()}${t.group === "core" ? "" : `.${t.group}`}`;
        const dir = fileSafe(str(meta.namespace) ?? "_cluster");
        return { resource, object, file: `${dir}/${fileSafe(`${kind}-${str(meta.name) ?? resource.name}`)}.yaml` };
    });
    objects.sort((a, b) => compare(a.file, b.file) || compare(a.resource.name, b.resource.name));
    // Two objects with one kind, namespace and name (e.g. on two clusters): tell them apart by resource.
    const counts = new Map<string, number>();
    for (const o of objects) counts.set(o.file, (counts.get(o.file) ?? 0) + 1);
    for (const o of objects) {
        if ((counts.get(o.file) ?? 0) > 1) o.file = o.file.replace(/\.yaml$/, `-${fileSafe(o.resource.name)}.yaml`);
    }
    return objects;
}
