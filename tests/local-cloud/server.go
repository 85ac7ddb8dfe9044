package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// Server is the whole local cloud: one lock over one in-memory world, because the provider's calls
// are few and sequential enough that finer locking would buy nothing but races.
type Server struct {
	mu     sync.Mutex
	region string
	zones  []string
	// addr is "127.0.0.1:PORT", known once listening; master_url and endpoints name it.
	addr string
	kube *kubeBackend
	logf func(format string, args ...any)

	st         *store
	requests   []requestRecord
	violations []requestRecord
	faults     []*fault
	// tokens maps product/action/ClientToken to the response the first call produced.
	tokens map[string]any
}

type requestRecord struct {
	Product string `json:"product"`
	Action  string `json:"action"`
	Method  string `json:"method"`
	Path    string `json:"path"`
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
}

// apiError is an answer other than success; Violation marks the requests the model rejected
// (unknown parameter, wrong type, missing required field, unknown action), which /_local/violations lists.
type apiError struct {
	Status    int
	Code      string
	Message   string
	Violation bool
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func errf(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func violation(code, format string, args ...any) *apiError {
	return &apiError{Status: 400, Code: code, Message: fmt.Sprintf(format, args...), Violation: true}
}

func notFound(code, format string, args ...any) *apiError {
	return errf(404, code, format, args...)
}

func newServer(region string, kube *kubeBackend) *Server {
	s := &Server{region: region, kube: kube, tokens: map[string]any{}}
	s.zones = zonesOf(region)
	s.st = newStore()
	logger := log.New(os.Stderr, "", log.LstdFlags|log.Lmicroseconds)
	s.logf = logger.Printf
	return s
}

func zonesOf(region string) []string {
	var zs []string
	for _, l := range []string{"h", "i", "j", "k"} {
		zs = append(zs, region+"-"+l)
	}
	return zs
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	switch {
	case strings.HasPrefix(r.URL.Path, "/_local/"):
		s.serveLocal(w, r, body)
	case isRPC(r):
		s.serveRPC(w, r, body)
	default:
		s.serveROA(w, r, body)
	}
}

// record logs one API request to stderr and keeps it for /_local/requests.
func (s *Server) record(rec requestRecord, violated bool) {
	s.requests = append(s.requests, rec)
	if violated {
		s.violations = append(s.violations, rec)
	}
	code := rec.Code
	if code == "" {
		code = "-"
	}
	s.logf("request %s %s %s %s -> %d %s %s", rec.Product, rec.Action, rec.Method, rec.Path, rec.Status, code, rec.Message)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = 500
		b = []byte(`{"Code":"InternalError","Message":"marshal failed"}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func now() time.Time { return time.Now().UTC().Truncate(time.Second) }
