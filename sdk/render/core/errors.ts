import { isEventual } from "./eventual";
/**
 * Every error the package raises on purpose: one sentence for the user. Marked as a Pulumi RunError
 * (the runtime checks the flag, not the class), so `pulumi preview` prints the message alone,
 * without a stack trace.
 */
export abstract class PackageError extends Error {
    readonly __pulumiRunError = true;
}

/**
 * Every rejected input in this package is an `InputError`: it names the resource, the field, the
 * bad value and what would be valid, so `pulumi preview` shows a sentence instead of a stack trace.
 * A value that was secret never appears in a message: it shows as `(secret, N characters)`.
 */
export class InputError extends PackageError {
    /** The bad value; its printed form when it holds a secret, so the secret is not kept here either. */
    readonly value: unknown;
    /** The value as the message shows it (secrets redacted). */
    readonly shown: string;

    constructor(
        /** Who rejects the value, e.g. `KnativeService "hello"`. */
        readonly resource: string,
        /** The argument path, e.g. `eciSpecs[1]`. */
        readonly field: string,
        value: unknown,
        /** What would be valid, as a sentence fragment; for an unknown argument, the suggestion. */
        readonly expected: string,
        options: { unknownArgument?: boolean; secrets?: Secrets; shown?: string } = {},
    ) {
        const secrets = options.secrets ?? ambientSecrets ?? NO_SECRETS;
        const shown = options.shown ?? describeValue(value, secrets);
        const verdict = options.unknownArgument ? `is not an argument; ${expected}` : `is not valid: ${expected}.`;
        const message = secrets.redactText(`${resource}: ${field} ${shown} ${verdict}`);
        super(message);
        this.name = "InputError";
        // The message stays one sentence: Pulumi's serializer prefixes `error serializing property "x": `
        // to errors that reach a resource input, once per input the same error reaches.
        Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: true });
        this.shown = shown;
        this.value = secrets.holds(value) ? shown : value;
        this.unknownArgument = options.unknownArgument === true;
    }

    /** Whether the field is not an argument at all (a typo), rather than a bad value. */
    readonly unknownArgument: boolean;

    /** The same error reported by an enclosing resource under its own field, e.g. `services[2].` + `eciSpecs[0]`. */
    within(resource: string, prefix: string): InputError {
        const field = this.field.startsWith("(") ? `${prefix.replace(/\.$/, "")} ${this.field}` : `${prefix}${this.field}`;
        return new InputError(resource, field, this.value, this.expected, {
            unknownArgument: this.unknownArgument,
            shown: this.shown,
            secrets: ambientSecrets,
        });
    }
}

/** Names a resource in messages the way users wrote it: `KnativeService "hello"`. */
export function resourceLabel(kind: string, name: string): string {
    return `${kind} "${name}"`;
}

/** Secret strings shorter than this are redacted where they stand alone, not inside longer text. */
const MIN_EMBEDDED_SECRET = 3;

/**
 * The values that were secret in one component's arguments (secret Outputs, and fields documented
 * as secret). Messages redact them; the component layer keeps them secret in what it renders.
 */
export class Secrets {
    private readonly leaves = new Set<unknown>();
    private readonly texts = new Set<string>();

    constructor(from?: Secrets) {
        if (from) for (const v of from.leaves) this.addLeaf(v);
    }

    /**
     * Records every leaf of a secret value. Keys are not secret: they are argument names or map keys
     * (env names, label keys) that messages use to say which field is wrong.
     */
    add(value: unknown): void {
        if (value === undefined || value === null) return;
        if (Array.isArray(value)) value.forEach((v) => this.add(v));
        else if (typeof value === "object") Object.values(value).forEach((v) => this.add(v));
        else this.addLeaf(value);
    }

    private addLeaf(value: unknown): void {
        if (typeof value === "string" && value === "") return;
        this.leaves.add(value);
        if (typeof value === "string") this.texts.add(value);
        else if (typeof value === "number" || typeof value === "bigint") this.texts.add(String(value));
    }

    get size(): number {
        return this.leaves.size;
    }

    /** Whether a leaf value is (or, for text, contains) a secret. */
    isSecret(value: unknown): boolean {
        if (this.leaves.has(value)) return true;
        if (typeof value !== "string") return false;
        for (const t of this.texts) if (t.length >= MIN_EMBEDDED_SECRET && value.includes(t)) return true;
        for (const t of this.texts) if (t.length >= MIN_EMBEDDED_SECRET && value.includes(JSON.stringify(t).slice(1, -1))) return true;
        return false;
    }

    /** Whether a value holds a secret anywhere inside it. */
    holds(value: unknown, seen = new Set<unknown>()): boolean {
        if (this.size === 0) return false;
        if (typeof value === "object" && value !== null) {
            if (seen.has(value)) return false;
            seen.add(value);
            return Object.entries(value).some(([k, v]) => this.isSecret(k) || this.holds(v, seen));
        }
        return this.isSecret(value);
    }

    /** The text with every secret that could be recognised in it replaced by its redaction. */
    redactText(text: string): string {
        let out = text;
        const longestFirst = [...this.texts].filter((t) => t.length >= MIN_EMBEDDED_SECRET).sort((a, b) => b.length - a.length);
        for (const t of longestFirst) out = out.split(t).join(redaction(t));
        return out;
    }
}

const NO_SECRETS = new Secrets();

/** How a secret shows in messages: its length only. */
export function redaction(value: unknown): string {
    return `(secret, ${String(value).length} characters)`;
}

let ambientSecrets: Secrets | undefined;

/**
 * Runs `fn` (a pure render) knowing which values were secret, so every `InputError` it throws
 * redacts them. Renders are synchronous, so the knowledge never leaks into another render.
 */
export function withSecrets<R>(values: readonly unknown[], fn: () => R): R {
    const previous = ambientSecrets;
    const secrets = new Secrets(previous);
    values.forEach((v) => secrets.add(v));
    ambientSecrets = secrets;
    try {
        return fn();
    } finally {
        ambientSecrets = previous;
    }
}

/** A value as messages print it: JSON-like, `NaN` and `Infinity` as such, Outputs and secrets by name. */
export function describeValue(value: unknown, secrets: Secrets = ambientSecrets ?? NO_SECRETS): string {
    if (value === undefined) return "(missing)";
    const text = show(value, secrets, new Set());
    return `= ${text.length > 120 ? `${text.slice(0, 117)}...` : text}`;
}

function show(value: unknown, secrets: Secrets, seen: Set<unknown>): string {
    if (value === undefined) return "undefined";
    if (value === null) return "null";
    if (isEventual(value)) return "(an Output)";
    if (typeof value === "function") return "(a function)";
    if (typeof value !== "object") {
        if (secrets.isSecret(value)) return redaction(value);
        if (typeof value === "string") return JSON.stringify(value);
        if (typeof value === "bigint") return `${value}n`;
        return String(value);
    }
    if (seen.has(value)) return "(a cycle)";
    seen.add(value);
    if (Array.isArray(value)) return `[${value.map((v) => show(v, secrets, seen)).join(",")}]`;
    const entries = Object.entries(value).map(
        ([k, v]) => `${secrets.isSecret(k) ? redaction(k) : JSON.stringify(k)}:${show(v, secrets, seen)}`,
    );
    return `{${entries.join(",")}}`;
}

/**
 * Collects checks for one resource so each `check` reads as one line and the first failure throws.
 */
export class Checker {
    /** Secrets of the values being checked: those of the enclosing render, plus fields documented as secret. */
    readonly secrets: Secrets;

    constructor(readonly resource: string) {
        this.secrets = new Secrets(ambientSecrets);
    }

    /** Throws `InputError` for `field` unless `ok`. */
    check(ok: boolean, field: string, value: unknown, expected: string): void {
        if (!ok) this.fail(field, value, expected);
    }

    fail(field: string, value: unknown, expected: string): never {
        throw new InputError(this.resource, field, value, expected, { secrets: this.secrets });
    }

    /** Throws for a key that is not an argument, with the suggestion. */
    unknown(field: string, value: unknown, suggestion: string): never {
        throw new InputError(this.resource, field, value, suggestion, { secrets: this.secrets, unknownArgument: true });
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
