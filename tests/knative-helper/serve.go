package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"knative.dev/pkg/apis"
	"knative.dev/pkg/webhook"
)

// runServe serves Knative's defaulting (/defaulting) and validation (/resource-validation) admission
// on 127.0.0.1, for an API server to call through a webhook configuration's url client config.
func runServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	kubeconfig := fs.String("kubeconfig", "", "the API server whose knative-serving ConfigMaps configure the webhook, and that dry-run requests' pod specs are dry-run against (as Knative's webhook does)")
	configFile := fs.String("config", "", "a JSON file {\"configMaps\": [...]} of knative-serving ConfigMaps; Knative's defaults without")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var cms struct {
		ConfigMaps []corev1.ConfigMap `json:"configMaps"`
	}
	if *configFile != "" {
		raw, err := os.ReadFile(*configFile)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &cms); err != nil {
			return fmt.Errorf("%s: %w", *configFile, err)
		}
	}
	ctx := baseContext()
	store, err := webhookStore(ctx, cms.ConfigMaps)
	if err != nil {
		return err
	}
	var kube *rest.Config
	if *kubeconfig != "" {
		if kube, err = clientcmd.BuildConfigFromFlags("", *kubeconfig); err != nil {
			return err
		}
	}
	adm, err := newAdmission(ctx, store, kube)
	if err != nil {
		return err
	}
	cert, caPEM, err := selfSignedLoopback()
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/defaulting", admissionHandler(adm, adm.defaulting))
	mux.Handle("/resource-validation", admissionHandler(adm, adm.validation))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	server := &http.Server{Handler: mux, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- server.ServeTLS(ln, "", "") }()
	ready, _ := json.Marshal(map[string]any{"port": ln.Addr().(*net.TCPAddr).Port, "caBundle": base64.StdEncoding.EncodeToString(caPEM)})
	fmt.Println(string(ready))

	// Ends when the test closes stdin or signals, or the server fails.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop <- syscall.SIGTERM
	}()
	select {
	case <-stop:
		return server.Close()
	case err := <-done:
		return err
	}
}

// admissionHandler decodes an AdmissionReview and answers it with c's Admit, as knative.dev/pkg's
// webhook server does (same context values; warnings split on newlines, which the API server drops).
func admissionHandler(adm *admission, c webhook.AdmissionController) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var review admissionv1.AdmissionReview
		if err := json.NewDecoder(r.Body).Decode(&review); err != nil || review.Request == nil {
			http.Error(w, fmt.Sprint("could not decode body: ", err), http.StatusBadRequest)
			return
		}
		ctx := apis.WithHTTPRequest(adm.ctx, r)
		if err := adm.refreshConfig(ctx); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp := c.Admit(ctx, review.Request)
		var warnings []string
		for _, w := range resp.Warnings {
			warnings = append(warnings, strings.Split(w, "\n")...)
		}
		resp.Warnings = warnings
		resp.UID = review.Request.UID
		out := admissionv1.AdmissionReview{TypeMeta: review.TypeMeta, Response: resp}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(out); err != nil {
			http.Error(w, fmt.Sprint("could not encode response: ", err), http.StatusInternalServerError)
		}
	}
}

// selfSignedLoopback is a certificate for 127.0.0.1 that is its own CA (the caBundle to register).
func selfSignedLoopback() (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "knative-helper"},
		NotBefore:             time.Now().Add(-time.Minute),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	cert, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	return cert, certPEM, err
}
