import { ECI_NAMESPACE_ARGS, type EciNamespaceArgs, type EciNamespaceSettings } from "./eciNamespaceArgs";
import { shapedArgs, without } from "../core/shape";
import { containsEventuals } from "../core/eventual";
import { PATCH_FORCE } from "../core/addon";
import { Checker, resourceLabel } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";
import { checkLabels, checkNamespaceName } from "../core/names";
import { ECI_INJECTION_LABEL, ECI_LABEL, type NodeLabel } from "../core/placement";

/** Namespaces that always exist: adopt them with `existing: true` instead of creating them. */
export const BUILTIN_NAMESPACES: readonly string[] = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Kubernetes reserves the `kube-` prefix for system namespaces. */
const SYSTEM_PREFIX = "kube-";

/** A labeled namespace, ready to declare as a `Namespace` or, for an existing one, a `NamespacePatch`. */
export interface RenderedNamespace {
    /** `false`: create the namespace; `true`: patch the existing one (destroy removes only these labels). */
    existing: boolean;
    metadata: { name: string; labels: StringMap; annotations: StringMap };
}

function isSystemNamespace(name: string): boolean {
    return name.startsWith(SYSTEM_PREFIX);
}

/**
 * Every check of an EciNamespace's arguments as the component receives them, before anything is registered, every
 * problem thrown together: their shape and, when no Output is among them, everything the render checks.
 */
export function checkEciNamespaceArgs(resourceName: string, args: EciNamespaceArgs): void {
    const c = new Checker(resourceLabel("EciNamespace", resourceName));
    c.collect(() => {
        const s = shapedArgs(c, ECI_NAMESPACE_ARGS, args ?? {}, "args");
        const existing = c.part(() => s.existing === true);
        const { existing: _existing, ...settings } = args ?? {};
        // The render reads the arguments as given: it checks their shape again, and keeps to its own parts.
        if (existing !== undefined && !containsEventuals(settings))
            c.part(() => renderEciNamespace(resourceName, settings as EciNamespaceSettings, existing));
    });
}

/** Validates `EciNamespace` settings, each on its own, and renders the namespace's metadata. */
export function renderEciNamespace(resourceName: string, args: EciNamespaceSettings, existing: boolean): RenderedNamespace {
    const c = new Checker(resourceLabel("EciNamespace", resourceName));
    return c.collect(() => {
        const s = shapedArgs(c, without(ECI_NAMESPACE_ARGS, "existing"), args, "resolved");
        const name = c.part(() => namespaceNameOf(c, resourceName, s, existing));
        for (const field of ["eciInjection", "eciLabel"] as const) {
            c.part(() => {
                const value = s[field];
                c.check(value === undefined || typeof value === "boolean", field, value, "expected true or false");
                // System pods (DaemonSets, hostNetwork, hostPath) cannot run on ECI.
                if (value === true && name !== undefined)
                    c.check(
                        !isSystemNamespace(name),
                        field,
                        value,
                        `expected false for "${name}": sending kube-system pods to ECI breaks them (ECI runs no DaemonSets, hostNetwork or hostPath pods)`,
                    );
            });
        }
        c.part(() => checkLabels(c, "labels", s.labels));
        const labels = c.part(() => labelsOf(c, s));
        if (name === undefined || labels === undefined) return undefined;
        return {
            existing,
            metadata: {
                name,
                labels,
                // Adopted: the guide labels with `kubectl label`; take those labels over instead of failing on the conflict.
                // Created: the stack owns the namespace outright, so a label another manager changed is put back.
                annotations: { [PATCH_FORCE]: "true" },
            },
        };
    });
}

/** The namespace's name: a valid one, and one to create unless `existing`. */
function namespaceNameOf(c: Checker, resourceName: string, s: EciNamespaceSettings, existing: boolean): string {
    const name = s.namespaceName ?? resourceName;
    const nameField = s.namespaceName === undefined ? "namespaceName (defaults to the resource name)" : "namespaceName";
    checkNamespaceName(c, nameField, name);
    if (!existing) {
        c.check(
            !BUILTIN_NAMESPACES.includes(name) && !isSystemNamespace(name),
            nameField,
            name,
            `expected a namespace to create: "${name}" ${BUILTIN_NAMESPACES.includes(name) ? "always exists" : "is reserved for Kubernetes system namespaces"}; set existing: true to label it instead`,
        );
    }
    return name;
}

/** The user's labels with the ECI labels `eciInjection` and `eciLabel` set, which the user's may not contradict. */
function labelsOf(c: Checker, s: EciNamespaceSettings): StringMap {
    const eciLabels: NodeLabel[] = [];
    if (s.eciInjection === true) eciLabels.push(ECI_INJECTION_LABEL);
    if (s.eciLabel === true) eciLabels.push(ECI_LABEL);
    for (const { key, value } of eciLabels) {
        const given = s.labels?.[key];
        c.check(
            given === undefined || given === value,
            `labels["${key}"]`,
            given,
            `expected "${value}" or no value: ${key === ECI_LABEL.key ? "eciLabel" : "eciInjection"} sets ${key}=${value}`,
        );
    }
    const labels: StringMap = { ...(s.labels ?? {}) };
    for (const { key, value } of eciLabels) labels[key] = value;
    return labels;
}
