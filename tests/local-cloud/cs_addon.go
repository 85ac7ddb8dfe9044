package main

import (
	"encoding/json"
	"slices"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// addonRes is an add-on installed in a cluster; state installing → active (or failed) with its task.
type addonRes struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Config  string `json:"config"`
	State   string `json:"state"`
	// upgrade is the status DescribeClusterAddonsUpgradeStatus reports for the last change.
	upgrade string
	message string
}

func (cl *clusterRes) addon(name string) *addonRes {
	for _, a := range cl.Addons {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// installedAddon is the cluster and add-on the path names ({cid}, {name}), or the not-found answers the provider matches.
func installedAddon(s *Server, c *roaCall) (*clusterRes, *addonRes, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, nil, e
	}
	a := cl.addon(c.vars["name"])
	if a == nil {
		return nil, nil, notFound("AddonNotFound", "addon %s is not installed in cluster %s", c.vars["name"], cl.ID)
	}
	return cl, a, nil
}

func getAddonInstance(s *Server, c *roaCall) (any, *apiError) {
	_, a, e := installedAddon(s, c)
	if e != nil {
		return nil, e
	}
	return &cs.GetClusterAddonInstanceResponseBody{Name: tea.String(a.Name), Version: tea.String(a.Version), State: tea.String(a.State),
		Config: tea.String(orDefault(a.Config, "{}")), Logging: &cs.GetClusterAddonInstanceResponseBodyLogging{Capable: tea.Bool(false), Enabled: tea.Bool(false)}}, nil
}

func validAddonConfig(name, cfg string) *apiError {
	if cfg != "" && !json.Valid([]byte(cfg)) {
		return errf(400, "InvalidParameter", "config of addon %s is not valid JSON", name)
	}
	return nil
}

func installAddons(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	items := *c.body.(*[]*cs.InstallClusterAddonsRequestBody)
	var added []*addonRes
	for _, it := range items {
		name := tea.StringValue(it.Name)
		if findAddon(name) == nil {
			return nil, notFound("AddonNotFound", "addon %s is not in the catalog", name)
		}
		if cl.addon(name) != nil {
			return nil, errf(400, "AddonAlreadyInstalled", "addon %s is already installed in cluster %s", name, cl.ID)
		}
		if e := validAddonConfig(name, tea.StringValue(it.Config)); e != nil {
			return nil, e
		}
		added = append(added, &addonRes{Name: name, Version: s.addonVersion(name, tea.StringValue(it.Version)), Config: tea.StringValue(it.Config), State: "installing"})
	}
	cl.Addons = append(cl.Addons, added...)
	for _, a := range added {
		s.event("addon %s %s installing in cluster %s config=%s", a.Name, a.Version, cl.ID, a.Config)
	}
	t := s.newTask("InstallClusterAddons", "addon_install", cl.ID, "addons "+addonNames(added), true, func(s *Server, ok bool, msg string) {
		for _, a := range added {
			a.State = map[bool]string{true: "active", false: "failed"}[ok]
			a.upgrade, a.message = map[bool]string{true: "Success", false: "Failed"}[ok], msg
		}
	})
	return &cs.InstallClusterAddonsResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

func addonNames(as []*addonRes) string {
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	b, _ := json.Marshal(names)
	return string(b)
}

func upgradeAddons(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	items := *c.body.(*[]*cs.UpgradeClusterAddonsRequestBody)
	var changed []*addonRes
	for _, it := range items {
		a := cl.addon(tea.StringValue(it.ComponentName))
		if a == nil {
			return nil, notFound("AddonNotFound", "addon %s is not installed in cluster %s", tea.StringValue(it.ComponentName), cl.ID)
		}
		if e := validAddonConfig(a.Name, tea.StringValue(it.Config)); e != nil {
			return nil, e
		}
		changed = append(changed, a)
	}
	for i, it := range items {
		a := changed[i]
		a.Version, a.State, a.upgrade = tea.StringValue(it.NextVersion), "upgrading", "Running"
		if it.Config != nil {
			a.Config = *it.Config
		}
		s.event("addon %s upgrading to %s in cluster %s", a.Name, a.Version, cl.ID)
	}
	t := s.newTask("UpgradeClusterAddons", "addon_upgrade", cl.ID, "addons "+addonNames(changed), true, finishAddons(changed))
	return &cs.UpgradeClusterAddonsResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}

func finishAddons(as []*addonRes) func(*Server, bool, string) {
	return func(_ *Server, ok bool, msg string) {
		for _, a := range as {
			a.State = map[bool]string{true: "active", false: "failed"}[ok]
			a.upgrade, a.message = map[bool]string{true: "Success", false: "Failed"}[ok], msg
		}
	}
}

// modifyAddon changes one add-on's config; the provider then polls upgradestatus until Success.
func modifyAddon(s *Server, c *roaCall) (any, *apiError) {
	cl, a, e := installedAddon(s, c)
	if e != nil {
		return nil, e
	}
	cfg := tea.StringValue(c.body.(*cs.ModifyClusterAddonRequest).Config)
	if e := validAddonConfig(a.Name, cfg); e != nil {
		return nil, e
	}
	a.Config, a.State, a.upgrade = cfg, "updating", "Running"
	s.event("addon %s config changed in cluster %s: %s", a.Name, cl.ID, cfg)
	t := s.newTask("ModifyClusterAddon", "addon_config", cl.ID, "addons "+addonNames([]*addonRes{a}), true, finishAddons([]*addonRes{a}))
	return map[string]string{"task_id": t.ID, "cluster_id": cl.ID, "request_id": newRequestID()}, nil
}

// addonsUpgradeStatus is {name:{addon_info:{version}, can_upgrade, tasks:{status, message}}} for each
// asked name (componentIds is a JSON list in the query).
func addonsUpgradeStatus(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	out := map[string]any{}
	for _, name := range jsonStrings(c.query.Get("componentIds")) {
		a := cl.addon(name)
		if a == nil {
			continue
		}
		cat := findAddon(name)
		canUpgrade := cat != nil && cat.latest() != a.Version
		tasks := map[string]any{"status": orDefault(a.upgrade, "Success")}
		if a.upgrade == "Failed" {
			tasks["error"], tasks["message"] = a.message, a.message
		}
		out[name] = map[string]any{"addon_info": map[string]any{"version": a.Version, "name": a.Name},
			"can_upgrade": canUpgrade, "tasks": tasks}
	}
	return out, nil
}

func uninstallAddons(s *Server, c *roaCall) (any, *apiError) {
	cl, e := s.clusterOf(c.vars["cid"])
	if e != nil {
		return nil, e
	}
	var gone []*addonRes
	for _, it := range *c.body.(*[]*cs.UnInstallClusterAddonsRequestAddons) {
		a := cl.addon(tea.StringValue(it.Name))
		if a == nil {
			return nil, notFound("AddonNotFound", "addon %s is not installed in cluster %s", tea.StringValue(it.Name), cl.ID)
		}
		a.State = "deleting"
		gone = append(gone, a)
	}
	t := s.newTask("UnInstallClusterAddons", "addon_uninstall", cl.ID, "addons "+addonNames(gone), true, func(s *Server, ok bool, _ string) {
		for _, a := range gone {
			if ok {
				cl.Addons = slices.DeleteFunc(cl.Addons, func(o *addonRes) bool { return o == a })
			} else {
				a.State = "active"
			}
		}
	})
	return &cs.UnInstallClusterAddonsResponseBody{ClusterId: tea.String(cl.ID), TaskId: tea.String(t.ID), RequestId: tea.String(newRequestID())}, nil
}
