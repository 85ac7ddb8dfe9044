import * as assert from "node:assert/strict";
import { InputError } from "../../../sdk/render/core/errors";
import { renderEciNamespace } from "../../../sdk/render/eciNamespace/eciNamespace";

function rejects(settings: Parameters<typeof renderEciNamespace>[1], existing: boolean, message: string): void {
    assert.throws(
        () => renderEciNamespace("vk", settings, existing),
        (e: unknown) => e instanceof InputError && e.message === message,
    );
}

describe("renderEciNamespace", () => {
    it("names the namespace after the resource and labels it for ECI injection (the guide's)", () => {
        assert.deepEqual(renderEciNamespace("vk", { eciInjection: true }, false), {
            existing: false,
            metadata: {
                name: "vk",
                labels: { "virtual-node-affinity-injection": "enabled" },
                annotations: { "pulumi.com/patchForce": "true" },
            },
        });
    });

    it("adds the current ECI label and extra labels", () => {
        const r = renderEciNamespace("ns", { namespaceName: "apps", eciLabel: true, labels: { team: "a" } }, false);
        assert.deepEqual(r.metadata, {
            name: "apps",
            labels: { team: "a", "alibabacloud.com/eci": "true" },
            // Created: owned outright, so a label another field manager changed is put back by the next up.
            annotations: { "pulumi.com/patchForce": "true" },
        });
    });

    it("renders no ECI labels when neither flag is set", () => {
        assert.deepEqual(renderEciNamespace("plain", { eciInjection: false }, false).metadata.labels, {});
    });

    it("patches an existing namespace with forced ownership of its labels", () => {
        assert.deepEqual(renderEciNamespace("d", { namespaceName: "default", eciInjection: true }, true), {
            existing: true,
            metadata: {
                name: "default",
                labels: { "virtual-node-affinity-injection": "enabled" },
                annotations: { "pulumi.com/patchForce": "true" },
            },
        });
    });

    it("accepts a user label that agrees with an ECI flag", () => {
        const r = renderEciNamespace("vk", { eciInjection: true, labels: { "virtual-node-affinity-injection": "enabled" } }, false);
        assert.deepEqual(r.metadata.labels, { "virtual-node-affinity-injection": "enabled" });
    });

    it("rejects a name that is not a DNS-1123 label", () => {
        rejects(
            { namespaceName: "My_NS" },
            false,
            'EciNamespace "vk": namespaceName = "My_NS" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
        );
        assert.throws(
            () => renderEciNamespace("Bad.Name", {}, false),
            /EciNamespace "Bad.Name": namespaceName \(defaults to the resource name\) = "Bad.Name"/,
        );
    });

    it("rejects creating a namespace that always exists, or a kube- one", () => {
        rejects(
            { namespaceName: "default" },
            false,
            'EciNamespace "vk": namespaceName = "default" is not valid: expected a namespace to create: "default" always exists; set existing: true to label it instead.',
        );
        rejects(
            { namespaceName: "kube-custom" },
            false,
            'EciNamespace "vk": namespaceName = "kube-custom" is not valid: expected a namespace to create: "kube-custom" is reserved for Kubernetes system namespaces; set existing: true to label it instead.',
        );
    });

    it("allows labeling kube-system when existing, but never for ECI", () => {
        assert.deepEqual(renderEciNamespace("ks", { namespaceName: "kube-system", labels: { a: "b" } }, true).metadata.labels, { a: "b" });
        rejects(
            { namespaceName: "kube-system", eciInjection: true },
            true,
            'EciNamespace "vk": eciInjection = true is not valid: expected false for "kube-system": sending kube-system pods to ECI breaks them (ECI runs no DaemonSets, hostNetwork or hostPath pods).',
        );
    });

    it("rejects a user label that contradicts an ECI flag", () => {
        rejects(
            { eciLabel: true, labels: { "alibabacloud.com/eci": "false" } },
            false,
            'EciNamespace "vk": labels["alibabacloud.com/eci"] = "false" is not valid: expected "true" or no value: eciLabel sets alibabacloud.com/eci=true.',
        );
    });

    it("rejects invalid labels and non-boolean flags", () => {
        assert.throws(
            () => renderEciNamespace("vk", { labels: { "bad key!": "x" } }, false),
            /^InputError: EciNamespace "vk": labels key = "bad key!" is not valid: expected a label key/,
        );
        rejects(
            { eciInjection: "yes" as never },
            false,
            'EciNamespace "vk": eciInjection = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
        );
    });
});
