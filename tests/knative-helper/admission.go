package main

import (
	"context"
	"encoding/json"
	"fmt"

	jsonpatch "github.com/evanphx/json-patch/v5"
	admissionv1 "k8s.io/api/admission/v1"
	authenticationv1 "k8s.io/api/authentication/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	kubeclient "knative.dev/pkg/client/injection/kube/client"
	"knative.dev/pkg/injection"
	"knative.dev/pkg/system"
	"knative.dev/pkg/webhook"
	"knative.dev/pkg/webhook/resourcesemantics"
	"knative.dev/pkg/webhook/resourcesemantics/defaulting"
	"knative.dev/pkg/webhook/resourcesemantics/validation"
	apiconfig "knative.dev/serving/pkg/apis/config"
	servingv1 "knative.dev/serving/pkg/apis/serving/v1"
	extravalidation "knative.dev/serving/pkg/webhook"

	// Fake clients and informers for what the admission controllers' constructors look up but Admit
	// never uses (they reconcile the webhook configurations and certificate secret in a cluster).
	_ "knative.dev/pkg/client/injection/kube/client/fake"
	_ "knative.dev/pkg/client/injection/kube/informers/admissionregistration/v1/mutatingwebhookconfiguration/fake"
	_ "knative.dev/pkg/client/injection/kube/informers/admissionregistration/v1/validatingwebhookconfiguration/fake"
	_ "knative.dev/pkg/injection/clients/namespacedkube/informers/core/v1/secret/fake"
)

// The serving.knative.dev/v1 kinds, handled as Knative's webhook (cmd/webhook/main.go) handles them.
var servingTypes = map[schema.GroupVersionKind]resourcesemantics.GenericCRD{
	servingv1.SchemeGroupVersion.WithKind("Revision"):      &servingv1.Revision{},
	servingv1.SchemeGroupVersion.WithKind("Configuration"): &servingv1.Configuration{},
	servingv1.SchemeGroupVersion.WithKind("Route"):         &servingv1.Route{},
	servingv1.SchemeGroupVersion.WithKind("Service"):       &servingv1.Service{},
}

var servingCallbacks = map[schema.GroupVersionKind]validation.Callback{
	servingv1.SchemeGroupVersion.WithKind("Service"): validation.NewCallback(
		extravalidation.ValidateService, webhook.Create, webhook.Update),
	servingv1.SchemeGroupVersion.WithKind("Configuration"): validation.NewCallback(
		extravalidation.ValidateConfiguration, webhook.Create, webhook.Update),
}

// admission is Knative's defaulting and validating admission controllers, built with the same
// arguments as Knative's webhook builds them.
type admission struct {
	ctx        context.Context
	store      *apiconfig.Store
	kube       kubernetes.Interface
	defaulting webhook.AdmissionController
	validation webhook.AdmissionController
}

// newAdmission builds the controllers. With kube, a dry-run request's pod spec is dry-run against that
// API server (as Knative's webhook does); without, against a fake client that accepts it.
func newAdmission(ctx context.Context, store *apiconfig.Store, kube *rest.Config) (*admission, error) {
	ctx = webhook.WithOptions(ctx, webhook.Options{ServiceName: "webhook", Port: 8443, SecretName: "webhook-certs"})
	ctx, _ = injection.Fake.SetupInformers(ctx, &rest.Config{})
	var client kubernetes.Interface
	if kube != nil {
		c, err := kubernetes.NewForConfig(kube)
		if err != nil {
			return nil, err
		}
		client = c
		ctx = context.WithValue(ctx, kubeclient.Key{}, client)
	}
	d := defaulting.NewAdmissionController(ctx, "webhook.serving.knative.dev", "/defaulting",
		servingTypes, store.ToContext, false)
	v := validation.NewAdmissionController(ctx, "validation.webhook.serving.knative.dev", "/resource-validation",
		servingTypes, store.ToContext, false, servingCallbacks)
	da, ok1 := d.Reconciler.(webhook.AdmissionController)
	va, ok2 := v.Reconciler.(webhook.AdmissionController)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("knative.dev/pkg's admission reconcilers no longer implement webhook.AdmissionController")
	}
	return &admission{ctx: ctx, store: store, kube: client, defaulting: da, validation: va}, nil
}

// verdict is what the API server would make of the two webhooks' answers for one object.
type verdict struct {
	Allowed  bool            `json:"allowed"`
	Error    string          `json:"error,omitempty"`
	Warnings []string        `json:"warnings"`
	Object   json.RawMessage `json:"object,omitempty"`
}

// review sends obj (and old, on update) through defaulting, applies its patch as the API server
// does, then through validation: the order of a create or update through Knative's webhooks.
func (a *admission) review(obj, old []byte, dryRun bool) (*verdict, error) {
	var meta struct {
		APIVersion string            `json:"apiVersion"`
		Kind       string            `json:"kind"`
		Metadata   metav1.ObjectMeta `json:"metadata"`
	}
	if err := json.Unmarshal(obj, &meta); err != nil {
		return nil, fmt.Errorf("object is not JSON: %w", err)
	}
	gv, err := schema.ParseGroupVersion(meta.APIVersion)
	if err != nil {
		return nil, err
	}
	op := admissionv1.Create
	if len(old) != 0 {
		op = admissionv1.Update
	}
	req := &admissionv1.AdmissionRequest{
		UID:       "knative-helper",
		Kind:      metav1.GroupVersionKind{Group: gv.Group, Version: gv.Version, Kind: meta.Kind},
		Resource:  metav1.GroupVersionResource{Group: gv.Group, Version: gv.Version},
		Name:      meta.Metadata.Name,
		Namespace: meta.Metadata.Namespace,
		Operation: op,
		UserInfo:  authenticationv1.UserInfo{Username: "knative-helper"},
		DryRun:    &dryRun,
	}
	req.Object.Raw = obj
	req.OldObject.Raw = old

	v := &verdict{Warnings: []string{}}
	d := a.defaulting.Admit(a.ctx, req)
	v.Warnings = append(v.Warnings, d.Warnings...)
	if !d.Allowed {
		v.Error = d.Result.Message
		return v, nil
	}
	if len(d.Patch) != 0 {
		patch, err := jsonpatch.DecodePatch(d.Patch)
		if err != nil {
			return nil, fmt.Errorf("defaulting patch: %w", err)
		}
		if req.Object.Raw, err = patch.Apply(obj); err != nil {
			return nil, fmt.Errorf("defaulting patch: %w", err)
		}
	}
	v.Object = req.Object.Raw
	r := a.validation.Admit(a.ctx, req)
	v.Warnings = append(v.Warnings, r.Warnings...)
	v.Allowed = r.Allowed
	if !r.Allowed {
		v.Error = r.Result.Message
	}
	return v, nil
}

// refreshConfig loads the webhook's ConfigMaps from the API server into the store, as Knative's webhook
// does through its ConfigMap watch (here on each request, so a change is seen at once). A ConfigMap that
// is not there keeps what the store holds (Knative's defaults, or what was read before).
func (a *admission) refreshConfig(ctx context.Context) error {
	if a.kube == nil {
		return nil
	}
	for _, name := range webhookConfigMaps {
		cm, err := a.kube.CoreV1().ConfigMaps(system.Namespace()).Get(ctx, name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			continue
		}
		if err != nil {
			return fmt.Errorf("reading ConfigMap %s: %w", name, err)
		}
		a.store.OnConfigChanged(cm)
	}
	return nil
}
