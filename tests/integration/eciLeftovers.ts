// After `pulumi destroy`: are any ECI instances (container groups) of the stack left? Asked with no extra cloud SDK:
// an inline Automation API program invokes `alicloud.eci.getContainerGroups` (the provider the stack already used, with
// the same ALICLOUD_* credentials) in a throw-away stack that creates no resources, and returns what it found.
import * as eci from "@pulumi/alicloud/eci";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import type { ContainerGroupLike } from "./checks";

export interface LeftoverQuery {
    /** The test stack's name; the check stack is `<stackName>-eci-check`. */
    stackName: string;
    region: string;
    /** vSwitches the stack created: every ECI instance of its cluster ran in one of them. */
    vswitchIds: string[];
    /** ECI instance ids seen on the Services' pods while the stack was up. */
    instanceIds: string[];
    log: (line: string) => void;
}

const CHECK_PROJECT = "ack-knative-eci-integration-eci-check";

/** Container groups still present in the stack's vSwitches or with the seen ids. */
export async function findLeftoverContainerGroups(q: LeftoverQuery): Promise<ContainerGroupLike[]> {
    if (q.vswitchIds.length === 0 && q.instanceIds.length === 0) {
        q.log("ECI check: no vSwitch or ECI instance id recorded for this stack; nothing to look up");
        return [];
    }
    const program = async () => {
        const found: ContainerGroupLike[] = [];
        const keep = (groups: { id: string; containerGroupName: string; status: string; vswitchId: string }[]) =>
            found.push(
                ...groups.map((g) => ({ id: g.id, containerGroupName: g.containerGroupName, status: g.status, vswitchId: g.vswitchId })),
            );
        for (const vswitchId of q.vswitchIds) keep((await eci.getContainerGroups({ vswitchId })).groups);
        if (q.instanceIds.length > 0) keep((await eci.getContainerGroups({ ids: q.instanceIds })).groups);
        return { groups: found };
    };
    const stackName = `${q.stackName}-eci-check`;
    const stack = await LocalWorkspace.createOrSelectStack({ stackName, projectName: CHECK_PROJECT, program });
    try {
        await stack.setConfig("alicloud:region", { value: q.region });
        const result = await stack.up({ onOutput: (out) => process.stdout.write(out) });
        return (result.outputs.groups?.value ?? []) as ContainerGroupLike[];
    } finally {
        // The check stack holds no resources; remove it (and its config) either way.
        await stack.workspace
            .removeStack(stackName, { force: true })
            .catch((e: unknown) => q.log(`could not remove ${stackName}: ${String(e)}`));
    }
}
