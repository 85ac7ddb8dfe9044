import { KUBERNETES_PREFIX } from "../resourceTypes";
import { obj, str, UNKNOWN_TEXT } from "../sections/printable";
import { ALICLOUD_FORCE_NEW, KUBERNETES_FORCE_NEW, KUBERNETES_IDENTITY, PROVIDER_FORCE_NEW } from "./replacementRules";

/**
 * Why a changed resource would be replaced rather than updated: the changed inputs that its provider
 * cannot update in place (replacementRules.ts), with their old and new values.
 */

export interface ReplaceReason {
    /** The input as written in the program or the object's YAML, e.g. `.spec.containers[0].image` or `cidrBlock`. */
    path: string;
    before: unknown;
    after: unknown;
    /** Why that input replaces, in a few words. */
    why: string;
    /** The new value is only known after deployment: Pulumi replaces if it then differs. */
    maybe?: boolean;
}

/** Values at a dotted path (`[*]` for every list item), by concrete path. */
function collect(value: unknown, segments: string[], prefix: string, out: Map<string, unknown>): void {
    if (segments.length === 0) {
        out.set(prefix, value);
        return;
    }
    const [head, ...rest] = segments;
    const list = head.endsWith("[*]");
    const key = list ? head.slice(0, -3) : head;
    const child = obj(value)[key];
    if (!list) return collect(child, rest, `${prefix}.${key}`, out);
    if (Array.isArray(child)) child.forEach((item, i) => collect(item, rest, `${prefix}.${key}[${i}]`, out));
}

function valuesAt(value: unknown, path: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    collect(value, path.replace(/^\./, "").split("."), "", out);
    return out;
}

function hasUnknown(value: unknown): boolean {
    if (value === UNKNOWN_TEXT) return true;
    if (Array.isArray(value)) return value.some(hasUnknown);
    if (typeof value === "object" && value !== null) return Object.values(value).some(hasUnknown);
    return false;
}

function changedAt(before: unknown, after: unknown, paths: string[], why: string, bare = false): ReplaceReason[] {
    const reasons: ReplaceReason[] = [];
    for (const p of paths) {
        const [a, b] = [valuesAt(before, p), valuesAt(after, p)];
        for (const concrete of new Set([...a.keys(), ...b.keys()])) {
            const [x, y] = [a.get(concrete), b.get(concrete)];
            if (JSON.stringify(x) === JSON.stringify(y)) continue;
            reasons.push({
                path: bare ? concrete.slice(1) : concrete,
                before: x,
                after: y,
                why,
                ...(hasUnknown(y) ? { maybe: true } : {}),
            });
        }
    }
    return reasons;
}

function kubernetesReasons(type: string, before: Record<string, unknown>, after: Record<string, unknown>): ReplaceReason[] {
    const identity = changedAt(
        before,
        after,
        KUBERNETES_IDENTITY,
        "a Kubernetes object's name and namespace identify it: the provider deletes it and creates it anew",
    );
    // Patches (NodePatch, ConfigMapPatch, …) update every other field in place.
    if (/Patch$/.test(type)) return identity;
    const kind = `${str(after.apiVersion)}/${str(after.kind)}`;
    const fields = KUBERNETES_FORCE_NEW[kind] ?? [];
    return [...identity, ...changedAt(before, after, fields, `immutable in a ${str(after.kind)}: pulumi-kubernetes replaces the object`)];
}

/** The changed inputs that replace a resource of this type; empty for an update in place. */
export function replaceReasons(type: string, before: Record<string, unknown>, after: Record<string, unknown>): ReplaceReason[] {
    if (type.startsWith(KUBERNETES_PREFIX)) return kubernetesReasons(type, before, after);
    const cloud = ALICLOUD_FORCE_NEW[type];
    if (cloud) {
        const why = `ForceNew in the alicloud provider (${cloud.terraform}): Alibaba Cloud cannot change it in place`;
        return changedAt(before, after, cloud.properties, why, true);
    }
    const provider = PROVIDER_FORCE_NEW[type];
    return provider ? changedAt(before, after, provider, "a different cluster: Pulumi replaces the provider", true) : [];
}
