import * as assert from "node:assert/strict";
import { engine } from "../harness";
import * as pulumi from "@pulumi/pulumi";
import { KnativeEciPlatform } from "../../sdk";
import { KNATIVE_ECI_PLATFORM_ARGS } from "../../sdk/render/platform/knativeEciPlatformArgs";
import { type Rejection, rejectionTable } from "../fixtures/rejectionTable";

const image = "registry.example.com/team/app:1";
const web = { serviceName: "web", image, placement: "eci" };
const vk = { namespaceName: "vk", eciInjection: true };
const kubeconfig = "clusters:\n- name: c\n  cluster: {server: 'https://10.0.0.1:6443'}\n";

const rows: Rejection[] = [
    [
        { cluster: "c0123456789abcdef" },
        'KnativeEciPlatform "t-pf": cluster = "c0123456789abcdef" is not valid: expected an object with existingClusterId, existingKubeconfig, ecsNodeNames, clusterName, clusterSpec, kubernetesVersion, serviceCidr, apiServerPublic, deletionProtection, deleteCreatedLoadBalancers, deleteCreatedLogProjects, addons, resourceGroupId, tags, kubeconfigExpirationMinutes, createNetwork, vpcCidr, zoneIds, zoneCount, vswitchCidrs, podVswitchCidrs, eipBandwidth, vswitchIds, podVswitchIds, securityGroupId, newNatGateway, createNodePool, nodePool, ecsNodeLabel, kubeconfigEndpoint, not a string.',
    ],
    [
        { cluster: pulumi.output({}) },
        'KnativeEciPlatform "t-pf": cluster = (an Output) is not valid: expected an object with existingClusterId, existingKubeconfig, ecsNodeNames, clusterName, clusterSpec, kubernetesVersion, serviceCidr, apiServerPublic, deletionProtection, deleteCreatedLoadBalancers, deleteCreatedLogProjects, addons, resourceGroupId, tags, kubeconfigExpirationMinutes, createNetwork, vpcCidr, zoneIds, zoneCount, vswitchCidrs, podVswitchCidrs, eipBandwidth, vswitchIds, podVswitchIds, securityGroupId, newNatGateway, createNodePool, nodePool, ecsNodeLabel, kubeconfigEndpoint as a plain value, not an Output: the platform declares its parts from it before any Output is known.',
    ],
    [
        { cluster: { clusterSpec: "ack.pro.medium" } },
        'KnativeEciPlatform "t-pf": cluster.clusterSpec = "ack.pro.medium" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
    ],
    [
        { cluster: { nodePool: { minSize: 4, maxSize: 3 } } },
        'KnativeEciPlatform "t-pf": cluster.nodePool.minSize = 4 is not valid: expected at most nodePool.maxSize (3).',
    ],
    [{ cluster: { zoneCount: 5 } }, 'KnativeEciPlatform "t-pf": cluster.zoneCount = 5 is not valid: expected a plain integer from 2 to 3.'],
    [
        { cluster: { existingKubeconfig: "nope" } },
        'KnativeEciPlatform "t-pf": cluster.existingKubeconfig = (secret, 4 characters) is not valid: expected a kubeconfig (YAML or JSON) whose current context, or only cluster, has a server URL.',
    ],
    [
        { cluster: { vpcCIDR: "10.0.0.0/16" } },
        'KnativeEciPlatform "t-pf": cluster.vpcCIDR = "10.0.0.0/16" is not an argument; did you mean vpcCidr?',
    ],
    [
        { virtualNode: { enabled: "false" } },
        'KnativeEciPlatform "t-pf": virtualNode.enabled = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { virtualNode: { install: pulumi.output(true) } },
        'KnativeEciPlatform "t-pf": virtualNode.install = (an Output) is not valid: expected true or false as a plain value, not an Output: it decides whether the virtual node add-on is declared.',
    ],
    [
        { virtualNode: { version: "latest" } },
        'KnativeEciPlatform "t-pf": virtualNode.version = "latest" is not valid: expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers).',
    ],
    [
        { virtualNode: { config: "{}" } },
        'KnativeEciPlatform "t-pf": virtualNode.config = "{}" is not valid: expected a map of names to values, not a string.',
    ],
    [
        { virtualNode: { cleanupCloudResources: "yes" } },
        'KnativeEciPlatform "t-pf": virtualNode.cleanupCloudResources = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { virtualNode: { useClusterNetwork: 1 } },
        'KnativeEciPlatform "t-pf": virtualNode.useClusterNetwork = 1 is not valid: expected true or false, not a number.',
    ],
    [
        { virtualNode: { vSwitchIds: "vsw-1" } },
        'KnativeEciPlatform "t-pf": virtualNode.vSwitchIds = "vsw-1" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { virtualNode: { securityGroupId: 7 } },
        'KnativeEciPlatform "t-pf": virtualNode.securityGroupId = 7 is not valid: expected a string, not a number.',
    ],
    [{ virtualNode: { enable: false } }, 'KnativeEciPlatform "t-pf": virtualNode.enable = false is not an argument; did you mean enabled?'],
    [
        { cluster: { existingKubeconfig: kubeconfig }, virtualNode: { install: true } },
        'KnativeEciPlatform "t-pf": virtualNode.install = true is not valid: expected false: a cluster adopted by kubeconfig alone has no cluster id to install ACK add-ons with; set cluster.existingClusterId, or set this to false if it is installed already.',
    ],
    [
        { knative: { install: "true" } },
        'KnativeEciPlatform "t-pf": knative.install = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { knative: { source: "operator" } },
        'KnativeEciPlatform "t-pf": knative.source = "operator" is not valid: expected one of "ack", "upstream", "existing" as a plain value (it decides which resources are declared).',
    ],
    [
        { knative: { version: "1.20.1" } },
        'KnativeEciPlatform "t-pf": knative.version = "1.20.1" is not valid: expected no version with source "ack": it applies only to source "upstream".',
    ],
    [
        { knative: { source: "upstream", version: "1.16.0" } },
        'KnativeEciPlatform "t-pf": knative.version = "1.16.0" is not valid: expected a Knative release 1.17.0 or newer as X.Y.Z, e.g. "1.20.1".',
    ],
    [
        { knative: { features: { "multi-container": "on" } } },
        'KnativeEciPlatform "t-pf": knative.features["multi-container"] = "on" is not valid: expected "enabled", "disabled" or "allowed" (Knative reads any other value as the flag\'s default).',
    ],
    [
        { knative: { features: { "kubernetes.podspec-affinity": "disabled" } } },
        'KnativeEciPlatform "t-pf": knative.features["kubernetes.podspec-affinity"] = "disabled" is not valid: expected "enabled": placements set affinity, tolerations or nodeSelector, which Knative rejects otherwise.',
    ],
    [{ knative: { instal: false } }, 'KnativeEciPlatform "t-pf": knative.instal = false is not an argument; did you mean install?'],
    [
        { namespaces: vk },
        'KnativeEciPlatform "t-pf": namespaces = {"namespaceName":"vk","eciInjection":true} is not valid: expected a list of objects, not an object.',
    ],
    [
        { namespaces: pulumi.output([vk]) },
        'KnativeEciPlatform "t-pf": namespaces = (an Output) is not valid: expected a list of objects as a plain value, not an Output: the platform declares one EciNamespace per entry.',
    ],
    [
        { namespaces: [{ eciInjection: true }] },
        "KnativeEciPlatform \"t-pf\": namespaces[0].namespaceName (missing) is not valid: expected the namespace's name (the platform names each namespace's resources after it).",
    ],
    [{ namespaces: [vk, vk] }, 'KnativeEciPlatform "t-pf": namespaces[1].namespaceName = "vk" is not valid: expected each namespace once.'],
    [
        { namespaces: [{ namespaceName: pulumi.output("vk") }] },
        'KnativeEciPlatform "t-pf": namespaces[0].namespaceName = (an Output) is not valid: expected a plain string: it names the platform\'s resources, which must be known at preview.',
    ],
    [
        { namespaces: [{ namespaceName: "Team_A" }] },
        'KnativeEciPlatform "t-pf": namespaces[0].namespaceName = "Team_A" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { namespaces: [{ namespaceName: "vk", eciInjection: "true" }] },
        'KnativeEciPlatform "t-pf": namespaces[0].eciInjection = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { namespaces: [{ namespaceName: "default" }] },
        'KnativeEciPlatform "t-pf": namespaces[0].namespaceName = "default" is not valid: expected a namespace to create: "default" always exists; set existing: true to label it instead.',
    ],
    [
        { services: web },
        'KnativeEciPlatform "t-pf": services = {"serviceName":"web","image":"registry.example.com/team/app:1","placement":"eci"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { services: pulumi.output([web]) },
        'KnativeEciPlatform "t-pf": services = (an Output) is not valid: expected a list of objects as a plain value, not an Output: the platform declares one KnativeService per entry.',
    ],
    [
        { services: [{ image, placement: "eci" }] },
        'KnativeEciPlatform "t-pf": services[0].serviceName (missing) is not valid: expected the Knative Service\'s name (the platform names its resources after it).',
    ],
    [
        { services: [web, web] },
        'KnativeEciPlatform "t-pf": services[1].serviceName = "web" is not valid: expected each service name once in the platform (serviceUrls is keyed by it).',
    ],
    [
        { services: [{ ...web, serviceName: pulumi.output("web") }] },
        'KnativeEciPlatform "t-pf": services[0].serviceName = (an Output) is not valid: expected a plain string: it names the platform\'s resources, which must be known at preview.',
    ],
    [
        { services: [{ ...web, placement: "ECI" }] },
        'KnativeEciPlatform "t-pf": services[0].placement = "ECI" is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs".',
    ],
    [
        { services: [{ ...web, eciSpecs: ["2-3Gi"] }] },
        'KnativeEciPlatform "t-pf": services[0].eciSpecs[0] = "2-3Gi" is not valid: expected "<vCPU>-<memory>Gi" with a combination ECI offers (1 vCPU: 2/4/8 GiB; 2 vCPU: 1/2/4/8/16 GiB; 4 vCPU: 2/4/8/16/32 GiB; 8 vCPU: 4/8/16/32/64 GiB; 12 vCPU: 12/24/48/96 GiB; 16 vCPU: 16/32/64/128 GiB; 24 vCPU: 24/48/96/192 GiB; 32 vCPU: 32/64/128/256 GiB; 52 vCPU: 96/192/384 GiB; 64 vCPU: 128/256/512 GiB; 0.25 vCPU: 0.5/1 GiB; 0.5 vCPU: 1/2 GiB), or an ECS instance type like "ecs.c6.large".',
    ],
    [
        { services: [{ ...web, scaling: { minscale: 1 } }] },
        'KnativeEciPlatform "t-pf": services[0].scaling.minscale = 1 is not an argument; did you mean minScale?',
    ],
    [
        {
            services: [
                {
                    ...web,
                    imageCache: { mode: "create", registryCredentials: [{ server: "r.example.com", userName: " ", password: "p4ssw0rd" }] },
                },
            ],
        },
        'KnativeEciPlatform "t-pf": services[0].imageCache.registryCredentials[0].userName = " " is not valid: expected the registry user name.',
    ],
    [
        { services: [{ ...web, sidecars: [{ name: "queue-proxy", image }] }] },
        'KnativeEciPlatform "t-pf": services[0].sidecars[0].name = "queue-proxy" is not valid: expected a name other than "user-container" (the serving container) and "queue-proxy" (Knative\'s).',
    ],
    [
        { services: [{ ...web, hostNetwork: "false" }] },
        'KnativeEciPlatform "t-pf": services[0].hostNetwork = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { services: [{ ...web, namespace: "shop" }] },
        'KnativeEciPlatform "t-pf": services[0].namespace = "shop" is not valid: expected "default" or a namespace declared in namespaces: Kubernetes rejects a Service in a namespace that does not exist, and the platform orders each Service after its namespace; add { namespaceName: "shop" } to namespaces (with existing: true if it exists already).',
    ],
    [
        { services: [{ ...web, placement: "eci-namespace" }] },
        'KnativeEciPlatform "t-pf": services[0].namespace = "default" is not valid: expected a namespace declared in namespaces with eciInjection: true, because placement "eci-namespace" relies on ACK\'s webhook to send the namespace\'s pods to ECI; add { namespaceName: "default", eciInjection: true } to namespaces, or use placement "eci".',
    ],
    [
        { namespaces: [vk], services: [{ ...web, namespace: "vk", placement: "ecs-and-eci" }] },
        'KnativeEciPlatform "t-pf": services[0].placement = "ecs-and-eci" is not valid: expected "eci" or "eci-namespace": namespace "vk" is labeled for ECI injection, so ACK\'s webhook sends all its pods to ECI; put the service in an unlabeled namespace.',
    ],
    [
        { virtualNode: { enabled: false }, services: [web] },
        'KnativeEciPlatform "t-pf": services[0].placement = "eci" is not valid: expected "ecs" while virtualNode.enabled is false (it runs pods on the ECI virtual node); enable the virtual node.',
    ],
    [
        // Knative not installed here: the 3-node rule for ACK's Knative does not apply, the ECS-node rule does.
        { cluster: { createNodePool: false }, knative: { install: false }, services: [{ ...web, placement: "ecs" }] },
        'KnativeEciPlatform "t-pf": services[0].placement = "ecs" is not valid: expected ECS nodes labeled resource-role=ecs, but the platform declares none: create a node pool, list adopted nodes in cluster.ecsNodeNames, or set ecsNodesLabeled: true if they are labeled already.',
    ],
    [
        { cluster: { ecsNodeLabel: { key: "pool", value: "a" } }, services: [{ ...web, placement: "ecs" }] },
        'KnativeEciPlatform "t-pf": services[0].ecsNodeLabel = "resource-role=ecs" is not valid: expected the label the platform\'s ECS nodes carry (pool=a); set cluster.ecsNodeLabel and the service\'s ecsNodeLabel alike.',
    ],
    [
        { cluster: { clusterSpec: "ack.standard" }, services: [{ ...web, placement: "ecs-first" }] },
        'KnativeEciPlatform "t-pf": services[0].placement = "ecs-first" is not valid: expected an ACK Pro cluster for "ecs-first" (cluster.clusterSpec is "ack.standard"): it uses ACK\'s ResourcePolicy and virtual node-based pod scheduling, which ACK offers on ACK Pro only; use clusterSpec "ack.pro.small", or on ACK Basic placement "ecs", or "eci-namespace" in a namespace with eciLabel: true.',
    ],
    [
        {
            knative: { features: { "kubernetes.podspec-volumes-emptydir": "disabled" } },
            services: [{ ...web, volumes: [{ name: "tmp", emptyDir: {} }], volumeMounts: [{ name: "tmp", mountPath: "/scratch" }] }],
        },
        'KnativeEciPlatform "t-pf": knative.features["kubernetes.podspec-volumes-emptydir"] = "disabled" is not valid: expected "enabled" (or unset): services[0] needs it, and the platform enables it when unset.',
    ],
    [
        { services: [{ ...web, imageCache: { mode: "create", vswitchId: "subnet-1" } }] },
        'KnativeEciPlatform "t-pf": services[0].imageCache.vswitchId = "subnet-1" is not valid: expected the vSwitch id the cache is built in (mode "create"): "vsw-" followed by letters and digits.',
    ],
    [
        { cluster: { resourceGroupId: "group-1" } },
        'KnativeEciPlatform "t-pf": cluster.resourceGroupId = "group-1" is not valid: expected a resource group id such as "rg-acfmzw2jz2z6kiq".',
    ],
    [
        { services: [{ ...web, imageCache: { mode: "auto", eipInstanceId: "eip_1" } }] },
        'KnativeEciPlatform "t-pf": services[0].imageCache.eipInstanceId = "eip_1" is not valid: expected an EIP id such as "eip-bp1q5n6cw5wchhp4rv6qk".',
    ],
    [
        { ecsNodesLabeled: "yes" },
        'KnativeEciPlatform "t-pf": ecsNodesLabeled = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [{ ecsNodeLabeled: true }, 'KnativeEciPlatform "t-pf": ecsNodeLabeled = true is not an argument; did you mean ecsNodesLabeled?'],
];

const covers = (path: string) => !path.includes(".") || path.startsWith("virtualNode.") || path === "knative.install";
// Several mistakes in different parts: each reported at once, under the platform's field names.
const SEVERAL: Rejection[] = [
    [
        { cluster: { clusterSpec: "ack.pro.medium" }, virtualNode: { version: "latest" }, services: [{ ...web, image: "nginx latest" }] },
        [
            'KnativeEciPlatform "t-pf": cluster.clusterSpec = "ack.pro.medium" is not valid: expected one of "ack.pro.small", "ack.standard", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge".',
            'KnativeEciPlatform "t-pf": virtualNode.version = "latest" is not valid: expected an ACK add-on version such as "v2.13.2" or "v1.6.0.0-aliyun" (cs.getKubernetesAddons lists the versions ACK offers).',
            'KnativeEciPlatform "t-pf": services[0].image = "nginx latest" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
        ],
    ],
];

rejectionTable(
    "KnativeEciPlatform",
    KNATIVE_ECI_PLATFORM_ARGS,
    (args) => new KnativeEciPlatform("t-pf", args as never),
    [...rows, ...SEVERAL],
    covers,
);

describe("KnativeEciPlatform validates before registering", () => {
    it("refuses a bad service argument before any resource is registered, naming services[i].<field>", () => {
        const before = engine.resources.length;
        const services = [web, { ...web, serviceName: "api" }, { ...web, serviceName: "jobs", eciSpecs: ["2-4Gi", "3-5Gi"] }];
        assert.throws(
            () => new KnativeEciPlatform("t-pf-early", { services } as never),
            /^InputError: KnativeEciPlatform "t-pf-early": services\[2\]\.eciSpecs\[1\] = "3-5Gi" is not valid/,
        );
        assert.equal(engine.resources.length, before);
        assert.deepEqual(
            engine.resources.filter((r) => r.name.startsWith("t-pf")),
            [],
        );
    });
});
