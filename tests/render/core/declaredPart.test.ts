import * as assert from "node:assert/strict";
import { declaredPart } from "../../../sdk/render/core/declaredPart";
import { InputError } from "../../../sdk/render/core/errors";

describe("declaredPart", () => {
    it("returns a rendered part, and calls a missing one a bug in the package, not an input error", () => {
        assert.deepEqual(declaredPart({ name: "p" }, "the part"), { name: "p" });
        assert.equal(declaredPart(0, "a zero"), 0);
        assert.throws(
            () => declaredPart(undefined, "the ResourcePolicy"),
            (e: unknown) =>
                e instanceof Error &&
                !(e instanceof InputError) &&
                e.message === "ack-knative-eci: the ResourcePolicy was not rendered although its resource is declared",
        );
    });
});
