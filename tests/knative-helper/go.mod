// Knative Serving's own validation, defaulting and Deployment rendering, for the tests (see main.go).
// Built by tools/build-engine-tools.sh; go.sum is generated there (see that script's comment).
module github.com/ack-knative-eci/tests/knative-helper

go 1.26.0

require (
	github.com/evanphx/json-patch/v5 v5.9.11
	k8s.io/api v0.36.5
	k8s.io/apimachinery v0.36.5
	k8s.io/client-go v0.36.5
	go.uber.org/zap v1.28.0
	knative.dev/networking v0.0.0-20261026130131-cfc431598730
	knative.dev/pkg v0.0.0-20261026113028-cfa0ac991c5a
	knative.dev/serving v0.51.0
)
