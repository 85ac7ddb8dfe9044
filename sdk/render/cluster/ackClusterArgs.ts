import type * as pulumi from "@pulumi/pulumi";
import { KubeconfigEndpoint } from "./kubeconfig";
import { NODE_LABEL_ARGS, type NodeLabelArgs } from "../core/nodeLabelArgs";
import {
    assertSameShape,
    bool,
    input,
    inputString,
    inputStringMap,
    list,
    num,
    obj,
    oneOf,
    opt,
    plain,
    req,
    secret,
    type TypeOf,
} from "../core/shape";

/**
 * An ACK add-on installed when the cluster is created (ACK applies `addons` at creation only; manage
 * later changes with `alicloud.cs.KubernetesAddon`). An entry named like a default add-on replaces it.
 */
export interface AckAddonArgs {
    /** Add-on name, e.g. `"arms-prometheus"`. Required. */
    name: pulumi.Input<string>;
    /** Add-on configuration as a JSON string (schema: `alicloud.cs.getKubernetesAddonMetadata`). @default none */
    config?: pulumi.Input<string>;
    /** Add-on version. @default ACK's current */
    version?: pulumi.Input<string>;
    /** Skip installing this add-on (e.g. to drop a default one). @default false */
    disabled?: pulumi.Input<boolean>;
}

/** The ECS node pool the cluster gets when it is created (the guide's ECS nodes labeled `resource-role=ecs`). */
export interface AckNodePoolArgs {
    /** Node pool name in ACK. @default `"<resource name>-ecs"` */
    nodePoolName?: pulumi.Input<string>;
    /**
     * ECS instance types, tried in order (1–10). ACK needs at least 2 vCPU and 4 GiB per node; several
     * types keep the pool creatable when one is sold out in a zone.
     * @default ["ecs.c7.large", "ecs.c6.large", "ecs.g7.large", "ecs.g6.large"] (2 vCPU, 4–8 GiB, pay-as-you-go)
     */
    instanceTypes?: pulumi.Input<string>[];
    /**
     * Number of nodes while `autoscaling` is false. Must lie within `minSize`–`maxSize`; not allowed
     * with `autoscaling` (the autoscaler owns the count). Rendered as the string ACK expects.
     * @default 3, clamped into `minSize`–`maxSize` (ACK's Knative needs at least three worker nodes; spread over the zones, so Knative and the virtual node controller survive a zone outage)
     */
    desiredSize?: pulumi.Input<number>;
    /**
     * Let ACK's node autoscaler size the pool between `minSize` and `maxSize`. ACK labels autoscaled
     * nodes `k8s.aliyun.com=true` and keeps system pods such as CoreDNS off them, so a cluster whose
     * only pool autoscales needs another place for those pods; ECI already absorbs bursts.
     * @default false
     */
    autoscaling?: pulumi.Input<boolean>;
    /**
     * Lowest node count (0–1000); bounds `desiredSize` and the autoscaler. With `autoscaling` and ACK's Knative in
     * `KnativeEciPlatform`, at least 3 (Knative's minimum). @default 1
     */
    minSize?: pulumi.Input<number>;
    /**
     * Highest node count (0–1000), at least `minSize` — more than `minSize` with `autoscaling` (ACK requires
     * it); bounds `desiredSize` and the autoscaler. @default 3
     */
    maxSize?: pulumi.Input<number>;
    /**
     * System disk category: `"cloud_essd"`, `"cloud_auto"`, `"cloud_essd_entry"`, `"cloud_ssd"` or
     * `"cloud_efficiency"` (7th-generation instance types support ESSD only).
     * @default "cloud_essd"
     */
    systemDiskCategory?: pulumi.Input<string>;
    /** System disk size in GiB, 20–2048; holds images and container logs. @default 40 */
    systemDiskSize?: pulumi.Input<number>;
    /**
     * ECS key pair for SSH to the nodes (managed node pools accept only a key pair as login). No password option:
     * it would sit in the state. The provider accepts a pool with neither (`password`/`key_name` only conflict);
     * its node pool docs say one must be given, its managed-cluster docs that a worker login is "not necessary in
     * the professional managed cluster". Unconfirmed which ACK enforces; set this if ACK refuses the pool.
     * @default none (no SSH login; use Cloud Assistant)
     */
    keyName?: pulumi.Input<string>;
    /** Extra Kubernetes labels on the nodes, besides `ecsNodeLabel`. @default none */
    labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * Arguments of `AckCluster`: an ACK managed cluster (Terway networking) with its network and an ECS
 * node pool, or an existing cluster adopted by id or by kubeconfig.
 *
 * Three ways to use it, chosen by which arguments are set:
 * - nothing about an existing cluster: create the cluster; with `vswitchIds` in an existing network,
 *   otherwise in a new VPC (vSwitches in two or more zones, security group, enhanced NAT gateway with
 *   EIP and SNAT so nodes and ECI pods can pull public images);
 * - `existingClusterId`: adopt that cluster; the kubeconfig comes from `alicloud.cs.getClusterCredential`;
 * - `existingKubeconfig` alone: adopt the cluster it points at, with no Alibaba Cloud calls at all.
 *
 * Arrays that decide how many resources are created (`zoneIds`, `vswitchIds`, `ecsNodeNames`, …) must be
 * plain arrays; their elements may be Outputs.
 */
export interface AckClusterArgs {
    // ---- adopting an existing cluster ----

    /** Id of an existing ACK cluster to adopt instead of creating one. @default none (create a cluster) */
    existingClusterId?: pulumi.Input<string>;
    /**
     * Kubeconfig of an existing cluster. Alone, it adopts that cluster without any Alibaba Cloud call;
     * with `existingClusterId`, it replaces the fetched kubeconfig (e.g. one for the private endpoint).
     * Kept secret. @default none
     */
    existingKubeconfig?: pulumi.Input<string>;
    /**
     * Names of already-running ECS nodes of an adopted cluster to label with `ecsNodeLabel` (one
     * `NodePatch` each). Only when adopting; created clusters label their node pool instead.
     * @default none
     */
    ecsNodeNames?: pulumi.Input<string>[];

    // ---- the cluster ----

    /** Cluster name in ACK (1–63 letters, digits, '-' or '_'). @default the Pulumi resource name */
    clusterName?: pulumi.Input<string>;
    /**
     * ACK edition: `"ack.pro.small"` (Pro: SLA-backed control plane, needed for managed node pools and
     * most ECI features), `"ack.standard"` (Basic, free control plane) or `"ack.pro.xlarge"`/`2xlarge`/`4xlarge`.
     * @default "ack.pro.small"
     */
    clusterSpec?: pulumi.Input<string>;
    /** Kubernetes version, e.g. `"1.33.1-aliyun.1"`. @default the latest ACK offers at creation (never upgraded implicitly) */
    kubernetesVersion?: pulumi.Input<string>;
    /** Service CIDR; must not overlap the VPC. Cannot change after creation. @default "172.21.0.0/20" */
    serviceCidr?: pulumi.Input<string>;
    /**
     * Give the API server a public endpoint (an internet-facing load balancer). Off by default so the
     * cluster is not reachable from the internet; then `pulumi up` (and the Kubernetes provider) must
     * run from inside the VPC or over VPN/CEN. Turn it on to manage the cluster from outside, and
     * restrict it with an ACL on the API server's load balancer.
     * @default false
     */
    apiServerPublic?: pulumi.Input<boolean>;
    /** Refuse to delete the cluster (`pulumi destroy` fails until this is set to false and applied). @default true */
    deletionProtection?: pulumi.Input<boolean>;
    /**
     * Have ACK delete the load balancers it created for the cluster's workloads (ALB instances of the
     * ALB Ingress controller, CLB/SLB instances of `LoadBalancer` Services such as a Knative gateway's)
     * when the cluster is deleted. ACK's own default keeps ALBs, which go on billing after
     * `pulumi destroy` with nothing left to manage them. Set false to keep them (e.g. to keep their
     * addresses for a new cluster) at the price of deleting them by hand once unused. Read at deletion:
     * a change takes effect once `pulumi up` has applied it (an update, not a replacement).
     * @default true
     */
    deleteCreatedLoadBalancers?: pulumi.Input<boolean>;
    /**
     * Have ACK delete the Log Service (SLS) projects it created for the cluster (the logging add-on's
     * project and the control-plane log project) when the cluster is deleted. They hold the cluster's
     * logs and bill for stored data; ACK's default keeps them. Same timing as `deleteCreatedLoadBalancers`.
     * @default false (the logs outlive the cluster)
     */
    deleteCreatedLogProjects?: pulumi.Input<boolean>;
    /**
     * Add-ons installed at creation, on top of the defaults `terway-eniip` (required: the cluster uses
     * Terway so pods and ECI get VPC addresses), `csi-plugin` and `csi-provisioner`.
     * @default none extra
     */
    addons?: AckAddonArgs[];
    /** Resource group of the cluster and the resources created with it. @default the account's default group */
    resourceGroupId?: pulumi.Input<string>;
    /** Tags on every cloud resource created (cluster, nodes, VPC, NAT, EIP, …). @default none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Lifetime of the fetched kubeconfig's credential, 15–4320 minutes. Best left unset.
     *
     * With it, every `pulumi preview`/`up` fetches a new temporary credential, so the Kubernetes
     * provider shows an update in every preview (never a replacement: its `clusterIdentifier` is the
     * cluster id). `pulumi destroy` and `pulumi refresh` do not run the program; they use the credential
     * recorded by the last `pulumi up`. Once that has expired they cannot reach the cluster: run
     * `pulumi up` first (or pass `--run-program` to `pulumi destroy`/`pulumi refresh`).
     * @default ACK's (a long-lived certificate)
     */
    kubeconfigExpirationMinutes?: pulumi.Input<number>;
    /**
     * Which API server endpoint the kubeconfig (and so the Kubernetes provider) uses: `"public"` or `"private"`
     * (the VPC endpoint, for a stack running inside the VPC or over VPN/CEN). A plain value. The provider's
     * `cs.getClusterCredential` always fetches ACK's internet credential; for `"private"` its server is replaced
     * by the cluster's intranet endpoint (`connections.apiServerIntranet`). Not with `existingKubeconfig`.
     * @default created cluster: `"public"` with `apiServerPublic`, else `"private"`; adopted by id: `"public"` when the cluster has a public endpoint, else `"private"`
     */
    kubeconfigEndpoint?: KubeconfigEndpoint;

    // ---- the network ----

    /**
     * Create the network (VPC, vSwitches, security group, NAT gateway, EIP, SNAT).
     * @default true, unless `vswitchIds` is given or a cluster is adopted
     */
    createNetwork?: boolean;
    /** VPC CIDR of a created network, /8 to /24. @default "192.168.0.0/16" */
    vpcCidr?: pulumi.Input<string>;
    /**
     * Zones. When the network is created: one node and one pod vSwitch per zone, two or three distinct
     * zones. With `vswitchIds`: the zone of each given vSwitch, in order, so single-zone lists are
     * caught before any cloud call.
     * @default created network: the first `zoneCount` zones (sorted) where vSwitches can be created, from `alicloud.getZones`; given vSwitches: unchecked, but at least two vSwitches are required
     */
    zoneIds?: pulumi.Input<string>[];
    /** How many zones to pick when the network is created and `zoneIds` is not given (2–3). @default 2 */
    zoneCount?: number;
    /** CIDRs of the created node vSwitches, one per zone, inside `vpcCidr`. @default /20 blocks at the start of `vpcCidr` (for /16) */
    vswitchCidrs?: pulumi.Input<string>[];
    /** CIDRs of the created Terway pod vSwitches (pods and ECI take addresses here), one per zone. @default the 2nd–4th quarter of `vpcCidr` */
    podVswitchCidrs?: pulumi.Input<string>[];
    /** Peak bandwidth (Mbit/s, 1–200) of the NAT gateway's EIP, billed by traffic. @default 100 */
    eipBandwidth?: pulumi.Input<number>;
    /** Existing vSwitches for the nodes and control plane, in two or more zones. @default none (create the network) */
    vswitchIds?: pulumi.Input<string>[];
    /** Existing Terway pod vSwitches, in the zones of `vswitchIds`; only with `vswitchIds`. @default `vswitchIds` */
    podVswitchIds?: pulumi.Input<string>[];
    /** Existing security group for the cluster and nodes; only with `vswitchIds`. @default ACK creates one */
    securityGroupId?: pulumi.Input<string>;
    /**
     * Let ACK create a NAT gateway in the existing VPC; only with `vswitchIds`. Nodes and ECI pods need
     * internet egress to pull public images.
     * @default false (the existing VPC is assumed to have egress)
     */
    newNatGateway?: pulumi.Input<boolean>;

    // ---- ECS nodes ----

    /** Create the ECS node pool (only for created clusters). @default true */
    createNodePool?: boolean;
    /** The ECS node pool's settings. @default the defaults of each field */
    nodePool?: AckNodePoolArgs;
    /** Label of the ECS nodes that `ecs-and-eci` placements select. @default `resource-role=ecs` */
    ecsNodeLabel?: pulumi.Input<NodeLabelArgs>;
}

/** `AckClusterArgs` with every value resolved: what the pure planner works on. */
export type AckClusterSettings = pulumi.Unwrap<AckClusterArgs>;

// ---- the same arguments as a runtime shape (checked against the interfaces above at compile time) ----

/** A plain list of Inputs: its length decides how many resources are declared. */
const countedList = (what: string) => plain(list(inputString), `its length decides how many ${what} are declared`);

const ADDON_ARGS = obj({ name: req(inputString), config: opt(inputString), version: opt(inputString), disabled: opt(input(bool())) });
assertSameShape<TypeOf<typeof ADDON_ARGS>, AckAddonArgs>(true);

const NODE_POOL_ARGS = obj({
    nodePoolName: opt(inputString),
    instanceTypes: opt(list(inputString)),
    desiredSize: opt(input(num())),
    autoscaling: opt(input(bool())),
    minSize: opt(input(num())),
    maxSize: opt(input(num())),
    systemDiskCategory: opt(inputString),
    systemDiskSize: opt(input(num())),
    keyName: opt(inputString),
    labels: opt(inputStringMap),
});
assertSameShape<TypeOf<typeof NODE_POOL_ARGS>, AckNodePoolArgs>(true);

/** `AckClusterArgs` as a runtime shape. */
export const ACK_CLUSTER_ARGS = obj({
    existingClusterId: opt(inputString),
    existingKubeconfig: opt(secret(inputString)),
    ecsNodeNames: opt(countedList("node label patches")),
    clusterName: opt(inputString),
    clusterSpec: opt(inputString),
    kubernetesVersion: opt(inputString),
    serviceCidr: opt(inputString),
    apiServerPublic: opt(input(bool())),
    deletionProtection: opt(input(bool())),
    deleteCreatedLoadBalancers: opt(input(bool())),
    deleteCreatedLogProjects: opt(input(bool())),
    addons: opt(plain(list(ADDON_ARGS), "the add-on list is part of the cluster's declaration")),
    resourceGroupId: opt(inputString),
    tags: opt(inputStringMap),
    kubeconfigExpirationMinutes: opt(input(num())),
    createNetwork: opt(plain(bool(), "it decides whether a VPC, vSwitches and a NAT gateway are declared")),
    vpcCidr: opt(inputString),
    zoneIds: opt(countedList("vSwitches")),
    zoneCount: opt(plain(num(), "it decides how many vSwitches are declared")),
    vswitchCidrs: opt(countedList("vSwitches")),
    podVswitchCidrs: opt(countedList("pod vSwitches")),
    eipBandwidth: opt(input(num())),
    vswitchIds: opt(countedList("vSwitch wirings")),
    podVswitchIds: opt(countedList("pod vSwitch wirings")),
    securityGroupId: opt(inputString),
    newNatGateway: opt(input(bool())),
    createNodePool: opt(plain(bool(), "it decides whether a node pool is declared")),
    nodePool: opt(plain(NODE_POOL_ARGS, "it configures the node pool that is declared")),
    ecsNodeLabel: opt(input(NODE_LABEL_ARGS)),
    kubeconfigEndpoint: opt(plain(oneOf(Object.values(KubeconfigEndpoint)), "it decides which endpoint the kubeconfig is rewritten to")),
});
assertSameShape<TypeOf<typeof ACK_CLUSTER_ARGS>, AckClusterArgs>(true);
