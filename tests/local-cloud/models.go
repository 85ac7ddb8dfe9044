package main

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
)

// paramKind is what an RPC parameter may hold, read from the old SDK's request struct tags.
type paramKind int

const (
	kindString paramKind = iota
	kindInteger
	kindBoolean
	kindFloat
	kindRepeated // Name.N, then the element
	kindStruct   // Name.Field
	kindMap      // Name.anything
)

// paramSpec describes one parameter (or one element / field below it) of an RPC request.
type paramSpec struct {
	kind   paramKind
	elem   *paramSpec            // kindRepeated
	fields map[string]*paramSpec // kindStruct (and repeated struct elements)
}

var (
	typeInteger = reflect.TypeOf(requests.Integer(""))
	typeBoolean = reflect.TypeOf(requests.Boolean(""))
	typeFloat   = reflect.TypeOf(requests.Float(""))
)

// specOfRequest derives the accepted parameter names of an alibaba-cloud-sdk-go request struct
// (e.g. vpc.CreateVpcRequest) from its `name`/`type` tags; the embedded RpcRequest is skipped.
func specOfRequest(t reflect.Type) map[string]*paramSpec {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	out := map[string]*paramSpec{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			continue
		}
		name := f.Tag.Get("name")
		if name == "" {
			continue
		}
		out[name] = specOfField(f.Type, f.Tag.Get("type"))
	}
	return out
}

func specOfField(t reflect.Type, tagType string) *paramSpec {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case tagType == "Repeated" || t.Kind() == reflect.Slice:
		et := t
		if et.Kind() == reflect.Slice {
			et = et.Elem()
		}
		return &paramSpec{kind: kindRepeated, elem: specOfField(et, "")}
	case tagType == "Map" || t.Kind() == reflect.Map:
		return &paramSpec{kind: kindMap}
	case t.Kind() == reflect.Struct:
		return &paramSpec{kind: kindStruct, fields: specOfRequest(t)}
	case t == typeInteger:
		return &paramSpec{kind: kindInteger}
	case t == typeBoolean:
		return &paramSpec{kind: kindBoolean}
	case t == typeFloat:
		return &paramSpec{kind: kindFloat}
	}
	return &paramSpec{kind: kindString}
}

// checkParam validates one flattened parameter (e.g. "Tag.1.Key") against the spec; the returned
// error names the parameter the way the real API's InvalidParameter messages do.
func checkParam(spec map[string]*paramSpec, key, value string) *apiError {
	parts := strings.Split(key, ".")
	ps, ok := spec[parts[0]]
	if !ok {
		return violation("InvalidParameter", "The parameter %q is not accepted by this action (unknown parameter).", key)
	}
	for i := 1; ; i++ {
		switch ps.kind {
		case kindMap:
			return nil
		case kindRepeated:
			if i >= len(parts) {
				// A list passed as one value (JSON or comma list) is what some clients send.
				return nil
			}
			if n, err := strconv.Atoi(parts[i]); err != nil || n < 1 {
				return violation("InvalidParameter", "The parameter %q has an invalid list index %q.", key, parts[i])
			}
			ps = ps.elem
			continue
		case kindStruct:
			if i >= len(parts) {
				return nil
			}
			sub, ok := ps.fields[parts[i]]
			if !ok {
				return violation("InvalidParameter", "The parameter %q is not accepted by this action (unknown field %q).", key, parts[i])
			}
			ps = sub
			continue
		}
		if i < len(parts) {
			return violation("InvalidParameter", "The parameter %q is not accepted by this action (%q takes no sub-fields).", key, strings.Join(parts[:i], "."))
		}
		return checkScalar(ps.kind, key, value)
	}
}

func checkScalar(k paramKind, key, value string) *apiError {
	var err error
	switch k {
	case kindInteger:
		_, err = strconv.ParseInt(value, 10, 64)
	case kindBoolean:
		if value != "true" && value != "false" {
			err = strconv.ErrSyntax
		}
	case kindFloat:
		_, err = strconv.ParseFloat(value, 64)
	}
	if err != nil {
		return violation("InvalidParameter", "The parameter %q has an invalid value %q (wrong type).", key, value)
	}
	return nil
}

// fillEmpty replaces nil slices and maps inside a response struct with empty ones, so that the
// JSON carries [] and {} where the real API sends empty lists (the provider reads these wrappers).
func fillEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			fillEmpty(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if v.Type().Field(i).IsExported() && !v.Type().Field(i).Anonymous {
				fillEmpty(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() && v.CanSet() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		for i := 0; i < v.Len(); i++ {
			fillEmpty(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() && v.CanSet() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	}
}

// setRequestID sets the RequestId field of an SDK response struct.
func setRequestID(resp any, id string) {
	v := reflect.ValueOf(resp)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	if f := v.Elem().FieldByName("RequestId"); f.IsValid() && f.Kind() == reflect.String && f.CanSet() {
		f.SetString(id)
	}
}
