import { isRecordedSecret } from "../engine/mockEngine";

/**
 * Turns values as the mock engine recorded them (secret markers, resource references, unknowns) into
 * plain data that is safe to print: every secret becomes `[secret]`, at any depth, and its value is
 * dropped.
 */

export const SECRET_TEXT = "[secret]";
export const UNKNOWN_TEXT = "[unknown]";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How a resource reference (by URN) prints, e.g. `k8s (pulumi:providers:kubernetes)`. */
export type DescribeUrn = (urn: string) => string;

export function printable(value: unknown, describeUrn: DescribeUrn = (urn) => urn): unknown {
    if (isRecordedSecret(value)) return SECRET_TEXT;
    if (value === UNKNOWN_VALUE) return UNKNOWN_TEXT;
    if (Array.isArray(value)) return value.map((v) => printable(v, describeUrn));
    if (typeof value === "object" && value !== null) {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === RESOURCE_SIG && typeof obj.urn === "string") return `resource ${describeUrn(obj.urn)}`;
        return Object.fromEntries(
            Object.entries(obj)
                .filter(([k]) => k !== SIG_KEY)
                .map(([k, v]) => [k, printable(v, describeUrn)]),
        );
    }
    return value;
}

/** A string field of printable data, or undefined. */
export function str(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** An object field of printable data, or an empty object. */
export function obj(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A string map (labels, annotations, node selectors); non-string values are dropped. */
export function stringMap(value: unknown): Record<string, string> {
    return Object.fromEntries(Object.entries(obj(value)).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** Code-unit string order, independent of the machine's locale, so output is stable everywhere. */
export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
