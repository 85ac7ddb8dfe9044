package main

import (
	"encoding/json"
	"fmt"
	"time"
)

// fault is one injected misbehaviour, consumed `Count` times (0 = until cleared).
type fault struct {
	Action  string  `json:"action"`
	Kind    string  `json:"kind"`
	Count   int     `json:"count"`
	Message string  `json:"message"`
	Seconds float64 `json:"seconds"`
	used    int
	since   time.Time
}

var faultKinds = map[string]bool{"throttle": true, "server-error": true, "fail-task": true, "slow": true, "in-use": true}

func (s *Server) addFault(body []byte) *apiError {
	var f fault
	dec := json.NewDecoder(bytesReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return errf(400, "InvalidParameter", "fault: %v", err)
	}
	if f.Action == "" || !faultKinds[f.Kind] {
		return errf(400, "InvalidParameter", "fault: action is required and kind must be throttle, server-error, fail-task, slow or in-use")
	}
	s.faults = append(s.faults, &f)
	s.event("fault added: %s %s count=%d seconds=%g", f.Action, f.Kind, f.Count, f.Seconds)
	return nil
}

// take consumes one use of a fault of that kind for that action, if any.
func (s *Server) take(action, kind string) *fault {
	for _, f := range s.faults {
		if f.Action == action && f.Kind == kind && (f.Count == 0 || f.used < f.Count) {
			f.used++
			return f
		}
	}
	return nil
}

// injectFault answers throttle (400 Throttling.User, retried by the provider) or server-error
// (503 ServiceUnavailable, retried by the SDKs) before the action runs. cs selects the CS error shape.
func (s *Server) injectFault(action string, _ bool) *apiError {
	if f := s.take(action, "throttle"); f != nil {
		return errf(400, "Throttling.User", "%s", msgOr(f.Message, "Request was denied due to user flow control."))
	}
	if f := s.take(action, "server-error"); f != nil {
		return errf(503, "ServiceUnavailable", "%s", msgOr(f.Message, "The request has failed due to a temporary failure of the server."))
	}
	return nil
}

// slowFault makes the resource created by the action show `state` for the fault's seconds.
func (s *Server) slowFault(action, state string) *pending {
	f := s.take(action, "slow")
	if f == nil {
		return nil
	}
	return &pending{state: state, until: time.Now().Add(time.Duration(f.Seconds * float64(time.Second)))}
}

// inUse answers DependencyViolation for a delete action while an "in-use" fault holds: from its first use,
// for its seconds (something the stack does not know, such as the ENIs ACK's Terway releases minutes after the
// cluster is gone, still uses the resource), or for its count of calls when seconds is 0.
func (s *Server) inUse(action, what string) *apiError {
	for _, f := range s.faults {
		if f.Action != action || f.Kind != "in-use" {
			continue
		}
		if f.Seconds > 0 {
			if f.since.IsZero() {
				f.since = time.Now()
			}
			if time.Since(f.since) < time.Duration(f.Seconds*float64(time.Second)) {
				f.used++
				return errf(400, "DependencyViolation", "%s", msgOr(f.Message, fmt.Sprintf("Specified %s is still in use.", what)))
			}
			continue
		}
		if f.Count == 0 || f.used < f.Count {
			f.used++
			return errf(400, "DependencyViolation", "%s", msgOr(f.Message, fmt.Sprintf("Specified %s is still in use.", what)))
		}
	}
	return nil
}

// failTask returns the message the task created by the action must fail with, if a fault says so.
func (s *Server) failTask(action string) (string, bool) {
	f := s.take(action, "fail-task")
	if f == nil {
		return "", false
	}
	return msgOr(f.Message, fmt.Sprintf("%s failed (injected fault)", action)), true
}

func msgOr(m, d string) string {
	if m == "" {
		return d
	}
	return m
}
