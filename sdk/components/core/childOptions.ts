// Which of a component's resource options reach the resources it declares. Pulumi itself hands a child its parent's
// `provider`/`providers` and `protect`, and applies a parent's `transforms` to every descendant; it hands on nothing
// else. A user who writes `retainOnDelete` or `customTimeouts` on a component means its resources, so these are handed
// on here; `dependsOn` too (a child registered before its parent's dependencies exist would not wait for them).
// `ignoreChanges` names fields of one object, so only a component built around one object takes it (see
// `ownIgnoreChanges`); the others reject it in one sentence instead of ignoring it silently.
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../render/core/errors";

/**
 * `dependsOn` from component options as an array, for handing on to children explicitly (children do
 * not inherit it). An Output of a list stays one element: Pulumi resolves nested Outputs in `dependsOn`.
 */
export function dependsOnList(opts: pulumi.ComponentResourceOptions | undefined): pulumi.Input<pulumi.Resource>[] {
    const d = opts?.dependsOn;
    if (d === undefined) return [];
    return Array.isArray(d) ? d : [d as pulumi.Input<pulumi.Resource>];
}

/** The options of `opts` every child of a component gets: `retainOnDelete`, `customTimeouts`, `deletedWith`. */
export function inheritedOptions(opts: pulumi.ComponentResourceOptions | undefined): pulumi.CustomResourceOptions {
    const inherited: pulumi.CustomResourceOptions = {};
    if (opts?.retainOnDelete !== undefined) inherited.retainOnDelete = opts.retainOnDelete;
    if (opts?.customTimeouts !== undefined) inherited.customTimeouts = opts.customTimeouts;
    if (opts?.deletedWith !== undefined) inherited.deletedWith = opts.deletedWith;
    return inherited;
}

/**
 * Options for a child of `parent`: what it inherits from the component's `opts`, the component's `dependsOn` plus
 * `dependsOn` of the child's own, and `extra` (which wins: e.g. a patch's `retainOnDelete: true`).
 */
export function childOptions(
    parent: pulumi.Resource,
    opts: pulumi.ComponentResourceOptions | undefined,
    dependsOn: pulumi.Input<pulumi.Resource>[] = [],
    extra: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
    return { ...inheritedOptions(opts), parent, dependsOn: [...dependsOnList(opts), ...dependsOn], ...extra };
}

/** The options a component hands to a component it is made of (which hands them on again). */
export function partOptions(
    parent: pulumi.Resource,
    opts: pulumi.ComponentResourceOptions | undefined,
    extra: pulumi.ComponentResourceOptions = {},
): pulumi.ComponentResourceOptions {
    const extraDependsOn = extra.dependsOn === undefined ? [] : dependsOnList(extra);
    return { ...inheritedOptions(opts), ...extra, parent, dependsOn: [...dependsOnList(opts), ...extraDependsOn] };
}

/**
 * `ignoreChanges` of a component built around one object (a KnativeService's Service, an EciNamespace's namespace):
 * handed to that object as written, so the paths are the object's (`spec.template.spec.containers[0].image`,
 * `metadata.labels`).
 */
export function ownIgnoreChanges(opts: pulumi.ComponentResourceOptions | undefined): pulumi.CustomResourceOptions {
    return opts?.ignoreChanges?.length ? { ignoreChanges: opts.ignoreChanges } : {};
}

/** Rejects `ignoreChanges` on a component made of many objects, where no one path could mean them all. */
export function rejectIgnoreChanges(resource: string, opts: pulumi.ComponentResourceOptions | undefined, instead: string): void {
    if (!opts?.ignoreChanges?.length) return;
    throw new InputError(resource, "opts.ignoreChanges", opts.ignoreChanges, `expected no ignoreChanges on this component: ${instead}`);
}

/** The packages of the providers in `opts.provider` and `opts.providers` (a list or a map by package). */
export function providerPackages(opts: pulumi.ComponentResourceOptions | undefined): string[] {
    const given = opts?.providers;
    const list: pulumi.ProviderResource[] = [
        ...(opts?.provider ? [opts.provider] : []),
        ...(Array.isArray(given) ? given : Object.values(given ?? {})),
    ];
    // `pkg` is set by ProviderResource's constructor (`pulumi:providers:<pkg>`); the typings keep it private.
    return list.map((p) => (p as unknown as { pkg?: string }).pkg ?? "").filter((p) => p !== "");
}
