// Import this before the code under test: it installs Pulumi's mock engine for the whole test run.
import * as pulumi from "@pulumi/pulumi";
import { type MockEngine, startMockEngine } from "../plan/mockEngine";

export const engine: MockEngine = startMockEngine({ project: "ack-knative-eci", stack: "test" });

/** The resolved value of an Output (mocks run as `pulumi up`, so values are known). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Whether an Output is marked secret. */
export function isSecret<T>(output: pulumi.Output<T>): Promise<boolean> {
    return pulumi.isSecret(output);
}

/** The error a Promise/Output rejects with, for checking Output-time validation. */
export function errorOf(output: pulumi.Output<unknown>): Promise<Error> {
    return new Promise((resolve, reject) => {
        (output as unknown as { promise(): Promise<unknown> }).promise().then(
            () => reject(new Error("expected the output to fail")),
            (e: Error) => resolve(e),
        );
    });
}

/** URNs of the resources `urn` depends on, as `type::name` for readable assertions. */
export function dependencyNames(type: string, name: string): string[] {
    return engine.get(type, name).dependencies.map((u) => {
        const r = engine.byUrn(u);
        return `${r.type}::${r.name}`;
    });
}
