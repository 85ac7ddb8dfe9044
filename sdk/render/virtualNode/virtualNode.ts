import { checkShape, without } from "../core/shape";
import { VIRTUAL_NODE_ARGS, type VirtualNodeSettings } from "./virtualNodeArgs";
import { checkAddonVersion, PATCH_FORCE, type RenderedAddon, type RenderedConfigMapPatch, renderAddonConfig } from "../core/addon";
import { Checker, resourceLabel } from "../core/errors";
import type { StringMap, Taint } from "../core/k8sTypes";
import { isSecurityGroupId, isVswitchId } from "../core/names";
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
 * Validates `VirtualNode` settings and renders the add-on and the `eci-profile` patch. Ids named in
 * `generated` (`vSwitchIds`, `vSwitchIds[i]`, `securityGroupId`) come from other resources and pass through.
 */
export function renderVirtualNode(
    resourceName: string,
    s: VirtualNodeSettings,
    generated: ReadonlySet<string> = new Set(),
): RenderedVirtualNode {
    const c = new Checker(resourceLabel("VirtualNode", resourceName));
    checkShape(c, without(VIRTUAL_NODE_ARGS, "clusterId"), s, "resolved");
    checkAddonVersion(c, "version", s.version);
    const config = renderAddonConfig(c, "config", s.config);

    const data: StringMap = {};
    if (s.vSwitchIds !== undefined) {
        c.check(
            Array.isArray(s.vSwitchIds) && s.vSwitchIds.length > 0,
            "vSwitchIds",
            s.vSwitchIds,
            'expected a non-empty list of vSwitch ids such as ["vsw-bp1a2b3c4d5e6f7g8h9i0"]',
        );
        s.vSwitchIds.forEach((id, i) => {
            if (generated.has("vSwitchIds") || generated.has(`vSwitchIds[${i}]`)) return;
            c.check(isVswitchId(id), `vSwitchIds[${i}]`, id, 'expected a vSwitch id: "vsw-" followed by letters and digits');
            c.check(s.vSwitchIds!.indexOf(id) === i, `vSwitchIds[${i}]`, id, "expected each vSwitch only once");
        });
        data.vSwitchIds = s.vSwitchIds.join(",");
    }
    if (s.securityGroupId !== undefined) {
        c.check(
            generated.has("securityGroupId") || isSecurityGroupId(s.securityGroupId),
            "securityGroupId",
            s.securityGroupId,
            'expected a security group id: "sg-" followed by letters and digits',
        );
        data.securityGroupId = s.securityGroupId;
    }

    return {
        addon: {
            name: VIRTUAL_NODE_ADDON,
            ...(s.version !== undefined ? { version: s.version } : {}),
            ...(config !== undefined ? { config } : {}),
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
}
