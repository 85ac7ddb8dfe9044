import * as pulumi from "@pulumi/pulumi";

/** True when `value` holds an Output or a Promise anywhere inside it. */
export function containsEventuals(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return true;
    if (Array.isArray(value)) return value.some(containsEventuals);
    if (typeof value === "object" && value !== null) return Object.values(value).some(containsEventuals);
    return false;
}

/**
 * Runs a pure render/validate function on component args. Plain args are rendered now, so invalid
 * values throw from the constructor; args holding Outputs are rendered when they resolve, with the
 * same error messages.
 */
export function renderWhenKnown<A, R>(args: A, render: (plain: pulumi.Unwrap<A>) => R): pulumi.Output<R> {
    if (!containsEventuals(args)) return pulumi.output(render(args as pulumi.Unwrap<A>)) as pulumi.Output<R>;
    return pulumi.output(args).apply((plain) => render(plain as pulumi.Unwrap<A>)) as pulumi.Output<R>;
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
