"""A Knative Service on ECI in an existing ACK cluster, through the ack-knative-eci component package.

The cluster must already run Knative Serving and the ack-virtual-node add-on (for example from the
package's KnativeServing and VirtualNode components, or ACK's console).
"""

import pulumi
import pulumi_kubernetes as k8s
import pulumi_ack_knative_eci as ack_knative_eci

config = pulumi.Config()

# The kubeconfig is a secret config value; clusterIdentifier keeps the provider (and everything under
# it) from being replaced when the kubeconfig is refreshed.
provider = k8s.Provider(
    "ack",
    kubeconfig=config.require_secret("kubeconfig"),
    cluster_identifier=config.require("clusterId"),
)

hello = ack_knative_eci.KnativeService(
    "helloworld-go",
    image=config.get("image") or "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
    # Only on ECI: required node affinity on the virtual node plus a toleration of its taint.
    # The plain string "eci" works too.
    placement=ack_knative_eci.Placement.ECI,
    namespace="default",
    service_name="helloworld-go",
    env={"TARGET": "Knative on ECI"},
    # Rendered comma-joined into k8s.aliyun.com/eci-use-specs; ECI tries them in order.
    eci_specs=["2-4Gi", "ecs.c6.large"],
    container_concurrency=10,
    # A component's children take their provider from the `providers` option.
    opts=pulumi.ResourceOptions(providers=[provider]),
)

pulumi.export("url", hello.url)
pulumi.export("latestReadyRevisionName", hello.latest_ready_revision_name)
