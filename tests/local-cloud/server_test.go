package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// testCloud drives the handler directly (no TLS); live makes CS tasks wait for the agent.
type testCloud struct {
	t *testing.T
	s *Server
}

func newTestCloud(t *testing.T, live bool) *testCloud {
	dir := t.TempDir()
	if err := writeCerts(dir); err != nil {
		t.Fatal(err)
	}
	server := ""
	if live {
		server = "https://127.0.0.1:6443"
	}
	kube, err := loadKube(dir, server, map[bool]string{true: dir + "/ca.pem"}[live])
	if err != nil {
		t.Fatal(err)
	}
	s := newServer("cn-hangzhou", kube)
	s.logf = t.Logf
	s.addr = "127.0.0.1:1"
	return &testCloud{t: t, s: s}
}

func (c *testCloud) do(method, path, body string) (int, map[string]any) {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	c.s.ServeHTTP(w, req)
	var out map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	return w.Code, out
}

// rpc sends an RPC action with form-encoded parameters, as tea-rpc does.
func (c *testCloud) rpc(version, action string, params map[string]string) (int, map[string]any) {
	form := url.Values{}
	for k, v := range params {
		form.Set(k, v)
	}
	req := httptest.NewRequest(http.MethodPost, "/?Action="+action+"&Version="+version+"&Format=JSON&RegionId=cn-hangzhou", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	c.s.ServeHTTP(w, req)
	var out map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	return w.Code, out
}

// must expects a 200 answer.
func (c *testCloud) must(code int, out map[string]any) map[string]any {
	c.t.Helper()
	if code != 200 {
		c.t.Fatalf("status %d, want 200: %v", code, out)
	}
	return out
}

const vpcV, ecsV = "2016-04-28", "2014-05-26"

func TestStrictRPC(t *testing.T) {
	c := newTestCloud(t, false)
	code, out := c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "10.0.0.0/8", "Bogus": "1"})
	if code != 400 || out["Code"] != "InvalidParameter" || !strings.Contains(out["Message"].(string), "Bogus") {
		t.Fatalf("unknown parameter: %d %v", code, out)
	}
	code, out = c.rpc(vpcV, "CreateVpc", map[string]string{"EnableIpv6": "yes"})
	if code != 400 || out["Code"] != "InvalidParameter" {
		t.Fatalf("wrong type: %d %v", code, out)
	}
	code, out = c.rpc(vpcV, "CreateVSwitch", map[string]string{"VpcId": "vpc-x", "ZoneId": "cn-hangzhou-h"})
	if code != 400 || out["Code"] != "MissingParameter" {
		t.Fatalf("missing required: %d %v", code, out)
	}
	c.must(c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "10.0.0.0/8", "Tag.1.Key": "a", "Tag.1.Value": "b"}))
	if len(c.s.violations) != 3 {
		t.Fatalf("violations = %d, want 3", len(c.s.violations))
	}
}

func TestStrictCS(t *testing.T) {
	c := newTestCloud(t, false)
	code, out := c.do("POST", "/clusters", `{"name":"k","region_id":"cn-hangzhou","vpcid":"v","nope":1}`)
	if code != 400 || out["code"] != "InvalidParameter" {
		t.Fatalf("unknown field: %d %v", code, out)
	}
	code, out = c.do("POST", "/clusters", `{"name":"k","vpcid":"v"}`)
	if code != 400 || out["code"] != "MissingParameter" || !strings.Contains(out["message"].(string), "region_id") {
		t.Fatalf("missing required: %d %v", code, out)
	}
	code, out = c.do("POST", "/clusters", `{"name":1}`)
	if code != 400 || out["code"] != "InvalidParameter" {
		t.Fatalf("wrong type: %d %v", code, out)
	}
}

// network builds VPC → two vSwitches → security group and returns their ids.
func (c *testCloud) network() (vpc, sw1, sw2, sg string) {
	vpc = c.must(c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "192.168.0.0/16"}))["VpcId"].(string)
	sw1 = c.must(c.rpc(vpcV, "CreateVSwitch", map[string]string{"VpcId": vpc, "CidrBlock": "192.168.0.0/20", "ZoneId": "cn-hangzhou-h"}))["VSwitchId"].(string)
	sw2 = c.must(c.rpc(vpcV, "CreateVSwitch", map[string]string{"VpcId": vpc, "CidrBlock": "192.168.16.0/20", "ZoneId": "cn-hangzhou-i"}))["VSwitchId"].(string)
	sg = c.must(c.rpc(ecsV, "CreateSecurityGroup", map[string]string{"VpcId": vpc}))["SecurityGroupId"].(string)
	return
}

func TestNetworkChain(t *testing.T) {
	c := newTestCloud(t, false)
	vpc, sw1, _, _ := c.network()
	rt := c.must(c.rpc(vpcV, "DescribeRouteTableList", map[string]string{"VpcId": vpc}))
	if rt["RouterTableList"].(map[string]any)["RouterTableListType"].([]any)[0].(map[string]any)["RouteTableType"] != "System" {
		t.Fatalf("no System route table: %v", rt)
	}
	for _, bad := range []map[string]string{
		{"VpcId": vpc, "CidrBlock": "192.168.8.0/24", "ZoneId": "cn-hangzhou-j"},
		{"VpcId": vpc, "CidrBlock": "10.0.0.0/24", "ZoneId": "cn-hangzhou-j"},
		{"VpcId": vpc, "CidrBlock": "192.168.64.0/24", "ZoneId": "cn-shanghai-a"},
	} {
		if code, out := c.rpc(vpcV, "CreateVSwitch", bad); code != 400 {
			t.Fatalf("bad vSwitch %v accepted: %v", bad, out)
		}
	}
	nat := c.must(c.rpc(vpcV, "CreateNatGateway", map[string]string{"VpcId": vpc, "VSwitchId": sw1, "NatType": "Enhanced"}))
	ngw, table := nat["NatGatewayId"].(string), nat["SnatTableIds"].(map[string]any)["SnatTableId"].([]any)[0].(string)
	eip := c.must(c.rpc(vpcV, "AllocateEipAddress", map[string]string{"Bandwidth": "100"}))
	if code, out := c.rpc(vpcV, "CreateSnatEntry", map[string]string{"SnatTableId": table, "SnatIp": eip["EipAddress"].(string), "SourceVSwitchId": sw1}); code != 400 || out["Code"] != "EIP_NOT_IN_GATEWAY" {
		t.Fatalf("SNAT before association: %d %v", code, out)
	}
	c.must(c.rpc(vpcV, "AssociateEipAddress", map[string]string{"AllocationId": eip["AllocationId"].(string), "InstanceId": ngw, "InstanceType": "Nat"}))
	eips := c.must(c.rpc(vpcV, "DescribeEipAddresses", map[string]string{"AllocationId": eip["AllocationId"].(string)}))
	if eips["EipAddresses"].(map[string]any)["EipAddress"].([]any)[0].(map[string]any)["InstanceId"] != ngw {
		t.Fatalf("association not visible: %v", eips)
	}
	c.must(c.rpc(vpcV, "CreateSnatEntry", map[string]string{"SnatTableId": table, "SnatIp": eip["EipAddress"].(string), "SourceVSwitchId": sw1}))
	if code, out := c.rpc(vpcV, "DeleteVSwitch", map[string]string{"VSwitchId": sw1}); code != 400 || out["Code"] != "DependencyViolation" {
		t.Fatalf("vSwitch in use deleted: %d %v", code, out)
	}
	if code, out := c.rpc(vpcV, "DeleteVpc", map[string]string{"VpcId": vpc}); code != 400 || out["Code"] != "DependencyViolation.VSwitch" {
		t.Fatalf("VPC with vSwitches deleted: %d %v", code, out)
	}
}

func TestNotFoundAndClientToken(t *testing.T) {
	c := newTestCloud(t, false)
	a := c.must(c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "10.0.0.0/8", "ClientToken": "tok"}))
	b := c.must(c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "10.0.0.0/8", "ClientToken": "tok"}))
	if a["VpcId"] != b["VpcId"] || len(c.s.st.vpcs) != 1 {
		t.Fatalf("ClientToken made a second VPC: %v %v", a, b)
	}
	c.must(c.rpc(vpcV, "DeleteVpc", map[string]string{"VpcId": a["VpcId"].(string)}))
	if code, out := c.rpc(vpcV, "DescribeVpcAttribute", map[string]string{"VpcId": a["VpcId"].(string)}); code != 404 || out["Code"] != "InvalidVpcId.NotFound" {
		t.Fatalf("deleted VPC: %d %v", code, out)
	}
	if code, out := c.do("GET", "/clusters/cnope", ""); code != 404 || out["code"] != "ErrorClusterNotFound" {
		t.Fatalf("unknown cluster: %d %v", code, out)
	}
}

func TestClusterTasksWaitForAgent(t *testing.T) {
	c := newTestCloud(t, true)
	vpc, sw1, sw2, sg := c.network()
	body := `{"name":"k","region_id":"cn-hangzhou","cluster_type":"ManagedKubernetes","vpcid":"` + vpc + `","vswitch_ids":["` + sw1 + `","` + sw2 + `"],"security_group_id":"` + sg + `"}`
	cl := c.must(c.do("POST", "/clusters", body))
	cid, task := cl["cluster_id"].(string), cl["task_id"].(string)
	if _, d := c.do("GET", "/clusters/"+cid, ""); d["state"] != "initial" {
		t.Fatalf("state before the agent: %v", d["state"])
	}
	if code, out := c.do("POST", "/clusters", body); code != 400 || out["code"] != "LocalCloud.OneClusterPerControlPlane" {
		t.Fatalf("second cluster: %d %v", code, out)
	}
	if _, tk := c.do("GET", "/tasks/"+task, ""); tk["state"] != "running" {
		t.Fatalf("task before the agent: %v", tk)
	}
	c.must(c.do("POST", "/_local/tasks/"+task, `{"state":"success"}`))
	if _, d := c.do("GET", "/clusters/"+cid, ""); d["state"] != "running" || d["vswitch_id"] != sw1 {
		t.Fatalf("cluster after the agent: %v", d)
	}
	np := c.must(c.do("POST", "/clusters/"+cid+"/nodepools", `{"nodepool_info":{"name":"np"},"scaling_group":{"vswitch_ids":["`+sw1+`","`+sw2+`"],"instance_types":["ecs.g7.xlarge"],"desired_size":3,"instance_charge_type":"PostPaid"}}`))
	c.must(c.do("POST", "/_local/tasks/"+np["task_id"].(string), `{"state":"success"}`))
	nodes := c.s.st.clusters[cid].NodePools[0].Nodes
	if len(nodes) != 3 || nodes[0].ZoneID != "cn-hangzhou-h" || nodes[1].ZoneID != "cn-hangzhou-i" || !strings.HasPrefix(nodes[0].NodeName, "cn-hangzhou.192.168.0.") {
		t.Fatalf("nodes: %+v", nodes)
	}
	_, view := c.do("GET", "/clusters/"+cid+"/nodepools/"+np["nodepool_id"].(string), "")
	if view["status"].(map[string]any)["state"] != "active" || view["nodepool_info"].(map[string]any)["name"] != "np" {
		t.Fatalf("node pool view: %v", view)
	}
	_, cfg := c.do("GET", "/k8s/"+cid+"/user_config", "")
	if !strings.Contains(cfg["config"].(string), "client-key-data:") || !strings.Contains(cfg["config"].(string), "https://127.0.0.1:6443") {
		t.Fatalf("kubeconfig: %v", cfg["config"])
	}
}

func TestFaults(t *testing.T) {
	c := newTestCloud(t, false)
	c.must(c.do("POST", "/_local/faults", `{"action":"CreateVpc","kind":"throttle","count":1}`))
	if code, out := c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "10.0.0.0/8"}); code != 400 || out["Code"] != "Throttling.User" {
		t.Fatalf("throttle: %d %v", code, out)
	}
	c.must(c.rpc(vpcV, "CreateVpc", map[string]string{"CidrBlock": "10.0.0.0/8"}))
	vpc, sw1, sw2, _ := c.network()
	c.must(c.do("POST", "/_local/faults", `{"action":"CreateCluster","kind":"fail-task","count":1,"message":"boom"}`))
	cl := c.must(c.do("POST", "/clusters", `{"name":"k","region_id":"cn-hangzhou","vpcid":"`+vpc+`","vswitch_ids":["`+sw1+`","`+sw2+`"]}`))
	_, tk := c.do("GET", "/tasks/"+cl["task_id"].(string), "")
	if tk["state"] != "failed" || tk["error"].(map[string]any)["message"] != "boom" {
		t.Fatalf("failed task: %v", tk)
	}
	if _, d := c.do("GET", "/clusters/"+cl["cluster_id"].(string), ""); d["state"] != "failed" {
		t.Fatalf("failed cluster: %v", d["state"])
	}
	c.must(c.do("POST", "/_local/faults", `{"action":"DescribeClusterDetail","kind":"server-error","count":1}`))
	if code, _ := c.do("GET", "/clusters/"+cl["cluster_id"].(string), ""); code != 503 {
		t.Fatalf("server-error: %d", code)
	}
}
