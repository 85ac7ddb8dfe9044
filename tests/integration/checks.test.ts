// Offline tests of the integration tests' pure decisions (tests/integration/checks.ts). Part of `npm test`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderKnativeService } from "../../sdk/render/knativeService/knativeService";
import {
    allowedNodeTerms,
    checkPlacement,
    declaredConfigKeys,
    ECS_NODE,
    expectations,
    findOnPath,
    gatewayFromKIngress,
    GUIDE_SERVICES,
    integrationSettings,
    knativeServicesFromState,
    leftoverLines,
    loadBalancerAddress,
    missingGuideServices,
    nodeMatches,
    nodeTermsFromManifest,
    type NodeLike,
    type PodLike,
    serviceFromClusterDomain,
    SKIP_LINE,
    skipMessage,
    splitAddress,
    stackConfig,
    urlTarget,
    VIRTUAL_KUBELET,
    vswitchIdsFromState,
} from "./checks";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CREDS = { ALICLOUD_ACCESS_KEY: "ak", ALICLOUD_SECRET_KEY: "sk" };

describe("integration checks: skip decision", () => {
    it("runs only with both keys and the pulumi CLI", () => {
        assert.equal(skipMessage(CREDS, true), undefined);
        assert.equal(skipMessage({ ...CREDS, ALICLOUD_SECRET_KEY: " " }, true), `${SKIP_LINE} [missing: ALICLOUD_SECRET_KEY]`);
        assert.equal(skipMessage({}, false), `${SKIP_LINE} [missing: ALICLOUD_ACCESS_KEY, ALICLOUD_SECRET_KEY, pulumi CLI]`);
        assert.equal(skipMessage(CREDS, false), `${SKIP_LINE} [missing: pulumi CLI]`);
        assert.ok(!skipMessage({}, false)!.includes("\n"), "one line");
    });

    it("finds a command on PATH", () => {
        const files = new Set(["/opt/pulumi/bin/pulumi"]);
        assert.equal(
            findOnPath("pulumi", "/usr/bin::/opt/pulumi/bin", (p) => files.has(p), "linux"),
            "/opt/pulumi/bin/pulumi",
        );
        assert.equal(
            findOnPath("pulumi", "/usr/bin", (p) => files.has(p), "linux"),
            undefined,
        );
        assert.equal(
            findOnPath("pulumi", undefined, () => true, "linux"),
            undefined,
        );
    });
});

describe("integration checks: settings and stack config", () => {
    it("defaults to the guide program, stack 'integration' and cn-hangzhou", () => {
        const s = integrationSettings({}, REPO);
        assert.equal(s.stackName, "integration");
        assert.equal(s.region, "cn-hangzhou");
        assert.equal(s.programDir, REPO);
        assert.equal(s.isGuide, true);
        assert.equal(s.expectBody, "Hello Knative!");
        assert.equal(s.gateway, undefined);
    });

    it("reads the environment", () => {
        const s = integrationSettings(
            {
                INTEGRATION_STACK: "ci-42",
                ALICLOUD_REGION: "cn-beijing",
                INTEGRATION_PROGRAM_DIR: "examples/service-eci",
                INTEGRATION_SECRET_CONFIG: '{"kubeconfig":"apiVersion: v1"}',
                INTEGRATION_PLACEMENTS: '{"default/hello":"eci"}',
                INTEGRATION_GATEWAY: "1.2.3.4:8080",
            },
            REPO,
        );
        assert.equal(s.stackName, "ci-42");
        assert.equal(s.region, "cn-beijing");
        assert.equal(s.programDir, path.join(REPO, "examples", "service-eci"));
        assert.equal(s.isGuide, false);
        assert.equal(s.expectBody, undefined);
        assert.deepEqual(s.secretConfig, { kubeconfig: "apiVersion: v1" });
        assert.deepEqual(s.placements, { "default/hello": "eci" });
        assert.equal(s.gateway, "1.2.3.4:8080");
    });

    it("rejects bad stack names and config JSON, naming the variable", () => {
        assert.throws(() => integrationSettings({ INTEGRATION_STACK: "a b" }, REPO), /INTEGRATION_STACK "a b"/);
        assert.throws(() => integrationSettings({ INTEGRATION_CONFIG: "[1]" }, REPO), /INTEGRATION_CONFIG must be a JSON object/);
        assert.throws(() => integrationSettings({ INTEGRATION_PLACEMENTS: "{" }, REPO), /INTEGRATION_PLACEMENTS must be a JSON object/);
    });

    it("sets region, deletionProtection=false and apiServerPublic=true for the guide program", () => {
        const declared = declaredConfigKeys(fs.readFileSync(path.join(REPO, "Pulumi.yaml"), "utf8"));
        assert.equal(declared.project, "ack-knative-eci-guide");
        assert.ok(declared.keys.includes("deletionProtection") && declared.keys.includes("apiServerPublic"));
        const config = stackConfig(integrationSettings({ ALICLOUD_REGION: "cn-shanghai" }, REPO), declared.keys);
        assert.deepEqual(config, {
            "alicloud:region": { value: "cn-shanghai" },
            deletionProtection: { value: "false" },
            apiServerPublic: { value: "true" },
        });
    });

    it("leaves out keys a program does not declare and adds the user's config", () => {
        const declared = declaredConfigKeys(
            "name: p\nruntime: nodejs\nconfig:\n  kubeconfig:\n    type: string\n  p:image:\n    type: string\n",
        );
        assert.deepEqual(declared, { project: "p", keys: ["kubeconfig", "image"] });
        const settings = integrationSettings(
            { INTEGRATION_CONFIG: '{"image":"x"}', INTEGRATION_SECRET_CONFIG: '{"kubeconfig":"k"}' },
            REPO,
        );
        assert.deepEqual(stackConfig(settings, declared.keys), {
            "alicloud:region": { value: "cn-hangzhou" },
            image: { value: "x" },
            kubeconfig: { value: "k", secret: true },
        });
    });
});

function pod(name: string, node: string | undefined, phase: string, ready: boolean[], extra: Partial<PodLike["metadata"]> = {}): PodLike {
    return {
        metadata: { name, labels: { "serving.knative.dev/service": "helloworld-go" }, ...extra },
        spec: node ? { nodeName: node } : {},
        status: { phase, containerStatuses: ready.map((r) => ({ ready: r })) },
    };
}
const NODES: NodeLike[] = [
    { metadata: { name: "virtual-kubelet-cn-hangzhou-k", labels: { type: "virtual-kubelet" } } },
    { metadata: { name: "cn-hangzhou.10.0.0.5", labels: { "resource-role": "ecs" } } },
    { metadata: { name: "cn-hangzhou.10.0.0.6", labels: {} } },
];
const VK = { namespace: "vk", serviceName: "helloworld-go" };

describe("integration checks: placement", () => {
    it("maps placements to allowed nodes", () => {
        assert.deepEqual(allowedNodeTerms("eci"), [VIRTUAL_KUBELET]);
        assert.deepEqual(allowedNodeTerms("eci-namespace"), [VIRTUAL_KUBELET]);
        assert.deepEqual(allowedNodeTerms("ecs-and-eci"), [ECS_NODE, VIRTUAL_KUBELET]);
        assert.deepEqual(allowedNodeTerms("ecs"), [ECS_NODE]);
        assert.throws(() => allowedNodeTerms("gpu"), /unknown placement "gpu"/);
        assert.ok(nodeMatches({ type: "virtual-kubelet", x: "y" }, [VIRTUAL_KUBELET]));
        assert.ok(!nodeMatches({ type: "virtual-kubelet" }, [ECS_NODE]));
        assert.ok(!nodeMatches(undefined, [ECS_NODE]));
    });

    it("passes the guide's check: 2/2 Running on a virtual-kubelet node, and records the ECI id", () => {
        const pods = [
            pod("helloworld-go-00001-deployment-abc", "virtual-kubelet-cn-hangzhou-k", "Running", [true, true], {
                annotations: { "k8s.aliyun.com/eci-instance-id": "eci-bp1" },
            }),
            { ...pod("other", "cn-hangzhou.10.0.0.6", "Running", [true]), metadata: { name: "other", labels: {} } },
        ];
        const v = checkPlacement(VK, allowedNodeTerms("eci"), pods, NODES);
        assert.equal(v.state, "ok", v.detail);
        assert.deepEqual(v.eciInstanceIds, ["eci-bp1"]);
        assert.equal(v.rows.length, 1, "only the Service's pods");
        assert.match(v.detail, /1 pod\(s\) Running 2\/2 on type=virtual-kubelet/);
    });

    it("fails at once when a pod runs on a node its placement does not allow", () => {
        const v = checkPlacement(VK, allowedNodeTerms("eci"), [pod("p", "cn-hangzhou.10.0.0.5", "Running", [true, true])], NODES);
        assert.equal(v.state, "fail");
        assert.match(v.detail, /vk\/helloworld-go: pods on nodes not labeled type=virtual-kubelet: p on cn-hangzhou\.10\.0\.0\.5/);
    });

    it("accepts ECS or ECI nodes for ecs-and-eci, not an unlabeled node", () => {
        const terms = allowedNodeTerms("ecs-and-eci");
        assert.equal(checkPlacement(VK, terms, [pod("p", "cn-hangzhou.10.0.0.5", "Running", [true, true])], NODES).state, "ok");
        assert.equal(checkPlacement(VK, terms, [pod("p", "virtual-kubelet-cn-hangzhou-k", "Running", [true, true])], NODES).state, "ok");
        assert.equal(checkPlacement(VK, terms, [pod("p", "cn-hangzhou.10.0.0.6", "Running", [true, true])], NODES).state, "fail");
    });

    it("waits while pods are missing, pending, not ready or terminating", () => {
        const terms = allowedNodeTerms("eci");
        assert.equal(checkPlacement(VK, terms, [], NODES).state, "wait");
        assert.equal(checkPlacement(VK, terms, [pod("p", undefined, "Pending", [])], NODES).state, "wait");
        assert.equal(checkPlacement(VK, terms, [pod("p", "virtual-kubelet-cn-hangzhou-k", "Running", [true, false])], NODES).state, "wait");
        const terminating = pod("p", "cn-hangzhou.10.0.0.5", "Running", [true, true], { deletionTimestamp: "2025-01-01T00:00:00Z" });
        assert.equal(checkPlacement(VK, terms, [terminating], NODES).state, "wait");
    });

    it("infers allowed nodes from the manifests KnativeService renders", () => {
        const image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56";
        const render = (placement: string) =>
            renderKnativeService("it", { image, placement, namespace: "vk", serviceName: "s", eciSpecs: ["2-4Gi"] } as Parameters<
                typeof renderKnativeService
            >[1]);
        assert.deepEqual(nodeTermsFromManifest(render("eci")), allowedNodeTerms("eci"));
        assert.deepEqual(nodeTermsFromManifest(render("ecs-and-eci")), allowedNodeTerms("ecs-and-eci"));
        // The namespace's label makes ACK's webhook add the affinity: nothing in the manifest.
        assert.equal(nodeTermsFromManifest(render("eci-namespace")), undefined);
        assert.deepEqual(nodeTermsFromManifest({ spec: { template: { spec: { nodeSelector: { "resource-role": "ecs" } } } } }), [ECS_NODE]);
    });
});

describe("integration checks: URL and gateway", () => {
    it("sends the URL's host as the Host header", () => {
        assert.deepEqual(urlTarget("http://helloworld-go.vk.example.com"), {
            protocol: "http:",
            host: "helloworld-go.vk.example.com",
            path: "/",
        });
        assert.deepEqual(urlTarget("https://a.b.example.com:8443/x?y=1"), {
            protocol: "https:",
            host: "a.b.example.com:8443",
            path: "/x?y=1",
        });
        assert.throws(() => urlTarget(""), /not a URL: "" \(is the Knative Service Ready\?\)/);
        assert.throws(() => urlTarget("ftp://x"), /unsupported URL scheme/);
    });

    it("splits gateway addresses", () => {
        assert.deepEqual(splitAddress("47.1.2.3", "http:"), { hostname: "47.1.2.3", port: 80 });
        assert.deepEqual(splitAddress("alb-x.cn-hangzhou.alb.aliyuncs.com", "https:"), {
            hostname: "alb-x.cn-hangzhou.alb.aliyuncs.com",
            port: 443,
        });
        assert.deepEqual(splitAddress("10.0.0.1:31080", "http:"), { hostname: "10.0.0.1", port: 31080 });
        assert.deepEqual(splitAddress("[::1]:80", "http:"), { hostname: "::1", port: 80 });
    });

    it("finds the gateway from the KIngress status and a LoadBalancer Service", () => {
        assert.deepEqual(serviceFromClusterDomain("kourier.knative-serving.svc.cluster.local"), {
            serviceName: "kourier",
            namespace: "knative-serving",
        });
        assert.equal(serviceFromClusterDomain("example.com"), undefined);
        assert.deepEqual(
            gatewayFromKIngress({ publicLoadBalancer: { ingress: [{ domainInternal: "kourier.kourier-system.svc.cluster.local" }] } }),
            {
                service: { serviceName: "kourier", namespace: "kourier-system" },
            },
        );
        assert.deepEqual(gatewayFromKIngress({ publicLoadBalancer: { ingress: [{ domain: "alb-x.alb.aliyuncs.com" }] } }), {
            address: "alb-x.alb.aliyuncs.com",
        });
        assert.equal(gatewayFromKIngress(undefined), undefined);
        assert.equal(loadBalancerAddress({ status: { loadBalancer: { ingress: [{ ip: "47.1.2.3" }] } } }), "47.1.2.3");
        assert.equal(loadBalancerAddress({ status: { loadBalancer: { ingress: [{ hostname: "lb.example" }] } } }), "lb.example");
        assert.equal(loadBalancerAddress({ status: { loadBalancer: {} } }), undefined);
    });
});

describe("integration checks: stack state and left-overs", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "x" };
    const state = {
        version: 3,
        deployment: {
            resources: [
                { type: "alicloud:vpc/switch:Switch", outputs: { id: "vsw-b" } },
                { type: "alicloud:vpc/switch:Switch", outputs: { id: "vsw-a" } },
                { type: "alicloud:vpc/switch:Switch", outputs: { id: "vsw-a" } },
                { type: "alicloud:vpc/switch:Switch", outputs: { id: secret } },
                ...GUIDE_SERVICES.map((s) => ({
                    type: "ack-knative-eci:index:KnativeService",
                    outputs: {
                        serviceName: s.serviceName,
                        namespace: s.namespace,
                        url: `http://${s.serviceName}.${s.namespace}.example.com`,
                    },
                })),
                { type: "ack-knative-eci:index:KnativeService", outputs: { serviceName: "extra", namespace: "default", url: "" } },
            ],
        },
    };

    it("reads vSwitch ids and Services from exported state", () => {
        assert.deepEqual(vswitchIdsFromState(state), ["vsw-a", "vsw-b"]);
        assert.deepEqual(vswitchIdsFromState({}), []);
        const services = knativeServicesFromState(state);
        assert.deepEqual(
            services.map((s) => `${s.namespace}/${s.serviceName} ${s.url}`),
            [
                "vk/helloworld-go http://helloworld-go.vk.example.com",
                "vk-injected/helloworld-go-injected http://helloworld-go-injected.vk-injected.example.com",
                "vk/helloworld-go-mixed http://helloworld-go-mixed.vk.example.com",
                "default/extra ",
            ],
        );
        assert.deepEqual(missingGuideServices(services), []);
        assert.deepEqual(missingGuideServices(services.slice(1)), ["vk/helloworld-go"]);
    });

    it("takes placements from INTEGRATION_PLACEMENTS, then the guide, then the manifest", () => {
        const services = knativeServicesFromState(state);
        const exp = expectations(services, { isGuide: true, placements: { "vk/helloworld-go-mixed": "eci" } });
        assert.deepEqual(
            exp.map((e) => [e.serviceName, e.terms, e.source]),
            [
                ["helloworld-go", [VIRTUAL_KUBELET], 'placement "eci" (guide)'],
                ["helloworld-go-injected", [VIRTUAL_KUBELET], 'placement "eci-namespace" (guide)'],
                ["helloworld-go-mixed", [VIRTUAL_KUBELET], 'placement "eci" (INTEGRATION_PLACEMENTS)'],
                ["extra", undefined, "none (set INTEGRATION_PLACEMENTS)"],
            ],
        );
        // Another program: the guide's names mean nothing there.
        assert.equal(expectations(services, { isGuide: false, placements: {} })[0].terms, undefined);
    });

    it("lists left-over container groups once each", () => {
        assert.deepEqual(leftoverLines([]), []);
        const g = { id: "eci-1", containerGroupName: "vk-helloworld-go", status: "Running", vswitchId: "vsw-a" };
        assert.deepEqual(leftoverLines([g, g]), ["eci-1 (vk-helloworld-go, status Running, vSwitch vsw-a)"]);
    });
});
