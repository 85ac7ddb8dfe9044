import * as assert from "node:assert/strict";
import { defaultLayout } from "../../../sdk/render/cluster/ackNetwork";
import { contains, formatCidr, overlaps, parseCidr, subnet } from "../../../sdk/render/core/cidr";

describe("CIDR arithmetic", () => {
    it("parses, formats and carves blocks", () => {
        const vpc = parseCidr("192.168.0.0/16")!;
        assert.equal(formatCidr(subnet(vpc, 18, 3)), "192.168.192.0/18");
        assert.equal(parseCidr("192.168.0.1/16"), undefined);
        assert.equal(parseCidr("256.0.0.0/8"), undefined);
        assert.equal(parseCidr("10.0.0.0/33"), undefined);
        assert.ok(contains(vpc, parseCidr("192.168.16.0/20")!));
        assert.ok(!contains(parseCidr("192.168.16.0/20")!, vpc));
        assert.ok(overlaps(vpc, parseCidr("192.168.255.0/24")!));
        assert.ok(!overlaps(vpc, parseCidr("172.21.0.0/20")!));
        assert.throws(() => subnet(vpc, 18, 4), RangeError);
    });

    it("lays out node and pod vSwitches without overlap for every VPC size", () => {
        for (let prefix = 8; prefix <= 24; prefix++) {
            const vpc = parseCidr(formatCidr({ base: parseCidr("10.0.0.0/8")!.base, prefix }))!;
            const { nodes, pods } = defaultLayout(vpc, 3);
            const all = [...nodes, ...pods];
            all.forEach((a, i) => {
                assert.ok(contains(vpc, a), `${formatCidr(a)} in ${formatCidr(vpc)}`);
                assert.ok(a.prefix <= 29 && a.prefix >= 16, formatCidr(a));
                all.slice(0, i).forEach((b) => assert.ok(!overlaps(a, b), `${formatCidr(a)} vs ${formatCidr(b)}`));
            });
        }
    });
});
