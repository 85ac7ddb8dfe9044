import { Checker, resourceLabel } from "../core/errors";
import { DEFAULT_ECS_NODE_LABEL, mayRunOnEci, mayRunOnEcs, type NodeLabel, Placement } from "../core/placement";
import { versionAtLeast } from "../core/version";
import { type EcsFirstStrategy, usesResourcePolicy } from "../knativeService/resourcePolicy";

/** What the cross-checks need to know about the platform's parts, all plain values. */
export interface PlatformFacts {
    /** Whether the ack-virtual-node add-on is installed by the platform. */
    virtualNodeEnabled: boolean;
    /** The label the platform's ECS nodes carry. */
    ecsNodeLabel: NodeLabel;
    /** Whether the platform declares labeled ECS nodes (a node pool, or adopted nodes by name). */
    declaresEcsNodes: boolean;
    /** The ACK edition when known (created clusters); undefined for adopted clusters. */
    clusterSpec?: string;
    /** The pinned Kubernetes version of a created cluster (e.g. "1.33.1-aliyun.1"); undefined for ACK's latest or unknown. */
    kubernetesVersion?: string;
    /**
     * The ECS nodes a created cluster's node pool always has and the field that sets them (`nodePool.desiredSize`,
     * `nodePool.minSize`, or `createNodePool` for none); undefined when unknown (adopted clusters, Output values).
     */
    ecsNodes?: { count: number; field: string };
    /** The pinned ack-virtual-node version the platform installs; undefined when not pinned or not installed. */
    virtualNodeVersion?: string;
    /** The platform creates its cluster (rather than adopting one). */
    created: boolean;
    /** The cluster is adopted by kubeconfig alone: no cluster id for add-ons. */
    adoptedByKubeconfig: boolean;
    /** The platform installs the ack-virtual-node add-on. */
    installsVirtualNode: boolean;
    /** The platform installs Knative (from either source). */
    installsKnative: boolean;
    /** The platform installs ACK's Knative add-on. */
    installsAckKnative: boolean;
    /** The platform installs upstream Knative with its control plane pinned to the ECS nodes. */
    pinsKnativeToEcs: boolean;
    /** `config-features` flags the user set on the platform's Knative. */
    knativeFeatures: Record<string, unknown>;
    namespaces: { namespaceName?: string; eciInjection?: boolean; eciLabel?: boolean }[];
    services: {
        serviceName?: string;
        namespace?: string;
        placement: Placement;
        ecsNodeLabel?: NodeLabel;
        ecsFirst?: { strategy?: EcsFirstStrategy };
        /** `config-features` flags the pod spec needs (see `requiredKnativeFeatures`). */
        requiredFeatures?: string[];
        /** An image cache to create with no vSwitch or security group given. */
        imageCacheNeedsClusterNetwork?: boolean;
    }[];
}

const ECI_NEEDED = "it runs pods on the ECI virtual node";

/** ACK's Knative on a managed cluster: "at least three worker nodes" and Kubernetes 1.28 or later (doc 121509). */
export const ACK_KNATIVE_MIN_NODES = 3;
const ACK_KNATIVE_MIN_K8S = [1, 28];
/**
 * Scheduling pods to ECS and ECI with node affinity and tolerations needs ACK Pro on Kubernetes 1.22 or later,
 * ack-virtual-node 2.10.0 or later, and kube-scheduler 5.9 or later with "virtual node-based pod scheduling" enabled
 * (ACK, "Allocate resources between ECS and ECI", https://www.alibabacloud.com/help/en/document_detail/2369750.html).
 */
const VIRTUAL_NODE_SCHEDULING_MIN_K8S = [1, 22];
const VIRTUAL_NODE_MIN_VERSION = [2, 10, 0];

/**
 * Whether the placement's pods reach the virtual node through kube-scheduler's node affinity and tolerations
 * (rendered, or injected by ACK's webhook), which needs virtual node-based pod scheduling. Not `"ecs"`, and not a
 * namespace labeled `alibabacloud.com/eci=true`, which ACK sends to ECI by itself (ACK Basic's documented method).
 */
function usesVirtualNodeScheduling(placement: Placement, namespaceEciLabel: boolean): boolean {
    return mayRunOnEci(placement) && !(placement === Placement.EciNamespace && namespaceEciLabel);
}

/**
 * Checks that the platform's parts fit together: each Service's placement has the nodes, namespace
 * labels and cluster features it relies on. Throws `InputError` naming the service and the fix.
 */
export function checkPlatform(platformName: string, f: PlatformFacts): void {
    const c = new Checker(resourceLabel("KnativeEciPlatform", platformName));
    c.collect(() => {
        checkAdoption(c, f);
        checkAckKnativeCluster(c, f);
        const namespaces = indexNamespaces(c, f.namespaces);
        const seen = new Set<string>();
        f.services.forEach((svc, i) => checkService(c, f, namespaces, seen, svc, `services[${i}]`));
    });
}

type NamespaceFacts = PlatformFacts["namespaces"][number];
type ServiceFacts = PlatformFacts["services"][number];

/** A cluster adopted by kubeconfig alone has no cluster id for ACK's add-ons. */
function checkAdoption(c: Checker, f: PlatformFacts): void {
    if (f.adoptedByKubeconfig) {
        const why =
            "a cluster adopted by kubeconfig alone has no cluster id to install ACK add-ons with; set cluster.existingClusterId, or set this to false if it is installed already";
        c.part(() => c.check(!f.installsVirtualNode, "virtualNode.install", true, `expected false: ${why}`));
        c.part(() => c.check(!f.installsAckKnative, "knative.install", true, `expected false or knative.source "upstream": ${why}`));
    }
    c.part(() =>
        c.check(
            !f.pinsKnativeToEcs || f.declaresEcsNodes,
            "knative.pinControlPlaneToEcs",
            true,
            `expected false, or ECS nodes labeled ${f.ecsNodeLabel.key}=${f.ecsNodeLabel.value}: the platform declares none, so Knative's control plane would stay Pending; create a node pool, list adopted nodes in cluster.ecsNodeNames, or set ecsNodesLabeled: true`,
        ),
    );
}

/** ACK's Knative add-on needs enough worker nodes and a recent enough Kubernetes. */
function checkAckKnativeCluster(c: Checker, f: PlatformFacts): void {
    if (f.installsAckKnative && f.ecsNodes !== undefined) {
        const { count, field } = f.ecsNodes;
        c.part(() =>
            c.check(
                count >= ACK_KNATIVE_MIN_NODES,
                `cluster.${field}`,
                field === "createNodePool" ? false : count,
                field === "createNodePool"
                    ? `expected true: ACK's Knative needs at least ${ACK_KNATIVE_MIN_NODES} worker nodes and the created cluster would have none; create the node pool, or set knative.install false`
                    : `expected at least ${ACK_KNATIVE_MIN_NODES}: ACK's Knative needs at least ${ACK_KNATIVE_MIN_NODES} worker nodes on a managed cluster; set cluster.${field} to ${ACK_KNATIVE_MIN_NODES} or more, or use knative.source "upstream"`,
            ),
        );
    }
    if (f.installsAckKnative && f.kubernetesVersion !== undefined) {
        const version = f.kubernetesVersion;
        c.part(() =>
            c.check(
                versionAtLeast(version, ACK_KNATIVE_MIN_K8S) !== false,
                "cluster.kubernetesVersion",
                version,
                "expected 1.28 or later: ACK's Knative supports only clusters of Kubernetes 1.28 or later; pin a newer version or leave it unset (ACK's latest)",
            ),
        );
    }
}

/** The declared namespaces by name, each named once. */
function indexNamespaces(c: Checker, declared: NamespaceFacts[]): Map<string, NamespaceFacts> {
    const namespaces = new Map<string, NamespaceFacts>();
    declared.forEach((ns, i) => {
        c.part(() => {
            c.check(
                typeof ns.namespaceName === "string" && ns.namespaceName !== "",
                `namespaces[${i}].namespaceName`,
                ns.namespaceName,
                "expected the namespace's name (the platform names each namespace's resources after it)",
            );
            c.check(
                !namespaces.has(ns.namespaceName as string),
                `namespaces[${i}].namespaceName`,
                ns.namespaceName,
                "expected each namespace once",
            );
        });
        if (typeof ns.namespaceName === "string" && !namespaces.has(ns.namespaceName)) namespaces.set(ns.namespaceName, ns);
    });
    return namespaces;
}

/** One Service: its name, its namespace, the nodes its placement needs, its flags and its image cache's network. */
function checkService(
    c: Checker,
    f: PlatformFacts,
    namespaces: Map<string, NamespaceFacts>,
    seen: Set<string>,
    svc: ServiceFacts,
    field: string,
): void {
    c.part(() => {
        c.check(
            typeof svc.serviceName === "string" && svc.serviceName !== "",
            `${field}.serviceName`,
            svc.serviceName,
            "expected the Knative Service's name (the platform names its resources after it)",
        );
        c.check(
            !seen.has(svc.serviceName as string),
            `${field}.serviceName`,
            svc.serviceName,
            "expected each service name once in the platform (serviceUrls is keyed by it)",
        );
    });
    if (typeof svc.serviceName === "string") seen.add(svc.serviceName);
    const declared = c.part(() => checkServiceNamespace(c, namespaces, svc, field) ?? null);
    c.part(() => checkServiceNodes(c, f, svc, field));
    for (const flag of svc.requiredFeatures ?? []) {
        const set = f.knativeFeatures[flag];
        c.part(() =>
            c.check(
                set === undefined || set === "enabled",
                `knative.features["${flag}"]`,
                set,
                `expected "enabled" (or unset): ${field} needs it, and the platform enables it when unset`,
            ),
        );
    }
    if (svc.imageCacheNeedsClusterNetwork) {
        c.part(() =>
            c.check(
                !f.adoptedByKubeconfig,
                `${field}.imageCache`,
                { mode: "create" },
                "expected vswitchId and securityGroupId: a cluster adopted by kubeconfig alone has no known network to build the image cache in",
            ),
        );
    }
    // Whether the namespace is labeled for ECI decides what the placement needs: not known when it is wrong.
    if (declared !== undefined) c.part(() => checkVirtualNodeScheduling(c, f, svc, field, declared?.eciLabel === true));
}

/** The Service's namespace is declared, and labeled for ECI exactly when its placement relies on that. */
function checkServiceNamespace(
    c: Checker,
    namespaces: Map<string, NamespaceFacts>,
    svc: ServiceFacts,
    field: string,
): NamespaceFacts | undefined {
    const namespace = svc.namespace ?? "default";
    c.check(
        namespace === "default" || namespaces.has(namespace),
        `${field}.namespace`,
        namespace,
        `expected "default" or a namespace declared in namespaces: Kubernetes rejects a Service in a namespace that does not exist, and the platform orders each Service after its namespace; add { namespaceName: "${namespace}" } to namespaces (with existing: true if it exists already)`,
    );
    const declared = namespaces.get(namespace);
    const injects = !!declared && (declared.eciInjection === true || declared.eciLabel === true);
    if (svc.placement === Placement.EciNamespace) {
        c.check(
            injects,
            `${field}.namespace`,
            namespace,
            `expected a namespace declared in namespaces with eciInjection: true, because placement "eci-namespace" relies on ACK's webhook to send the namespace's pods to ECI; add { namespaceName: "${namespace}", eciInjection: true } to namespaces, or use placement "eci"`,
        );
    }
    if (injects && mayRunOnEcs(svc.placement)) {
        c.fail(
            `${field}.placement`,
            svc.placement,
            `expected "eci" or "eci-namespace": namespace "${namespace}" is labeled for ECI injection, so ACK's webhook sends all its pods to ECI; put the service in an unlabeled namespace`,
        );
    }
    return declared;
}

/** The placement's ECI side needs the virtual node; its ECS side needs ECS nodes with the Service's label. */
function checkServiceNodes(c: Checker, f: PlatformFacts, svc: ServiceFacts, field: string): void {
    if (mayRunOnEci(svc.placement)) {
        c.check(
            f.virtualNodeEnabled,
            `${field}.placement`,
            svc.placement,
            `expected "ecs" while virtualNode.enabled is false (${ECI_NEEDED}); enable the virtual node`,
        );
    }
    if (mayRunOnEcs(svc.placement)) {
        const wanted = svc.ecsNodeLabel ?? DEFAULT_ECS_NODE_LABEL;
        c.check(
            wanted.key === f.ecsNodeLabel.key && wanted.value === f.ecsNodeLabel.value,
            `${field}.ecsNodeLabel`,
            `${wanted.key}=${wanted.value}`,
            `expected the label the platform's ECS nodes carry (${f.ecsNodeLabel.key}=${f.ecsNodeLabel.value}); set cluster.ecsNodeLabel and the service's ecsNodeLabel alike`,
        );
        c.check(
            f.declaresEcsNodes,
            `${field}.placement`,
            svc.placement,
            `expected ECS nodes labeled ${f.ecsNodeLabel.key}=${f.ecsNodeLabel.value}, but the platform declares none: create a node pool, list adopted nodes in cluster.ecsNodeNames, or set ecsNodesLabeled: true if they are labeled already`,
        );
    }
}

/** Virtual node-based pod scheduling (and ResourcePolicy) need ACK Pro, Kubernetes 1.22 and ack-virtual-node 2.10.0. */
function checkVirtualNodeScheduling(c: Checker, f: PlatformFacts, svc: ServiceFacts, field: string, namespaceEciLabel: boolean): void {
    const resourcePolicy = usesResourcePolicy(svc.placement, svc.ecsFirst?.strategy);
    if (!usesVirtualNodeScheduling(svc.placement, namespaceEciLabel) && !resourcePolicy) return;
    const why = resourcePolicy
        ? "it uses ACK's ResourcePolicy and virtual node-based pod scheduling"
        : "it reaches the virtual node through node affinity and tolerations (kube-scheduler's virtual node-based pod scheduling)";
    const clusterSpec = f.clusterSpec;
    if (clusterSpec !== undefined) {
        c.part(() =>
            c.check(
                clusterSpec.startsWith("ack.pro"),
                `${field}.placement`,
                svc.placement,
                `expected an ACK Pro cluster for "${svc.placement}" (cluster.clusterSpec is "${f.clusterSpec}"): ${why}, which ACK offers on ACK Pro only; use clusterSpec "ack.pro.small", or on ACK Basic placement "ecs", or "eci-namespace" in a namespace with eciLabel: true`,
            ),
        );
    }
    const kubernetesVersion = f.kubernetesVersion;
    if (kubernetesVersion !== undefined) {
        c.part(() =>
            c.check(
                versionAtLeast(kubernetesVersion, VIRTUAL_NODE_SCHEDULING_MIN_K8S) !== false,
                "cluster.kubernetesVersion",
                kubernetesVersion,
                `expected 1.22 or later: ${field} (placement "${svc.placement}") relies on virtual node-based pod scheduling, which needs Kubernetes 1.22 or later`,
            ),
        );
    }
    const virtualNodeVersion = f.virtualNodeVersion;
    if (virtualNodeVersion !== undefined) {
        c.part(() =>
            c.check(
                versionAtLeast(virtualNodeVersion, VIRTUAL_NODE_MIN_VERSION) !== false,
                "virtualNode.version",
                virtualNodeVersion,
                `expected 2.10.0 or later: ${field} (placement "${svc.placement}") relies on virtual node-based pod scheduling, which needs ack-virtual-node 2.10.0 or later; pin a newer version or leave it unset`,
            ),
        );
    }
}
