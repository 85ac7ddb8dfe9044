import * as assert from "node:assert/strict";
import type { RecordedResource } from "../../../plan/engine/mockEngine";
import { KSVC_TYPE } from "../../../plan/resourceTypes";
import { buildPlacementTable } from "../../../plan/sections/placementTable";
import { renderPlacementTable } from "../../../plan/sections/planText";
import { Placement, renderPlacement } from "../../../sdk/render/core/placement";
import { renderKnativeService } from "../../../sdk/render/knativeService/knativeService";

const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

function rec(type: string, name: string, inputs: Record<string, unknown>): RecordedResource {
    return { type, name, urn: `urn:pulumi:t::p::${type}::${name}`, custom: true, inputs, dependencies: [] };
}

function ksvc(name: string, namespace: string, placement: Placement, podLabels?: Record<string, string>): RecordedResource {
    const spec = { containers: [{ image: "img" }], ...renderPlacement(placement) };
    return rec(KSVC_TYPE, `${name}-ksvc`, {
        metadata: { name, namespace },
        spec: { template: { metadata: podLabels ? { labels: podLabels } : {}, spec } },
    });
}

const pool = rec("alicloud:cs/nodePool:NodePool", "pool", {
    nodePoolName: "ecs-pool",
    labels: [{ key: "resource-role", value: "ecs" }],
    taints: [{ key: "dedicated", value: "gpu", effect: "PreferNoSchedule" }],
});
const addon = rec("alicloud:cs/kubernetesAddon:KubernetesAddon", "vnode", { name: "ack-virtual-node" });

describe("plan placement table", () => {
    it("declares the cluster's own virtual node from an eci-profile patch, once, when no add-on is declared", () => {
        const profile = rec("kubernetes:core/v1:ConfigMapPatch", "vn-eci-profile", {
            metadata: { name: "eci-profile", namespace: "kube-system" },
            data: { securityGroupId: "sg-1" },
        });
        const features = rec("kubernetes:core/v1:ConfigMapPatch", "kn-features", {
            metadata: { name: "config-features", namespace: "knative-serving" },
        });
        const adopted = buildPlacementTable([profile, features]).nodes;
        assert.deepEqual(
            adopted.map((n) => [n.kind, n.name, n.resource]),
            [["ECI virtual node", "virtual-kubelet", "vn-eci-profile (kubernetes:core/v1:ConfigMapPatch)"]],
        );
        assert.deepEqual(
            buildPlacementTable([addon, profile]).nodes.map((n) => n.resource),
            ["vnode (alicloud:cs/kubernetesAddon:KubernetesAddon)"],
        );
        assert.deepEqual(buildPlacementTable([features]).nodes, []);
    });

    it("declares node pools, patched nodes and the virtual node from their resources", () => {
        const other = rec("alicloud:cs/kubernetesAddon:KubernetesAddon", "logs", { name: "logtail-ds" });
        const patch = rec("kubernetes:core/v1:NodePatch", "n9", {
            metadata: { name: "cn-hangzhou.10.0.0.9", labels: { "resource-role": "ecs" } },
            spec: { taints: [{ key: "maintenance", effect: "NoExecute" }] },
        });
        const { nodes } = buildPlacementTable([addon, other, patch, pool]);
        assert.deepEqual(
            nodes.map((n) => [n.kind, n.name, n.labels, n.taints]),
            [
                ["ECS node pool", "ecs-pool", { "resource-role": "ecs" }, [{ key: "dedicated", value: "gpu", effect: "PreferNoSchedule" }]],
                ["ECS node", "cn-hangzhou.10.0.0.9", { "resource-role": "ecs" }, [{ key: "maintenance", effect: "NoExecute" }]],
                [
                    "ECI virtual node",
                    "virtual-kubelet",
                    { type: "virtual-kubelet" },
                    [{ key: "virtual-kubelet.io/provider", value: "alibabacloud", effect: "NoSchedule" }],
                ],
            ],
        );
    });

    it("places the guide's services, with namespace injection from a Namespace or a NamespacePatch", () => {
        const ns = rec("kubernetes:core/v1:Namespace", "vk", { metadata: { name: "vk" } });
        const nsPatch = rec("kubernetes:core/v1:NamespacePatch", "vk-label", {
            metadata: { name: "vk", labels: { "virtual-node-affinity-injection": "enabled" } },
        });
        const table = buildPlacementTable([
            pool,
            addon,
            ns,
            nsPatch,
            ksvc("ecs", "default", Placement.Ecs),
            ksvc("eci", "default", Placement.Eci),
            ksvc("eci-namespace", "vk", Placement.EciNamespace),
            ksvc("ecs-and-eci", "default", Placement.EcsAndEci),
            ksvc("pod-labeled", "default", Placement.EcsAndEci, { "alibabacloud.com/eci": "true" }),
        ]);
        const on = Object.fromEntries(table.services.map((s) => [s.service, s.fits.filter((f) => f.fit.fits).map((f) => f.node.name)]));
        assert.deepEqual(on, {
            "default/eci": ["virtual-kubelet"],
            "default/ecs": ["ecs-pool"],
            "default/ecs-and-eci": ["ecs-pool", "virtual-kubelet"],
            "default/pod-labeled": ["virtual-kubelet"],
            "vk/eci-namespace": ["virtual-kubelet"],
        });
        assert.equal(
            table.services.find((s) => s.service === "vk/eci-namespace")?.injection,
            "namespace label virtual-node-affinity-injection=enabled",
        );
        const text = renderPlacementTable(table);
        assert.match(text, /default\/ecs-and-eci +ecs-and-eci-ksvc +ecs-pool, virtual-kubelet\n/);
        assert.match(text, /ECI injected by ACK's webhook \(namespace label virtual-node-affinity-injection=enabled\)/);
        assert.match(text, /not on virtual-kubelet: required node affinity: no term matches \(\{resource-role In \[ecs\]\}\); taint/);
    });

    it("places a Service with sidecars, probes, traffic and a reserved instance exactly where the plain one goes", () => {
        const production = { sidecars: [{ name: "agent", image: "registry.example.com/agent:1" }], readinessProbe: { grpc: {} } };
        const more = { ...production, livenessProbe: { tcpSocket: {} }, portName: "h2c", reservedInstance: {} };
        const rendered = (name: string, placement: Placement, extra: object) =>
            rec(
                KSVC_TYPE,
                `${name}-ksvc`,
                renderKnativeService(name, { image: "registry.example.com/app:1", placement, ...extra }) as never,
            );
        for (const placement of [Placement.Eci, Placement.EcsAndEci, Placement.Ecs]) {
            const extra = placement === Placement.Ecs ? production : more;
            const table = buildPlacementTable([pool, addon, rendered("plain", placement, {}), rendered("prod", placement, extra)]);
            const fits = (svc: string) =>
                table.services.find((s) => s.service === `default/${svc}`)!.fits.map((f) => [f.node.name, f.fit.fits]);
            assert.deepEqual(fits("prod"), fits("plain"), placement);
            assert.ok(
                fits("prod").some(([, ok]) => ok),
                `${placement}: some node admits it`,
            );
        }
    });

    it("says when no node admits a service, and when no nodes are declared", () => {
        const table = buildPlacementTable([addon, ksvc("ecs", "default", Placement.Ecs)]);
        assert.match(renderPlacementTable(table), /default\/ecs +ecs-ksvc +no declared node/);
        const empty = renderPlacementTable(buildPlacementTable([ksvc("eci", "default", Placement.Eci)]));
        assert.match(empty, /Declared nodes: none/);
        assert.match(empty, /default\/eci +eci-ksvc +-/);
        assert.match(renderPlacementTable(buildPlacementTable([])), /Knative Services: none\./);
    });

    it("never evaluates or prints secret label values", () => {
        const secretPool = rec("alicloud:cs/nodePool:NodePool", "hidden", {
            labels: [{ key: "team", value: { ...SECRET_SIG, value: "TOP-SECRET-LABEL" } }],
        });
        const text = renderPlacementTable(buildPlacementTable([secretPool]));
        assert.ok(!text.includes("TOP-SECRET-LABEL"));
        assert.match(text, /hidden +ECS node pool +team=\[secret\]/);
    });
});
