import Module from "node:module";

/**
 * What the plan process does not pay for. Imported first by the CLI, before anything loads
 * `@pulumi/pulumi`; tests and library users of `plan/` are unaffected.
 *
 * - The TypeScript compiler. `@pulumi/pulumi` requires it at import (about a third of a plan's start-up)
 *   through `@pulumi/pulumi/typescript-shim`, for its closure serializer, which only runs when a program
 *   serializes a function (`pulumi.runtime.serializeFunction`, dynamic providers, callback functions).
 *   Here that shim is a stand-in that loads the real shim on first use and forwards to it, so such a
 *   program works as before and any other never loads the compiler.
 * - Stack traces. Pulumi records `new Error().stack` on every promise it creates, for leak reports the
 *   plan never prints, and on every resource, for source positions the mock engine ignores. The plan
 *   reports errors as one line without a stack.
 */

Error.stackTraceLimit = 0;
// Pulumi reads `new Error().stack` of every resource for its source position (raising the limit itself),
// which only the Pulumi engine's diagnostics use; the mock engine ignores it. Formatting those frames
// into text is the costly part: the plan's stacks are the error's first line only.
Error.prepareStackTrace = (err: Error) => Error.prototype.toString.call(err);

/**
 * Puts a lazy stand-in for `@pulumi/pulumi/typescript-shim` into Node's module cache (where `require`
 * looks first; documented as writable). `shim` is the file `@pulumi/pulumi` itself resolves, so only its
 * own copy is affected. Returns whether the stand-in was installed (false if the shim was already loaded
 * or is not found).
 */
export function deferTypescript(shim: string | undefined = resolveShim()): boolean {
    if (shim === undefined || require.cache[shim]) return false;
    let real: Record<string | symbol, unknown> | undefined;
    const load = (): Record<string | symbol, unknown> => {
        if (real === undefined) {
            delete require.cache[shim];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            real = require(shim) as Record<string | symbol, unknown>;
        }
        return real;
    };
    // The shim's callers only read properties (`ts.SyntaxKind`, `ts.createSourceFile(...)`).
    const standIn = new Proxy(
        {},
        {
            get: (_, key) => load()[key],
            has: (_, key) => key in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_, key) => {
                const d = Reflect.getOwnPropertyDescriptor(load(), key);
                return d && { ...d, configurable: true };
            },
        },
    );
    const entry = new Module(shim);
    entry.filename = shim;
    entry.loaded = true;
    entry.exports = standIn;
    require.cache[shim] = entry;
    return true;
}

function resolveShim(): string | undefined {
    try {
        return require.resolve("@pulumi/pulumi/typescript-shim");
    } catch {
        return undefined;
    }
}

deferTypescript();
