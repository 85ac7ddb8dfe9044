import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../../sdk/render/core/errors";

describe("InputError", () => {
    const error = new InputError('KnativeService "web"', "eciSpecs[0]", "2-3Gi", "expected a listed combination");

    it("names the resource, the field, the value and what is valid", () => {
        assert.equal(error.message, 'KnativeService "web": eciSpecs[0] = "2-3Gi" is not valid: expected a listed combination.');
        assert.deepEqual([error.resource, error.field, error.value], ['KnativeService "web"', "eciSpecs[0]", "2-3Gi"]);
    });

    it("is a Pulumi RunError, so the CLI prints the message without a stack trace", () => {
        assert.ok(pulumi.RunError.isInstance(error));
    });

    it("describes missing and long values readably", () => {
        assert.match(new InputError("X", "f", undefined, "expected y").message, /^X: f \(missing\) is not valid/);
        assert.match(new InputError("X", "f", "a".repeat(200), "expected y").message, /= "a{116}\.\.\. is not valid/);
    });
});
