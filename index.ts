// Entry point of the component package for `pulumi package add` (see PulumiPlugin.yaml and
// docs/cross-language.md). Pulumi's component analyzer maps package.json "main" to a .ts source
// beside it, finds none under build/, and falls back to this file; Node.js does the same when a
// fresh git checkout has no build/. Keep it a pure re-export: no resources, no side effects.
export * from "./sdk/index";
