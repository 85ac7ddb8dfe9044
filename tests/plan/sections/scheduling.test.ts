import * as assert from "node:assert/strict";
import type { NodeSelectorRequirement, Taint, Toleration } from "../../../sdk/render/core/k8sTypes";
import { DEFAULT_VIRTUAL_NODE_TAINT, Placement, renderPlacement } from "../../../sdk/render/core/placement";
import {
    eciInjectionReason,
    fits,
    injectEci,
    matchesRequirement,
    matchesTerm,
    matchesTerms,
    type SchedulingNode,
    toleratesTaint,
    untoleratedTaints,
} from "../../../plan/sections/scheduling";

const ecsPool: SchedulingNode = { name: "ecs-pool", labels: { "resource-role": "ecs" }, taints: [] };
const virtualNode: SchedulingNode = { name: "virtual-kubelet", labels: { type: "virtual-kubelet" }, taints: [DEFAULT_VIRTUAL_NODE_TAINT] };
const plainNode: SchedulingNode = { name: "plain", labels: {}, taints: [] };

const req = (key: string, operator: NodeSelectorRequirement["operator"], values?: string[]): NodeSelectorRequirement => ({
    key,
    operator,
    ...(values ? { values } : {}),
});

/** Names of the nodes a placement's pod spec admits. */
function placedOn(placement: Placement, nodes = [ecsPool, virtualNode, plainNode]): string[] {
    const pod = renderPlacement(placement);
    return nodes.filter((n) => fits(pod, n).fits).map((n) => n.name);
}

describe("plan scheduling: node selector requirements", () => {
    const labels = { zone: "h", cpu: "8" };
    it("In and NotIn (NotIn admits a missing label)", () => {
        assert.equal(matchesRequirement(req("zone", "In", ["h", "i"]), labels), true);
        assert.equal(matchesRequirement(req("zone", "In", ["i"]), labels), false);
        assert.equal(matchesRequirement(req("missing", "In", ["h"]), labels), false);
        assert.equal(matchesRequirement(req("zone", "NotIn", ["i"]), labels), true);
        assert.equal(matchesRequirement(req("zone", "NotIn", ["h"]), labels), false);
        assert.equal(matchesRequirement(req("missing", "NotIn", ["h"]), labels), true);
    });
    it("Exists and DoesNotExist (an empty value still exists)", () => {
        assert.equal(matchesRequirement(req("zone", "Exists"), labels), true);
        assert.equal(matchesRequirement(req("empty", "Exists"), { empty: "" }), true);
        assert.equal(matchesRequirement(req("missing", "Exists"), labels), false);
        assert.equal(matchesRequirement(req("missing", "DoesNotExist"), labels), true);
        assert.equal(matchesRequirement(req("zone", "DoesNotExist"), labels), false);
    });
    it("Gt and Lt compare integers and fail on anything else", () => {
        assert.equal(matchesRequirement(req("cpu", "Gt", ["4"]), labels), true);
        assert.equal(matchesRequirement(req("cpu", "Gt", ["8"]), labels), false);
        assert.equal(matchesRequirement(req("cpu", "Lt", ["16"]), labels), true);
        assert.equal(matchesRequirement(req("cpu", "Lt", ["-1"]), labels), false);
        assert.equal(matchesRequirement(req("zone", "Gt", ["1"]), labels), false, "non-integer label");
        assert.equal(matchesRequirement(req("cpu", "Gt", ["1", "2"]), labels), false, "more than one value");
        assert.equal(matchesRequirement(req("missing", "Lt", ["100"]), labels), false, "missing label");
    });
});

describe("plan scheduling: terms", () => {
    const node: SchedulingNode = { name: "n1", labels: { a: "1", b: "2" }, taints: [] };
    it("ANDs a term's expressions and ORs the terms", () => {
        assert.equal(matchesTerm({ matchExpressions: [req("a", "In", ["1"]), req("b", "In", ["2"])] }, node), true);
        assert.equal(matchesTerm({ matchExpressions: [req("a", "In", ["1"]), req("b", "In", ["3"])] }, node), false);
        const terms = [{ matchExpressions: [req("a", "In", ["9"])] }, { matchExpressions: [req("b", "Exists")] }];
        assert.equal(matchesTerms(terms, node), true);
        assert.equal(matchesTerms(terms.slice(0, 1), node), false);
        assert.equal(matchesTerms([], node), false);
    });
    it("matches no node with an empty term, and matchFields on metadata.name", () => {
        assert.equal(matchesTerm({ matchExpressions: [] }, node), false);
        assert.equal(matchesTerm({ matchExpressions: [], matchFields: [req("metadata.name", "In", ["n1"])] }, node), true);
        assert.equal(matchesTerm({ matchExpressions: [], matchFields: [req("metadata.name", "NotIn", ["n1"])] }, node), false);
    });
});

describe("plan scheduling: taints and tolerations", () => {
    const taint: Taint = { key: "k", value: "v", effect: "NoSchedule" };
    it("follows Kubernetes' ToleratesTaint", () => {
        const cases: [Toleration, boolean][] = [
            [{ key: "k", operator: "Equal", value: "v", effect: "NoSchedule" }, true],
            [{ key: "k", value: "v" }, true], // operator defaults to Equal, empty effect matches all
            [{ key: "k", value: "other" }, false],
            [{ key: "k", operator: "Exists" }, true],
            [{ key: "other", operator: "Exists" }, false],
            [{ operator: "Exists" }, true], // empty key with Exists tolerates everything
            [{ key: "k", operator: "Exists", effect: "NoExecute" }, false],
            [{ key: "k", operator: "Equal" }, false], // no value does not equal "v"
        ];
        for (const [t, expected] of cases) assert.equal(toleratesTaint(t, taint), expected, JSON.stringify(t));
        assert.equal(toleratesTaint({ key: "k", operator: "Equal" }, { key: "k", effect: "NoSchedule" }), true);
    });
    it("blocks on NoSchedule and NoExecute taints but not PreferNoSchedule", () => {
        const taints: Taint[] = [
            { key: "a", effect: "NoSchedule" },
            { key: "b", effect: "NoExecute" },
            { key: "c", effect: "PreferNoSchedule" },
        ];
        assert.deepEqual(
            untoleratedTaints([], taints).map((t) => t.key),
            ["a", "b"],
        );
        assert.deepEqual(untoleratedTaints([{ key: "a", operator: "Exists" }], taints), [taints[1]]);
    });
    it("explains every failed predicate", () => {
        const fit = fits({ nodeSelector: { disk: "ssd" }, affinity: renderPlacement(Placement.Ecs).affinity }, virtualNode);
        assert.equal(fit.fits, false);
        assert.deepEqual(fit.reasons, [
            "nodeSelector disk=ssd does not match",
            "required node affinity: no term matches ({resource-role In [ecs]})",
            "taint virtual-kubelet.io/provider=alibabacloud:NoSchedule is not tolerated",
        ]);
    });
});

describe("plan scheduling: the guide's placements", () => {
    it("eci and injected eci-namespace run only on the virtual node", () => {
        assert.deepEqual(placedOn(Placement.Eci), ["virtual-kubelet"]);
        const injected = injectEci(renderPlacement(Placement.EciNamespace));
        assert.deepEqual(
            [ecsPool, virtualNode, plainNode].filter((n) => fits(injected, n).fits).map((n) => n.name),
            ["virtual-kubelet"],
        );
    });
    it("eci-namespace without the namespace label runs anywhere but the tainted virtual node", () => {
        assert.deepEqual(placedOn(Placement.EciNamespace), ["ecs-pool", "plain"]);
    });
    it("ecs-and-eci runs on the ECS pool or the virtual node; ecs only on the ECS pool", () => {
        assert.deepEqual(placedOn(Placement.EcsAndEci), ["ecs-pool", "virtual-kubelet"]);
        assert.deepEqual(placedOn(Placement.Ecs), ["ecs-pool"]);
    });
    it("injection replaces the required affinity (ecs-and-eci goes to ECI only) and keeps user tolerations", () => {
        const pod = injectEci({ ...renderPlacement(Placement.EcsAndEci), tolerations: [{ key: "gpu", operator: "Exists" }] });
        assert.equal(fits(pod, ecsPool).fits, false);
        assert.equal(fits(pod, virtualNode).fits, true);
        assert.deepEqual(
            pod.tolerations?.map((t) => t.key),
            ["gpu", "virtual-kubelet.io/provider"],
        );
    });
    it("recognises both namespace labels and the pod-level ECI label", () => {
        assert.match(eciInjectionReason({ "virtual-node-affinity-injection": "enabled" }, {}) ?? "", /namespace label virtual-node/);
        assert.match(eciInjectionReason({ "alibabacloud.com/eci": "true" }, undefined) ?? "", /namespace label alibabacloud.com\/eci=true/);
        assert.match(eciInjectionReason(undefined, { "alibabacloud.com/eci": "true" }) ?? "", /pod label/);
        assert.equal(
            eciInjectionReason({ "virtual-node-affinity-injection": "disabled" }, { "virtual-node-affinity-injection": "enabled" }),
            undefined,
        );
    });
});
