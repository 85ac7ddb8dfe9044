// Which of a component's resource options reach the resources it declares. Pulumi itself hands a child its parent's
// `provider`/`providers` and `protect`, and applies a parent's `transforms` to every descendant; it hands on nothing
// else. A user who writes `retainOnDelete` or `customTimeouts` on a component means its resources, so these are handed
// on here (`childOptions`); `dependsOn` too, to the children that must wait for it (`dependsOnList`: a child registered
// before its parent's dependencies exist would not wait for them).
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
function inheritedOptions(opts: pulumi.ComponentResourceOptions | undefined): pulumi.CustomResourceOptions {
    const inherited: pulumi.CustomResourceOptions = {};
    if (opts?.retainOnDelete !== undefined) inherited.retainOnDelete = opts.retainOnDelete;
    if (opts?.customTimeouts !== undefined) inherited.customTimeouts = opts.customTimeouts;
    if (opts?.deletedWith !== undefined) inherited.deletedWith = opts.deletedWith;
    return inherited;
}

/** Options a resource or a component takes: what `childOptions` builds for either. */
export type ChildOptions = pulumi.CustomResourceOptions & pulumi.ComponentResourceOptions;

/**
 * The options of a resource or part that `parent` declares, the one way every component builds them: what it
 * inherits from the component's `opts`, `parent`, and `own` (its `dependsOn`, provider, `ignoreChanges`…), which
 * wins (a patch's `retainOnDelete: true`). The component's `dependsOn` is not added: a child that must wait for
 * it says so with `dependsOnList(opts)`, so a child declared after one that waits need not wait again.
 */
export function childOptions(
    parent: pulumi.Resource,
    opts: pulumi.ComponentResourceOptions | undefined,
    own: ChildOptions = {},
): ChildOptions {
    return { ...inheritedOptions(opts), ...own, parent };
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
