import * as pulumi from "@pulumi/pulumi";
import { Secrets, withSecrets } from "../../render/core/errors";

import { containsEventuals } from "../../render/core/eventual";

export { containsEventuals };

/** Calls `fn` on every Output or Promise inside `value`, in a fixed order, and rebuilds it with the results. */
function mapEventuals(value: unknown, fn: (eventual: unknown) => unknown): unknown {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return fn(value);
    if (Array.isArray(value)) return value.map((v) => mapEventuals(v, fn));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapEventuals(v, fn)]));
    }
    return value;
}

/**
 * The rendered value with every leaf that is (or embeds) a secret wrapped in `pulumi.secret`, so a
 * secret argument keeps only what it became secret: the resource inputs and outputs it reaches are
 * serialized field by field, and the rest stays readable in previews and the offline plan.
 */
function keepSecret(value: unknown, secrets: Secrets): unknown {
    if (Array.isArray(value)) return value.map((v) => keepSecret(v, secrets));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keepSecret(v, secrets)]));
    }
    return value !== undefined && secrets.isSecret(value) ? pulumi.secret(value) : value;
}

/** Errors `checkLate` has raised, so each is raised once however many checks it flows through. */
const raised = new WeakSet<object>();

/**
 * Reports an error a check found once Outputs resolved, the way the same value fails when plain:
 * - A PackageError (an InputError, a ServiceNotReadyError) keeps its one sentence. Pulumi's serializer prepends `error serializing property
 *   "…": ` to the very error object at every resource input it flows through (a dozen times for a
 *   value the whole platform depends on), and invoke serialization logs its stack trace.
 * - It is raised once as an uncaught exception, besides rejecting the Output. Pulumi's program hosts
 *   (`pulumi preview`, the Automation API) and the offline plan report uncaught exceptions and unhandled
 *   rejections alike, once per error object; mocha ignores unhandled rejections, so a test waiting on
 *   an `apply` would otherwise hang until its timeout with nothing printed.
 */
function reportLate(err: unknown): unknown {
    if (typeof err !== "object" || err === null || raised.has(err)) return err;
    raised.add(err);
    // Every error the package raises on purpose (a PackageError) carries Pulumi's RunError flag; the flag, not the
    // class, also holds for a second copy of the package in node_modules.
    if ((err as { __pulumiRunError?: boolean }).__pulumiRunError === true) {
        const e = err as Error;
        const sentence = e.message;
        Object.defineProperty(e, "message", { get: () => sentence, set: () => undefined, configurable: true });
        e.stack = `${e.name}: ${sentence}`;
    }
    setImmediate(() => {
        throw err;
    });
    return err;
}

/** Runs `check` on an Output's value; what it throws is reported as `reportLate` says. */
export function checkLate<T, R>(value: pulumi.Output<T>, check: (plain: T) => R): pulumi.Output<R> {
    return value.apply((plain) => {
        try {
            return check(plain);
        } catch (e) {
            throw reportLate(e);
        }
    }) as pulumi.Output<R>;
}

/**
 * Runs a pure render/validate function on component args. Plain args are rendered now, so invalid
 * values throw from the constructor; args holding Outputs are rendered when they resolve, with the
 * same error messages. Each Output is resolved on its own, so the render knows which values were
 * secret: messages redact them, and only the rendered fields they reach stay secret.
 */
export function renderWhenKnown<A, R>(args: A, render: (plain: pulumi.Unwrap<A>) => R): pulumi.Output<R> {
    if (!containsEventuals(args)) return pulumi.output(render(args as pulumi.Unwrap<A>)) as pulumi.Output<R>;
    const eventuals: pulumi.Output<unknown>[] = [];
    mapEventuals(args, (e) => eventuals.push(pulumi.output(e)));
    const secretFlags = Promise.all(eventuals.map((e) => pulumi.isSecret(e)));
    return pulumi.all(eventuals.map((e) => pulumi.unsecret(e))).apply(async (values) => {
        const flags = await secretFlags;
        let next = 0;
        const plain = mapEventuals(args, () => values[next++]) as pulumi.Unwrap<A>;
        const secretValues = values.filter((_, i) => flags[i]);
        const secrets = new Secrets();
        secretValues.forEach((v) => secrets.add(v));
        let rendered: R;
        try {
            rendered = withSecrets(secretValues, () => render(plain));
        } catch (e) {
            throw reportLate(e);
        }
        return (secrets.size > 0 ? keepSecret(rendered, secrets) : rendered) as R;
    }) as pulumi.Output<R>;
}

/**
 * Calls an Output-returning invoke (a data source) once its args are known. Handed Outputs directly,
 * an invoke serializes them itself and, when one failed a check, logs that failure with a stack trace
 * on top of the program's own report; here a failed arg never reaches the invoke, and the result
 * carries the same error.
 */
export function invokeWhenKnown<A, R>(args: A, invoke: (plain: pulumi.Unwrap<A>) => pulumi.Output<R>): pulumi.Output<R> {
    return pulumi.output(args).apply((plain) => invoke(plain as pulumi.Unwrap<A>)) as pulumi.Output<R>;
}

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

/**
 * `dependsOn` from component options as an array, for handing on to children explicitly (children do
 * not inherit it). An Output of a list stays one element: Pulumi resolves nested Outputs in `dependsOn`.
 */
export function dependsOnList(opts: pulumi.ComponentResourceOptions | undefined): pulumi.Input<pulumi.Resource>[] {
    const d = opts?.dependsOn;
    if (d === undefined) return [];
    return Array.isArray(d) ? d : [d as pulumi.Input<pulumi.Resource>];
}
