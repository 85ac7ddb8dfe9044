import * as assert from "node:assert/strict";
import { engine, valueOf } from "../harness";
import * as pulumi from "@pulumi/pulumi";
import { VirtualNode } from "../../sdk";
import { generatedIds } from "../../sdk/components/core/generatedIds";
import { planAckCluster } from "../../sdk/render/cluster/ackCluster";
import { renderKnativeServiceResources } from "../../sdk/render/knativeService/knativeService";
import { renderVirtualNode } from "../../sdk/render/virtualNode/virtualNode";

// Under Pulumi's standard test mocks a created resource's id is `<inputs.name>_id`, often "undefined_id".
const MOCK_ID = "undefined_id";

describe("ids other resources generate", () => {
    it("names the id fields that hold Outputs, list elements one by one", () => {
        const args = {
            vSwitchIds: [pulumi.output("vsw-a"), "vsw-typed"],
            securityGroupId: pulumi.output("sg-a"),
            imageCache: { vswitchId: Promise.resolve("vsw-b"), securityGroupId: "sg-typed" },
            podVswitchIds: pulumi.output(["vsw-c"]),
        };
        const found = generatedIds(args, [
            "vSwitchIds",
            "securityGroupId",
            "imageCache.vswitchId",
            "imageCache.securityGroupId",
            "podVswitchIds",
            "missing.field",
        ]);
        assert.deepEqual([...found].sort(), ["imageCache.vswitchId", "podVswitchIds", "securityGroupId", "vSwitchIds[0]"]);
    });

    it("VirtualNode: generated vSwitch and security group ids pass through, typed ones are checked", () => {
        const r = renderVirtualNode(
            "vk",
            { vSwitchIds: [MOCK_ID, "vsw-typed1"], securityGroupId: MOCK_ID },
            new Set(["vSwitchIds[0]", "securityGroupId"]),
        );
        assert.deepEqual(r.eciProfile?.data, { vSwitchIds: `${MOCK_ID},vsw-typed1`, securityGroupId: MOCK_ID });
        assert.throws(
            () => renderVirtualNode("vk", { vSwitchIds: [MOCK_ID, "typo"] }, new Set(["vSwitchIds[0]"])),
            /^InputError: VirtualNode "vk": vSwitchIds\[1\] = "typo" is not valid: expected a vSwitch id/,
        );
        // The same list, wholly generated: equal mock ids are not "duplicates" of something the user typed.
        assert.equal(
            renderVirtualNode("vk", { vSwitchIds: [MOCK_ID, MOCK_ID] }, new Set(["vSwitchIds"])).eciProfile?.data.vSwitchIds,
            `${MOCK_ID},${MOCK_ID}`,
        );
    });

    it("AckCluster: given vSwitches, security group and cluster id from other resources pass through", () => {
        const plan = planAckCluster(
            "gen",
            { vswitchIds: [MOCK_ID, "vsw-typed1"], podVswitchIds: [MOCK_ID], securityGroupId: MOCK_ID },
            new Set(["vswitchIds[0]", "podVswitchIds", "securityGroupId"]),
        );
        assert.ok(plan.kind === "given-network", plan.kind);
        assert.deepEqual(plan.givenNetwork, { vswitchIds: [MOCK_ID, "vsw-typed1"], podVswitchIds: [MOCK_ID], securityGroupId: MOCK_ID });
        const adopted = planAckCluster("gen", { existingClusterId: MOCK_ID }, new Set(["existingClusterId"]));
        assert.ok(adopted.kind === "adopted-by-id", adopted.kind);
        assert.equal(adopted.existingClusterId, MOCK_ID);
        assert.throws(() => planAckCluster("gen", { existingClusterId: MOCK_ID }), /existingClusterId = "undefined_id" is not valid/);
    });

    it("KnativeService: an image cache's generated network ids pass through", () => {
        const plan = renderKnativeServiceResources(
            "gen",
            { image: "nginx:1", placement: "eci", imageCache: { mode: "create", vswitchId: MOCK_ID, securityGroupId: MOCK_ID } },
            new Set(["imageCache.vswitchId", "imageCache.securityGroupId"]),
        );
        assert.equal(plan.imageCache?.vswitchId, MOCK_ID);
        assert.equal(plan.imageCache?.securityGroupId, MOCK_ID);
    });

    it("a VirtualNode wired to another resource's ids deploys them as the cloud gives them", async () => {
        const vn = new VirtualNode("gen-vn", {
            clusterId: "c0000000gen",
            vSwitchIds: [pulumi.output(MOCK_ID)],
            securityGroupId: pulumi.output(MOCK_ID),
        });
        await valueOf(vn.nodeLabel);
        await engine.settle();
        assert.deepEqual(engine.get("kubernetes:core/v1:ConfigMapPatch", "gen-vn-eci-profile").inputs.data, {
            vSwitchIds: MOCK_ID,
            securityGroupId: MOCK_ID,
        });
    });
});
