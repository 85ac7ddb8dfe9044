#!/usr/bin/env bash
# `npm run test:consumer`: installs the package the ways a consumer does - the packed tarball, then
# git+file:// of the committed HEAD - into a copy of tests/consumer/ outside the repository (so nothing
# resolves from the repository's own node_modules), type-checks its stack (CommonJS and nodenext),
# checks there is one @pulumi/pulumi and runs its mocha tests under Pulumi's standard mocks.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ack-knative-eci-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
npm_install=(npm install --prefer-offline --no-audit --no-fund --loglevel=error)

step() { printf '\n== %s\n' "$*"; }

# Copies the consumer project, installs the package from $1 and runs every check on it.
consume() {
    local source="$1" dir="$work/$2"
    mkdir -p "$dir"
    cp -R "$repo/tests/consumer/src" "$repo/tests/consumer/test" "$repo/tests/consumer/package.json" "$repo"/tests/consumer/tsconfig*.json "$dir/"
    (
        cd "$dir"
        "${npm_install[@]}" "$source"
        copies="$(npm ls @pulumi/pulumi --all --parseable | sort -u)"
        if [ "$(printf '%s\n' "$copies" | wc -l)" -ne 1 ]; then
            printf 'expected one @pulumi/pulumi, found:\n%s\n' "$copies" >&2
            exit 1
        fi
        npx tsc -p tsconfig.nodenext.json
        npm test
    )
}

step "pack (prepare builds the package)"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work")"
listing="$(tar -tzf "$work/$tarball")"
for file in build/sdk/index.js build/sdk/index.d.ts build/sdk/index.js.map build/plan/cli.js sdk/index.ts; do
    grep -qx "package/$file" <<<"$listing" || { echo "the tarball lacks $file" >&2; exit 1; }
done
if grep -E '^package/(build/)?(tests|examples|guide)/' <<<"$listing"; then
    echo "the tarball holds tests, examples or the guide" >&2
    exit 1
fi
# Every source a map names is in the tarball.
mkdir -p "$work/unpacked" && tar -xzf "$work/$tarball" -C "$work/unpacked"
node -e '
    const fs = require("node:fs"), path = require("node:path");
    const root = process.argv[1];
    const maps = fs.readdirSync(root, { recursive: true }).filter((f) => f.endsWith(".map"));
    const missing = maps.flatMap((m) => JSON.parse(fs.readFileSync(path.join(root, m), "utf8")).sources
        .map((s) => path.join(root, path.dirname(m), s)).filter((s) => !fs.existsSync(s)));
    if (missing.length) { console.error("source maps name missing sources:", missing.slice(0, 5)); process.exit(1); }
' "$work/unpacked/package"

step "consumer installing the tarball"
consume "$work/$tarball" from-tarball

step "consumer installing git+file:// (the committed HEAD)"
if [ -n "$(git -C "$repo" status --porcelain)" ]; then
    echo "note: uncommitted changes are not part of this install"
fi
consume "git+file://$repo#$(git -C "$repo" rev-parse HEAD)" from-git
