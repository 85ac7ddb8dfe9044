import { parseVersion } from "./version";
import type { Checker } from "./errors";
import type { StringMap } from "./k8sTypes";

/** Server-side apply annotation that takes fields over from their current manager (e.g. an add-on). */
export const PATCH_FORCE = "pulumi.com/patchForce";

/** What `cs.KubernetesAddon` receives. */
export interface RenderedAddon {
    name: string;
    version?: string;
    /** JSON string, or undefined for the add-on's defaults. */
    config?: string;
    cleanupCloudResources?: boolean;
}

/** A `ConfigMapPatch` of a ConfigMap an add-on owns. Declare it with `CONFIG_PATCH_OPTIONS`. */
export interface RenderedConfigMapPatch {
    metadata: { name: string; namespace: string; annotations: StringMap };
    data: StringMap;
}

/**
 * Resource options of every patch of an add-on's ConfigMap: keep the patched fields when the patch is deleted.
 * Deleting a server-side-apply patch otherwise removes the fields it forced over, leaving the ConfigMap without them
 * rather than restoring earlier values.
 */
export const CONFIG_PATCH_OPTIONS = { retainOnDelete: true } as const;

/**
 * ACK add-on versions as `cs.getKubernetesAddons` reports them: `v2.13.2`, `1.5.0`, `v1.6.0.0-aliyun`.
 * A leading `v`, two to four numeric parts and an optional suffix.
 */
function isAddonVersion(version: string): boolean {
    const parsed = parseVersion(version);
    return parsed !== undefined && parsed.numbers.length >= 2 && parsed.numbers.length <= 4;
}

/** An optional ACK add-on version pin. */
export function checkAddonVersion(c: Checker, field: string, version: string | undefined): void {
    if (version === undefined) return;
    c.check(
        typeof version === "string" && isAddonVersion(version),
        field,
        version,
        'expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers)',
    );
}

/**
 * An add-on's custom configuration, passed through to `cs.KubernetesAddon.config` as a JSON string. ACK merges it into
 * the configuration it stores; the keys each add-on accepts are in `cs.getKubernetesAddonMetadata`'s JSON schema.
 */
export function renderAddonConfig(c: Checker, field: string, config: unknown): string | undefined {
    if (config === undefined) return undefined;
    const isObject = typeof config === "object" && config !== null && !Array.isArray(config);
    c.check(isObject, field, config, "expected an object of add-on settings, rendered as JSON");
    try {
        return JSON.stringify(config);
    } catch {
        return c.fail(field, config, "expected JSON-serialisable settings (no cycles, no BigInt values)");
    }
}
