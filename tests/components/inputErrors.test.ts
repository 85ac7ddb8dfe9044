// Bad input is reported all at once: one error per resource, one sentence per problem, and each problem against its
// property as Pulumi's InputPropertiesError (the engine lists them so when the component is served to another language).
import * as assert from "node:assert/strict";
import { engine, errorOf } from "../harness";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { AckCluster, InputError, InputErrors, KnativeService } from "../../sdk";

const IMAGE =
    'is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).';
const NAMESPACE =
    "is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit.";

/** What `build` throws. */
function thrown(build: () => unknown): InputError {
    try {
        build();
    } catch (e) {
        if (e instanceof InputError) return e;
        throw e;
    }
    throw new Error("expected the input to be refused");
}

describe("bad input: every problem at once", () => {
    const provider = new KubernetesProvider("errors-prov", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-errors" });

    it("throws one InputPropertiesError for three mistakes, one entry per property, before registering anything", () => {
        const error = thrown(
            () =>
                new KnativeService(
                    "three",
                    { image: "nginx latest", placement: "eci", namespace: "Team_A", scaling: { minScale: -1 } },
                    { provider },
                ),
        );
        const sentences = [
            `KnativeService "three": namespace = "Team_A" ${NAMESPACE}`,
            'KnativeService "three": scaling.minScale = -1 is not valid: expected a whole number of pods, 0 or more.',
            `KnativeService "three": image = "nginx latest" ${IMAGE}`,
        ];
        assert.ok(pulumi.InputPropertiesError.isInstance(error), "Pulumi's provider server reports it property by property");
        assert.ok(pulumi.RunError.isInstance(error), "the CLI prints the message without a stack trace");
        assert.ok(error instanceof InputErrors);
        assert.equal(error.name, "InputError");
        assert.equal(error.message, sentences.join("\n"));
        assert.deepEqual(
            error.problems.map((p) => p.message),
            sentences,
        );
        assert.deepEqual(error.errors, [
            { propertyPath: "namespace", reason: sentences[0] },
            { propertyPath: "scaling.minScale", reason: sentences[1] },
            { propertyPath: "image", reason: sentences[2] },
        ]);
        assert.equal(engine.resources.filter((r) => r.name.startsWith("three")).length, 0);
    });

    it("names each property by its Pulumi property path: map keys quoted in brackets, list elements by index", () => {
        const error = thrown(
            () =>
                new KnativeService(
                    "Paths_Service",
                    { image: "img:1", placement: "eci", env: { A: 1 as never }, eciSpecs: ["2-4Gi", "3-5Gi"], labels: { "bad key!": "x" } },
                    { provider },
                ),
        );
        assert.deepEqual(
            error.errors.map((e) => e.propertyPath),
            ['env["A"]', "serviceName", "eciSpecs[1]", "labels"],
        );
        assert.match(
            error.errors[1].reason,
            /^KnativeService "Paths_Service": serviceName \(defaults to the resource name\) = "Paths_Service"/,
        );
        assert.match(error.errors[3].reason, /: labels key = "bad key!" is not valid/);
    });

    it("is still one InputError, and one entry, for one mistake", () => {
        const error = thrown(() => new KnativeService("one", { image: "img:1", placement: "ECI" as never }, { provider }));
        assert.ok(!(error instanceof InputErrors));
        assert.ok(pulumi.InputPropertiesError.isInstance(error));
        assert.deepEqual(error.problems, [error]);
        assert.deepEqual(error.errors, [{ propertyPath: "placement", reason: error.message }]);
    });

    it("leaves a secret value's problem to the message: the engine prints the value it holds beside a property", () => {
        const error = thrown(() => new AckCluster("kc", { existingKubeconfig: "nope", clusterSpec: "ack.pro.small" }));
        assert.deepEqual(
            error.problems.map((p) => p.field),
            ["clusterSpec", "existingKubeconfig"],
        );
        assert.deepEqual(
            error.errors.map((e) => e.propertyPath),
            ["clusterSpec"],
        );
        assert.match(error.message, /existingKubeconfig = \(secret, 4 characters\) is not valid/);
        assert.doesNotMatch(error.message, /nope/);
    });

    it("checks values known only later the same way: every problem together, once", async () => {
        const svc = new KnativeService(
            "later",
            { image: pulumi.output("nginx latest"), placement: "eci", namespace: pulumi.output("Team_A") },
            { provider },
        );
        const error = await errorOf(svc.manifest);
        assert.ok(pulumi.InputPropertiesError.isInstance(error));
        assert.equal(
            error.message,
            [`KnativeService "later": namespace = "Team_A" ${NAMESPACE}`, `KnativeService "later": image = "nginx latest" ${IMAGE}`].join(
                "\n",
            ),
        );
    });
});
