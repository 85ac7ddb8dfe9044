// The root program (the guide) and every TypeScript example, with the config each example's docs give: the
// programs tests/programs.test.ts plans and tests/knative/ sends through Knative's own admission.
const KUBECONFIG = "kubeconfig=apiVersion: v1\nkind: Config\n";
// The platform reads the API server from a kubeconfig it adopts (the provider's identity).
const ADOPTED_KUBECONFIG =
    "kubeconfig=apiVersion: v1\nkind: Config\nclusters:\n- name: ack\n  cluster:\n    server: https://203.0.113.10:6443\ncontexts:\n- name: ack\n  context:\n    cluster: ack\ncurrent-context: ack\n";
const CLUSTER_ID = "clusterId=c0123456789abcdef0123456789abcdef";
export const PROGRAMS = {
    guide: { program: undefined, project: "ack-knative-eci-guide", config: [] },
    "service-eci": { program: "examples/service-eci/index.js", project: "service-eci", config: [KUBECONFIG, CLUSTER_ID] },
    "service-eci-namespace": {
        program: "examples/service-eci-namespace/index.js",
        project: "service-eci-namespace",
        config: [KUBECONFIG, CLUSTER_ID],
    },
    "service-ecs-and-eci": {
        program: "examples/service-ecs-and-eci/index.js",
        project: "service-ecs-and-eci",
        config: [KUBECONFIG, CLUSTER_ID, 'ecsNodes=["cn-hangzhou.192.168.0.10"]'],
    },
    "service-ecs": { program: "examples/service-ecs/index.js", project: "service-ecs", config: [KUBECONFIG, CLUSTER_ID] },
    "grpc-canary": {
        program: "examples/grpc-canary/index.js",
        project: "grpc-canary",
        config: [KUBECONFIG, CLUSTER_ID, "image=registry.example.com/shop/greeter:2", "version=v2", "stableRevision=greeter-v1"],
    },
    "ecs-first": { program: "examples/ecs-first/index.js", project: "ecs-first", config: [] },
    "existing-cluster": {
        program: "examples/existing-cluster/index.js",
        project: "existing-cluster",
        config: ["clusterId=c0123456789abcdef0123456789abcdef", 'ecsNodes=["cn-hangzhou.192.168.0.10"]', "installVirtualNode=true"],
    },
    "existing-kubeconfig": {
        program: "examples/existing-kubeconfig/index.js",
        project: "existing-kubeconfig",
        config: [
            ADOPTED_KUBECONFIG,
            CLUSTER_ID,
            'ecsNodes=["cn-hangzhou.192.168.0.10"]',
            'eciVSwitchIds=["vsw-bp1exampleexample0001"]',
            "eciSecurityGroupId=sg-bp1exampleexample00",
        ],
    },
    "stack-reference": {
        program: "examples/stack-reference/index.js",
        project: "stack-reference",
        config: ["platformStack=my-org/ack-knative-eci-guide/dev"],
    },
};
