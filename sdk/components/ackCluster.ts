import type * as cs from "@pulumi/alicloud/cs";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import {
    type AckClusterMode,
    AckClusterMode as Mode,
    type AckClusterPlanInput,
    planAckCluster,
    planInputOf,
    resolveAckClusterLayout,
} from "../render/cluster/ackCluster";
import { resourceLabel } from "../render/core/errors";
import { kubeconfigServer } from "../render/cluster/kubeconfig";
import type { NodeLabel } from "../render/core/placement";
import { ACK_CLUSTER_ARGS, type AckClusterArgs } from "../render/cluster/ackClusterArgs";
import { checkGivenId, RESOURCE_GROUP_ID } from "../render/core/names";
import { checkArguments } from "../render/core/shape";
import { adoptById, adoptByKubeconfig } from "./ackCluster/adoption";
import { createManaged } from "./ackCluster/clusterAndPool";
import type { Scope } from "./ackCluster/wiring";
import { childOptions, dependsOnList, rejectIgnoreChanges } from "./core/childOptions";
import { generatedIds } from "./core/generatedIds";
import { renderWhenKnown } from "./core/renderWhenKnown";

export type { AckAddonArgs, AckClusterArgs, AckNodePoolArgs } from "../render/cluster/ackClusterArgs";

/** Each cluster's Kubernetes provider, kept out of public fields (see the `provider` getter). */
const providers = new WeakMap<AckCluster, KubernetesProvider>();

/**
 * An ACK managed cluster with Terway networking and an ECS node pool labeled for the guide's
 * `ecs-and-eci` placement, or an existing cluster adopted by id or by kubeconfig. Gives the secret
 * kubeconfig and a Kubernetes provider whose `clusterIdentifier` keeps a refreshed kubeconfig from
 * replacing it (and everything deployed through it).
 */
export class AckCluster extends pulumi.ComponentResource {
    /** How the cluster was obtained: `"create"`, `"adopt-by-id"` or `"adopt-by-kubeconfig"`. */
    readonly mode: AckClusterMode;
    /** The ACK cluster id; undefined when adopted by kubeconfig alone. */
    readonly clusterId: pulumi.Output<string | undefined>;
    /** Kubeconfig of the cluster (secret). */
    readonly kubeconfig: pulumi.Output<string>;
    /** The cluster's VPC; undefined when adopted by kubeconfig alone. */
    readonly vpcId: pulumi.Output<string | undefined>;
    /** Node (and control plane) vSwitches; undefined when adopted by kubeconfig alone. */
    readonly vswitchIds: pulumi.Output<string[] | undefined>;
    /** Terway pod vSwitches (a good choice for ECI's `vSwitchIds` too); undefined for adopted clusters. */
    readonly podVswitchIds: pulumi.Output<string[] | undefined>;
    /** Security group of the nodes (for ECI's `securityGroupId` and image caches); undefined when adopted by kubeconfig alone. */
    readonly securityGroupId: pulumi.Output<string | undefined>;
    /** The label the ECS nodes carry, e.g. `{key: "resource-role", value: "ecs"}`. */
    readonly ecsNodeLabel: pulumi.Output<NodeLabel>;
    /** The created cluster; undefined when adopted. */
    readonly cluster: cs.ManagedKubernetes | undefined;
    /** The ECS node pool; undefined when adopted or `createNodePool` is false. */
    readonly nodePool: cs.NodePool | undefined;
    /** Label patches of an adopted cluster's running ECS nodes (`ecsNodeNames`). */
    readonly ecsNodePatches: corev1.NodePatch[];

    constructor(name: string, args: AckClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything. The kubeconfig is secret: the plan only learns whether one
        // was given, and the kubeconfig is checked on its own so the plan's values stay non-secret.
        const label = resourceLabel("AckCluster", name);
        checkArguments(label, ACK_CLUSTER_ARGS, args);
        rejectIgnoreChanges(
            label,
            opts,
            "it declares the cluster, its network and node labels; set ignoreChanges on your own resources instead",
        );
        checkGivenId(label, "resourceGroupId", args.resourceGroupId, RESOURCE_GROUP_ID, 'a resource group id such as "rg-acfmzw2jz2z6kiq"');
        const { existingKubeconfig } = args;
        const planInput = planInputOf(args);
        const layout = resolveAckClusterLayout(name, planInput);
        // Ids other resources generate (e.g. vSwitches of another stack) pass through unvalidated.
        const generated = generatedIds(planInput, ["existingClusterId", "vswitchIds", "podVswitchIds", "securityGroupId"]);
        const plan = renderWhenKnown(planInput, (plain) => planAckCluster(name, plain as AckClusterPlanInput, generated));
        const givenKubeconfig =
            existingKubeconfig === undefined
                ? undefined
                : renderWhenKnown({ kubeconfig: existingKubeconfig }, ({ kubeconfig }) => ({
                      kubeconfig,
                      server: kubeconfigServer(label, "existingKubeconfig", kubeconfig),
                  }));
        super("ack-knative-eci:index:AckCluster", name, {}, opts);
        const scope: Scope = { name, parent: this, opts };

        this.mode = layout.mode;
        const external = dependsOnList(opts);
        const n = layout.names;
        const wiring =
            layout.mode === Mode.Create
                ? createManaged(scope, layout, plan, external)
                : layout.mode === Mode.AdoptById
                  ? adoptById(scope, plan, givenKubeconfig?.kubeconfig)
                  : adoptByKubeconfig(givenKubeconfig!);
        const { kubeconfig, clusterIdentifier } = wiring;
        this.cluster = wiring.cluster;
        this.nodePool = wiring.nodePool;
        this.clusterId = wiring.clusterId;
        this.vpcId = wiring.vpcId;
        this.vswitchIds = wiring.vswitchIds;
        this.podVswitchIds = wiring.podVswitchIds;
        this.securityGroupId = wiring.securityGroupId;

        this.kubeconfig = pulumi.secret(kubeconfig);
        // A provider holds no cloud object: none of the component's options concern it (childOptions), only its parent.
        const provider = new KubernetesProvider(n.provider, { kubeconfig: this.kubeconfig, clusterIdentifier }, { parent: this });
        providers.set(this, provider);
        this.ecsNodeLabel = plan.ecsNodeLabel;
        this.ecsNodePatches = n.ecsNodes.map(
            (patchName, i) =>
                new corev1.NodePatch(
                    patchName,
                    {
                        metadata: plan.apply((p) => ({
                            name: p.ecsNodeNames[i],
                            labels: { [p.ecsNodeLabel.key]: p.ecsNodeLabel.value },
                            // Take the label over if someone set it with kubectl before.
                            annotations: { "pulumi.com/patchForce": "true" },
                        })),
                    },
                    childOptions(this, opts, { provider: this.provider, dependsOn: external }),
                ),
        );

        this.registerOutputs({
            mode: this.mode,
            clusterId: this.clusterId,
            kubeconfig: this.kubeconfig,
            vpcId: this.vpcId,
            vswitchIds: this.vswitchIds,
            podVswitchIds: this.podVswitchIds,
            securityGroupId: this.securityGroupId,
            ecsNodeLabel: this.ecsNodeLabel,
        });
    }

    /**
     * Kubernetes provider for the cluster; pass it in `opts.provider` of Kubernetes resources. (A
     * getter: a provider has no cross-language schema form; other languages build one from `kubeconfig`.)
     */
    get provider(): KubernetesProvider {
        return providers.get(this) as KubernetesProvider;
    }

    /**
     * What to `dependsOn` for the labeled ECS nodes to exist: the node pool, or the node patches of an
     * adopted cluster. (A getter: resource lists have no cross-language schema type.)
     */
    get ecsNodesReady(): pulumi.Resource[] {
        return this.nodePool ? [this.nodePool] : [...this.ecsNodePatches];
    }
}
