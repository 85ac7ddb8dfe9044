import eslint from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["build/", "node_modules/", "plan-out/", "examples/python-consumer/venv/", "examples/python-consumer/sdks/"] },
    eslint.configs.recommended,
    ...tseslint.configs.recommended,
    prettier,
    {
        files: ["**/*.ts"],
        plugins: { "@pulumi": pulumi },
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            // An Output in a template literal renders as a warning string, not its value.
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-unused-vars": [
                "error",
                { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
            ],
        },
    },
    {
        // The pure layer: no Pulumi at run time (type-only imports are erased) and nothing from the components.
        files: ["sdk/render/**/*.ts"],
        rules: {
            "@typescript-eslint/no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["@pulumi/*"],
                            allowTypeImports: true,
                            message: "sdk/render/ is pure: import Pulumi's types only (import type).",
                        },
                        {
                            group: ["**/components", "**/components/*"],
                            message: "sdk/render/ imports nothing from sdk/components/: components wire renders, not the reverse.",
                        },
                    ],
                },
            ],
        },
    },
    // plan/'s layers import downwards only: compare/ -> sections/ -> engine/. usageError.ts and
    // resourceTypes.ts import nothing, so every layer may use them; only the CLIs see all three.
    {
        files: ["plan/engine/**/*.ts"],
        rules: {
            "@typescript-eslint/no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["**/sections", "**/sections/*", "**/compare", "**/compare/*", "**/cli", "**/compareCli"],
                            message: "plan/engine/ runs programs: it imports nothing from sections/, compare/ or the CLIs.",
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ["plan/sections/**/*.ts"],
        rules: {
            "@typescript-eslint/no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["**/compare", "**/compare/*", "**/cli", "**/compareCli"],
                            message: "plan/sections/ says what one plan contains: it imports nothing from compare/ or the CLIs.",
                        },
                    ],
                },
            ],
        },
    },
);
