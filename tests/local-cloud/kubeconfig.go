package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// kubeBackend is the real Kubernetes control plane an ACK cluster stands for. Without a server
// (no --kube-server) the kubeconfig still has the right shape but points at nothing useful.
type kubeBackend struct {
	server string // https://127.0.0.1:P, or "" without --kube-server
	caPEM  []byte
	cert   []byte
	key    []byte
}

func loadKube(dir, server, caFile string) (*kubeBackend, error) {
	k := &kubeBackend{server: strings.TrimRight(server, "/")}
	var err error
	if k.cert, err = os.ReadFile(filepath.Join(dir, "admin.pem")); err != nil {
		return nil, err
	}
	if k.key, err = os.ReadFile(filepath.Join(dir, "admin-key.pem")); err != nil {
		return nil, err
	}
	switch {
	case server != "" && caFile == "":
		return nil, fmt.Errorf("--kube-server needs --kube-ca")
	case caFile != "":
		if k.caPEM, err = os.ReadFile(caFile); err != nil {
			return nil, err
		}
	default:
		if k.caPEM, err = os.ReadFile(filepath.Join(dir, "ca.pem")); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// live reports whether cluster-changing tasks wait for the agent (POST /_local/tasks/{id}).
func (k *kubeBackend) live() bool { return k.server != "" }

// endpoint is the API server URL the cluster advertises; without a backend, an address where
// nothing listens (port 6443 of 127.0.0.1) keeps the shape ACK uses.
func (k *kubeBackend) endpoint() string {
	if k.server != "" {
		return k.server
	}
	return "https://127.0.0.1:6443"
}

// kubeconfig is what ACK's DescribeClusterUserKubeconfig returns, with this control plane's
// CA and the kubernetes-admin client certificate (the provider indexes these three fields).
func (k *kubeBackend) kubeconfig(clusterID string) string {
	b64 := base64.StdEncoding.EncodeToString
	user := "kubernetes-admin"
	ctx := user + "-" + clusterID
	return fmt.Sprintf(`apiVersion: v1
clusters:
- cluster:
    server: %s
    certificate-authority-data: %s
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: "%s"
  name: %s
current-context: %s
kind: Config
preferences: {}
users:
- name: "%s"
  user:
    client-certificate-data: %s
    client-key-data: %s
`, k.endpoint(), b64(k.caPEM), user, ctx, ctx, user, b64(k.cert), b64(k.key))
}
