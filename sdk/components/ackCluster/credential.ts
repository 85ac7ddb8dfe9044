import * as cs from "@pulumi/alicloud/cs";
import type * as pulumi from "@pulumi/pulumi";
import { invokeWhenKnown } from "../core/invokeWhenKnown";
import type { Scope } from "./wiring";

/** ACK's kubeconfig for the cluster, valid for `kubeconfigExpirationMinutes`. */
export function clusterCredential(
    scope: Scope,
    clusterId: pulumi.Input<string>,
    plan: pulumi.Output<{ kubeconfigExpirationMinutes?: number }>,
) {
    return invokeWhenKnown({ clusterId, temporaryDurationMinutes: plan.kubeconfigExpirationMinutes }, (a) =>
        cs.getClusterCredentialOutput(a, { parent: scope.parent }),
    );
}
