/**
 * What will be billed differently: `billing.txt` of two plans compared block by block (one block per
 * billable resource, plus the lists at its end), setting by setting.
 */

export interface SettingChange {
    setting: string;
    before?: string;
    after?: string;
}

export interface BillingChange {
    /** The block's heading, e.g. `ECS node pool: guide-cluster-ecs-pool (alicloud:cs/nodePool:NodePool)`. */
    heading: string;
    change: "added" | "removed" | "changed";
    settings: SettingChange[];
}

interface Block {
    heading: string;
    /** Setting → value; list items (no value) map to "". */
    settings: Map<string, string>;
}

const SETTING = /^ {2}([^:]+):\s+(.*)$/;

/** The blocks of a billing section: paragraphs after its first line, each a heading and indented lines. */
export function billingBlocks(text: string): Block[] {
    const paragraphs = text
        .trim()
        .split(/\n\s*\n/)
        .slice(1);
    return paragraphs.map((p) => {
        const [heading, ...rest] = p.split("\n");
        const settings = new Map<string, string>();
        for (const line of rest) {
            const m = SETTING.exec(line);
            if (m) settings.set(m[1], m[2]);
            else settings.set(line.trim(), "");
        }
        return { heading, settings };
    });
}

function settingChanges(a: Map<string, string>, b: Map<string, string>): SettingChange[] {
    const out: SettingChange[] = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        if (a.get(key) === b.get(key)) continue;
        out.push({ setting: key, ...(a.has(key) ? { before: a.get(key) } : {}), ...(b.has(key) ? { after: b.get(key) } : {}) });
    }
    return out;
}

/** `what: name (type)`: what is billed, and the resource, which identifies the block. */
export const RESOURCE_HEADING = /^(.*): (\S+ \([^)\s]+\))$/;

function blockKey(heading: string): string {
    return RESOURCE_HEADING.exec(heading)?.[2] ?? heading;
}

export function billingChanges(before: string, after: string): BillingChange[] {
    const a = new Map(billingBlocks(before).map((x) => [blockKey(x.heading), x]));
    const b = new Map(billingBlocks(after).map((x) => [blockKey(x.heading), x]));
    const out: BillingChange[] = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        const [x, y] = [a.get(key), b.get(key)];
        if (!x) out.push({ heading: y!.heading, change: "added", settings: settingChanges(new Map(), y!.settings) });
        else if (!y) out.push({ heading: x.heading, change: "removed", settings: settingChanges(x.settings, new Map()) });
        else {
            // The same resource billed as something else (e.g. a Service in another namespace).
            const what = (h: string): string => RESOURCE_HEADING.exec(h)?.[1] ?? h;
            const renamed: SettingChange[] =
                x.heading === y.heading ? [] : [{ setting: "billed as", before: what(x.heading), after: what(y.heading) }];
            const settings = [...renamed, ...settingChanges(x.settings, y.settings)];
            if (settings.length) out.push({ heading: y.heading, change: "changed", settings });
        }
    }
    // Billable resources first; the lists at the end of billing.txt (no setting values) last.
    const list = (c: BillingChange): number => (c.settings.every((x) => x.before === "" || x.after === "") ? 1 : 0);
    return out
        .map((c, i) => ({ c, i }))
        .sort((x, y) => list(x.c) - list(y.c) || x.i - y.i)
        .map((x) => x.c);
}
