package main

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	netcfg "knative.dev/networking/pkg/config"
	"knative.dev/pkg/logging"
	apiconfig "knative.dev/serving/pkg/apis/config"
	asconfig "knative.dev/serving/pkg/autoscaler/config"
	"knative.dev/serving/pkg/deployment"
	"knative.dev/serving/pkg/observability"
	o11yconfigmap "knative.dev/serving/pkg/observability/configmap"
	revconfig "knative.dev/serving/pkg/reconciler/revision/config"
)

// The ConfigMaps Knative's webhook watches (config-defaults, config-features, config-autoscaler).
// One that is not given is Knative's default: the same as an installed ConfigMap without data.
var webhookConfigMaps = []string{apiconfig.DefaultsConfigName, apiconfig.FeaturesConfigName, asconfig.ConfigName}

func byName(cms []corev1.ConfigMap, name string) *corev1.ConfigMap {
	for i := range cms {
		if cms[i].Name == name {
			return &cms[i]
		}
	}
	return &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "knative-serving"}}
}

// webhookStore is Knative's own config store (the one its webhook's defaulting and validation use as
// their context wrapper), loaded from the given ConfigMaps. A ConfigMap Knative cannot parse is an error.
func webhookStore(ctx context.Context, cms []corev1.ConfigMap) (*apiconfig.Store, error) {
	if _, err := apiconfig.NewDefaultsConfigFromConfigMap(byName(cms, apiconfig.DefaultsConfigName)); err != nil {
		return nil, fmt.Errorf("ConfigMap %s: %w", apiconfig.DefaultsConfigName, err)
	}
	if _, err := apiconfig.NewFeaturesConfigFromConfigMap(byName(cms, apiconfig.FeaturesConfigName)); err != nil {
		return nil, fmt.Errorf("ConfigMap %s: %w", apiconfig.FeaturesConfigName, err)
	}
	if _, err := asconfig.NewConfigFromConfigMap(byName(cms, asconfig.ConfigName)); err != nil {
		return nil, fmt.Errorf("ConfigMap %s: %w", asconfig.ConfigName, err)
	}
	store := apiconfig.NewStore(logging.FromContext(ctx).Named("config-store"))
	for _, name := range webhookConfigMaps {
		store.OnConfigChanged(byName(cms, name))
	}
	return store, nil
}

// revisionConfig is what Knative's revision reconciler renders a Deployment with: the webhook's
// configuration plus config-deployment and config-observability.
func revisionConfig(store *apiconfig.Store, cms []corev1.ConfigMap) (*revconfig.Config, error) {
	dcm := byName(cms, deployment.ConfigName)
	if _, ok := dcm.Data[deployment.QueueSidecarImageKey]; !ok {
		// Knative's release manifest sets the queue-proxy image; its ConfigMap cannot go without one.
		if dcm.Data == nil {
			dcm.Data = map[string]string{}
		}
		dcm.Data[deployment.QueueSidecarImageKey] = "ko://knative.dev/serving/cmd/queue"
	}
	dc, err := deployment.NewConfigFromConfigMap(dcm)
	if err != nil {
		return nil, fmt.Errorf("ConfigMap %s: %w", deployment.ConfigName, err)
	}
	oc := observability.DefaultConfig()
	if cm := byName(cms, o11yconfigmap.Name()); cm.Data != nil {
		if oc, err = o11yconfigmap.Parse(cm); err != nil {
			return nil, fmt.Errorf("ConfigMap %s: %w", o11yconfigmap.Name(), err)
		}
	}
	lc, err := logging.NewConfigFromConfigMap(byName(cms, logging.ConfigMapName()))
	if err != nil {
		return nil, fmt.Errorf("ConfigMap %s: %w", logging.ConfigMapName(), err)
	}
	nc, err := netcfg.NewConfigFromConfigMap(byName(cms, netcfg.ConfigMapName))
	if err != nil {
		return nil, fmt.Errorf("ConfigMap %s: %w", netcfg.ConfigMapName, err)
	}
	return &revconfig.Config{Config: store.Load(), Deployment: dc, Logging: lc, Network: nc, Observability: oc}, nil
}
