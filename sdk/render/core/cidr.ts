/** IPv4 CIDR arithmetic for network planning. Pure; no Pulumi. */

/** A parsed IPv4 CIDR block: its first address as an unsigned 32-bit number and its prefix length. */
export interface Cidr {
    base: number;
    prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `"a.b.c.d/n"`. Returns undefined unless every octet is 0–255, the prefix is 0–32 and the
 * address is the block's first address (`10.0.0.1/16` is rejected: it names a host, not a block).
 */
export function parseCidr(text: string): Cidr | undefined {
    const m = typeof text === "string" ? CIDR.exec(text) : null;
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return undefined;
    const base = octets.reduce((acc, o) => acc * 256 + o, 0);
    if (base % blockSize(prefix) !== 0) return undefined;
    return { base, prefix };
}

export function formatCidr({ base, prefix }: Cidr): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
    return `${octets.join(".")}/${prefix}`;
}

function blockSize(prefix: number): number {
    return 2 ** (32 - prefix);
}

/** The `index`-th block of length `prefix` inside `parent` (`subnet(10.0.0.0/16, 18, 1)` is `10.0.64.0/18`). */
export function subnet(parent: Cidr, prefix: number, index: number): Cidr {
    if (prefix < parent.prefix || index < 0 || index >= 2 ** (prefix - parent.prefix)) {
        throw new RangeError(`no block ${index} of /${prefix} in ${formatCidr(parent)}`);
    }
    return { base: parent.base + index * blockSize(prefix), prefix };
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
    return (
        inner.prefix >= outer.prefix &&
        inner.base >= outer.base &&
        inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix)
    );
}

/** True when the two blocks share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
    return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}
