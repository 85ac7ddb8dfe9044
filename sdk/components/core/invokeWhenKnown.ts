import * as pulumi from "@pulumi/pulumi";

/**
 * Calls an Output-returning invoke (a data source) once its args are known. Handed Outputs directly,
 * an invoke serializes them itself and, when one failed a check, logs that failure with a stack trace
 * on top of the program's own report; here a failed arg never reaches the invoke, and the result
 * carries the same error.
 */
export function invokeWhenKnown<A, R>(args: A, invoke: (plain: pulumi.Unwrap<A>) => pulumi.Output<R>): pulumi.Output<R> {
    return pulumi.output(args).apply((plain) => invoke(plain as pulumi.Unwrap<A>)) as pulumi.Output<R>;
}
