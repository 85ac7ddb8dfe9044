import * as assert from "node:assert/strict";
import { checkReady, readiness, READY_DECIDED, ServiceNotReadyError } from "../../../sdk/render/knativeService/readiness";

// Knative's Service status when a revision's pods cannot be scheduled (pkg/reconciler/revision/reconcile_resources.go,
// then the Configuration's RevisionFailed condition, propagated to the Service).
const UNSCHEDULABLE = {
    observedGeneration: 1,
    conditions: [
        {
            type: "ConfigurationsReady",
            status: "False",
            reason: "RevisionFailed",
            message:
                "Revision \"hello-00001\" failed with message: 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
        },
        {
            type: "Ready",
            status: "False",
            reason: "RevisionFailed",
            message:
                "Revision \"hello-00001\" failed with message: 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
        },
        { type: "RoutesReady", status: "Unknown" },
    ],
};

describe("Knative Service readiness verdict", () => {
    it("is ready only on Ready=True", () => {
        assert.deepEqual(readiness({ conditions: [{ type: "Ready", status: "True" }] }), { state: "ready" });
        assert.deepEqual(readiness({ conditions: [{ type: "ConfigurationsReady", status: "True" }] }), {
            state: "pending",
            reason: undefined,
            message: undefined,
        });
        assert.equal(readiness(undefined).state, "pending");
    });

    it("is pending while Ready is Unknown, with Knative's reason", () => {
        const v = readiness({ conditions: [{ type: "Ready", status: "Unknown", reason: "Deploying", message: "waiting" }] });
        assert.deepEqual(v, { state: "pending", reason: "Deploying", message: "waiting" });
    });

    it("fails on Ready=False with the Service and Knative's reason and message, in one sentence", () => {
        assert.deepEqual(readiness(UNSCHEDULABLE), {
            state: "failed",
            reason: "RevisionFailed",
            message: UNSCHEDULABLE.conditions[1].message,
        });
        const err = (() => {
            try {
                checkReady('KnativeService "hello"', "vk/hello", UNSCHEDULABLE);
            } catch (e) {
                return e as ServiceNotReadyError;
            }
            assert.fail("expected a ServiceNotReadyError");
        })();
        assert.ok(err instanceof ServiceNotReadyError);
        assert.equal(err.__pulumiRunError, true, "printed by Pulumi without a stack trace");
        assert.equal(
            err.message,
            'KnativeService "hello": Knative reports Service vk/hello not Ready (RevisionFailed): Revision "hello-00001" failed with message: ' +
                "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. " +
                "Fix the cause and run pulumi up again; pulumi up --refresh re-reads the Service if the cause went away by itself.",
        );
        assert.doesNotMatch(err.message, /\n/);
    });

    it("names a reason even when Knative gives none", () => {
        assert.deepEqual(readiness({ conditions: [{ type: "Ready", status: "False" }] }), {
            state: "failed",
            reason: "NotReady",
            message: "(Knative gave no message)",
        });
    });

    it("has the provider wait for a decided Ready condition, in the JSONPath the provider parses", () => {
        // The provider splits the expression on single '=' signs (after protecting '=='): only '==' may appear in the path.
        const path = READY_DECIDED.replace(/^jsonpath=/, "");
        assert.doesNotMatch(path.replace(/==/g, ""), /=/);
        assert.match(path, /^\{.*\}$/);
        assert.match(path, /@\.type=="Ready"/);
        assert.match(path, /@\.status=="True" \|\| @\.status=="False"/);
    });
});
