package main

import (
	"encoding/json"
	"fmt"
	"io"

	corev1 "k8s.io/api/core/v1"
)

type validateRequest struct {
	// ConfigMaps of knative-serving (config-features, config-defaults, config-autoscaler); those not given are Knative's defaults.
	ConfigMaps []corev1.ConfigMap `json:"configMaps"`
	Items      []struct {
		// Name labels the item in the answer.
		Name   string          `json:"name"`
		Object json.RawMessage `json:"object"`
		// OldObject, when given, makes this an update of that stored object.
		OldObject json.RawMessage `json:"oldObject,omitempty"`
		DryRun    bool            `json:"dryRun,omitempty"`
	} `json:"items"`
}

type validateResult struct {
	Name string `json:"name"`
	*verdict
}

func runValidate(in io.Reader, out io.Writer) error {
	var req validateRequest
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	ctx := baseContext()
	store, err := webhookStore(ctx, req.ConfigMaps)
	if err != nil {
		return err
	}
	adm, err := newAdmission(ctx, store, nil)
	if err != nil {
		return err
	}
	results := make([]validateResult, 0, len(req.Items))
	for _, item := range req.Items {
		v, err := adm.review(item.Object, item.OldObject, item.DryRun)
		if err != nil {
			return fmt.Errorf("item %q: %w", item.Name, err)
		}
		results = append(results, validateResult{Name: item.Name, verdict: v})
	}
	return json.NewEncoder(out).Encode(map[string]any{"results": results})
}
