// The settings of the resources an AckCluster creates that are the package's choices rather than arguments: what
// the cluster, its node pool, network and node labels always get. Components spread them into the resources.
import { AckClusterKind, type AckClusterLayout, type AdoptedClusterPlan } from "./ackCluster";
import { cloudName } from "./ackNetwork";
import { PATCH_FORCE } from "../core/addon";

/** The fixed settings of a created cluster and its node pool. */
export interface CreatedClusterSettings {
    cluster: {
        /** kube-proxy mode: IPVS keeps Service lookups flat as Knative adds Services per revision. */
        proxyMode: "ipvs";
        /** Keep the cluster CA and client certificate out of the state; the kubeconfig comes from getClusterCredential. */
        skipSetCertificateAuthority: true;
        /** A created network brings its own NAT gateway; for given vSwitches `newNatGateway` decides. */
        newNatGateway?: false;
    };
    /** Pay-as-you-go nodes: the pool scales and is deleted with the cluster. */
    nodePool: { instanceChargeType: "PostPaid" };
}

/** The fixed settings of a cluster the component creates, on either network. */
export function createdClusterSettings(layout: AckClusterLayout): CreatedClusterSettings {
    return {
        cluster: {
            proxyMode: "ipvs",
            skipSetCertificateAuthority: true,
            ...(layout.kind === AckClusterKind.CreatedNetwork ? { newNatGateway: false as const } : {}),
        },
        nodePool: { instanceChargeType: "PostPaid" },
    };
}

/** The fixed settings of a created network's resources, with the names they carry in Alibaba Cloud. */
export interface CreatedNetworkSettings {
    vpc: { vpcName: string };
    /** Zones picked from the data sources may change as zones sell out: never let that replace a vSwitch. */
    vswitchOptions: { ignoreChanges?: string[] };
    /** A basic group: its members (nodes, Terway pods, ECI pods, control plane ENIs) talk to each other, nothing is open. */
    securityGroup: { securityGroupName: string; securityGroupType: "normal"; innerAccessPolicy: "Accept"; description: string };
    /** Egress for nodes and pods without public IPs: an Enhanced internet NAT gateway, billed by use (LCU). */
    natGateway: {
        natGatewayName: string;
        natType: "Enhanced";
        networkType: "internet";
        paymentType: "PayAsYouGo";
        internetChargeType: "PayByLcu";
    };
    /** The NAT gateway's address, billed by traffic (its peak bandwidth is `eipBandwidth`). */
    eip: { addressName: string; internetChargeType: "PayByTraffic"; paymentType: "PayAsYouGo" };
    eipAssociation: { instanceType: "Nat" };
    /** Where the zones of a created network without `zoneIds` can hold vSwitches. */
    zoneQuery: { availableResourceCreation: "VSwitch" };
}

/** The fixed settings of the network a created cluster creates. */
export function createdNetworkSettings(layout: { names: AckClusterLayout["names"]; pickZones: boolean }): CreatedNetworkSettings {
    const n = layout.names;
    return {
        vpc: { vpcName: cloudName(n.vpc) },
        vswitchOptions: layout.pickZones ? { ignoreChanges: ["zoneId"] } : {},
        securityGroup: {
            securityGroupName: cloudName(n.securityGroup),
            securityGroupType: "normal",
            innerAccessPolicy: "Accept",
            description: "ACK nodes, Terway pods and ECI pods",
        },
        natGateway: {
            natGatewayName: cloudName(n.natGateway),
            natType: "Enhanced",
            networkType: "internet",
            paymentType: "PayAsYouGo",
            internetChargeType: "PayByLcu",
        },
        eip: { addressName: cloudName(n.eip), internetChargeType: "PayByTraffic", paymentType: "PayAsYouGo" },
        eipAssociation: { instanceType: "Nat" },
        zoneQuery: { availableResourceCreation: "VSwitch" },
    };
}

/** The metadata of the patch that labels an adopted cluster's running ECS node `index` with the ECS label. */
export function ecsNodePatchMetadata(
    plan: AdoptedClusterPlan,
    index: number,
): { name: string; labels: Record<string, string>; annotations: Record<string, string> } {
    return {
        name: plan.ecsNodeNames[index],
        labels: { [plan.ecsNodeLabel.key]: plan.ecsNodeLabel.value },
        // Take the label over if someone set it with kubectl before.
        annotations: { [PATCH_FORCE]: "true" },
    };
}
