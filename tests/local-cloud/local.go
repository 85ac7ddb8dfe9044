package main

import (
	"fmt"
	"net/http"
	"strings"
)

// serveLocal is the test and agent API under /_local/: state, request log, violations, tasks, faults, reset.
func (s *Server) serveLocal(w http.ResponseWriter, r *http.Request, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settleTasks()
	path := strings.TrimPrefix(r.URL.Path, "/_local/")
	var e *apiError
	switch {
	case path == "state" && r.Method == http.MethodGet:
		writeJSON(w, 200, s.snapshot())
		return
	case path == "requests" && r.Method == http.MethodGet:
		writeJSON(w, 200, orEmpty(s.requests))
		return
	case path == "violations" && r.Method == http.MethodGet:
		writeJSON(w, 200, orEmpty(s.violations))
		return
	case strings.HasPrefix(path, "tasks/") && r.Method == http.MethodPost:
		e = s.completeTask(strings.TrimPrefix(path, "tasks/"), body)
	case path == "faults" && r.Method == http.MethodPost:
		e = s.addFault(body)
	case path == "faults" && r.Method == http.MethodDelete:
		s.faults = nil
		s.event("faults cleared")
	case path == "faults" && r.Method == http.MethodGet:
		writeJSON(w, 200, orEmpty(s.faults))
		return
	case path == "reset" && r.Method == http.MethodPost:
		s.st, s.requests, s.violations, s.faults, s.tokens = newStore(), nil, nil, nil, map[string]any{}
		s.event("reset: everything emptied")
	default:
		e = notFound("NotFound", "no local endpoint %s %s", r.Method, r.URL.Path)
	}
	if e != nil {
		s.logf("local %s %s -> %d %s %s", r.Method, r.URL.Path, e.Status, e.Code, e.Message)
		writeJSON(w, e.Status, map[string]string{"code": e.Code, "message": e.Message})
		return
	}
	s.logf("local %s %s -> 200", r.Method, r.URL.Path)
	writeJSON(w, 200, map[string]bool{"ok": true})
}

// event writes one line per resource change to stderr.
func (s *Server) event(format string, args ...any) {
	s.logf("event %s", fmt.Sprintf(format, args...))
}
