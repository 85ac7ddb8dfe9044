import * as cs from "@pulumi/alicloud/cs";
import * as ecs from "@pulumi/alicloud/ecs";
import * as vpc from "@pulumi/alicloud/vpc";
import { getZonesOutput } from "@pulumi/alicloud/getZones";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import {
    type AckClusterMode,
    AckClusterMode as Mode,
    type AckClusterPlan,
    type AckClusterPlanInput,
    type AckClusterLayout,
    adoptedClusterInfo,
    planAckCluster,
    planInputOf,
    resolveAckClusterLayout,
} from "../render/cluster/ackCluster";
import { cloudName, pickZones } from "../render/cluster/ackNetwork";
import { resourceLabel } from "../render/core/errors";
import { defaultKubeconfigEndpoint, kubeconfigForEndpoint, kubeconfigServer } from "../render/cluster/kubeconfig";
import type { NodeLabel } from "../render/core/placement";
import { ACK_CLUSTER_ARGS, type AckClusterArgs } from "../render/cluster/ackClusterArgs";
import { checkGivenId, RESOURCE_GROUP_ID } from "../render/core/names";
import { checkArguments } from "../render/core/shape";
import { dependsOnList, inheritedOptions, rejectIgnoreChanges } from "./core/childOptions";
import { generatedIds } from "./core/generatedIds";
import { invokeWhenKnown } from "./core/invokeWhenKnown";
import { checkLate } from "./core/lateErrors";
import { renderWhenKnown } from "./core/renderWhenKnown";

export type { AckAddonArgs, AckClusterArgs, AckNodePoolArgs } from "../render/cluster/ackClusterArgs";

/** What the network step hands to the cluster: ids of the node and pod vSwitches and the security group. */
interface NetworkWiring {
    /** The created VPC; undefined for given vSwitches (the cluster reports it). */
    vpcId?: pulumi.Output<string>;
    vswitchIds: pulumi.Output<string[]>;
    podVswitchIds: pulumi.Output<string[]>;
    /** The created or given security group; undefined when ACK is to create one. */
    securityGroupId: pulumi.Output<string | undefined>;
    /** Resources the cluster must wait for (the SNAT entries: nodes need egress while ACK installs them). */
    ready: pulumi.Resource[];
}

/** What each way of obtaining the cluster hands to the component: its kubeconfig, identity and network. */
interface ClusterWiring {
    kubeconfig: pulumi.Output<string>;
    /** What identifies the cluster to the Kubernetes provider: the cluster id, or the API server URL. */
    clusterIdentifier: pulumi.Output<string>;
    cluster: cs.ManagedKubernetes | undefined;
    nodePool: cs.NodePool | undefined;
    clusterId: pulumi.Output<string | undefined>;
    vpcId: pulumi.Output<string | undefined>;
    vswitchIds: pulumi.Output<string[] | undefined>;
    podVswitchIds: pulumi.Output<string[] | undefined>;
    securityGroupId: pulumi.Output<string | undefined>;
}

/** Adopted by kubeconfig alone: no Alibaba Cloud calls; the API server URL identifies the cluster. */
function adoptByKubeconfig(given: pulumi.Output<{ kubeconfig: string; server: string }>): ClusterWiring {
    const none = pulumi.output(undefined);
    return {
        kubeconfig: given.kubeconfig,
        clusterIdentifier: given.server,
        cluster: undefined,
        nodePool: undefined,
        clusterId: none,
        vpcId: none,
        vswitchIds: none,
        podVswitchIds: none,
        securityGroupId: none,
    };
}

/** Who declares the resources: the component, its name (for messages) and its options (childOptions.ts). */
interface Scope {
    name: string;
    parent: pulumi.ComponentResource;
    opts: pulumi.ComponentResourceOptions | undefined;
}

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
                    { ...inheritedOptions(opts), parent: this, provider: this.provider, dependsOn: external },
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

/** A new managed cluster on a created or given network, with its node pool. */
function createManaged(
    scope: Scope,
    layout: AckClusterLayout,
    plan: pulumi.Output<AckClusterPlan>,
    external: pulumi.Input<pulumi.Resource>[],
): ClusterWiring {
    const label = resourceLabel("AckCluster", scope.name);
    const n = layout.names;
    const network = layout.createNetwork ? createNetwork(scope, layout, plan, external) : givenNetwork(plan);
    const spec = plan.apply((p) => p.cluster!);
    const cluster = new cs.ManagedKubernetes(
        n.cluster,
        {
            name: spec.name,
            clusterSpec: spec.clusterSpec,
            version: spec.version,
            vswitchIds: network.vswitchIds,
            podVswitchIds: network.podVswitchIds,
            serviceCidr: spec.serviceCidr,
            securityGroupId: network.securityGroupId,
            newNatGateway: layout.createNetwork ? false : spec.newNatGateway,
            slbInternetEnabled: spec.slbInternetEnabled,
            deletionProtection: spec.deletionProtection,
            deleteOptions: spec.deleteOptions,
            addons: spec.addons,
            proxyMode: "ipvs",
            // Keep the cluster CA and client certificate out of the state; the kubeconfig comes from getClusterCredential.
            skipSetCertificateAuthority: true,
            resourceGroupId: spec.resourceGroupId,
            tags: spec.tags,
        },
        { ...inheritedOptions(scope.opts), parent: scope.parent, dependsOn: [...network.ready, ...external] },
    );
    // Without a given or created security group, ACK creates one; the nodes join that.
    const securityGroupId = pulumi
        .all([network.securityGroupId, cluster.securityGroupId])
        .apply(([own, acks]): string | undefined => own ?? acks);
    const nodePool = layout.createNodePool
        ? createNodePool(scope, n.nodePool, plan, cluster, network.vswitchIds, securityGroupId)
        : undefined;
    const credential = clusterCredential(scope, cluster.id, plan);
    return {
        kubeconfig: pulumi
            .all([credential.kubeConfig, plan.kubeconfigEndpoint, cluster.connections])
            .apply(([config, endpoint, connections]) => kubeconfigForEndpoint(label, config, endpoint!, connections)),
        clusterIdentifier: cluster.id,
        cluster,
        nodePool,
        clusterId: cluster.id,
        vpcId: network.vpcId ?? cluster.vpcId,
        vswitchIds: network.vswitchIds,
        podVswitchIds: network.podVswitchIds,
        securityGroupId,
    };
}

/** An existing cluster by id: its network from `cs.getManagedKubernetesClusters`, its kubeconfig from ACK unless given. */
function adoptById(scope: Scope, plan: pulumi.Output<AckClusterPlan>, givenKubeconfig: pulumi.Output<string> | undefined): ClusterWiring {
    const label = resourceLabel("AckCluster", scope.name);
    const clusterId = plan.apply((p) => p.existingClusterId!);
    const found = invokeWhenKnown({ ids: [clusterId], enableDetails: true }, (a) =>
        cs.getManagedKubernetesClustersOutput(a, { parent: scope.parent }),
    );
    const info = checkLate(pulumi.all([clusterId, found.clusters]), ([id, clusters]) => adoptedClusterInfo(scope.name, id, clusters));
    const kubeconfig =
        givenKubeconfig ??
        checkLate(
            pulumi.all([clusterCredential(scope, clusterId, plan).kubeConfig, plan.kubeconfigEndpoint, info]),
            ([config, chosen, i]) => kubeconfigForEndpoint(label, config, chosen ?? defaultKubeconfigEndpoint(i.endpoints), i.endpoints),
        );
    return {
        kubeconfig,
        clusterIdentifier: clusterId,
        cluster: undefined,
        nodePool: undefined,
        clusterId,
        vpcId: info.apply((i) => i.vpcId),
        vswitchIds: info.apply((i) => i.vswitchIds),
        podVswitchIds: pulumi.output(undefined),
        securityGroupId: info.apply((i) => i.securityGroupId),
    };
}

/** ACK's kubeconfig for the cluster, valid for `kubeconfigExpirationMinutes`. */
function clusterCredential(scope: Scope, clusterId: pulumi.Input<string>, plan: pulumi.Output<AckClusterPlan>) {
    return invokeWhenKnown({ clusterId, temporaryDurationMinutes: plan.kubeconfigExpirationMinutes }, (a) =>
        cs.getClusterCredentialOutput(a, { parent: scope.parent }),
    );
}

/** VPC, node and pod vSwitches per zone, security group, enhanced NAT gateway with EIP and SNAT. */
function createNetwork(
    scope: Scope,
    layout: AckClusterLayout,
    plan: pulumi.Output<AckClusterPlan>,
    external: pulumi.Input<pulumi.Resource>[],
): NetworkWiring {
    const n = layout.names;
    const net = plan.apply((p) => p.network!);
    const common = { resourceGroupId: plan.apply((p) => p.cluster!.resourceGroupId), tags: plan.apply((p) => p.cluster!.tags) };
    const network = new vpc.Network(
        n.vpc,
        { vpcName: cloudName(n.vpc), cidrBlock: net.vpcCidr, ...common },
        { ...inheritedOptions(scope.opts), parent: scope.parent, dependsOn: external },
    );

    const { vswitches, podVswitches } = createVswitches(scope, layout, plan, network, common.tags);

    // A basic security group lets its members (nodes, Terway pods, ECI pods, control plane ENIs) talk to
    // each other and opens nothing to the internet.
    const securityGroup = new ecs.SecurityGroup(
        n.securityGroup,
        {
            securityGroupName: cloudName(n.securityGroup),
            vpcId: network.id,
            securityGroupType: "normal",
            innerAccessPolicy: "Accept",
            description: "ACK nodes, Terway pods and ECI pods",
            ...common,
        },
        { ...inheritedOptions(scope.opts), parent: scope.parent },
    );

    const snatEntries = createEgress(scope, n, net, common, network, vswitches, podVswitches, external);
    return {
        vpcId: network.id,
        vswitchIds: pulumi.all(vswitches.map((v) => v.id)),
        podVswitchIds: pulumi.all(podVswitches.map((v) => v.id)),
        securityGroupId: securityGroup.id,
        ready: snatEntries,
    };
}

/** A node and a pod vSwitch per zone. */
function createVswitches(
    scope: Scope,
    layout: AckClusterLayout,
    plan: pulumi.Output<AckClusterPlan>,
    network: vpc.Network,
    tags: pulumi.Output<{ [key: string]: string } | undefined>,
): { vswitches: vpc.Switch[]; podVswitches: vpc.Switch[] } {
    const n = layout.names;
    const net = plan.apply((p) => p.network!);
    // Zones from the data sources may change as zones sell out; never let that replace the network.
    const zoneIds = layout.pickZones ? pickNetworkZones(scope, layout, plan) : net.apply((x) => x.zoneIds!);
    const switchOpts: pulumi.CustomResourceOptions = layout.pickZones
        ? { ...inheritedOptions(scope.opts), parent: scope.parent, ignoreChanges: ["zoneId"] }
        : { ...inheritedOptions(scope.opts), parent: scope.parent };
    const vswitch = (childName: string, cidr: pulumi.Output<string>, zone: number) =>
        new vpc.Switch(
            childName,
            {
                vswitchName: cloudName(childName),
                vpcId: network.id,
                cidrBlock: cidr,
                zoneId: zoneIds.apply((z) => z[zone]),
                tags,
            },
            switchOpts,
        );
    return {
        vswitches: n.vswitches.map((v, i) =>
            vswitch(
                v,
                net.apply((x) => x.vswitchCidrs[i]),
                i,
            ),
        ),
        podVswitches: n.podVswitches.map((v, i) =>
            vswitch(
                v,
                net.apply((x) => x.podVswitchCidrs[i]),
                i,
            ),
        ),
    };
}

/** Egress for nodes and pods: an enhanced NAT gateway with an EIP and one SNAT entry per vSwitch. */
function createEgress(
    scope: Scope,
    n: AckClusterLayout["names"],
    net: pulumi.Output<NonNullable<AckClusterPlan["network"]>>,
    common: { resourceGroupId: pulumi.Output<string | undefined>; tags: pulumi.Output<{ [key: string]: string } | undefined> },
    network: vpc.Network,
    vswitches: vpc.Switch[],
    podVswitches: vpc.Switch[],
    external: pulumi.Input<pulumi.Resource>[],
): vpc.SnatEntry[] {
    const nat = new vpc.NatGateway(
        n.natGateway,
        {
            natGatewayName: cloudName(n.natGateway),
            vpcId: network.id,
            vswitchId: vswitches[0].id,
            natType: "Enhanced",
            networkType: "internet",
            paymentType: "PayAsYouGo",
            internetChargeType: "PayByLcu",
            tags: common.tags,
        },
        { ...inheritedOptions(scope.opts), parent: scope.parent },
    );
    const eip = new ecs.EipAddress(
        n.eip,
        {
            addressName: cloudName(n.eip),
            bandwidth: net.eipBandwidth,
            internetChargeType: "PayByTraffic",
            paymentType: "PayAsYouGo",
            ...common,
        },
        { ...inheritedOptions(scope.opts), parent: scope.parent, dependsOn: external },
    );
    const association = new ecs.EipAssociation(
        n.eipAssociation,
        { allocationId: eip.id, instanceId: nat.id, instanceType: "Nat" },
        { ...inheritedOptions(scope.opts), parent: scope.parent },
    );
    const snat = (childName: string, source: vpc.Switch) =>
        new vpc.SnatEntry(
            childName,
            { snatTableId: nat.snatTableIds, sourceVswitchId: source.id, snatIp: eip.ipAddress },
            { ...inheritedOptions(scope.opts), parent: scope.parent, dependsOn: [association] },
        );
    return [...n.snatEntries.map((s, i) => snat(s, vswitches[i])), ...n.podSnatEntries.map((s, i) => snat(s, podVswitches[i]))];
}

/**
 * Zones for a created network without `zoneIds`: where vSwitches can be created, the node pool's first
 * instance type is offered and the network's Enhanced NAT gateway can be created.
 */
function pickNetworkZones(scope: Scope, layout: AckClusterLayout, plan: pulumi.Output<AckClusterPlan>): pulumi.Output<string[]> {
    const instanceType = plan.apply((p) => p.nodePool?.instanceTypes[0]);
    const vswitchZones = invokeWhenKnown({ availableResourceCreation: "VSwitch", availableInstanceType: instanceType }, (a) =>
        getZonesOutput(a, { parent: scope.parent }),
    );
    // Its `ids` are the zones' local names ("Hangzhou Zone H"), not zone ids: compare `zones[].zoneId`.
    const natZones = vpc.getEnhancedNatAvailableZonesOutput({}, { parent: scope.parent }).zones.apply((zs) => zs.map((z) => z.zoneId));
    return checkLate(pulumi.all([vswitchZones.ids, instanceType, natZones]), ([ids, type, nat]) =>
        pickZones(resourceLabel("AckCluster", scope.name), { vswitchZones: ids, instanceType: type, natZones: nat }, layout.zoneCount),
    );
}

/** The vSwitches (and security group) given for a created cluster. */
function givenNetwork(plan: pulumi.Output<AckClusterPlan>): NetworkWiring {
    const given = plan.apply((p) => p.givenNetwork!);
    return {
        vswitchIds: given.vswitchIds,
        podVswitchIds: given.podVswitchIds,
        securityGroupId: plan.apply((p) => p.givenNetwork!.securityGroupId),
        ready: [],
    };
}

function createNodePool(
    scope: Scope,
    childName: string,
    plan: pulumi.Output<AckClusterPlan>,
    cluster: cs.ManagedKubernetes,
    vswitchIds: pulumi.Output<string[]>,
    securityGroupId: pulumi.Output<string | undefined>,
): cs.NodePool {
    const pool = plan.apply((p) => p.nodePool!);
    return new cs.NodePool(
        childName,
        {
            clusterId: cluster.id,
            nodePoolName: pool.nodePoolName,
            vswitchIds,
            instanceTypes: pool.instanceTypes,
            instanceChargeType: "PostPaid",
            desiredSize: pool.desiredSize,
            scalingConfig: pool.scalingConfig,
            labels: pool.labels,
            systemDiskCategory: pool.systemDiskCategory,
            systemDiskSize: pool.systemDiskSize,
            keyName: pool.keyName,
            multiAzPolicy: pool.multiAzPolicy,
            securityGroupIds: securityGroupId.apply((id) => (id ? [id] : undefined)),
            resourceGroupId: plan.apply((p) => p.cluster!.resourceGroupId),
            tags: plan.apply((p) => p.cluster!.tags),
        },
        { ...inheritedOptions(scope.opts), parent: scope.parent },
    );
}
