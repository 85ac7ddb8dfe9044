import { shapedArgs, without } from "../core/shape";
import { containsEventuals } from "../core/eventual";
import { VIRTUAL_NODE_ARGS, type VirtualNodeArgs, type VirtualNodeSettings } from "./virtualNodeArgs";
import { checkAddonVersion, PATCH_FORCE, type RenderedAddon, type RenderedConfigMapPatch, renderAddonConfig } from "../core/addon";
import { Checker, resourceLabel } from "../core/errors";
import type { StringMap, Taint } from "../core/k8sTypes";
import { checkGivenClusterId, isSecurityGroupId, isVswitchId } from "../core/names";
import { DEFAULT_VIRTUAL_NODE_LABEL, DEFAULT_VIRTUAL_NODE_TAINT, type NodeLabel } from "../core/placement";

/** The ACK add-on that runs the ECI virtual kubelet. */
export const VIRTUAL_NODE_ADDON = "ack-virtual-node";

/** The ConfigMap ack-virtual-node reads its cluster-level ECI settings from (hot-updated, no restart). */
export const ECI_PROFILE = { name: "eci-profile", namespace: "kube-system" } as const;

export interface RenderedVirtualNode {
    addon: RenderedAddon;
    /** The `kube-system/eci-profile` patch, when ECI network settings are given. */
    eciProfile?: RenderedConfigMapPatch;
    /** Label the virtual node carries; placements select it. */
    nodeLabel: NodeLabel;
    /** Taint the virtual node carries; placements tolerate it. */
    nodeTaint: Taint;
}

/**
 * Every check of a VirtualNode's arguments as the component receives them, before anything is registered, every
 * problem thrown together: their shape, the cluster id given as a plain value, what installing or adopting the add-on
 * needs, and, when no Output is among the settings, everything the render checks.
 */
export function checkVirtualNodeArgs(resourceName: string, args: VirtualNodeArgs): void {
    const label = resourceLabel("VirtualNode", resourceName);
    const c = new Checker(label);
    c.collect(() => {
        const s = shapedArgs(c, VIRTUAL_NODE_ARGS, args ?? {}, "args");
        c.part(() => checkGivenClusterId(label, "clusterId", s.clusterId));
        c.part(() => {
            if ((s.install ?? true) && s.clusterId === undefined) {
                c.fail("clusterId", s.clusterId, "expected the ACK cluster id to install ack-virtual-node in");
            }
        });
        // An adopted add-on is only configured through eci-profile: without settings there would be nothing to do.
        c.part(() => {
            if (s.install === false && s.vSwitchIds === undefined && s.securityGroupId === undefined) {
                c.fail(
                    "install",
                    false,
                    "with install: false only kube-system/eci-profile is written: give vSwitchIds or securityGroupId, or drop the component",
                );
            }
        });
        const { clusterId: _clusterId, install: _install, ...settings } = args ?? {};
        // The render reads the arguments as given: it checks their shape again, and keeps to its own parts.
        if (!containsEventuals(settings)) c.part(() => renderVirtualNode(resourceName, settings as VirtualNodeSettings));
    });
}

/**
 * Validates `VirtualNode` settings, each on its own, and renders the add-on and the `eci-profile` patch. Ids named in
 * `generated` (`vSwitchIds`, `vSwitchIds[i]`, `securityGroupId`) come from other resources and pass through.
 */
export function renderVirtualNode(
    resourceName: string,
    args: VirtualNodeSettings,
    generated: ReadonlySet<string> = new Set(),
): RenderedVirtualNode {
    const c = new Checker(resourceLabel("VirtualNode", resourceName));
    return c.collect(() => {
        const s = shapedArgs(c, without(VIRTUAL_NODE_ARGS, "clusterId"), args, "resolved");
        c.part(() => checkAddonVersion(c, "version", s.version));
        const config = c.part(() => ({ config: renderAddonConfig(c, "config", s.config) }));
        const vSwitchIds = c.part(() => renderVswitchIds(c, s.vSwitchIds, generated));
        const securityGroupId = c.part((): StringMap => {
            if (s.securityGroupId !== undefined)
                c.check(
                    generated.has("securityGroupId") || isSecurityGroupId(s.securityGroupId),
                    "securityGroupId",
                    s.securityGroupId,
                    'expected a security group id: "sg-" followed by letters and digits',
                );
            return s.securityGroupId === undefined ? {} : { securityGroupId: s.securityGroupId };
        });
        if (c.problemCount > 0 || !config || !vSwitchIds || !securityGroupId) return undefined;
        const data: StringMap = { ...vSwitchIds, ...securityGroupId };
        return {
            addon: {
                name: VIRTUAL_NODE_ADDON,
                ...(s.version !== undefined ? { version: s.version } : {}),
                ...(config.config !== undefined ? { config: config.config } : {}),
                // Without it, uninstalling the add-on leaves the ECI instances it created running (and billed).
                cleanupCloudResources: s.cleanupCloudResources ?? true,
            },
            ...(Object.keys(data).length > 0
                ? {
                      eciProfile: {
                          metadata: { ...ECI_PROFILE, annotations: { [PATCH_FORCE]: "true" } },
                          data,
                      },
                  }
                : {}),
            nodeLabel: { ...DEFAULT_VIRTUAL_NODE_LABEL },
            nodeTaint: { ...DEFAULT_VIRTUAL_NODE_TAINT },
        };
    });
}

/** The ECI vSwitches, each on its own: a vSwitch id, used once. */
function renderVswitchIds(c: Checker, ids: string[] | undefined, generated: ReadonlySet<string>): StringMap {
    if (ids === undefined) return {};
    c.check(
        Array.isArray(ids) && ids.length > 0,
        "vSwitchIds",
        ids,
        'expected a non-empty list of vSwitch ids such as ["vsw-bp1a2b3c4d5e6f7g8h9i0"]',
    );
    ids.forEach((id, i) => {
        if (generated.has("vSwitchIds") || generated.has(`vSwitchIds[${i}]`)) return;
        c.part(() => {
            c.check(isVswitchId(id), `vSwitchIds[${i}]`, id, 'expected a vSwitch id: "vsw-" followed by letters and digits');
            c.check(ids.indexOf(id) === i, `vSwitchIds[${i}]`, id, "expected each vSwitch only once");
        });
    });
    return { vSwitchIds: ids.join(",") };
}
