package main

import (
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
)

// rpcCall is one decoded RPC request: query and form body merged, already checked against the model.
type rpcCall struct {
	product string
	action  string
	params  map[string]string
}

func (c *rpcCall) get(name string) string { return c.params[name] }

// list returns Name.1, Name.2, … in index order.
func (c *rpcCall) list(name string) []string {
	var out []string
	for i := 1; ; i++ {
		v, ok := c.params[name+"."+itoa(i)]
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// tags returns Tag.N.Key / Tag.N.Value pairs (or another prefix with the same shape).
func (c *rpcCall) tags(prefix string) []tag {
	var out []tag
	for i := 1; ; i++ {
		k, ok := c.params[prefix+"."+itoa(i)+".Key"]
		if !ok {
			return out
		}
		out = append(out, tag{Key: k, Value: c.params[prefix+"."+itoa(i)+".Value"]})
	}
}

// rpcAction binds one (product version, action) to the SDK request model, the parameters the real
// API requires (the old SDK has no required-ness, so each action lists its own) and a handler that
// returns a filled SDK response struct.
type rpcAction struct {
	request  any
	required []string
	handle   func(s *Server, c *rpcCall) (any, *apiError)
	spec     map[string]*paramSpec
}

// products maps the RPC Version to the product name used in logs and faults.
var products = map[string]string{
	"2016-04-28": "Vpc",
	"2014-05-26": "Ecs",
	"2018-08-08": "Eci",
	"2015-06-12": "Location",
	"2017-12-14": "BssOpenApi",
}

var rpcActions = map[string]*rpcAction{}

// register adds actions of one product; called from each product file's init.
func register(product string, actions map[string]*rpcAction) {
	for name, a := range actions {
		a.spec = specOfRequest(reflect.TypeOf(a.request))
		rpcActions[product+"/"+name] = a
	}
}

// commonParams are the RPC common parameters every client may send, whatever the action.
var commonParams = map[string]bool{
	"Action": true, "Version": true, "Format": true, "AccessKeyId": true, "Signature": true,
	"SignatureMethod": true, "SignatureVersion": true, "SignatureNonce": true, "SignatureType": true,
	"Timestamp": true, "RegionId": true, "SecurityToken": true, "ClientToken": true, "BearerToken": true,
}

func isRPC(r *http.Request) bool {
	if r.URL.Path != "/" && r.URL.Path != "" {
		return false
	}
	return r.URL.Query().Get("Action") != "" || r.Header.Get("x-acs-action") != "" || r.Method == http.MethodPost
}

func mergeParams(r *http.Request, body []byte) map[string]string {
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	if form, err := url.ParseQuery(string(body)); err == nil && strings.Contains(r.Header.Get("Content-Type"), "form") {
		for k, v := range form {
			params[k] = v[0]
		}
	}
	if params["Action"] == "" {
		params["Action"] = r.Header.Get("x-acs-action")
	}
	if params["Version"] == "" {
		params["Version"] = r.Header.Get("x-acs-version")
	}
	return params
}

func (s *Server) serveRPC(w http.ResponseWriter, r *http.Request, body []byte) {
	params := mergeParams(r, body)
	product := products[params["Version"]]
	if product == "" {
		product = "Unknown(" + params["Version"] + ")"
	}
	c := &rpcCall{product: product, action: params["Action"], params: params}
	s.mu.Lock()
	defer s.mu.Unlock()
	requestID := newRequestID()
	resp, aerr := s.dispatchRPC(c)
	rec := requestRecord{Product: product, Action: c.action, Method: r.Method, Path: "/", Status: 200}
	if aerr != nil {
		rec.Status, rec.Code, rec.Message = aerr.Status, aerr.Code, aerr.Message
		s.record(rec, aerr.Violation)
		writeJSON(w, aerr.Status, map[string]string{"Code": aerr.Code, "Message": aerr.Message, "RequestId": requestID})
		return
	}
	s.record(rec, false)
	setRequestID(resp, requestID)
	fillEmpty(reflect.ValueOf(resp))
	writeJSON(w, 200, resp)
}

func (s *Server) dispatchRPC(c *rpcCall) (any, *apiError) {
	a := rpcActions[c.product+"/"+c.action]
	if a == nil {
		return nil, &apiError{Status: 400, Code: "InvalidAction.NotFound", Violation: true,
			Message: "Specified api " + c.action + " of " + c.product + " is not served by the local cloud."}
	}
	if e := validateRPC(a, c); e != nil {
		return nil, e
	}
	if e := s.injectFault(c.action, false); e != nil {
		return nil, e
	}
	token := c.get("ClientToken")
	key := c.product + "/" + c.action + "/" + token
	if token != "" {
		if prev, ok := s.tokens[key]; ok {
			return prev, nil
		}
	}
	resp, e := a.handle(s, c)
	if e == nil && token != "" {
		s.tokens[key] = resp
	}
	return resp, e
}

func validateRPC(a *rpcAction, c *rpcCall) *apiError {
	keys := make([]string, 0, len(c.params))
	for k := range c.params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if commonParams[k] {
			continue
		}
		if e := checkParam(a.spec, k, c.params[k]); e != nil {
			return e
		}
	}
	for _, req := range a.required {
		if c.params[req] == "" && len(c.list(req)) == 0 && len(c.tags(req)) == 0 {
			return violation("MissingParameter", "The input parameter %q that is mandatory for processing this request is not supplied.", req)
		}
	}
	return nil
}
