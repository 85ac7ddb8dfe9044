/**
 * A rendered part whose resource a component declared. The component decides from plain arguments that the part
 * exists (a node pool, an eci-profile patch, a ResourcePolicy, an image cache…) and the render decides it from the
 * same values resolved, so a missing part is a bug in the package: an Error naming the part, not an InputError.
 */
export function declaredPart<T>(part: T | undefined, what: string): T {
    if (part === undefined) throw new Error(`ack-knative-eci: ${what} was not rendered although its resource is declared`);
    return part;
}
