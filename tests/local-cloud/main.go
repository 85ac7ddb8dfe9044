// Command local-alicloud is a local stand-in for the Alibaba Cloud OpenAPI actions that
// terraform-provider-alicloud v1.285.0 calls for the ack-knative-eci package (VPC, ECS, ECI, CS).
//
//	local-alicloud certs --dir DIR
//	local-alicloud serve --dir DIR [--port N] [--region cn-hangzhou] [--kube-server URL --kube-ca FILE]
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "certs":
		fs := flag.NewFlagSet("certs", flag.ExitOnError)
		dir := fs.String("dir", "", "directory for ca.pem, server.pem, admin.pem and their keys")
		_ = fs.Parse(os.Args[2:])
		if *dir == "" {
			usage()
		}
		err = writeCerts(*dir)
	case "serve":
		err = serve(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "local-alicloud:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: local-alicloud certs --dir DIR\n       local-alicloud serve --dir DIR [--port N] [--region cn-hangzhou] [--kube-server https://127.0.0.1:P --kube-ca FILE]")
	os.Exit(2)
}

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	dir := fs.String("dir", "", "directory made by `local-alicloud certs` (created if missing)")
	port := fs.Int("port", 0, "port on 127.0.0.1 (0 = a free port)")
	region := fs.String("region", "cn-hangzhou", "the region served")
	kubeServer := fs.String("kube-server", "", "URL of the Kubernetes API server that backs the ACK cluster")
	kubeCA := fs.String("kube-ca", "", "CA file of that API server")
	_ = fs.Parse(args)
	if *dir == "" {
		return errors.New("serve needs --dir")
	}
	if err := writeCerts(*dir); err != nil {
		return err
	}
	kube, err := loadKube(*dir, *kubeServer, *kubeCA)
	if err != nil {
		return err
	}
	pair, err := tls.LoadX509KeyPair(filepath.Join(*dir, "server.pem"), filepath.Join(*dir, "server-key.pem"))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		return err
	}
	s := newServer(*region, kube)
	s.addr = ln.Addr().String()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 30 * time.Second,
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(tls.NewListener(ln, srv.TLSConfig)) }()
	fmt.Printf("local-alicloud listening %s\n", s.addr)
	s.logf("serving region %s zones %v kube-server %q", s.region, s.zones, kube.server)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	select {
	case err := <-done:
		return err
	case got := <-sig:
		s.logf("stopping on %s", got)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(ctx)
	}
}
