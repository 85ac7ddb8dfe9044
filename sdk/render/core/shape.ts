import type * as pulumi from "@pulumi/pulumi";
import { Checker } from "./errors";
import { isEventual } from "./eventual";

/**
 * Runtime descriptions of the components' argument shapes, and the one structural check every
 * component runs before its domain checks: types (a boolean is `true`/`false`, never `"false"`),
 * lists versus maps, finite numbers, required fields, plain values where a value decides which
 * resources exist, and unknown keys refused with the nearest valid name.
 *
 * Each description sits next to the TypeScript interface Pulumi's component analyzer reads, and a
 * compile-time assertion (`Same`) keeps the two identical: field names, which are required, which
 * take `pulumi.Input`s, and every type down to the leaves. No validation library is used: the
 * analyzer must keep reading plain interfaces (so a library's inferred types cannot be the source),
 * and the check has to tell Outputs (checked once they resolve) from plain values, know which fields
 * are secret, and word its messages like every other check; a small walker does all three.
 */

type Kind = "string" | "number" | "boolean" | "array" | "map" | "object" | "any";

export interface Shape<T> {
    readonly kind: Kind;
    /** May be an Output or a Promise: the interface says `pulumi.Input<…>`. */
    readonly input: boolean;
    /** Strings: the closed set of values (membership is a domain check; types name it). */
    readonly values?: readonly string[];
    /** Arrays and maps: the shape of each element. */
    readonly of?: Shape<unknown>;
    /** Objects: the fields. */
    readonly fields?: Readonly<Record<string, Field<unknown, boolean>>>;
    /** Secret values (kept secret in state, never printed). */
    readonly secret?: boolean;
    /** Why the value must be plain, when it is not an Input. */
    readonly why?: string;
    /** The TypeScript type described; compile time only. */
    readonly __type?: () => T;
}

export interface Field<T, R extends boolean> {
    readonly shape: Shape<T>;
    readonly required: R;
}

export type Fields = Record<string, Field<unknown, boolean>>;

/** The TypeScript type a shape describes. */
export type TypeOf<S> = S extends Shape<infer T> ? T : never;

type FieldType<F> = F extends Field<infer T, boolean> ? T : never;
type Flatten<T> = { [K in keyof T]: T[K] };
type ObjectOf<F extends Fields> = Flatten<
    { [K in keyof F as F[K] extends Field<unknown, true> ? K : never]: FieldType<F[K]> } & {
        [K in keyof F as F[K] extends Field<unknown, true> ? never : K]?: FieldType<F[K]>;
    }
>;

const base = { input: false } as const;

export function str(): Shape<string> {
    return { ...base, kind: "string" };
}
/** A string from a closed set (an `as const` enum such as `Placement`). */
export function oneOf<V extends string>(values: readonly V[]): Shape<V> {
    // An import cycle would hand an enum over before it is defined; fail at load, not in a message.
    if (!Array.isArray(values)) throw new Error("oneOf: the enum's values are not defined yet (an import cycle)");
    return { ...base, kind: "string", values };
}
export function num(): Shape<number> {
    return { ...base, kind: "number" };
}
export function bool(): Shape<boolean> {
    return { ...base, kind: "boolean" };
}
export function list<T>(of: Shape<T>): Shape<T[]> {
    return { ...base, kind: "array", of: of as Shape<unknown> };
}
export function map<T>(of: Shape<T>): Shape<{ [key: string]: T }> {
    return { ...base, kind: "map", of: of as Shape<unknown> };
}
export function obj<F extends Fields>(fields: F): Shape<ObjectOf<F>> {
    return { ...base, kind: "object", fields };
}
/** Any JSON-like value (open settings such as an add-on's configuration). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function anything(): Shape<any> {
    return { ...base, kind: "any" };
}
/** `pulumi.Input<T>`: may be an Output, checked once it resolves. */
export function input<T>(s: Shape<T>): Shape<pulumi.Input<T>> {
    return { ...s, input: true } as Shape<pulumi.Input<T>>;
}
/** A secret value: redacted in every message, kept secret in what is rendered. */
export function secret<T>(s: Shape<T>): Shape<T> {
    return { ...s, secret: true };
}
/** A plain value, with the reason it must be plain (said when an Output is given). */
export function plain<T>(s: Shape<T>, why: string): Shape<T> {
    return { ...s, why };
}
/** Fails to compile unless `A` and `B` are the same argument shape (see `Same`); a no-op at runtime. */
/** A string that may be an Output; the commonest field shape. */
export const inputString = input(str());
/** A map of such strings. */
export const inputStringMap = input(map(inputString));

export function assertSameShape<A, B>(_same: Same<A, B>): void {}

export function req<T>(shape: Shape<T>): Field<T, true> {
    return { shape, required: true };
}
export function opt<T>(shape: Shape<T>): Field<T, false> {
    return { shape, required: false };
}

// ---- compile-time identity of a shape and an interface ----

type IsAny<T> = 0 extends 1 & T ? true : false;
type Eventual = Promise<unknown> | pulumi.OutputInstance<unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HasEventual<T> = [Extract<T, Promise<any> | pulumi.OutputInstance<any>>] extends [never] ? false : true;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Strip<T> = Exclude<T, undefined | Promise<any> | pulumi.OutputInstance<any> | Eventual>;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T> = false extends T[keyof T] ? false : true;
type SameObject<A, B> =
    SameKeys<keyof A, keyof B> extends true
        ? SameKeys<RequiredKeys<A>, RequiredKeys<B>> extends true
            ? AllTrue<{ [K in keyof A & keyof B]-?: Same<A[K], B[K]> }>
            : false
        : false;
type SamePlain<A, B> = [A] extends [readonly (infer EA)[]]
    ? [B] extends [readonly (infer EB)[]]
        ? Same<EA, EB>
        : false
    : [B] extends [readonly unknown[]]
      ? false
      : [A] extends [object]
        ? [B] extends [object]
            ? SameObject<A, B>
            : false
        : [B] extends [object]
          ? false
          : SameKeys<A, B>;

/**
 * `true` when two types are the same argument shape: the same keys, the same required keys, the
 * same `pulumi.Input`-ness at every level and the same leaf types. Used as `const _: true = …`.
 */
export type Same<A, B> =
    IsAny<A> extends true
        ? IsAny<B>
        : IsAny<B> extends true
          ? false
          : SameKeys<HasEventual<A>, HasEventual<B>> extends true
            ? SamePlain<Strip<A>, Strip<B>>
            : false;

// ---- the structural check ----

/** Where the check runs: on the component's arguments (Outputs not yet known) or on resolved values. */
export type CheckStage = "args" | "resolved";

const DECIDES = "it is read before any Output is known, to decide what is declared";

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !isEventual(value);
}

const PLURAL: Record<Kind, string> = {
    string: "strings",
    number: "numbers",
    boolean: "true/false values",
    array: "lists",
    map: "maps",
    object: "objects",
    any: "values",
};

/** What a shape expects, as a sentence fragment: `a list of strings`, `true or false`, … */
export function expectedOf(s: Shape<unknown>): string {
    switch (s.kind) {
        case "string":
            return s.values ? `one of ${s.values.map((v) => `"${v}"`).join(", ")}` : "a string";
        case "number":
            return "a finite number";
        case "boolean":
            return "true or false";
        case "array":
            return `a list of ${PLURAL[s.of!.kind]}`;
        case "map":
            return `a map of names to ${PLURAL[s.of!.kind]}`;
        case "object":
            return `an object with ${Object.keys(s.fields!)
                .map((k) => k)
                .join(", ")}`;
        case "any":
            return "a value";
    }
}

function kindOf(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (value === null) return "null";
    if (typeof value === "object") return "an object";
    if (typeof value === "string") return "a string";
    if (typeof value === "number") return Number.isFinite(value) ? "a number" : String(value);
    if (typeof value === "boolean") return "a boolean";
    return `a ${typeof value}`;
}

/** Levenshtein distance, case-insensitive: `minscale` is one step from `minScale`'s spelling. */
function distance(a: string, b: string): number {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const row = [i];
        for (let j = 1; j <= y.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[y.length];
}

/** The valid name nearest to a misspelt one, when it is near enough to be meant. */
export function nearestName(key: string, names: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const name of names) {
        const d = distance(key, name);
        if (d < bestDistance) [best, bestDistance] = [name, d];
    }
    const limit = Math.max(2, Math.floor(key.length / 3));
    return best !== undefined && bestDistance <= limit ? best : undefined;
}

function join(path: string, key: string): string {
    return path === "" ? key : `${path}.${key}`;
}

/**
 * The structural check of a render's arguments (an object shape), each mismatch recorded in `c` (see
 * `Checker.collect`): one per field, so a wrong field does not hide the next. Returns the arguments for the value
 * checks without the fields whose shape is wrong (`Checker.ignoringFields`): a wrong type there would only make the
 * checks that read it say something beside the point. Arguments that are not an object at all throw at once.
 */
export function shapedArgs<T extends object>(c: Checker, shape: Shape<unknown>, value: T, stage: CheckStage): T {
    collectSecrets(c, shape, value);
    if (!isPlainObject(value)) c.fail("", value, `expected ${expectedOf(shape)}, not ${kindOf(value)}`);
    const wrong = walkFields(c, shape, value, stage, "", shape.input, shape.why);
    return c.ignoringFields(value, wrong);
}

function collectSecrets(c: Checker, shape: Shape<unknown>, value: unknown): void {
    if (value === undefined || value === null || isEventual(value)) return;
    if (shape.secret) {
        c.secrets.add(value);
        return;
    }
    if ((shape.kind === "array" || shape.kind === "map") && typeof value === "object") {
        for (const v of Object.values(value)) collectSecrets(c, shape.of!, v);
    } else if (shape.kind === "object" && isPlainObject(value)) {
        for (const [k, f] of Object.entries(shape.fields!)) collectSecrets(c, f.shape, value[k]);
    }
}

/** Checks one element (field, list item, map entry) as a part of its own: a mismatch there does not stop its siblings. */
function walkPart(
    c: Checker,
    shape: Shape<unknown>,
    value: unknown,
    stage: CheckStage,
    path: string,
    inInput: boolean,
    why?: string,
): void {
    c.part(() => walk(c, shape, value, stage, path, inInput, why));
}

/**
 * `inInput`: an enclosing value may be an Output, so Outputs inside it resolve with it (other
 * languages can send one anywhere). `why`: the nearest plain ancestor's reason.
 */
function walk(c: Checker, shape: Shape<unknown>, value: unknown, stage: CheckStage, path: string, inInput = false, why?: string): void {
    const reason = shape.why ?? why;
    if (isEventual(value)) {
        if (!shape.input && !inInput && stage === "args") {
            c.fail(path, value, `expected ${expectedOf(shape)} as a plain value, not an Output: ${reason ?? DECIDES}`);
        }
        return;
    }
    const within = inInput || shape.input;
    const expected = expectedOf(shape);
    if (value === null) c.fail(path, value, `expected ${expected}; leave the argument out instead of null`);
    switch (shape.kind) {
        case "string":
            if (typeof value !== "string") c.fail(path, value, `expected ${expected}, not ${kindOf(value)}`);
            return;
        case "number":
            if (typeof value !== "number" || !Number.isFinite(value)) c.fail(path, value, `expected ${expected}, not ${kindOf(value)}`);
            return;
        case "boolean":
            if (typeof value !== "boolean") {
                const hint =
                    typeof value === "string" ? " (a boolean, not a string: any non-empty string reads as true)" : `, not ${kindOf(value)}`;
                c.fail(path, value, `expected ${expected}${hint}`);
            }
            return;
        case "array": {
            if (!Array.isArray(value)) {
                const hint = typeof value === "string" ? ", not a single string" : `, not ${kindOf(value)}`;
                c.fail(path, value, `expected ${expected}${hint}`);
            }
            value.forEach((v, i) => {
                if (v === undefined) c.part(() => c.fail(`${path}[${i}]`, v, `expected ${expectedOf(shape.of!)}, not an empty element`));
                else walkPart(c, shape.of!, v, stage, `${path}[${i}]`, within, reason);
            });
            return;
        }
        case "map": {
            if (!isPlainObject(value)) c.fail(path, value, `expected ${expected}, not ${kindOf(value)}`);
            for (const [k, v] of Object.entries(value)) {
                if (v !== undefined) walkPart(c, shape.of!, v, stage, `${path}["${k}"]`, within, reason);
            }
            return;
        }
        case "object": {
            if (!isPlainObject(value)) c.fail(path, value, `expected ${expected}, not ${kindOf(value)}`);
            walkFields(c, shape, value, stage, path, within, reason);
            return;
        }
        case "any":
            if (typeof value === "function" || typeof value === "symbol") c.fail(path, value, "expected a JSON-like value");
            return;
    }
}

/**
 * An object's keys: unknown ones refused with the nearest valid name, required ones present, each field checked.
 * Returns the keys found wrong, with the fields misspelt keys were meant to be.
 */
function walkFields(
    c: Checker,
    shape: Shape<unknown>,
    value: Record<string, unknown>,
    stage: CheckStage,
    path: string,
    within: boolean,
    reason: string | undefined,
): Set<string> {
    const wrong = new Set<string>();
    const fields = shape.fields!;
    const names = Object.keys(fields);
    for (const [k, v] of Object.entries(value)) {
        if (k in fields || v === undefined) continue;
        const near = nearestName(k, names);
        const suggestion = near ? `did you mean ${near}?` : `expected one of ${names.join(", ")}${path ? ` in ${path}` : ""}.`;
        c.part(() => c.unknown(join(path, k), v, suggestion));
        wrong.add(k);
        // The field it was meant to be is as good as wrong: checks that find it missing would repeat the typo.
        if (near) wrong.add(near);
    }
    const misspelt = wrong.size > 0;
    for (const [k, f] of Object.entries(fields)) {
        const v = value[k];
        if (v === undefined) {
            if (f.required) {
                // Beside a key that is not an argument, a missing one is most likely that key misspelt: one problem.
                if (!misspelt) c.part(() => c.fail(join(path, k), v, `expected ${expectedOf(f.shape)} (required)`));
                wrong.add(k);
            }
            continue;
        }
        // A mismatch anywhere inside makes the field wrong, though its own part went on to check the rest.
        const before = c.problemCount;
        walkPart(c, f.shape, v, stage, join(path, k), within, reason);
        if (c.problemCount > before) wrong.add(k);
    }
    return wrong;
}

/** An object shape without some fields (a renderer that receives them elsewhere). Runtime only. */
export function without(shape: Shape<unknown>, ...keys: string[]): Shape<unknown> {
    const fields = Object.fromEntries(Object.entries(shape.fields ?? {}).filter(([k]) => !keys.includes(k)));
    return { ...shape, fields };
}

/** An object shape with more fields. Runtime only. */
export function withFields(shape: Shape<unknown>, more: Fields): Shape<unknown> {
    return { ...shape, fields: { ...shape.fields, ...more } };
}
