"""Alibaba Cloud's "Using ECI in Knative" guide from Python, with the ack-knative-eci component package.

One KnativeEciPlatform creates everything the guide needs in a new network: a VPC with vSwitches,
a NAT gateway with an EIP and SNAT entries, an ACK Pro cluster, its ECS node pool (nodes labeled
resource-role=ecs), the ack-virtual-node add-on (the ECI virtual node) and Knative Serving, two
namespaces, and helloworld-go in each of the guide's placement modes:

- eci            only on ECI (node affinity and toleration on the Service itself),
- eci-namespace  on ECI through ACK's webhook (namespace label virtual-node-affinity-injection),
- ecs-and-eci    on the ECS nodes or ECI, whichever has room.

What it creates is billed while the stack exists (the cluster, the ECS nodes, the NAT gateway and
EIP, the ECI pods); `pulumi destroy` removes it. Alibaba Cloud credentials come from
ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY, the region from `alicloud:region` (cn-hangzhou by
default). Run `pulumi package add ../..` (or `pulumi install`) here first: it generates the
pulumi_ack_knative_eci SDK from the package's TypeScript sources (docs/cross-language.md).
"""

import pulumi
import pulumi_ack_knative_eci as ack_knative_eci

config = pulumi.Config()
image = "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56"
eci_specs = config.get_object("eciSpecs") or ["2-4Gi"]

# Nested arguments are plain dicts with snake_case keys (typed as ...ArgsDict in the SDK); the
# generated ...ArgsArgs classes work too.
platform = ack_knative_eci.KnativeEciPlatform(
    "knative-eci",
    cluster={
        # One cluster per stack: dev and prod stacks in one account get distinct ACK cluster names.
        "cluster_name": f"knative-eci-python-{pulumi.get_stack()}",
        "api_server_public": config.get_bool("apiServerPublic"),
        "deletion_protection": config.get_bool("deletionProtection"),
        "node_pool": {
            "instance_types": config.get_object("nodeInstanceTypes"),
            "desired_size": config.get_int("nodeCount") or 3,
        },
    },
    namespaces=[
        # The Services in "vk" carry their ECI affinity and toleration themselves.
        {"namespace_name": "vk"},
        # As `kubectl label namespace vk-injected virtual-node-affinity-injection=enabled`.
        {"namespace_name": "vk-injected", "eci_injection": True},
    ],
    services=[
        {
            "service_name": "helloworld-go",
            "namespace": "vk",
            # Enums are str enums; the plain string "eci" works too.
            "placement": ack_knative_eci.Placement.ECI,
            "image": image,
            "env": {"TARGET": "Knative"},
            # Rendered comma-joined into k8s.aliyun.com/eci-use-specs; ECI tries them in order.
            "eci_specs": eci_specs,
        },
        {
            "service_name": "helloworld-go-injected",
            "namespace": "vk-injected",
            "placement": ack_knative_eci.Placement.ECI_NAMESPACE,
            "image": image,
            "env": {"TARGET": "Knative"},
            "eci_specs": eci_specs,
        },
        {
            "service_name": "helloworld-go-mixed",
            "namespace": "vk",
            "placement": ack_knative_eci.Placement.ECS_AND_ECI,
            "image": image,
            "env": {"TARGET": "Knative"},
            "eci_specs": eci_specs,
            "container_concurrency": 10,
        },
    ],
)

pulumi.export("clusterId", platform.cluster_id)
# A secret: `pulumi stack output kubeconfig --show-secrets > kubeconfig`.
pulumi.export("kubeconfig", platform.kubeconfig)
pulumi.export("serviceUrls", platform.service_urls)
