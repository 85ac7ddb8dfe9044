#!/usr/bin/env bash
# Builds the engine-test tools from the Go module proxy into a versioned cache outside the
# repository, skipping what is already built:
#   pulumi                       the Pulumi CLI
#   pulumi-resource-kubernetes   the Kubernetes provider (installed as a Pulumi plugin)
#   kube-apiserver, kube-controller-manager, kube-scheduler
#   etcd, kwok
#   pulumi-language-nodejs, pulumi-language-python   from the source directory in
#                                PULUMI_LANGUAGE_HOSTS_SRC, when set (the Go module proxy does not serve them)
#   actionlint                   (for .ci/run; its own cache directory, keyed by its version)
#   knative-helper               tests/knative-helper: Knative Serving's own admission and Deployment code
#                                (its own cache directory, keyed by the serving version and the helper's sources)
# Prints the cache's bin directory on its last line. Each step says what it does; a failure names
# the step. Two runs at once take turns (a lock in the cache); each builds in a private directory.
# Usage: tools/build-engine-tools.sh [--print-bin-dir | --print-actionlint | --print-knative-helper]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/versions.sh
source "$here/versions.sh"

key="pulumi-${PULUMI_VERSION}_k8sprov-${K8S_PROVIDER_SOURCE_VERSION}_k8s-${KUBERNETES_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
root="${ACK_KNATIVE_ECI_CACHE:-$HOME/.cache/ack-knative-eci}"
cache="$root/$key"
bin="$cache/bin"

if [[ "${1:-}" == "--print-bin-dir" ]]; then
    echo "$bin"
    exit 0
fi

# actionlint has a cache directory of its own (not the key above): see build_actionlint below.
actionlint_cache="$root"
actionlint="$actionlint_cache/actionlint-$ACTIONLINT_VERSION/actionlint"
if [[ "${1:-}" == "--print-actionlint" ]]; then
    echo "$actionlint"
    exit 0
fi

# knative-helper: keyed by the serving version and a hash of the helper's sources (and of the
# dependency snapshots' README when KNATIVE_DEPS_DIR passes them in), so an edit rebuilds only it.
helper_src="$here/../tests/knative-helper"
helper_hash="$( (cd "$helper_src" && cat go.mod ./*.go; [[ -z "${KNATIVE_DEPS_DIR:-}" ]] || cat "$KNATIVE_DEPS_DIR/README.md") | sha256sum | cut -c1-16)"
knative_helper="$root/knative-helper-$KNATIVE_SERVING_MODULE_VERSION-$helper_hash/knative-helper"
if [[ "${1:-}" == "--print-knative-helper" ]]; then
    echo "$knative_helper"
    exit 0
fi

mkdir -p "$bin"
# One build at a time per cache: a second run waits, then finds the tools cached.
exec 9>"$root/.build.lock"
if ! flock -n 9; then
    echo "==> another build of the tools is running; waiting for it to finish"
    flock 9
fi
# Private scratch space, so nothing another run uses is ever deleted from under it.
work="$(mktemp -d "$root/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0

current_step=""
trap 'echo "build-engine-tools: step \"$current_step\" failed (see the output above)" >&2' ERR

step() {
    current_step="$1"
    echo "==> $1"
}

# A wrapper module so that replace directives of the real module can be applied.
new_module() {
    local dir="$work/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    printf 'module local.build/%s\n\ngo 1.26\n' "$1" >"$dir/go.mod"
    echo "$dir"
}

timed() {
    local start=$SECONDS
    "$@"
    echo "    ($((SECONDS - start)) s)"
}

# --- The Pulumi CLI -------------------------------------------------------------------------------
locked_pulumi="v$(node -p 'require(process.argv[1]).packages["node_modules/@pulumi/pulumi"].version' "$here/../package-lock.json")"
if [[ "$locked_pulumi" != "$PULUMI_VERSION" ]]; then
    current_step="check the Pulumi version"
    echo "tools/versions.sh says PULUMI_VERSION=$PULUMI_VERSION but package-lock.json locks @pulumi/pulumi $locked_pulumi" >&2
    exit 1
fi

build_pulumi() {
    local dir
    dir="$(new_module pulumi-cli)"
    cd "$dir"
    # pkg/v3's own go.mod replaces atotto/clipboard; a wrapper must repeat non-local replaces.
    go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
    go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION"
    go build -trimpath -o "$bin/pulumi" \
        -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
        github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
}
if [[ -x "$bin/pulumi" ]]; then
    echo "==> pulumi $PULUMI_VERSION: cached"
else
    step "build the Pulumi CLI $PULUMI_VERSION (github.com/pulumi/pulumi/pkg/v3)"
    timed build_pulumi
fi

# --- The Kubernetes provider ----------------------------------------------------------------------
# Built from the source at K8S_PROVIDER_MODULE_VERSION and stamped with the locked @pulumi/kubernetes
# version, both the version it reports and its embedded schema's: `pulumi package add` binds the
# package's Kubernetes references against the schema of exactly the version the SDK asks for. The stamp
# is in the cache beside it, so a new lock re-stamps it (a relink) without a new cache directory.
k8s_plugin_version="$(node -p 'require(process.argv[1]).packages["node_modules/@pulumi/kubernetes"].version' "$here/../package-lock.json")"
build_provider() {
    local dir mod
    dir="$(new_module pulumi-resource-kubernetes)"
    cd "$dir"
    go get "github.com/pulumi/pulumi-kubernetes/provider/v4@$K8S_PROVIDER_MODULE_VERSION"
    mod="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi-kubernetes/provider/v4)"
    # main embeds schema-embed.json and terraform-mapping-embed.json, which the provider's
    # go:generate step makes from the committed schema.json (setting its version to VERSION): copy
    # the command and run that step.
    cp "$mod"/cmd/pulumi-resource-kubernetes/{main.go,generate.go,schema.json,terraform-mapping.json} .
    chmod u+w ./*
    VERSION="$k8s_plugin_version" go run generate.go
    rm schema.json terraform-mapping.json
    go mod tidy
    go build -trimpath -o "$dir/pulumi-resource-kubernetes" \
        -ldflags "-s -w -X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=$k8s_plugin_version" .
    # A rename: a provider another run is executing keeps its file.
    mv -f "$dir/pulumi-resource-kubernetes" "$bin/pulumi-resource-kubernetes"
    echo "$k8s_plugin_version" >"$bin/.pulumi-resource-kubernetes.version"
}
if [[ -x "$bin/pulumi-resource-kubernetes" && "$(cat "$bin/.pulumi-resource-kubernetes.version" 2>/dev/null)" == "$k8s_plugin_version" ]]; then
    echo "==> pulumi-resource-kubernetes $k8s_plugin_version (built from $K8S_PROVIDER_SOURCE_VERSION): cached"
else
    step "build pulumi-resource-kubernetes $k8s_plugin_version from $K8S_PROVIDER_SOURCE_VERSION (provider/v4@$K8S_PROVIDER_MODULE_VERSION)"
    timed build_provider
fi

# --- The control plane ----------------------------------------------------------------------------
build_kubernetes() {
    local dir minor staging
    dir="$(new_module kubernetes)"
    cd "$dir"
    minor="${KUBERNETES_VERSION#v1.}"
    # k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with local
    # directories; a wrapper replaces each with the published v0.N.x instead.
    staging="$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | node -e '
        const gomod = require("fs").readFileSync(JSON.parse(require("fs").readFileSync(0, "utf8")).GoMod, "utf8");
        console.log([...gomod.matchAll(/^\s*(k8s\.io\/[\w.-]+) => \.\/staging\//gm)].map((m) => m[1]).join(" "));')"
    for m in $staging; do
        go mod edit -replace "$m=$m@v0.$minor"
    done
    go get "k8s.io/kubernetes@$KUBERNETES_VERSION"
    local v="-X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION"
    v+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=${minor%%.*}"
    v+=" -X k8s.io/component-base/version.gitTreeState=clean"
    # One go build for the three commands: they share compiled packages.
    go build -trimpath -o "$bin/" -ldflags "-s -w $v" \
        k8s.io/kubernetes/cmd/kube-apiserver \
        k8s.io/kubernetes/cmd/kube-controller-manager \
        k8s.io/kubernetes/cmd/kube-scheduler
}
if [[ -x "$bin/kube-apiserver" && -x "$bin/kube-controller-manager" && -x "$bin/kube-scheduler" ]]; then
    echo "==> kube-apiserver, kube-controller-manager, kube-scheduler $KUBERNETES_VERSION: cached"
else
    step "build kube-apiserver, kube-controller-manager, kube-scheduler $KUBERNETES_VERSION (k8s.io/kubernetes)"
    timed build_kubernetes
fi

build_etcd() {
    local dir
    dir="$(new_module etcd)"
    cd "$dir"
    # etcd's main package lives in the repository's root module, which replaces its sibling
    # modules with local paths; etcdmain in server/v3 is the same entry point.
    cat >main.go <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
    go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
    go mod tidy
    go build -trimpath -o "$bin/etcd" -ldflags "-s -w" .
}
if [[ -x "$bin/etcd" ]]; then
    echo "==> etcd $ETCD_VERSION: cached"
else
    step "build etcd $ETCD_VERSION (go.etcd.io/etcd/server/v3)"
    timed build_etcd
fi

build_kwok() {
    local dir
    dir="$(new_module kwok)"
    cd "$dir"
    go get "sigs.k8s.io/kwok@$KWOK_VERSION"
    go build -trimpath -o "$bin/kwok" \
        -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok
}
if [[ -x "$bin/kwok" ]]; then
    echo "==> kwok $KWOK_VERSION: cached"
else
    step "build kwok $KWOK_VERSION (sigs.k8s.io/kwok)"
    timed build_kwok
fi

# --- actionlint ---------------------------------------------------------------------------------
# Self-contained: `go install` into a private temporary directory under the cache, then a rename into
# place, so two builds at once never see each other's files or half a binary.
build_actionlint() {
    local tmp status=0
    mkdir -p "$(dirname "$actionlint")"
    tmp="$(mktemp -d "$actionlint_cache/.actionlint-build.XXXXXX")"
    GOBIN="$tmp" GOFLAGS="-trimpath" go install -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" || status=$?
    [[ $status -ne 0 ]] || mv -f "$tmp/actionlint" "$actionlint"
    rm -rf "$tmp"
    return "$status"
}
if [[ -x "$actionlint" ]]; then
    echo "==> actionlint $ACTIONLINT_VERSION: cached"
else
    step "build actionlint $ACTIONLINT_VERSION (github.com/rhysd/actionlint)"
    timed build_actionlint
fi

# --- knative-helper -----------------------------------------------------------------------------
# Built from a private copy of tests/knative-helper, so the repository's go.mod keeps Knative's real
# requirements: where the Go module proxy refuses knative.dev/pkg, networking and caching at serving's
# pins, KNATIVE_DEPS_DIR names source snapshots of them and the copy replaces the modules with those.
# No go.sum is committed: the snapshots have no checksums and the real pins cannot be fetched here, so
# -mod=mod (set above) writes the copy's go.sum from the proxy's checksum database at build time.
build_knative_helper() {
    local dir="$work/knative-helper"
    mkdir -p "$dir"
    cp "$helper_src"/go.mod "$helper_src"/*.go "$dir/"
    cd "$dir"
    if [[ -n "${KNATIVE_DEPS_DIR:-}" ]]; then
        go mod edit -replace "knative.dev/pkg=$KNATIVE_DEPS_DIR/pkg" \
            -replace "knative.dev/networking=$KNATIVE_DEPS_DIR/networking" \
            -replace "knative.dev/caching=$KNATIVE_DEPS_DIR/caching"
    fi
    go build -trimpath -ldflags "-s -w" -o "$dir/knative-helper" .
    mkdir -p "$(dirname "$knative_helper")"
    mv -f "$dir/knative-helper" "$knative_helper"
}
if [[ -x "$knative_helper" ]]; then
    echo "==> knative-helper (knative.dev/serving $KNATIVE_SERVING_MODULE_VERSION): cached"
else
    step "build knative-helper (tests/knative-helper, knative.dev/serving $KNATIVE_SERVING_MODULE_VERSION${KNATIVE_DEPS_DIR:+, with the snapshots in $KNATIVE_DEPS_DIR})"
    timed build_knative_helper
fi

# --- Knative Serving's CRDs (read at test time from the module cache) -------------------------
current_step="download knative.dev/serving@$KNATIVE_SERVING_MODULE_VERSION"
echo "==> $current_step"
(cd "$work" && go mod download "knative.dev/serving@$KNATIVE_SERVING_MODULE_VERSION")

# --- The Pulumi language hosts --------------------------------------------------------------
# The CLI runs a project directory (`runtime: nodejs` / `python` in Pulumi.yaml) through these. The
# official CLI release ships them; the Go module proxy refuses their modules, so they build from a
# source directory passed in (its subdirectories nodejs/ and python/ are Go modules). Without one,
# hosts installed with a Pulumi CLI on PATH serve; without those the project-directory tests skip.
build_language_host() {
    local lang="$1" dir="$work/language-$1" sdk
    cp -R "$PULUMI_LANGUAGE_HOSTS_SRC/$lang" "$dir"
    chmod -R u+w "$dir"
    cd "$dir"
    sdk="$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/sdk/v3)"
    go build -trimpath -o "$dir/pulumi-language-$lang" \
        -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$sdk" .
    mv "$dir/pulumi-language-$lang" "$bin/"
    # The Python host runs Python programs through this script, which the SDK module ships beside its source.
    if [[ "$lang" == python ]]; then
        install -m 755 "$(go env GOMODCACHE)/github.com/pulumi/pulumi/sdk/v3@$sdk/python/cmd/pulumi-language-python-exec" "$bin/"
    fi
}
if [[ -n "${PULUMI_LANGUAGE_HOSTS_SRC:-}" ]]; then
    # The stamp names the source: a different source directory or content rebuilds the hosts.
    stamp="$(cd "$PULUMI_LANGUAGE_HOSTS_SRC" && find nodejs python -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
    for lang in nodejs python; do
        if [[ -x "$bin/pulumi-language-$lang" && ( "$lang" != python || -x "$bin/pulumi-language-python-exec" ) && "$(cat "$bin/.pulumi-language-$lang.stamp" 2>/dev/null)" == "$stamp" ]]; then
            echo "==> pulumi-language-$lang: cached"
        else
            step "build pulumi-language-$lang from $PULUMI_LANGUAGE_HOSTS_SRC/$lang"
            timed build_language_host "$lang"
            echo "$stamp" >"$bin/.pulumi-language-$lang.stamp"
        fi
    done
elif command -v pulumi-language-nodejs >/dev/null; then
    echo "==> Pulumi language hosts: using $(command -v pulumi-language-nodejs) from PATH"
elif [[ -x "$bin/pulumi-language-nodejs" ]]; then
    echo "==> Pulumi language hosts: built earlier in $bin"
else
    echo "==> Pulumi language hosts: none (PULUMI_LANGUAGE_HOSTS_SRC unset, no pulumi-language-nodejs on PATH): the project-directory engine tests will be skipped"
fi

current_step=""
echo "$bin"
