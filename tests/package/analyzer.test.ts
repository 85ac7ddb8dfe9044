/**
 * The package as other Pulumi languages see it. `pulumi package add` runs this repository through
 * the Node.js language host (PulumiPlugin.yaml), which loads the package, collects every exported
 * ComponentResource and infers their schema from the TypeScript sources with Pulumi's analyzer. This
 * test does the same, offline, and checks the inferred schema against the sources and the public contract the README documents.
 *
 * The analyzer builds a TypeScript program from tsconfig.json, so this suite takes as long as
 * parsing @pulumi/alicloud's and @pulumi/kubernetes's declarations (about 10 s).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Analyzer, type AnalyzeResult, type PropertyDefinition } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema, type PackageSpec, type Property, type PropertyType } from "@pulumi/pulumi/provider/experimental/schema";
import ts from "typescript";
import { KnativeEciPlatform } from "../../sdk";

/** The repository root: the directory holding PulumiPlugin.yaml (this file runs from build/tests/package). */
const ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * Shapes the analyzer rejects or mis-infers today, keyed `<Component> <property|input|output> <path>`
 * as its messages name them, each with the fix. A listed gap makes the last test pending instead of
 * failing; a new one fails the suite; a fixed one must be removed from here.
 */
const KNOWN_GAPS: Record<string, string> = {};

/** What the README promises about each component (its arguments and outputs), checked once the component is exported. */
interface Expected {
    type?: PropertyType;
    enum?: string[];
    items?: PropertyType;
    values?: PropertyType;
    required?: boolean;
}
const DOCUMENTED: Record<string, { inputs: Record<string, Expected>; outputs: Record<string, Expected> }> = {
    KnativeEciPlatform: {
        inputs: { namespaces: { items: "object" }, services: { items: "object" } },
        // `provider` is a TypeScript getter: a k8s.Provider has no schema form, so other languages
        // build their provider from `kubeconfig`.
        outputs: { clusterId: { type: "string" }, kubeconfig: { type: "string" }, serviceUrls: { values: "string" } },
    },
    AckCluster: { inputs: {}, outputs: {} },
    VirtualNode: { inputs: {}, outputs: {} },
    KnativeServing: { inputs: {}, outputs: {} },
    EciNamespace: {
        inputs: { namespaceName: { type: "string" }, eciInjection: { type: "boolean" } },
        outputs: {},
    },
    KnativeService: {
        inputs: {
            image: { type: "string", required: true },
            placement: { enum: ["eci", "eci-namespace", "ecs-and-eci"], required: true },
            namespace: { type: "string", required: false },
            serviceName: { type: "string", required: false },
            env: { values: "string", required: false },
            eciSpecs: { items: "string", required: false },
            containerConcurrency: { type: "number", required: false },
        },
        outputs: {
            url: { type: "string" },
            latestReadyRevisionName: { type: "string" },
            serviceName: { type: "string" },
            namespace: { type: "string" },
            manifest: {},
        },
    },
};

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; description: string };
// As @pulumi/pulumi/cmd/run-plugin does: the provider name comes from package.json, the components are
// every ComponentResource class among the exports of `require(<plugin directory>)`.
const [, scope, bareName] = /^(@.*?\/)?(.+)$/.exec(pkg.name) ?? [];
const PROVIDER = bareName.replace(/[^-a-zA-Z0-9_]/g, "-");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the language host loads the plugin exactly so
const COMPONENTS = getPulumiComponents(require(ROOT)).map((c) => c.name);

interface AnalyzerError {
    key: string;
    message: string;
}
interface Analysis {
    result: AnalyzeResult;
    schema: PackageSpec;
    errors: AnalyzerError[];
    program: ts.Program;
    seconds: number;
}
/** The analyzer's private members this test reaches into. */
interface AnalyzerInternals {
    program: ts.Program;
    analyzeSymbol(context: { component: string; inputOutput: number; typeName?: string }, symbol: ts.Symbol): PropertyDefinition;
}

/** `<Component> <property|input|output> <Type.property>`, as the analyzer's messages name a property. */
function errorKey(context: { component: string; inputOutput: number; typeName?: string }, symbol: ts.Symbol): string {
    const kind = ["property", "input", "output"][context.inputOutput] ?? "property";
    return `${context.component} ${kind} ${context.typeName ? `${context.typeName}.` : ""}${symbol.getName()}`;
}

/** Runs the analyzer as the component provider host's GetSchema does, recording every rejected property. */
function analyze(): Analysis {
    const started = Date.now();
    const analyzer = new Analyzer(ROOT, PROVIDER, pkg, new Set(COMPONENTS));
    const internals = analyzer as unknown as AnalyzerInternals;
    const errors: AnalyzerError[] = [];
    // The analyzer stops at the first unsupported property; record each one instead, so one run lists
    // them all (no error here means the unmodified analyzer succeeds too).
    const analyzeSymbol = internals.analyzeSymbol.bind(analyzer);
    internals.analyzeSymbol = (context, symbol) => {
        try {
            return analyzeSymbol(context, symbol);
        } catch (e) {
            const key = errorKey(context, symbol);
            let message = e instanceof Error ? e.message : String(e);
            // A class from this package's own sources (another component) is loaded with require(): plain
            // Node fails on the .ts here, the host's ts-node later ("only @pulumi packages are supported").
            if (e instanceof SyntaxError) message = `${key}: a resource reference to this package's own class (${message})`;
            errors.push({ key, message: message.includes(key.split(" ")[0]) ? message : `${key}: ${message}` });
            return { $ref: "pulumi.json#/Any", description: `<rejected: ${message}>` };
        }
    };
    const result = analyzer.analyze();
    const schema = generateSchema(
        PROVIDER,
        pkg.version,
        pkg.description,
        result.components,
        result.typeDefinitions,
        result.dependencies,
        scope?.slice(1, -1),
    );
    // Shapes the analyzer accepts but infers wrongly: a pulumi.Resource (not from a generated provider
    // SDK) becomes a plain object type, and a provider (k8s.Provider) becomes `#/resources/kubernetes`
    // instead of `#/provider`, a reference no SDK generator resolves.
    const sdkClasses = new Set(
        ["Resource", "CustomResource", "ComponentResource", "ProviderResource"].map((t) => `#/types/${PROVIDER}:index:${t}`),
    );
    for (const [component, def] of Object.entries(result.components)) {
        for (const [kind, props] of [
            ["input", def.inputs],
            ["output", def.outputs],
        ] as const) {
            for (const [name, prop] of Object.entries(props)) {
                const ref = "$ref" in prop ? prop.$ref : (prop.items as { $ref?: string } | undefined)?.$ref;
                const key = `${component} ${kind} ${name}`;
                if (ref && sdkClasses.has(ref)) errors.push({ key, message: `${key}: a pulumi.Resource is inferred as ${ref}` });
                if (ref && /^\/[^/]+\/v[^/]+\/schema\.json#\/resources\/[^:/]+$/.test(ref)) {
                    errors.push({ key, message: `${key}: a provider resource is referenced as ${ref}, not .../schema.json#/provider` });
                }
            }
        }
    }
    return { result, schema, errors, program: internals.program, seconds: (Date.now() - started) / 1000 };
}

/** The class declaration of a component in the package's own sources. */
function classOf(program: ts.Program, name: string): ts.ClassDeclaration {
    for (const file of program.getSourceFiles()) {
        if (file.fileName.includes("/node_modules/") || !file.fileName.startsWith(ROOT)) continue;
        for (const node of file.statements) {
            if (ts.isClassDeclaration(node) && node.name?.text === name) return node;
        }
    }
    assert.fail(`class ${name} not found in the package sources`);
}

/** Properties of the constructor's `args` interface, with whether each is required. */
function argsOf(program: ts.Program, decl: ts.ClassDeclaration): Map<string, boolean> {
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    const param = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === "args");
    assert.ok(param?.type, `${decl.name?.text}: the constructor needs a typed parameter named \`args\``);
    const type = program.getTypeChecker().getTypeAtLocation(param.type);
    return new Map(type.getProperties().map((s) => [s.getName(), (s.flags & ts.SymbolFlags.Optional) === 0]));
}

/** Public instance fields: what other languages get as outputs (getters and #private/private fields are not). */
function publicFields(decl: ts.ClassDeclaration): string[] {
    const hidden = new Set([ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.StaticKeyword]);
    return decl.members
        .filter(ts.isPropertyDeclaration)
        .filter((m) => ts.isIdentifier(m.name) && !(ts.getModifiers(m) ?? []).some((mod) => hidden.has(mod.kind)))
        .map((m) => (m.name as ts.Identifier).text);
}

/** The first argument of the constructor's `super(...)` call: the component's type token. */
function superToken(decl: ts.ClassDeclaration): string | undefined {
    let token: string | undefined;
    const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
            const arg = node.arguments[0];
            token = arg && ts.isStringLiteralLike(arg) ? arg.text : `<not a string literal: ${arg?.getText()}>`;
        } else if (!token) {
            ts.forEachChild(node, visit);
        }
    };
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    if (ctor?.body) visit(ctor.body);
    return token;
}

function checkProperty(schema: PackageSpec, where: string, prop: Property | undefined, expected: Expected): void {
    assert.ok(prop, `${where} is missing from the schema`);
    const resolve = (p: Property | undefined) => {
        const ref = p && "$ref" in p ? p.$ref : undefined;
        return ref?.startsWith("#/types/") ? schema.types[ref.slice("#/types/".length)] : undefined;
    };
    const kind = (p: Property | undefined) => (p && "type" in p ? p.type : resolve(p)?.type);
    if (expected.type) assert.equal(kind(prop), expected.type, `${where}: type`);
    if (expected.enum) {
        const values = resolve(prop)?.enum?.map((e) => e.value);
        assert.ok(values, `${where}: expected an enum type, got ${JSON.stringify(prop)}`);
        for (const v of expected.enum) assert.ok(values.includes(v), `${where}: enum lacks "${v}" (has ${values.join(", ")})`);
    }
    if (expected.items) {
        assert.equal(kind(prop), "array", `${where}: expected an array`);
        assert.equal(kind(prop.items), expected.items, `${where}: item type`);
    }
    if (expected.values) {
        assert.equal(kind(prop), "object", `${where}: expected a map`);
        assert.equal(kind(prop.additionalProperties), expected.values, `${where}: map value type`);
    }
}

/** Every `$ref` in a schema fragment. */
function refsIn(value: unknown, out: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
    else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
            if (k === "$ref" && typeof v === "string") out.push(v);
            else refsIn(v, out);
        }
    }
    return out;
}

describe("component package schema (Pulumi's analyzer, as `pulumi package add` runs it)", function () {
    let analysis: Analysis;

    before(function () {
        this.timeout(120_000);
        analysis = analyze();
        console.log(`      analyzer: ${COMPONENTS.length} components in ${analysis.seconds.toFixed(1)} s`);
    });

    it("is a plugin directory: PulumiPlugin.yaml with runtime nodejs and an entry point the analyzer finds", () => {
        const manifest = fs.readFileSync(path.join(ROOT, "PulumiPlugin.yaml"), "utf8");
        assert.match(manifest, /^runtime:\s*nodejs\s*$/m);
        assert.equal(PROVIDER, "ack-knative-eci");
        assert.ok(COMPONENTS.length > 0, "require(<repo root>) exports no ComponentResource");
    });

    it("has a resource for every exported component, with the token its constructor registers", () => {
        assert.deepEqual(Object.keys(analysis.schema.resources).sort(), COMPONENTS.map((c) => `${PROVIDER}:index:${c}`).sort());
        for (const name of COMPONENTS) {
            assert.equal(analysis.schema.resources[`${PROVIDER}:index:${name}`].isComponent, true);
            assert.equal(superToken(classOf(analysis.program, name)), `${PROVIDER}:index:${name}`, `${name}: super() type token`);
        }
    });

    it("has every args property of every component as an input, required exactly when the source says so", () => {
        for (const name of COMPONENTS) {
            const resource = analysis.schema.resources[`${PROVIDER}:index:${name}`];
            const args = argsOf(analysis.program, classOf(analysis.program, name));
            assert.deepEqual(Object.keys(resource.inputProperties ?? {}).sort(), [...args.keys()].sort(), `${name}: inputs`);
            const required = [...args].filter(([, r]) => r).map(([k]) => k);
            assert.deepEqual([...(resource.requiredInputs ?? [])].sort(), required.sort(), `${name}: required inputs`);
        }
    });

    it("has every public field of every component as an output", () => {
        for (const name of COMPONENTS) {
            const outputs = Object.keys(analysis.schema.resources[`${PROVIDER}:index:${name}`].properties ?? {});
            for (const field of publicFields(classOf(analysis.program, name))) {
                assert.ok(outputs.includes(field), `${name}.${field} is not an output (outputs: ${outputs.join(", ")})`);
            }
        }
    });

    for (const [name, documented] of Object.entries(DOCUMENTED)) {
        it(`${name}: the inputs and outputs the README names`, function () {
            if (!COMPONENTS.includes(name)) this.skip(); // not exported from sdk/index.ts yet
            const resource = analysis.schema.resources[`${PROVIDER}:index:${name}`];
            for (const [input, expected] of Object.entries(documented.inputs)) {
                checkProperty(analysis.schema, `${name} input ${input}`, resource.inputProperties?.[input], expected);
                if (expected.required !== undefined) {
                    assert.equal(resource.requiredInputs?.includes(input), expected.required, `${name} input ${input}: required`);
                }
            }
            for (const [output, expected] of Object.entries(documented.outputs)) {
                checkProperty(analysis.schema, `${name} output ${output}`, resource.properties?.[output], expected);
            }
        });
    }

    it("resolves every type reference, within the package or to a declared dependency", () => {
        const dependencies = new Set((analysis.schema.dependencies ?? []).map((d) => `/${d.name}/v${d.version}/schema.json#`));
        for (const ref of refsIn([analysis.schema.resources, analysis.schema.types])) {
            if (ref.startsWith("#/types/")) assert.ok(analysis.schema.types[ref.slice(8)], `dangling ${ref}`);
            else if (!ref.startsWith("pulumi.json#/"))
                assert.ok(
                    [...dependencies].some((d) => ref.startsWith(d)),
                    `${ref}: undeclared package`,
                );
        }
    });

    it("names each schema type after exactly one declaration (the analyzer merges same-named types)", () => {
        const declared = new Map<string, string[]>();
        for (const file of analysis.program.getSourceFiles()) {
            if (!file.fileName.startsWith(path.join(ROOT, "sdk") + path.sep)) continue;
            for (const node of file.statements) {
                const named = ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node) || ts.isClassDeclaration(node);
                if (named && node.name) {
                    declared.set(node.name.text, [...(declared.get(node.name.text) ?? []), path.relative(ROOT, file.fileName)]);
                }
            }
        }
        for (const name of Object.keys(analysis.result.typeDefinitions)) {
            const files = declared.get(name) ?? [];
            assert.ok(files.length <= 1, `schema type ${name} is declared in ${files.join(" and ")}; rename one`);
        }
    });

    it("accepts every input and output type (known gaps aside)", () => {
        const fresh = analysis.errors.filter((e) => !(e.key in KNOWN_GAPS)).map((e) => e.message);
        assert.deepEqual(fresh, [], "types Pulumi's component analyzer rejects (see docs/cross-language.md)");
        const seen = new Set(analysis.errors.map((e) => e.key));
        const fixed = Object.keys(KNOWN_GAPS).filter((k) => !seen.has(k));
        assert.deepEqual(fixed, [], "fixed: remove these from KNOWN_GAPS in tests/package/analyzer.test.ts");
    });

    it("has no known gaps left (pending while KNOWN_GAPS lists any)", function () {
        if (analysis.errors.length > 0) {
            const keys = [...new Set(analysis.errors.map((e) => e.key))];
            console.log(keys.map((k) => `        gap: ${k} — ${KNOWN_GAPS[k] ?? "?"}`).join("\n"));
            this.skip();
        }
    });
});

describe("KnativeEciPlatform in TypeScript", () => {
    it("still offers the Kubernetes provider (README: the `provider` getter) as a getter", () => {
        const descriptor = Object.getOwnPropertyDescriptor(KnativeEciPlatform.prototype, "provider");
        assert.equal(typeof descriptor?.get, "function");
    });
});
