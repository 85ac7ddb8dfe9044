/**
 * The one test for values not known yet: a Pulumi Output (its `__pulumiOutput` brand, so no run-time
 * import of Pulumi) or a Promise (anything with `then`).
 */
export function isEventual(value: unknown): boolean {
    return (
        typeof value === "object" &&
        value !== null &&
        ((value as { __pulumiOutput?: unknown }).__pulumiOutput === true || typeof (value as { then?: unknown }).then === "function")
    );
}

/** True when `value` holds an Output or a Promise anywhere inside it. */
export function containsEventuals(value: unknown): boolean {
    if (isEventual(value)) return true;
    if (Array.isArray(value)) return value.some(containsEventuals);
    if (typeof value === "object" && value !== null) return Object.values(value).some(containsEventuals);
    return false;
}
