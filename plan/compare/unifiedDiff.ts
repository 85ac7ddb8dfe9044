/**
 * A unified diff of two texts, line by line (`diff -u` format, 3 lines of context), for the
 * pull-request comment. Common leading and trailing lines are trimmed first; the rest is matched by
 * longest common subsequence, which is exact for the small files a plan writes.
 */

type Op = { op: " " | "-" | "+"; line: string };

/** Above this many cells the middle is shown as removed then added, not matched line by line. */
const MAX_CELLS = 4_000_000;

function lines(text: string): string[] {
    if (text === "") return [];
    const all = text.split("\n");
    return all[all.length - 1] === "" ? all.slice(0, -1) : all;
}

/** The edit script between a and b by longest common subsequence. */
function lcsOps(a: string[], b: string[]): Op[] {
    if (a.length * b.length > MAX_CELLS) {
        return [...a.map((line): Op => ({ op: "-", line })), ...b.map((line): Op => ({ op: "+", line }))];
    }
    const width = b.length + 1;
    const len = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            len[i * width + j] =
                a[i] === b[j] ? len[(i + 1) * width + j + 1] + 1 : Math.max(len[(i + 1) * width + j], len[i * width + j + 1]);
        }
    }
    const ops: Op[] = [];
    let [i, j] = [0, 0];
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            ops.push({ op: " ", line: a[i++] });
            j++;
        } else if (i < a.length && (j === b.length || len[(i + 1) * width + j] >= len[i * width + j + 1])) {
            // Removals before additions, as diff -u prints them.
            ops.push({ op: "-", line: a[i++] });
        } else ops.push({ op: "+", line: b[j++] });
    }
    return ops;
}

export function editScript(before: string, after: string): Op[] {
    const [a, b] = [lines(before), lines(after)];
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    const same = (l: string): Op => ({ op: " ", line: l });
    return [
        ...a.slice(0, head).map(same),
        ...lcsOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
        ...a.slice(a.length - tail).map(same),
    ];
}

/** `@@ -l,n +l,n @@` hunks with `context` unchanged lines around each change; "" when equal. */
export function unifiedDiff(before: string, after: string, context = 3): string {
    const ops = editScript(before, after);
    const changed = ops.map((o, k) => (o.op !== " " ? k : -1)).filter((k) => k >= 0);
    if (changed.length === 0) return "";
    // Group changes whose context windows touch into hunks.
    const hunks: [number, number][] = [];
    for (const k of changed) {
        const last = hunks[hunks.length - 1];
        if (last && k - last[1] <= 2 * context + 1) last[1] = k;
        else hunks.push([k, k]);
    }
    const out: string[] = [];
    // Line numbers of ops[k] in before and after.
    const aLine: number[] = [];
    const bLine: number[] = [];
    let [x, y] = [1, 1];
    for (const o of ops) {
        aLine.push(x);
        bLine.push(y);
        if (o.op !== "+") x++;
        if (o.op !== "-") y++;
    }
    for (const [first, last] of hunks) {
        const from = Math.max(0, first - context);
        const to = Math.min(ops.length - 1, last + context);
        const part = ops.slice(from, to + 1);
        const aCount = part.filter((o) => o.op !== "+").length;
        const bCount = part.filter((o) => o.op !== "-").length;
        const start = (lineNo: number, count: number): number => (count === 0 ? lineNo - 1 : lineNo);
        out.push(`@@ -${start(aLine[from], aCount)},${aCount} +${start(bLine[from], bCount)},${bCount} @@`);
        out.push(...part.map((o) => `${o.op}${o.line}`));
    }
    return out.join("\n");
}
