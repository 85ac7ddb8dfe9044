import { containsEventuals } from "../../render/core/eventual";

/**
 * Which of the id fields `paths` of `args` (like `"vSwitchIds"` or `"imageCache.vswitchId"`) hold
 * Outputs: ids another resource generates, such as the network this package creates or a user's
 * Output wired from another resource. Renderers validate the ids a user types and pass these through:
 * their form is the cloud's (under Pulumi's test mocks, `<name>_id`). In a plain list, only the
 * elements that are Outputs are named, as `field[i]`.
 */
export function generatedIds(args: object, paths: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (const path of paths) {
        const value = path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], args);
        if (Array.isArray(value)) value.forEach((v, i) => containsEventuals(v) && found.add(`${path}[${i}]`));
        else if (containsEventuals(value)) found.add(path);
    }
    return found;
}
