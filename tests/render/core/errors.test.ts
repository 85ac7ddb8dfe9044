import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { Checker, InputError, InputErrors, reportAll } from "../../../sdk/render/core/errors";

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

describe("InputErrors", () => {
    const a = new InputError('KnativeService "web"', "image", 42, "expected a string");
    const b = new InputError('KnativeService "web"', 'env["A"]', 1, "expected a string");

    it("is the problem itself for one, and lists each sentence on its own line for several", () => {
        assert.equal(InputError.of([a]), a);
        const both = InputError.of([a, b]);
        assert.ok(both instanceof InputErrors && both instanceof InputError);
        assert.equal(both.message, `${a.message}\n${b.message}`);
        assert.deepEqual(both.problems, [a, b]);
        assert.equal(`${both}`.split("\n")[0], `InputError: ${a.message}`);
    });

    it("is Pulumi's InputPropertiesError: one entry per problem, at its property path", () => {
        const both = InputError.of([a, b]);
        assert.ok(pulumi.InputPropertiesError.isInstance(both));
        assert.deepEqual(both.errors, [
            { propertyPath: "image", reason: a.message },
            { propertyPath: 'env["A"]', reason: b.message },
        ]);
    });

    it("is reported by an enclosing resource problem by problem, under its own fields", () => {
        const within = InputError.of([a, b]).within('KnativeEciPlatform "p"', "services[2].");
        assert.deepEqual(
            within.problems.map((p) => p.message),
            [
                'KnativeEciPlatform "p": services[2].image = 42 is not valid: expected a string.',
                'KnativeEciPlatform "p": services[2].env["A"] = 1 is not valid: expected a string.',
            ],
        );
    });
});

describe("Checker", () => {
    it("collects each part's problem and throws them together, the same field and value once", () => {
        const c = new Checker("X");
        assert.throws(
            () =>
                c.collect(() => {
                    c.part(() => c.fail("a", 1, "expected 2"));
                    c.part(() => c.fail("a", 1, "expected 3"));
                    c.part(() => c.fail("b", 1, "expected 2"));
                }),
            (e: unknown) =>
                e instanceof InputErrors && e.message === "X: a = 1 is not valid: expected 2.\nX: b = 1 is not valid: expected 2.",
        );
    });

    it("throws a part's problem as it is outside collect, where nothing would report it", () => {
        const c = new Checker("X");
        assert.throws(() => c.part(() => c.fail("a", 1, "expected 2")), /^InputError: X: a = 1 is not valid/);
    });

    it("takes no verdict or result from a part that read a field whose shape was wrong", () => {
        const c = new Checker("X");
        assert.throws(
            () =>
                c.collect(() => {
                    c.part(() => c.fail("kind", "?", "expected a kind"));
                    const s = c.ignoringFields({ kind: "?", size: -1 }, new Set(["kind"]));
                    const fromKind = c.part(() => (s.kind === undefined ? c.fail("other", 0, "expected a kind first") : 1));
                    assert.equal(fromKind, undefined);
                    const readsKind = c.part(() => (s.kind === undefined ? 1 : 2));
                    assert.equal(readsKind, undefined);
                    c.part(() => c.check(s.size >= 0, "size", s.size, "expected 0 or more"));
                }),
            (e: unknown) =>
                e instanceof InputError &&
                e.message === 'X: kind = "?" is not valid: expected a kind.\nX: size = -1 is not valid: expected 0 or more.',
        );
    });

    it("reportAll runs every check and throws what they found together", () => {
        assert.throws(
            () =>
                reportAll([
                    () => new Checker("X").fail("a", 1, "expected 2"),
                    () => undefined,
                    () => new Checker("X").fail("b", 1, "expected 2"),
                ]),
            (e: unknown) => e instanceof InputErrors && e.problems.length === 2,
        );
    });
});
