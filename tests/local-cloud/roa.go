package main

//go:generate go run ./internal/genrequired

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// roaCall is one CS request: path variables, query and the body, already decoded strictly into
// the cs-20151215 request model of the route.
type roaCall struct {
	vars  map[string]string
	query url.Values
	body  any
	raw   []byte
}

// roaRoute binds method + path (as the cs SDK's client.go builds it) to the SDK operation name
// (used by faults and logs) and the body model (nil when the operation has no body).
type roaRoute struct {
	method, pattern, action string
	body                    func() any
	handle                  func(s *Server, c *roaCall) (any, *apiError)
}

func (rt *roaRoute) match(method, path string) (map[string]string, bool) {
	if method != rt.method {
		return nil, false
	}
	want := strings.Split(strings.Trim(rt.pattern, "/"), "/")
	got := strings.Split(strings.Trim(path, "/"), "/")
	if len(want) != len(got) {
		return nil, false
	}
	vars := map[string]string{}
	for i, w := range want {
		if strings.HasPrefix(w, "{") {
			v, err := url.PathUnescape(got[i])
			if err != nil || v == "" {
				return nil, false
			}
			vars[strings.Trim(w, "{}")] = v
		} else if w != got[i] {
			return nil, false
		}
	}
	return vars, true
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

func (s *Server) serveROA(w http.ResponseWriter, r *http.Request, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settleTasks()
	requestID := newRequestID()
	rec := requestRecord{Product: "CS", Action: "?", Method: r.Method, Path: r.URL.Path, Status: 200}
	resp, aerr := s.dispatchROA(r, body, &rec)
	if aerr != nil {
		rec.Status, rec.Code, rec.Message = aerr.Status, aerr.Code, aerr.Message
		s.record(rec, aerr.Violation)
		writeJSON(w, aerr.Status, map[string]string{"code": aerr.Code, "message": aerr.Message, "requestId": requestID})
		return
	}
	s.record(rec, false)
	if resp == nil {
		resp = map[string]string{"request_id": requestID}
	}
	writeJSON(w, 200, resp)
}

func (s *Server) dispatchROA(r *http.Request, body []byte, rec *requestRecord) (any, *apiError) {
	for _, rt := range csRoutes {
		vars, ok := rt.match(r.Method, r.URL.Path)
		if !ok {
			continue
		}
		rec.Action = rt.action
		c := &roaCall{vars: vars, query: r.URL.Query(), raw: body}
		if rt.body != nil {
			model, e := decodeStrict(body, rt.body())
			if e != nil {
				return nil, e
			}
			c.body = model
		}
		if e := s.injectFault(rt.action, true); e != nil {
			return nil, e
		}
		return rt.handle(s, c)
	}
	return nil, &apiError{Status: 404, Code: "InvalidAction.NotFound", Violation: true,
		Message: "The local cloud serves no CS operation for " + r.Method + " " + r.URL.Path}
}

// decodeStrict decodes a JSON body into the SDK model, refusing unknown fields and wrong types
// (400 InvalidParameter) and missing required fields (400 MissingParameter).
func decodeStrict(body []byte, model any) (any, *apiError) {
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
		if reflect.TypeOf(model).Elem().Kind() == reflect.Slice {
			body = []byte("[]")
		}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(model); err != nil {
		return nil, violation("InvalidParameter", "The request body does not fit %s: %v", typeName(model), err)
	}
	if missing := firstMissing(reflect.ValueOf(model), ""); missing != "" {
		return nil, violation("MissingParameter", "The required parameter %q is missing from the request body.", missing)
	}
	return model, nil
}

func typeName(v any) string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Name()
}

// firstMissing walks a decoded model and returns the JSON path of the first required field that is nil.
func firstMissing(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return firstMissing(v.Elem(), path)
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if m := firstMissing(v.Index(i), path+"["+itoa(i)+"]"); m != "" {
				return m
			}
		}
	case reflect.Struct:
		t := v.Type()
		for _, name := range requiredFields[t.Name()] {
			if f := v.FieldByName(name); f.IsValid() && f.IsNil() {
				return joinPath(path, jsonName(t, name))
			}
		}
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).IsExported() {
				if m := firstMissing(v.Field(i), joinPath(path, jsonName(t, t.Field(i).Name))); m != "" {
					return m
				}
			}
		}
	}
	return ""
}

func jsonName(t reflect.Type, field string) string {
	f, _ := t.FieldByName(field)
	return strings.Split(f.Tag.Get("json"), ",")[0]
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
