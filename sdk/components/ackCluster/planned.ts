import type * as pulumi from "@pulumi/pulumi";
import {
    AckClusterKind as Kind,
    type AckClusterPlanInput,
    type AdoptedByIdLayout,
    type AdoptedByIdPlan,
    type AdoptedByKubeconfigLayout,
    type AdoptedByKubeconfigPlan,
    type CreatedNetworkLayout,
    type CreatedNetworkPlan,
    type GivenNetworkLayout,
    type GivenNetworkPlan,
    planAckCluster,
    planInputOf,
    planOfKind,
    resolveAckClusterLayout,
} from "../../render/cluster/ackCluster";
import type { AckClusterArgs } from "../../render/cluster/ackClusterArgs";
import { type GivenKubeconfig, givenKubeconfig } from "../../render/cluster/kubeconfig";
import { resourceLabel } from "../../render/core/errors";
import { generatedIds } from "../core/generatedIds";
import { checkLate } from "../core/lateErrors";
import { renderWhenKnown } from "../core/renderWhenKnown";

/** What the component declares, by kind: the plain layout, the plan of that kind, and a kubeconfig given to adopt by. */
export type PlannedCluster =
    | { kind: typeof Kind.CreatedNetwork; layout: CreatedNetworkLayout; plan: pulumi.Output<CreatedNetworkPlan> }
    | { kind: typeof Kind.GivenNetwork; layout: GivenNetworkLayout; plan: pulumi.Output<GivenNetworkPlan> }
    | {
          kind: typeof Kind.AdoptedById;
          layout: AdoptedByIdLayout;
          plan: pulumi.Output<AdoptedByIdPlan>;
          /** Used as is instead of ACK's credential. */
          kubeconfig?: pulumi.Output<GivenKubeconfig>;
      }
    | {
          kind: typeof Kind.AdoptedByKubeconfig;
          layout: AdoptedByKubeconfigLayout;
          plan: pulumi.Output<AdoptedByKubeconfigPlan>;
          kubeconfig: pulumi.Output<GivenKubeconfig>;
      };

/**
 * Validates the arguments and plans the cluster, before the component registers anything: plain arguments
 * throw now, Outputs when they resolve. The kubeconfig is secret: the plan only learns whether one was given,
 * and the kubeconfig is checked on its own so the plan's values stay non-secret.
 */
export function planCluster(name: string, args: AckClusterArgs): PlannedCluster {
    const label = resourceLabel("AckCluster", name);
    const planInput = planInputOf(args);
    const layout = resolveAckClusterLayout(name, planInput);
    // Ids other resources generate (e.g. vSwitches of another stack) pass through unvalidated.
    const generated = generatedIds(planInput, ["existingClusterId", "vswitchIds", "podVswitchIds", "securityGroupId"]);
    const plan = renderWhenKnown(planInput, (plain) => planAckCluster(name, plain as AckClusterPlanInput, generated));
    const given = (existing: pulumi.Input<string> | undefined) =>
        renderWhenKnown({ kubeconfig: existing }, ({ kubeconfig }) => givenKubeconfig(label, "existingKubeconfig", kubeconfig));
    switch (layout.kind) {
        case Kind.CreatedNetwork:
            return { kind: layout.kind, layout, plan: checkLate(plan, (p) => planOfKind(name, p, Kind.CreatedNetwork)) };
        case Kind.GivenNetwork:
            return { kind: layout.kind, layout, plan: checkLate(plan, (p) => planOfKind(name, p, Kind.GivenNetwork)) };
        case Kind.AdoptedById:
            return {
                kind: layout.kind,
                layout,
                plan: checkLate(plan, (p) => planOfKind(name, p, Kind.AdoptedById)),
                ...(args.existingKubeconfig !== undefined ? { kubeconfig: given(args.existingKubeconfig) } : {}),
            };
        case Kind.AdoptedByKubeconfig:
            return {
                kind: layout.kind,
                layout,
                plan: checkLate(plan, (p) => planOfKind(name, p, Kind.AdoptedByKubeconfig)),
                kubeconfig: given(args.existingKubeconfig),
            };
    }
}
