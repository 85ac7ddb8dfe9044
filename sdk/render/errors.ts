/**
 * Every rejected input in this package is an `InputError`: it names the resource, the field, the
 * bad value and what would be valid, so `pulumi preview` shows a sentence instead of a stack trace.
 */
export class InputError extends Error {
    /**
     * Marks this as a Pulumi RunError (the runtime checks the flag, not the class), so `pulumi
     * preview` prints the message alone, without a stack trace.
     */
    readonly __pulumiRunError = true;

    constructor(
        /** Who rejects the value, e.g. `KnativeService "hello"`. */
        readonly resource: string,
        /** The argument path, e.g. `eciSpecs[1]`. */
        readonly field: string,
        readonly value: unknown,
        /** What would be valid, as a sentence fragment. */
        readonly expected: string,
    ) {
        super(`${resource}: ${field} ${describeValue(value)} is not valid: ${expected}.`);
        this.name = "InputError";
    }
}

/** Names a resource in messages the way users wrote it: `KnativeService "hello"`. */
export function resourceLabel(kind: string, name: string): string {
    return `${kind} "${name}"`;
}

function describeValue(value: unknown): string {
    if (value === undefined) return "(missing)";
    let text: string;
    try {
        text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    } catch {
        text = String(value);
    }
    return `= ${text.length > 120 ? `${text.slice(0, 117)}...` : text}`;
}

/**
 * Collects checks for one resource so each `check` reads as one line and the first failure throws.
 */
export class Checker {
    constructor(readonly resource: string) {}

    /** Throws `InputError` for `field` unless `ok`. */
    check(ok: boolean, field: string, value: unknown, expected: string): void {
        if (!ok) throw new InputError(this.resource, field, value, expected);
    }

    fail(field: string, value: unknown, expected: string): never {
        throw new InputError(this.resource, field, value, expected);
    }

    /** An optional integer within [min, max]. */
    integer(value: number | undefined, field: string, min: number, max: number): void {
        if (value === undefined) return;
        this.check(Number.isInteger(value) && value >= min && value <= max, field, value, `expected an integer from ${min} to ${max}`);
    }

    /** One of a closed set of strings. */
    oneOf<T extends string>(value: string | undefined, field: string, allowed: readonly T[]): void {
        if (value === undefined) return;
        this.check(
            (allowed as readonly string[]).includes(value),
            field,
            value,
            `expected one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
        );
    }
}
