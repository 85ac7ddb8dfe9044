#!/usr/bin/env bash
# Builds local-alicloud (tests/local-cloud: a local stand-in for the Alibaba Cloud OpenAPI actions the
# alicloud provider calls) into a cache outside the repository, keyed by a hash of its sources.
# The CS SDK module (github.com/alibabacloud-go/cs-20151215/v7) is refused by the Go module proxy, so
# the build replaces it with the copy under $ALICLOUD_PROVIDER_SRC/alibabacloud-go/cs-20151215; without
# that variable the local cloud cannot be built and this script says so and exits 0.
# Prints the binary's path on its last line.
# Usage: tools/build-local-cloud.sh [--print-binary | --test]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../tests/local-cloud"
root="${ACK_KNATIVE_ECI_CACHE:-$HOME/.cache/ack-knative-eci}"
hash="$( (cd "$src" && find . -type f \( -name '*.go' -o -name go.mod \) -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-16)"
binary="$root/local-alicloud-$hash/local-alicloud"

mode="${1:-build}"
case "$mode" in
--print-binary)
    echo "$binary"
    exit 0
    ;;
build | --test) ;;
*)
    echo "usage: tools/build-local-cloud.sh [--print-binary | --test]" >&2
    exit 2
    ;;
esac

if [[ -z "${ALICLOUD_PROVIDER_SRC:-}" ]]; then
    echo "build-local-cloud: ALICLOUD_PROVIDER_SRC is not set, so the local cloud cannot be built (it needs the CS SDK copy in \$ALICLOUD_PROVIDER_SRC/alibabacloud-go/cs-20151215)"
    exit 0
fi
cs_sdk="$ALICLOUD_PROVIDER_SRC/alibabacloud-go/cs-20151215"
if [[ ! -f "$cs_sdk/go.mod" ]]; then
    echo "build-local-cloud: $cs_sdk/go.mod is missing" >&2
    exit 1
fi

mkdir -p "$root"
# Private scratch space: the repository's go.mod keeps the SDK's real version, the copy gets the replace.
work="$(mktemp -d "$root/local-cloud-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0
cp -R "$src/." "$work/"
chmod -R u+w "$work"
cd "$work"
go mod edit -replace "github.com/alibabacloud-go/cs-20151215/v7=$cs_sdk"
echo "==> generate the required-field table from the CS SDK models"
go generate ./...
if ! cmp -s required_gen.go "$src/required_gen.go"; then
    echo "build-local-cloud: note: required_gen.go differs from the committed one (CS SDK copy changed?); the build uses the regenerated table" >&2
fi

if [[ "$mode" == --test ]]; then
    echo "==> go vet and go test (tests/local-cloud)"
    go vet ./...
    go test -count=1 ./...
fi

if [[ -x "$binary" ]]; then
    echo "==> local-alicloud: cached"
else
    echo "==> build local-alicloud"
    go build -trimpath -ldflags "-s -w" -o "$work/local-alicloud" .
    mkdir -p "$(dirname "$binary")"
    mv -f "$work/local-alicloud" "$binary"
fi
echo "$binary"
