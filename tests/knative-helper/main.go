// knative-helper runs Knative Serving's own code (knative.dev/serving at the version in
// tools/versions.sh) for the tests, so that what Knative accepts, defaults and deploys is Knative's
// verdict rather than this repository's idea of it.
//
//	knative-helper validate   < request.json   each object through Knative's defaulting and validating admission
//	knative-helper deploy     < request.json   Service -> Configuration -> Revision -> the revision's Deployment
//	knative-helper serve [--kubeconfig FILE]   both admission webhooks on https://127.0.0.1:<free port>
//
// validate and deploy read one JSON document on stdin and write one on stdout. serve prints one JSON
// line {"port", "caBundle"} once it listens, and serves until stdin closes or it is signalled.
package main

import (
	"fmt"
	"os"
)

func main() {
	// Knative's webhook packages read their namespace from here (system.Namespace panics without it).
	if os.Getenv("SYSTEM_NAMESPACE") == "" {
		_ = os.Setenv("SYSTEM_NAMESPACE", "knative-serving")
	}
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "validate":
		err = runValidate(os.Stdin, os.Stdout)
	case "deploy":
		err = runDeploy(os.Stdin, os.Stdout)
	case "serve":
		err = runServe(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "knative-helper %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: knative-helper validate|deploy < request.json, or knative-helper serve [--kubeconfig FILE]")
	os.Exit(2)
}
