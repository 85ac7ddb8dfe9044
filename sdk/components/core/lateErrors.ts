import * as pulumi from "@pulumi/pulumi";

/** Errors `checkLate` has raised, so each is raised once however many checks it flows through. */
const raised = new WeakSet<object>();

/**
 * Reports an error a check found once Outputs resolved, the way the same value fails when plain:
 * - A PackageError (an InputError, a ServiceNotReadyError) keeps its sentences (one per problem). Pulumi's serializer prepends `error serializing property
 *   "…": ` to the very error object at every resource input it flows through (a dozen times for a
 *   value the whole platform depends on), and invoke serialization logs its stack trace.
 * - It is raised once as an uncaught exception, besides rejecting the Output. Pulumi's program hosts
 *   (`pulumi preview`, the Automation API) and the offline plan report uncaught exceptions and unhandled
 *   rejections alike, once per error object; mocha ignores unhandled rejections, so a test waiting on
 *   an `apply` would otherwise hang until its timeout with nothing printed.
 */
export function reportLate(err: unknown): unknown {
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
