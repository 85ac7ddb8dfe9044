package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"
	servingv1 "knative.dev/serving/pkg/apis/serving/v1"
	configresources "knative.dev/serving/pkg/reconciler/configuration/resources"
	revisionresources "knative.dev/serving/pkg/reconciler/revision/resources"
	serviceresources "knative.dev/serving/pkg/reconciler/service/resources"
)

type deployRequest struct {
	// ConfigMaps of knative-serving (the webhook's, config-deployment, config-observability, config-logging,
	// config-network); those not given are Knative's defaults.
	ConfigMaps []corev1.ConfigMap `json:"configMaps"`
	// Service as stored (or as rendered: it goes through Knative's admission first either way).
	Service json.RawMessage `json:"service"`
	// ConfigurationGeneration numbers the revision (<configuration>-0000N); 1 when not given.
	ConfigurationGeneration int64 `json:"configurationGeneration,omitempty"`
	// RevisionUID, when given, is the owner of the Deployment (the stored Revision's uid).
	RevisionUID string `json:"revisionUID,omitempty"`
}

// runDeploy follows Knative's controllers: the service reconciler makes the Configuration, the
// configuration reconciler the Revision (each created through the webhook, so defaulted and validated
// there), and the revision reconciler the Deployment.
func runDeploy(in io.Reader, out io.Writer) error {
	var req deployRequest
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	ctx := baseContext()
	store, err := webhookStore(ctx, req.ConfigMaps)
	if err != nil {
		return err
	}
	rc, err := revisionConfig(store, req.ConfigMaps)
	if err != nil {
		return err
	}
	adm, err := newAdmission(ctx, store, nil)
	if err != nil {
		return err
	}

	svc := &servingv1.Service{}
	if err := admit(adm, "Service", req.Service, svc); err != nil {
		return err
	}
	cfg := serviceresources.MakeConfiguration(svc)
	cfg.APIVersion, cfg.Kind = servingv1.SchemeGroupVersion.String(), "Configuration"
	if err := admitObject(adm, "Configuration", cfg); err != nil {
		return err
	}
	cfg.Generation = req.ConfigurationGeneration
	if cfg.Generation == 0 {
		cfg.Generation = 1
	}
	rev := configresources.MakeRevision(store.ToContext(context.Background()), cfg, time.Now())
	rev.APIVersion, rev.Kind = servingv1.SchemeGroupVersion.String(), "Revision"
	if err := admitObject(adm, "Revision", rev); err != nil {
		return err
	}
	rev.UID = types.UID(req.RevisionUID)
	d, err := revisionresources.MakeDeployment(rev, rc)
	if err != nil {
		return err
	}
	d.APIVersion, d.Kind = "apps/v1", "Deployment"
	return json.NewEncoder(out).Encode(map[string]any{"configuration": cfg, "revision": rev, "deployment": d})
}

// admitObject sends obj through Knative's admission and replaces it with the admitted (defaulted) object.
func admitObject(adm *admission, kind string, obj any) error {
	raw, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return admit(adm, kind, raw, obj)
}

func admit(adm *admission, kind string, raw []byte, into any) error {
	v, err := adm.review(raw, nil, false)
	if err != nil {
		return fmt.Errorf("%s: %w", kind, err)
	}
	if !v.Allowed {
		return fmt.Errorf("Knative's admission rejects the %s: %s", kind, v.Error)
	}
	return json.Unmarshal(v.Object, into)
}
