import type { RecordedResource } from "../engine/mockEngine";
import { STACK_TYPE } from "../resourceTypes";
import { billingSection, renderBilling } from "./billing";
import { kubernetesObjects, type KubernetesObject, toYaml, unexpandedComponents } from "./objects";
import { buildPlacementTable, type PlacementTable } from "./placementTable";
import { obj, printable } from "./printable";
import { describeResource, renderResourceTree, urnDescriber } from "./resourceTree";
import { formatTaint } from "./scheduling";

/** Renders the offline plan's sections as deterministic text. */

export interface RenderedPlan {
    /** The resource tree, then the stack outputs. */
    resources: string;
    objects: KubernetesObject[];
    /** The placement table. */
    placements: string;
    /** What will be billed: billable resources and the settings that decide their cost. */
    billing: string;
}

/** Left-aligned columns; the last column is not padded. */
export function columns(rows: string[][], indent = "  "): string {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (i === r.length - 1 ? 0 : (r[i] ?? "").length))));
    return rows.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ")).join("\n");
}

function stackOutputs(resources: RecordedResource[]): string {
    const stack = resources.find((r) => r.type === STACK_TYPE && !r.parent);
    const outputs = obj(printable(stack?.outputs ?? {}, urnDescriber(resources)));
    return Object.keys(outputs).length ? toYaml(outputs).trimEnd() : "(none)";
}

function renderResources(resources: RecordedResource[]): string {
    const lines = [`Resources (${resources.length}):`, renderResourceTree(resources)];
    const remote = unexpandedComponents(resources);
    if (remote.length) {
        lines.push("", "Rendered by the Kubernetes provider at deploy time (not expanded offline):");
        lines.push(...remote.map((r) => `  ${describeResource(r)}`));
    }
    lines.push("", "Stack outputs:", stackOutputs(resources));
    return lines.join("\n");
}

export function renderPlacementTable(table: PlacementTable): string {
    const lines: string[] = [];
    if (table.nodes.length === 0) {
        lines.push("Declared nodes: none (no ECS node pool, NodePatch or ack-virtual-node add-on in this program).");
    } else {
        lines.push("Declared nodes:");
        const label = (l: Record<string, string>): string =>
            Object.entries(l)
                .map(([k, v]) => `${k}=${v}`)
                .join(",") || "-";
        const rows = table.nodes.map((n) => [n.name, n.kind, label(n.labels), n.taints.map(formatTaint).join(",") || "-", n.resource]);
        lines.push(columns([["NODE", "KIND", "LABELS", "TAINTS", "DECLARED BY"], ...rows]));
    }
    lines.push("");
    if (table.services.length === 0) {
        lines.push("Knative Services: none.");
        return lines.join("\n");
    }
    lines.push("Knative Services (may run on = nodes whose labels and taints admit the pod spec):");
    const rows = [["SERVICE", "RESOURCE", "MAY RUN ON"]];
    const details: string[][] = [];
    for (const s of table.services) {
        const on = s.fits.filter((f) => f.fit.fits).map((f) => f.node.name);
        rows.push([s.service, s.resource, on.join(", ") || (table.nodes.length ? "no declared node" : "-")]);
        const why = s.injection ? [`ECI injected by ACK's webhook (${s.injection})`] : [];
        for (const f of s.fits.filter((x) => !x.fit.fits)) why.push(`not on ${f.node.name}: ${f.fit.reasons.join("; ")}`);
        details.push(why);
    }
    const table_ = columns(rows).split("\n");
    lines.push(table_[0]);
    details.forEach((why, i) => lines.push(table_[i + 1], ...why.map((w) => `      ${w}`)));
    return lines.join("\n");
}

export function renderPlan(resources: RecordedResource[]): RenderedPlan {
    const table = buildPlacementTable(resources);
    return {
        resources: renderResources(resources),
        objects: kubernetesObjects(resources),
        placements: renderPlacementTable(table),
        billing: renderBilling(billingSection(resources, table)),
    };
}

/** One object's file: a comment naming the Pulumi resource, then its YAML. */
export function objectFile(o: KubernetesObject): string {
    return `# ${describeResource(o.resource)}\n${toYaml(o.object)}`;
}

/** The whole plan as one text, for stdout. */
export function planText(plan: RenderedPlan): string {
    const docs = plan.objects.map((o) => `---\n# ${describeResource(o.resource)} -> ${o.file}\n${toYaml(o.object)}`);
    return [
        "=== Resources ===",
        plan.resources,
        "",
        `=== Kubernetes objects (${plan.objects.length}) ===`,
        docs.join("").trimEnd() || "(none)",
        "",
        "=== Placements ===",
        plan.placements,
        "",
        "=== What will be billed ===",
        plan.billing,
        "",
    ].join("\n");
}
