// Import this before the code under test: it installs Pulumi's mock engine for the whole test run.
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { type MockEngine, startMockEngine } from "../plan/engine/mockEngine";

export const engine: MockEngine = startMockEngine({ project: "ack-knative-eci", stack: "test" });

/** The resolved value of an Output (mocks run as `pulumi up`, so values are known). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Whether an Output is marked secret. */
export function isSecret<T>(output: pulumi.Output<T>): Promise<boolean> {
    return pulumi.isSecret(output);
}

/**
 * The error an Output rejects with, for checking Output-time validation. The package also raises such
 * an error once as an uncaught exception, so that a test waiting on an `apply` fails instead of hanging;
 * this takes that exception over from mocha while waiting and checks it is the same error, raised once.
 */
export async function errorOf(output: pulumi.Output<unknown>): Promise<Error> {
    const listeners = process.listeners("uncaughtException");
    const raised: unknown[] = [];
    let first: () => void = () => undefined;
    const firstRaised = new Promise<void>((resolve) => (first = resolve));
    const capture = (e: unknown): void => {
        raised.push(e);
        first();
    };
    process.removeAllListeners("uncaughtException");
    process.on("uncaughtException", capture);
    try {
        const error = await new Promise<Error>((resolve, reject) => {
            (output as unknown as { promise(): Promise<unknown> }).promise().then(
                () => reject(new Error("expected the output to fail")),
                (e: Error) => resolve(e),
            );
        });
        // The uncaught exception comes on a later turn of the event loop; give a repeat time to show.
        await Promise.race([firstRaised, new Promise((resolve) => setTimeout(resolve, 5000))]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (raised.length !== 1 || raised[0] !== error) {
            throw new Error(`expected the error raised once as an uncaught exception, got ${raised.length}: ${raised.join("; ")}`);
        }
        assert.doesNotMatch(error.message, /error serializing property/);
        return error;
    } finally {
        process.off("uncaughtException", capture);
        for (const l of listeners) process.on("uncaughtException", l);
    }
}

/** URNs of the resources `urn` depends on, as `type::name` for readable assertions. */
export function dependencyNames(type: string, name: string): string[] {
    return engine.get(type, name).dependencies.map((u) => {
        const r = engine.byUrn(u);
        return `${r.type}::${r.name}`;
    });
}
