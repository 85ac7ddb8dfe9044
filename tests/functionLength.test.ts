// No function in the package's sources longer than MAX_LINES: a longer one is several steps that want names.
import * as assert from "node:assert/strict";
import ts from "typescript";
import { PACKAGE_DIRS, sourceFiles, sourceText } from "./sources";

/** The longest body a function, method, accessor, constructor or arrow function may have, in lines. */
const MAX_LINES = 80;

/**
 * Functions longer than MAX_LINES when this test came, in plan/ and sdk/components/ (restructured in parallel, issue 23),
 * as `<file> <function>`. Remove an entry when its function is split: an entry whose function is gone or short enough
 * fails the test. sdk/render/ has none.
 */
const ALLOWED = new Set<string>([]);

/** A function's name as the list above writes it: `name`, `Class.method`, `Class.constructor`, or `(anonymous, line N)`. */
function functionName(node: ts.FunctionLikeDeclaration, file: ts.SourceFile): string {
    const holder = ts.isPropertyDeclaration(node.parent) ? node.parent.parent : node.parent;
    const owner = ts.isClassLike(holder) && holder.name ? `${holder.name.text}.` : "";
    if (ts.isConstructorDeclaration(node)) return `${owner}constructor`;
    if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isPrivateIdentifier(node.name)))
        return `${owner}${node.name.text}`;
    const parent = node.parent;
    if (
        (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
        ts.isIdentifier(parent.name)
    )
        return `${owner}${parent.name.text}`;
    return `(anonymous, line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1})`;
}

/** Every function in `file` with the number of lines its body spans, from its opening to its closing line. */
function functionLengths(file: string): { name: string; lines: number }[] {
    const source = ts.createSourceFile(file, sourceText(file), ts.ScriptTarget.Latest, true);
    const out: { name: string; lines: number }[] = [];
    const line = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line;
    const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
            const body = node.body as ts.Node;
            out.push({
                name: functionName(node as ts.FunctionLikeDeclaration, source),
                lines: line(body.getEnd()) - line(body.getStart(source)) + 1,
            });
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return out;
}

describe("Function length", () => {
    const found = sourceFiles().flatMap((file) => functionLengths(file).map((f) => ({ ...f, key: `${file} ${f.name}` })));

    it(`keeps every function in ${PACKAGE_DIRS.join("/ and ")}/ to ${MAX_LINES} lines`, () => {
        const long = found.filter((f) => f.lines > MAX_LINES && !ALLOWED.has(f.key)).map((f) => `${f.key}: ${f.lines} lines`);
        assert.deepEqual(long, [], `functions longer than ${MAX_LINES} lines; split them into named steps:\n  ${long.join("\n  ")}\n`);
    });

    it("lists only functions still too long as allowed", () => {
        const stale = [...ALLOWED].filter((key) => !found.some((f) => f.key === key && f.lines > MAX_LINES));
        assert.deepEqual(
            stale,
            [],
            `allowed but no longer over ${MAX_LINES} lines (or gone): remove from ALLOWED:\n  ${stale.join("\n  ")}\n`,
        );
    });
});
