import * as assert from "node:assert/strict";
import { dependencyNames, engine, errorOf, valueOf } from "../harness";
import * as cs from "@pulumi/alicloud/cs";
import * as vpc from "@pulumi/alicloud/vpc";
import { Provider as AlicloudProvider } from "@pulumi/alicloud/provider";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { VirtualNode } from "../../sdk";

const ADDON = "alicloud:cs/kubernetesAddon:KubernetesAddon";
const PATCH = "kubernetes:core/v1:ConfigMapPatch";

describe("VirtualNode component", () => {
    it("installs ack-virtual-node with cleanup on, after opts.dependsOn, and outputs the node's label and taint", async () => {
        const ali = new AlicloudProvider("vn-ali", { region: "cn-hangzhou" });
        const pool = new cs.NodePool("vn-pool", { clusterId: "c0000000vn1", vswitchIds: ["vsw-1"] }, { provider: ali });
        const vn = new VirtualNode("vn-basic", { clusterId: pulumi.output("c-vn1") }, { provider: ali, dependsOn: [pool] });
        assert.deepEqual(await valueOf(vn.nodeLabel), { key: "type", value: "virtual-kubelet" });
        assert.deepEqual(await valueOf(vn.nodeTaint), { key: "virtual-kubelet.io/provider", value: "alibabacloud", effect: "NoSchedule" });
        assert.equal(await valueOf(vn.clusterId), "c-vn1");
        await engine.settle();

        const addon = engine.get(ADDON, "vn-basic-addon");
        assert.equal(addon.inputs.name, "ack-virtual-node");
        assert.equal(addon.inputs.clusterId, "c-vn1");
        assert.equal(addon.inputs.cleanupCloudResources, true);
        assert.equal(addon.inputs.version, undefined);
        assert.equal(addon.inputs.config, undefined);
        assert.match(addon.provider ?? "", /vn-ali/);
        assert.equal(engine.byUrn(addon.parent!).type, "ack-knative-eci:index:VirtualNode");
        assert.deepEqual(dependencyNames(ADDON, "vn-basic-addon"), ["alicloud:cs/nodePool:NodePool::vn-pool"]);
        assert.equal(engine.resources.filter((r) => r.type === PATCH && r.name.startsWith("vn-basic")).length, 0);
        assert.deepEqual(vn.ready, [vn.addon]);
        assert.equal(vn.eciProfile, undefined);
    });

    it("pins the version, passes config as JSON and can keep ECI instances on destroy", async () => {
        const vn = new VirtualNode("vn-pinned", {
            clusterId: "c0000000vn2",
            version: "v2.13.2",
            config: { EciVSwitchSelectPolicy: "RANDOM" },
            cleanupCloudResources: false,
        });
        await valueOf(vn.version);
        await engine.settle();
        const addon = engine.get(ADDON, "vn-pinned-addon");
        assert.equal(addon.inputs.version, "v2.13.2");
        assert.equal(addon.inputs.config, '{"EciVSwitchSelectPolicy":"RANDOM"}');
        assert.equal(addon.inputs.cleanupCloudResources, false);
    });

    it("patches kube-system/eci-profile after the add-on, forced and retained, on the Kubernetes provider", async () => {
        const ali = new AlicloudProvider("vn-ali2", { region: "cn-hangzhou" });
        const kube = new KubernetesProvider("vn-kube", { kubeconfig: "x", clusterIdentifier: "c-vn3" });
        const vsw = new vpc.Switch("vn-vsw", { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", zoneId: "cn-hangzhou-h" }, { provider: ali });
        const vn = new VirtualNode(
            "vn-profile",
            { clusterId: "c0000000vn3", vSwitchIds: [vsw.id, "vsw-second2"], securityGroupId: "sg-abc123" },
            { providers: [ali, kube] },
        );
        await valueOf(vn.nodeLabel);
        await engine.settle();

        const patch = engine.get(PATCH, "vn-profile-eci-profile");
        assert.deepEqual(patch.inputs.metadata, {
            name: "eci-profile",
            namespace: "kube-system",
            annotations: { "pulumi.com/patchForce": "true" },
        });
        assert.deepEqual(patch.inputs.data, { vSwitchIds: "vsw-vnvswmock,vsw-second2", securityGroupId: "sg-abc123" });
        assert.equal(patch.retainOnDelete, true);
        assert.match(patch.provider ?? "", /vn-kube/);
        assert.match(engine.get(ADDON, "vn-profile-addon").provider ?? "", /vn-ali2/);
        assert.ok(dependencyNames(PATCH, "vn-profile-eci-profile").includes(`${ADDON}::vn-profile-addon`));
        assert.deepEqual(vn.ready, [vn.addon, vn.eciProfile]);
    });

    it("install: false adopts the cluster's add-on: only eci-profile is patched, and nothing of Alibaba Cloud", async () => {
        const kube = new KubernetesProvider("vn-adopt-kube", { kubeconfig: "x", clusterIdentifier: "https://vn-adopt:6443" });
        const vn = new VirtualNode("vn-adopt", { install: false, securityGroupId: "sg-adopt1" }, { provider: kube });
        assert.equal(await valueOf(vn.version), undefined);
        await engine.settle();
        assert.equal(engine.resources.filter((r) => r.name.startsWith("vn-adopt") && r.type === ADDON).length, 0);
        assert.deepEqual(engine.get(PATCH, "vn-adopt-eci-profile").inputs.data, { securityGroupId: "sg-adopt1" });
        assert.equal(vn.addon, undefined);
        assert.deepEqual(vn.ready, [vn.eciProfile]);
        assert.throws(
            () => new VirtualNode("vn-adopt-empty", { install: false }),
            (e: Error) =>
                e.message ===
                'VirtualNode "vn-adopt-empty": install = false is not valid: with install: false only kube-system/eci-profile is written: give vSwitchIds or securityGroupId, or drop the component.',
        );
        assert.throws(
            () => new VirtualNode("vn-no-cluster", {}),
            (e: Error) =>
                e.message.startsWith('VirtualNode "vn-no-cluster": clusterId (missing) is not valid: expected the ACK cluster id'),
        );
    });

    it("throws synchronously on plain invalid input, before registering anything", () => {
        const before = engine.resources.length;
        assert.throws(
            () => new VirtualNode("vn-bad", { clusterId: "c00000000", vSwitchIds: ["subnet-1"] }),
            /VirtualNode "vn-bad": vSwitchIds\[0\] = "subnet-1" is not valid: expected a vSwitch id/,
        );
        assert.throws(() => new VirtualNode("vn-bad2", { clusterId: "c00000000", securityGroupId: "sg_1" }), /securityGroupId = "sg_1"/);
        assert.equal(engine.resources.length, before);
    });

    it("checks Output values when they resolve, with the same message", async () => {
        const vn = new VirtualNode("vn-late", { clusterId: "c00000000", version: pulumi.output("newest") });
        const e = await errorOf(vn.nodeLabel);
        assert.match(e.message, /VirtualNode "vn-late": version = "newest" is not valid: expected an ACK add-on version/);
    });
});
