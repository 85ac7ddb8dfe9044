# Versions of every engine-test tool, in one place. Sourced by build-engine-tools.sh and read by
# the engine tests (tests/engine/harness/tools.ts). Changing any line here gives a new cache directory.

# The Pulumi CLI: the version of the locked @pulumi/pulumi (the build checks they agree).
PULUMI_VERSION=v3.276.0

# pulumi-resource-kubernetes. The provider module is untagged; the Go module proxy serves only this
# pseudo-version (a commit between provider releases 4.24.0 and 4.24.1, the version below), so it is
# the nearest that builds to the locked @pulumi/kubernetes 4.34.2. The plugin is stamped (its reported
# version and its embedded schema's) with the locked @pulumi/kubernetes version, read from
# package-lock.json, so the engine and `pulumi package add` find the version the SDK asks for: it is a
# stand-in for that release, built from the nearest source available (as the alicloud plugin below).
K8S_PROVIDER_MODULE_VERSION=v4.0.0-20260115033456-f47bc2d6f199
K8S_PROVIDER_SOURCE_VERSION=4.24.1-alpha.20260115

# The control plane: kube-apiserver, kube-controller-manager, kube-scheduler; etcd; kwok.
KUBERNETES_VERSION=v1.36.1
ETCD_VERSION=v3.6.16
KWOK_VERSION=v0.8.0

# Knative Serving's CRDs are read from this module in the Go module cache at test time.
KNATIVE_SERVING_MODULE_VERSION=v0.51.0

# actionlint, which .ci/run runs on .github/workflows/. Built into a cache directory of its own, keyed
# by this version, so changing it rebuilds only actionlint.
ACTIONLINT_VERSION=v1.7.12

# pulumi-resource-alicloud, built from a source directory passed in (ALICLOUD_PROVIDER_SRC; the Go module
# proxy refuses its modules). The source is pulumi-alicloud at this tag (terraform-provider-alicloud
# v1.285.0). The plugin is stamped and installed as the locked @pulumi/alicloud version (read from
# package-lock.json), so the engine and `pulumi package add` find the version the SDK asks for: it is
# a stand-in for that release, built from the nearest source available.
ALICLOUD_PROVIDER_SOURCE_VERSION=v3.105.0
