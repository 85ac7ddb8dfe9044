import * as pulumi from "@pulumi/pulumi";
import { Secrets, withSecrets } from "../../render/core/errors";
import { containsEventuals } from "../../render/core/eventual";
import { reportLate } from "./lateErrors";

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
