/** A version as written: an optional leading `v`, dot-separated numbers and an optional `-suffix`. */
export interface Version {
    v: boolean;
    numbers: number[];
    suffix?: string;
}

const VERSION = /^(v?)(\d+(?:\.\d+)*)(?:-([0-9A-Za-z][0-9A-Za-z.-]*))?$/;

/** `"v1.6.0.0-aliyun"` → `{ v: true, numbers: [1, 6, 0, 0], suffix: "aliyun" }`; undefined for anything else. */
export function parseVersion(text: unknown): Version | undefined {
    if (typeof text !== "string") return undefined;
    const m = VERSION.exec(text);
    if (!m) return undefined;
    return { v: m[1] === "v", numbers: m[2].split(".").map(Number), ...(m[3] !== undefined ? { suffix: m[3] } : {}) };
}

/**
 * Whether a version such as "1.33.1-aliyun.1" or "v2.13.2" is at least `min` (missing parts count as 0);
 * undefined when it does not start with two numbers. Reads only the leading numbers: the format itself is
 * checked by the part the version belongs to.
 */
export function versionAtLeast(text: string, min: readonly number[]): boolean | undefined {
    const m = /^v?(\d+(?:\.\d+)+)/.exec(text);
    if (!m) return undefined;
    const parts = m[1].split(".").map(Number);
    for (let i = 0; i < min.length; i++) {
        const part = parts[i] ?? 0;
        if (part !== min[i]) return part > min[i];
    }
    return true;
}
