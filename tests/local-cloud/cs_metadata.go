package main

import (
	"net/url"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// kubernetesVersions are the ACK versions offered, newest first (the default when none is given).
var kubernetesVersions = []string{"1.33.1-aliyun.1", "1.32.7-aliyun.1", "1.31.9-aliyun.1"}

// catalogAddon is one add-on ACK offers: versions oldest → newest, the last one current.
type catalogAddon struct {
	name, category string
	versions       []string
	byDefault      bool
	schema         string
	actions        []string
}

var addonCatalog = []catalogAddon{
	{"ack-virtual-node", "kubernetes", []string{"v2.13.0", "v2.14.2"}, false,
		`{"type":"object","properties":{"EciVSwitchIds":{"type":"string"},"EciSecurityGroupId":{"type":"string"},"EnableClusterDNS":{"type":"boolean"}}}`, []string{"Install", "Upgrade", "Modify", "Uninstall"}},
	{"knative", "application", []string{"v1.15.10", "v1.17.7"}, false,
		`{"type":"object","properties":{"Gateway":{"type":"string","enum":["alb","kourier","mse","asm"]},"KnativeServing":{"type":"object"}}}`, []string{"Install", "Upgrade", "Modify", "Uninstall"}},
	{"terway-eniip", "network", []string{"v1.13.5", "v1.14.3"}, true,
		`{"type":"object","properties":{"NetworkPolicy":{"type":"boolean"},"IPVlan":{"type":"boolean"}}}`, []string{"Install", "Upgrade", "Modify"}},
	{"flannel", "network", []string{"v0.15.1.22-20a397e6-aliyun"}, false, `{"type":"object","properties":{}}`, []string{"Install", "Upgrade"}},
	{"csi-plugin", "storage", []string{"v1.32.2-1", "v1.33.1-67e8986-aliyun"}, true, `{"type":"object","properties":{}}`, []string{"Install", "Upgrade", "Modify"}},
	{"csi-provisioner", "storage", []string{"v1.32.2-1", "v1.33.1-67e8986-aliyun"}, true,
		`{"type":"object","properties":{"CnfsOssEnable":{"type":"boolean"},"CnfsNasEnable":{"type":"boolean"}}}`, []string{"Install", "Upgrade", "Modify", "Uninstall"}},
	{"nginx-ingress-controller", "network", []string{"v1.11.5-aliyun.1", "v1.12.1-aliyun.1"}, false,
		`{"type":"object","properties":{"IngressSlbNetworkType":{"type":"string","enum":["internet","intranet"]},"IngressSlbSpec":{"type":"string"}}}`, []string{"Install", "Upgrade", "Modify", "Uninstall"}},
	{"metrics-server", "monitor", []string{"v0.3.9.7-ff225cd-aliyun"}, true, `{"type":"object","properties":{}}`, []string{"Install", "Upgrade"}},
	{"coredns", "network", []string{"v1.11.3.6-5c6e4ee7-aliyun"}, true, `{"type":"object","properties":{}}`, []string{"Install", "Upgrade", "Modify"}},
	{"managed-kube-proxy", "network", []string{"v1.33.1-aliyun.1"}, true, `{"type":"object","properties":{}}`, []string{"Upgrade"}},
}

func findAddon(name string) *catalogAddon {
	for i := range addonCatalog {
		if addonCatalog[i].name == name {
			return &addonCatalog[i]
		}
	}
	return nil
}

func (a *catalogAddon) latest() string { return a.versions[len(a.versions)-1] }

// addonVersion is the version an install gets: the one asked for, or the catalog's current.
func (s *Server) addonVersion(name, asked string) string {
	if asked != "" {
		return asked
	}
	if a := findAddon(name); a != nil {
		return a.latest()
	}
	return "v1.0.0"
}

func listAddons(_ *Server, _ *roaCall) (any, *apiError) {
	body := &cs.ListAddonsResponseBody{}
	for _, a := range addonCatalog {
		body.Addons = append(body.Addons, &cs.ListAddonsResponseBodyAddons{Name: tea.String(a.name), Category: tea.String(a.category),
			Version: tea.String(a.latest()), InstallByDefault: tea.Bool(a.byDefault), Managed: tea.Bool(false), ConfigSchema: tea.String(a.schema),
			SupportedActions: tea.StringSlice(a.actions), Architecture: tea.StringSlice([]string{"amd64", "arm64"})})
	}
	return body, nil
}

// describeAddon answers ?version= with that version's metadata; an unknown version is AddonNotFound
// (the provider then retries without a version).
func describeAddon(_ *Server, c *roaCall) (any, *apiError) {
	name, _ := url.PathUnescape(c.vars["name"])
	a := findAddon(name)
	if a == nil {
		return nil, notFound("AddonNotFound", "addon %s not found", name)
	}
	v := c.query.Get("version")
	if v == "" {
		v = a.latest()
	}
	idx := -1
	for i, x := range a.versions {
		if x == v {
			idx = i
		}
	}
	if idx < 0 {
		return nil, notFound("AddonNotFound", "addon %s has no version %s", name, v)
	}
	body := &cs.DescribeAddonResponseBody{Name: tea.String(a.name), Category: tea.String(a.category), Version: tea.String(v),
		InstallByDefault: tea.Bool(a.byDefault), Managed: tea.Bool(false), ConfigSchema: tea.String(a.schema),
		SupportedActions: tea.StringSlice(a.actions), Architecture: tea.StringSlice([]string{"amd64", "arm64"}),
		NewerVersions: []*cs.DescribeAddonResponseBodyNewerVersions{}}
	for _, nv := range a.versions[idx+1:] {
		body.NewerVersions = append(body.NewerVersions, &cs.DescribeAddonResponseBodyNewerVersions{Version: tea.String(nv),
			Upgradable: tea.Bool(true), MinimumClusterVersion: tea.String("1.24.0")})
	}
	return body, nil
}

// kubernetesVersionMetadata is GET /api/v1/metadata/versions: a bare array.
func kubernetesVersionMetadata(_ *Server, _ *roaCall) (any, *apiError) {
	out := []*cs.DescribeKubernetesVersionMetadataResponseBody{}
	for _, v := range kubernetesVersions {
		out = append(out, &cs.DescribeKubernetesVersionMetadataResponseBody{Version: tea.String(v),
			Capabilities: map[string]any{}, MetaData: map[string]any{"KubernetesVersion": v},
			Runtimes: []*cs.Runtime{{Name: tea.String("containerd"), Version: tea.String("1.6.38")}}})
	}
	return out, nil
}
