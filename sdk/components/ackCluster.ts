import type * as cs from "@pulumi/alicloud/cs";
import type * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { AckClusterKind as Kind, type AckClusterMode, type AckClusterPlan, checkAckClusterArgs } from "../render/cluster/ackCluster";
import type { AckClusterArgs } from "../render/cluster/ackClusterArgs";
import { reportAll, resourceLabel } from "../render/core/errors";
import type { NodeLabel } from "../render/core/placement";
import { adoptById, adoptByKubeconfig, labelEcsNodes } from "./ackCluster/adoption";
import { createClusterAndPool } from "./ackCluster/clusterAndPool";
import { createNetwork, givenNetwork } from "./ackCluster/network";
import { type PlannedCluster, planCluster } from "./ackCluster/planned";
import type { ClusterWiring, Scope } from "./ackCluster/wiring";
import { dependsOnList, rejectIgnoreChanges } from "./core/childOptions";

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
        // Every problem in the arguments at once, before anything is registered; then the plan (planCluster).
        const label = resourceLabel("AckCluster", name);
        const why = "it declares the cluster, its network and node labels; set ignoreChanges on your own resources instead";
        reportAll([() => checkAckClusterArgs(name, args), () => rejectIgnoreChanges(label, opts, why)]);
        const planned = planCluster(name, args);
        super("ack-knative-eci:index:AckCluster", name, {}, opts);
        const scope: Scope = { name, parent: this, opts };

        this.mode = planned.layout.mode;
        const external = dependsOnList(opts);
        const wiring = obtainCluster(scope, planned, external);
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
        const provider = new KubernetesProvider(
            planned.layout.names.provider,
            { kubeconfig: this.kubeconfig, clusterIdentifier },
            { parent: this },
        );
        providers.set(this, provider);
        // Every kind of plan holds the label.
        const plan: pulumi.Output<AckClusterPlan> = planned.plan;
        this.ecsNodeLabel = plan.ecsNodeLabel;
        this.ecsNodePatches =
            planned.kind === Kind.AdoptedById || planned.kind === Kind.AdoptedByKubeconfig
                ? labelEcsNodes(scope, planned.layout.names.ecsNodes, planned.plan, provider, external)
                : [];

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

/** The cluster of each kind: created on a network it creates or is given, or adopted by id or by kubeconfig. */
function obtainCluster(scope: Scope, planned: PlannedCluster, external: pulumi.Input<pulumi.Resource>[]): ClusterWiring {
    switch (planned.kind) {
        case Kind.CreatedNetwork: {
            const network = createNetwork(scope, planned.layout, planned.plan, external);
            return createClusterAndPool(scope, planned.layout, planned.plan, network, external);
        }
        case Kind.GivenNetwork:
            return createClusterAndPool(scope, planned.layout, planned.plan, givenNetwork(planned.plan), external);
        case Kind.AdoptedById:
            return adoptById(scope, planned.plan, planned.kubeconfig?.kubeconfig);
        case Kind.AdoptedByKubeconfig:
            return adoptByKubeconfig(planned.kubeconfig);
    }
}
