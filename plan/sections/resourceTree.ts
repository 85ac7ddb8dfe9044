import type { RecordedResource } from "../engine/mockEngine";
import { compare, type DescribeUrn } from "./printable";

/** The resource tree (parent → children) with each resource's type, provider and dependencies. */

/** `name (type)`: how the plan names a resource everywhere. */
export function describeResource(r: Pick<RecordedResource, "name" | "type">): string {
    return `${r.name} (${r.type})`;
}

/** Names resources by URN; URNs not recorded print as themselves. */
export function urnDescriber(resources: RecordedResource[]): DescribeUrn {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return (urn) => {
        const r = byUrn.get(urn);
        return r ? describeResource(r) : urn;
    };
}

/** The URN part of a provider reference (`urn::id`). */
export function providerUrn(reference: string): string {
    const cut = reference.lastIndexOf("::");
    return cut > 0 ? reference.slice(0, cut) : reference;
}

function byName(a: RecordedResource, b: RecordedResource): number {
    return compare(a.name, b.name) || compare(a.type, b.type);
}

export function renderResourceTree(resources: RecordedResource[]): string {
    const describe = urnDescriber(resources);
    const urns = new Set(resources.map((r) => r.urn));
    const children = new Map<string, RecordedResource[]>();
    const roots: RecordedResource[] = [];
    for (const r of resources) {
        if (r.parent && urns.has(r.parent)) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
        else roots.push(r);
    }
    const lines: string[] = [];
    const visit = (r: RecordedResource, lead: string, prefix: string): void => {
        lines.push(`${lead}${describeResource(r)}`);
        const kids = (children.get(r.urn) ?? []).sort(byName);
        const detail = `${prefix}${kids.length ? "│" : " "}     `;
        if (r.provider) lines.push(`${detail}provider: ${describe(providerUrn(r.provider))}`);
        const deps = r.dependencies.map(describe).sort(compare);
        // One dependency per line: easy to scan, and a diff shows exactly the one that changed.
        if (deps.length) lines.push(`${detail}depends on:`, ...deps.map((d) => `${detail}  ${d}`));
        kids.forEach((k, i) => {
            const last = i === kids.length - 1;
            visit(k, `${prefix}${last ? "└─ " : "├─ "}`, `${prefix}${last ? "   " : "│  "}`);
        });
    };
    roots.sort(byName).forEach((r) => visit(r, "", ""));
    return lines.join("\n");
}
