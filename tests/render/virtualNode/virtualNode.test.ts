import * as assert from "node:assert/strict";
import { CONFIG_PATCH_OPTIONS } from "../../../sdk/render/core/addon";
import { InputError } from "../../../sdk/render/core/errors";
import { DEFAULT_VIRTUAL_NODE_LABEL, DEFAULT_VIRTUAL_NODE_TAINT } from "../../../sdk/render/core/placement";
import { renderVirtualNode } from "../../../sdk/render/virtualNode/virtualNode";

function rejects(settings: Parameters<typeof renderVirtualNode>[1], message: string): void {
    assert.throws(
        () => renderVirtualNode("vk", settings),
        (e: unknown) => e instanceof InputError && e.message === message,
    );
}

describe("renderVirtualNode", () => {
    it("renders the add-on with cleanup on and no profile patch by default", () => {
        const r = renderVirtualNode("vk", {});
        assert.deepEqual(r.addon, { name: "ack-virtual-node", cleanupCloudResources: true });
        assert.equal(r.eciProfile, undefined);
        assert.deepEqual(r.nodeLabel, { key: "type", value: "virtual-kubelet" });
        assert.deepEqual(r.nodeTaint, { key: "virtual-kubelet.io/provider", value: "alibabacloud", effect: "NoSchedule" });
        assert.deepEqual(r.nodeLabel, DEFAULT_VIRTUAL_NODE_LABEL);
        assert.deepEqual(r.nodeTaint, DEFAULT_VIRTUAL_NODE_TAINT);
    });

    it("passes version, config (as JSON) and cleanupCloudResources through", () => {
        const r = renderVirtualNode("vk", { version: "v2.13.2", config: { a: "1", nested: { b: true } }, cleanupCloudResources: false });
        assert.deepEqual(r.addon, {
            name: "ack-virtual-node",
            version: "v2.13.2",
            config: '{"a":"1","nested":{"b":true}}',
            cleanupCloudResources: false,
        });
    });

    it("accepts ACK's version shapes", () => {
        for (const version of ["v2.13.2", "2.13.2", "v1.6.0.0-aliyun", "v1.2"]) {
            assert.equal(renderVirtualNode("vk", { version }).addon.version, version);
        }
    });

    it("writes vSwitches comma-joined and the security group to eci-profile, forced and retained", () => {
        const r = renderVirtualNode("vk", { vSwitchIds: ["vsw-aaa111", "vsw-bbb222"], securityGroupId: "sg-ccc333" });
        assert.deepEqual(r.eciProfile, {
            metadata: { name: "eci-profile", namespace: "kube-system", annotations: { "pulumi.com/patchForce": "true" } },
            data: { vSwitchIds: "vsw-aaa111,vsw-bbb222", securityGroupId: "sg-ccc333" },
        });
        assert.deepEqual(CONFIG_PATCH_OPTIONS, { retainOnDelete: true });
    });

    it("patches only the keys given", () => {
        assert.deepEqual(renderVirtualNode("vk", { securityGroupId: "sg-1" }).eciProfile?.data, { securityGroupId: "sg-1" });
        assert.deepEqual(renderVirtualNode("vk", { vSwitchIds: ["vsw-1"] }).eciProfile?.data, { vSwitchIds: "vsw-1" });
    });

    it("rejects a malformed version", () => {
        rejects(
            { version: "latest" },
            'VirtualNode "vk": version = "latest" is not valid: expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers).',
        );
    });

    it("rejects config that is not an object", () => {
        rejects(
            { config: ["a"] as never },
            'VirtualNode "vk": config = ["a"] is not valid: expected a map of names to values, not a list.',
        );
        rejects(
            { config: "{}" as never },
            'VirtualNode "vk": config = "{}" is not valid: expected a map of names to values, not a string.',
        );
    });

    it("rejects config that cannot be rendered as JSON", () => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        assert.throws(() => renderVirtualNode("vk", { config: cyclic }), /VirtualNode "vk": config .* expected JSON-serialisable settings/);
    });

    it("rejects a non-boolean cleanupCloudResources", () => {
        rejects(
            { cleanupCloudResources: "yes" as never },
            'VirtualNode "vk": cleanupCloudResources = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
        );
    });

    it("rejects bad vSwitch ids, an empty list and duplicates", () => {
        rejects(
            { vSwitchIds: ["vsw-ok1", "subnet-1"] },
            'VirtualNode "vk": vSwitchIds[1] = "subnet-1" is not valid: expected a vSwitch id: "vsw-" followed by letters and digits.',
        );
        rejects(
            { vSwitchIds: [] },
            'VirtualNode "vk": vSwitchIds = [] is not valid: expected a non-empty list of vSwitch ids such as ["vsw-bp1a2b3c4d5e6f7g8h9i0"].',
        );
        rejects(
            { vSwitchIds: ["vsw-a1", "vsw-a1"] },
            'VirtualNode "vk": vSwitchIds[1] = "vsw-a1" is not valid: expected each vSwitch only once.',
        );
    });

    it("rejects a bad security group id", () => {
        rejects(
            { securityGroupId: "vsw-abc" },
            'VirtualNode "vk": securityGroupId = "vsw-abc" is not valid: expected a security group id: "sg-" followed by letters and digits.',
        );
    });
});
