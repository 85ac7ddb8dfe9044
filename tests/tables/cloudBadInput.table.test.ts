import "../harness";
import * as assert from "node:assert/strict";
import { AckCluster, KnativeService, KnativeServing, VirtualNode } from "../../sdk";
import { InputError } from "../../sdk/render/core/errors";
import { CLOUD_BAD_INPUT_ROWS, type CloudBadInputRow } from "./cloudBadInput.rows";

const clusterId = "c0123456789abcdef";

/** The component of a row, built under the mocks with the row's arguments over its base. */
function build(row: CloudBadInputRow): void {
    const name = row.name ?? "t";
    switch (row.component) {
        case "AckCluster":
            new AckCluster(name, row.args as never);
            return;
        case "VirtualNode":
            new VirtualNode(name, { clusterId, ...row.args } as never);
            return;
        case "KnativeServing":
            new KnativeServing(name, { source: "ack", clusterId, ...row.args } as never);
            return;
        case "KnativeService":
            new KnativeService(name, { image: "registry.example.com/team/app:1", placement: "eci", ...row.args } as never);
    }
}

/** The package's sentence for a row, or null when it accepts the row's value. */
export function packageVerdict(row: CloudBadInputRow): string | null {
    try {
        build(row);
        return null;
    } catch (e) {
        if (e instanceof InputError) return e.message;
        throw e;
    }
}

describe("the cloud half's bad input: the package's verdicts (docs/engine-tests.md, The cloud half: bad input)", () => {
    for (const row of CLOUD_BAD_INPUT_ROWS) {
        it(`${row.id}: ${row.package === null ? "accepted" : "refused with its sentence"}`, () => {
            assert.equal(packageVerdict(row), row.package);
        });
    }

    it("rows are unique, and a reason is given only where the package's verdict calls for one", () => {
        const ids = CLOUD_BAD_INPUT_ROWS.map((r) => r.id);
        assert.deepEqual(ids, [...new Set(ids)]);
        for (const row of CLOUD_BAD_INPUT_ROWS) {
            if (row.stricter) assert.notEqual(row.package, null, `${row.id}: a stricter reason on an accepted value`);
            if (row.cloudOnly) assert.equal(row.package, null, `${row.id}: a cloud-only reason on a refused value`);
        }
    });
});
