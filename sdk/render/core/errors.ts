import { isEventual } from "./eventual";
/**
 * Every error the package raises on purpose: one sentence for the user. Marked as a Pulumi RunError
 * (the runtime checks the flag, not the class), so `pulumi preview` prints the message alone,
 * without a stack trace.
 */
export abstract class PackageError extends Error {
    readonly __pulumiRunError = true;
}

/** One problem as Pulumi's engine lists it against a property (Pulumi's `InputPropertyErrorDetails`). */
export interface PropertyProblem {
    /** The property path, e.g. `eciSpecs[1]` or `env["A"]`. */
    propertyPath: string;
    /** The problem's sentence. */
    reason: string;
}

/**
 * Every rejected input in this package is an `InputError`: it names the resource, the field, the bad value and what
 * would be valid, so `pulumi preview` shows a sentence instead of a stack trace. A value that was secret never
 * appears in a message: it shows as `(secret, N characters)`.
 *
 * It also follows Pulumi's `InputPropertiesError` (by its flag, as Pulumi recognises it; the class itself cannot be
 * extended here): served to another language, the engine lists each problem against its property.
 */
export class InputError extends PackageError {
    /** The bad value; its printed form when it holds a secret, so the secret is not kept here either. */
    readonly value: unknown;
    /** The value as the message shows it (secrets redacted). */
    readonly shown: string;
    /** Whether the value held a secret (the message redacts it). */
    readonly secretValue: boolean;
    readonly __pulumiInputPropertiesError = true;

    constructor(
        /** Who rejects the value, e.g. `KnativeService "hello"`. */
        readonly resource: string,
        /** The argument path, e.g. `eciSpecs[1]`. */
        readonly field: string,
        value: unknown,
        /** What would be valid, as a sentence fragment; for an unknown argument, the suggestion. */
        readonly expected: string,
        options: { unknownArgument?: boolean; secrets?: Secrets; shown?: string; secretValue?: boolean } = {},
    ) {
        const secrets = options.secrets ?? ambientSecrets ?? NO_SECRETS;
        const shown = options.shown ?? describeValue(value, secrets);
        const verdict = options.unknownArgument ? `is not an argument; ${expected}` : `is not valid: ${expected}.`;
        const message = secrets.redactText(`${resource}: ${field} ${shown} ${verdict}`);
        super(message);
        this.name = "InputError";
        // The message stays one sentence: Pulumi's serializer prefixes `error serializing property "x": `
        // to errors that reach a resource input, once per input the same error reaches.
        fixMessage(this, message);
        this.shown = shown;
        this.secretValue = options.secretValue ?? secrets.holds(value);
        this.value = this.secretValue ? shown : value;
        this.unknownArgument = options.unknownArgument === true;
    }

    /** Whether the field is not an argument at all (a typo), rather than a bad value. */
    readonly unknownArgument: boolean;

    /** Every problem this error reports: itself, or (`InputErrors`) each one found together. */
    get problems(): readonly InputError[] {
        return [this];
    }

    /**
     * Pulumi's `InputPropertiesError.errors`: each problem against its property. A problem whose value is secret is
     * left to the message: the engine prints the value it holds next to the property, and a secret typed as plain
     * text would show.
     */
    get errors(): PropertyProblem[] {
        return this.problems.filter((p) => !p.secretValue).map((p) => ({ propertyPath: propertyPathOf(p.field), reason: p.message }));
    }

    /** The same error reported by an enclosing resource under its own field, e.g. `services[2].` + `eciSpecs[0]`. */
    within(resource: string, prefix: string): InputError {
        const field = this.field.startsWith("(") ? `${prefix.replace(/\.$/, "")} ${this.field}` : `${prefix}${this.field}`;
        return new InputError(resource, field, this.value, this.expected, {
            unknownArgument: this.unknownArgument,
            shown: this.shown,
            secrets: ambientSecrets,
            secretValue: this.secretValue,
        });
    }

    /** The problems as one error: the problem itself when there is one, else an `InputErrors` listing them. */
    static of(problems: readonly InputError[]): InputError {
        return problems.length === 1 ? problems[0] : new InputErrors(problems);
    }
}

/**
 * Several problems found together in one resource's arguments, so a user fixes them all in one go. An `InputError`
 * (code that recognises one recognises these), named like one; the message is each problem's sentence on its own
 * line, and `resource`, `field`, `value` and `expected` are the first problem's.
 */
export class InputErrors extends InputError {
    private readonly all: readonly InputError[];

    constructor(problems: readonly InputError[]) {
        const [first] = problems;
        super(first.resource, first.field, first.value, first.expected, {
            unknownArgument: first.unknownArgument,
            shown: first.shown,
            secretValue: first.secretValue,
        });
        this.all = problems.flatMap((p) => p.problems);
        fixMessage(this, this.all.map((p) => p.message).join("\n"));
    }

    override get problems(): readonly InputError[] {
        return this.all;
    }

    override within(resource: string, prefix: string): InputError {
        return InputError.of(this.all.map((p) => p.within(resource, prefix)));
    }
}

function fixMessage(error: Error, message: string): void {
    Object.defineProperty(error, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: true });
}

/**
 * A field as a Pulumi property path: `env["A"]` stays, `labels key` is the map `labels`, and a note in parentheses
 * (`serviceName (defaults to the resource name)`) is dropped.
 */
export function propertyPathOf(field: string): string {
    return field.replace(/\s*\(.*\)$/, "").replace(/ key$/, "");
}

/**
 * Runs each check of one resource's arguments, all of them even when one fails, and throws every problem they found
 * together: one `InputError` for one problem, an `InputErrors` for more. A problem found twice is reported once.
 */
export function reportAll(checks: readonly (() => unknown)[]): void {
    const found = new Problems();
    for (const check of checks) {
        try {
            check();
        } catch (e) {
            if (!(e instanceof InputError)) throw e;
            found.add(e);
        }
    }
    found.throwIfAny();
}

/** Problems found so far, each once: the same field with the same value is one problem, however many checks saw it. */
class Problems {
    private readonly list: InputError[] = [];
    private readonly seen = new Set<string>();

    add(error: InputError): void {
        for (const p of error.problems) {
            const key = JSON.stringify([p.resource, p.field, p.shown]);
            if (this.seen.has(key)) continue;
            this.seen.add(key);
            this.list.push(p);
        }
    }

    get size(): number {
        return this.list.length;
    }

    throwIfAny(): void {
        if (this.list.length > 0) throw InputError.of(this.list);
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
 * The checks of one resource's values. `check` and `fail` throw an `InputError`, which ends the check at hand. Inside
 * `collect`, independent checks run as `part`s: a part's problem is recorded and the next part still runs, and
 * `collect` throws every recorded problem together, so a user sees all of them in one preview.
 *
 * A part that read a field whose shape was wrong (see `ignoringFields`) gives no verdict and no result (undefined, as
 * for a failed part): whatever it found, or however it failed, follows from that field, which is reported already.
 * Neither do the parts it runs. Code outside any part that reads such a field leaves the rest of `collect` without
 * verdicts, so renders read fields inside the parts that need them.
 */
export class Checker {
    /** Secrets of the values being checked: those of the enclosing render, plus fields documented as secret. */
    readonly secrets: Secrets;
    private readonly found = new Problems();
    /** The parts running now, outermost first; `collect` is the first. */
    private readonly running: { followsIgnored: boolean }[] = [];
    private ignored: ReadonlySet<PropertyKey> = new Set();

    constructor(readonly resource: string) {
        this.secrets = new Secrets(ambientSecrets);
    }

    /**
     * Runs a whole check: the parts inside record their problems and the rest runs on; at the end every problem is
     * thrown together (a problem outside any part ends the run, and is thrown with the others). `run` may give up
     * (return undefined) only when a problem was recorded.
     */
    collect<R>(run: () => R | undefined): R {
        const result = this.recorded(run);
        this.found.throwIfAny();
        return result as R;
    }

    /**
     * Runs one independent check: inside `collect`, its problem is recorded and undefined returned instead of ending
     * the whole run. Outside `collect` there is nothing to report recorded problems, so a problem is thrown as it is.
     */
    part<R>(run: () => R): R | undefined {
        return this.running.length === 0 ? run() : this.recorded(run);
    }

    private recorded<R>(run: () => R): R | undefined {
        const frame = { followsIgnored: false };
        this.running.push(frame);
        try {
            const result = run();
            return frame.followsIgnored ? undefined : result;
        } catch (e) {
            const followsIgnored = this.running.some((p) => p.followsIgnored);
            if (followsIgnored && this.found.size > 0) return undefined;
            if (!(e instanceof InputError)) throw e;
            this.found.add(e);
            return undefined;
        } finally {
            this.running.pop();
        }
    }

    /** How many problems have been recorded. */
    get problemCount(): number {
        return this.found.size;
    }

    /**
     * `value` (an object of arguments) for the value checks, without the `fields` whose shape was wrong: a part that
     * reads one of them (and the parts it encloses) gives no verdict, as `Checker` says.
     */
    ignoringFields<T extends object>(value: T, fields: ReadonlySet<string>): T {
        if (fields.size === 0) return value;
        this.ignored = fields;
        const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !fields.has(k)));
        return new Proxy(rest, {
            get: (target, key) => {
                const innermost = this.running[this.running.length - 1];
                if (innermost && this.ignored.has(key)) innermost.followsIgnored = true;
                return Reflect.get(target, key);
            },
        }) as T;
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
