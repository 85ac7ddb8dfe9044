// The other examples that create or read Alibaba Cloud resources, in their project directories through the real CLI
// and the real alicloud provider, against the local Alibaba Cloud (tests/local-cloud, a stand-in for the cloud):
// - examples/existing-cluster adopts "the platform team's cluster" (created first by another stack, programs/
//   teamCluster.ts) by id: the kubeconfig from ACK's user_config, Knative's flags, the virtual node it installs;
// - examples/ecs-first creates the whole platform with an ECI image cache, spot ECI and an ACK ResourcePolicy.
// After each, the local cloud holds nothing the stacks made, except what the provider is known to leave (below).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { type CloudLane, startCloudLane } from "../harness/cloudLane";
import { leftovers } from "../harness/cloudState";
import { setStackConfig } from "../harness/localAlibabaCloud";
import { podsOf, waitForRunningPods } from "../harness/localCluster";
import { pulumiEnv } from "../harness/pulumiStack";
import { teamCluster } from "./programs/teamCluster";

const MINUTE = 60_000;
const STACK = "local";
const log = (line: string) => console.log(`[cloud examples] ${line}`);

interface KnativeServiceObject {
    spec: { template: { metadata?: { annotations?: Record<string, string> } } };
}

/** The team's stack: an inline program on the same backend, configured for the local cloud like any stack. */
async function teamStack(lane: CloudLane): Promise<Stack> {
    const envVars = { ...pulumiEnv(lane.workDir), ...lane.cloud.env };
    const workDir = path.join(lane.workDir, "projects", "team-cluster");
    fs.mkdirSync(workDir, { recursive: true });
    const stack = await LocalWorkspace.createOrSelectStack(
        { projectName: "team-cluster", stackName: STACK, program: teamCluster },
        {
            workDir,
            pulumiCommand: await PulumiCommand.get({ root: path.dirname(lane.tools.binDir) }),
            envVars,
            secretsProvider: "passphrase",
            projectSettings: { name: "team-cluster", runtime: "nodejs", backend: { url: envVars.PULUMI_BACKEND_URL } },
        },
    );
    await setStackConfig(stack, lane.cloud.pulumiConfig);
    return stack;
}

describe("engine, cloud half: examples/existing-cluster and examples/ecs-first on the local Alibaba Cloud", function () {
    this.timeout(40 * MINUTE);
    let lane: CloudLane | undefined;

    before(async function () {
        lane = await startCloudLane("cloud-examples", log);
        if (!lane) this.skip();
    });

    after(async function () {
        await lane?.stop(this.currentTest?.state === "failed");
    });

    async function readKnativeService(namespace: string, name: string): Promise<KnativeServiceObject> {
        const kube = lane!.cloud.kube;
        return (await kube.custom.getNamespacedCustomObject({
            group: "serving.knative.dev",
            version: "v1",
            namespace,
            plural: "services",
            name,
        })) as KnativeServiceObject;
    }

    it("examples/existing-cluster: adopts a cluster by id and deploys onto it; destroy leaves the cluster, and the add-on it installed", async () => {
        const { cloud } = lane!;
        const team = await teamStack(lane!);
        const onOutput = (out: string) => process.stdout.write(out.replace(/^(?=.)/gm, "    | team: "));
        const created = await team.up({ onOutput });
        const clusterId = created.outputs.clusterId.value as string;
        log(`the team's cluster ${clusterId}`);

        const cli = await lane!.project("examples/existing-cluster", STACK);
        await cli.ok(["config", "set", "clusterId", clusterId]);
        await cli.ok(["config", "set", "installVirtualNode", "true"]);
        const preview = await cli.ok(["preview", "--diff"]);
        assert.match(preview.output, /\+ alicloud:cs\/kubernetesAddon:KubernetesAddon/, "the stack installs ack-virtual-node");
        assert.doesNotMatch(preview.output, /\+ alicloud:cs\/managedKubernetes:ManagedKubernetes/, "it creates no cluster");
        await cli.ok(["up", "--yes"]);
        assert.deepEqual(JSON.parse((await cli.ok(["stack", "output", "serviceUrls", "--json"])).stdout), {
            "helloworld-go": "http://helloworld-go.vk.example.com",
            "helloworld-go-mixed": "http://helloworld-go-mixed.vk.example.com",
        });
        await waitForRunningPods(cloud.kube, "vk", "helloworld-go", 1);
        const nodes = (await podsOf(cloud.kube, "vk", "helloworld-go")).map((p) => p.spec!.nodeName!);
        assert.ok(
            nodes.every((n) => n.startsWith("virtual-kubelet-")),
            `the eci Service runs on the virtual node the stack's add-on brought: ${nodes.join(", ")}`,
        );
        assert.equal((await cli.run(["preview", "--expect-no-changes"])).code, 0, "a second preview plans no change");
        await cli.ok(["destroy", "--yes"]);

        const after = await cloud.cloud.state();
        assert.equal(after.clusters.length, 1, "destroying the adopting stack leaves the cluster");
        // terraform-provider-alicloud v1.285.0 forgets an add-on on delete without uninstalling it (README, "pulumi destroy").
        assert.deepEqual(after.clusters[0].addons.map((a) => a.name).sort(), ["ack-virtual-node", "knative"]);

        await team.destroy({ onOutput });
        assert.deepEqual(leftovers(await cloud.cloud.state()), [], "the team's destroy leaves the local cloud empty");
        assert.deepEqual(await cloud.cloud.violations(), [], "every request fits Alibaba's request models");
    });

    it("examples/ecs-first: the platform with an ECI image cache, spot ECI and an ACK ResourcePolicy, up and destroy", async () => {
        const { cloud } = lane!;
        const cli = await lane!.project("examples/ecs-first", STACK);
        const preview = await cli.ok(["preview", "--diff"]);
        assert.match(preview.output, /\+ alicloud:eci\/imageCache:ImageCache/);
        assert.match(preview.output, /\+ kubernetes:scheduling\.alibabacloud\.com\/v1alpha1:ResourcePolicy/);
        await cli.ok(["up", "--yes"]);
        const state = await cloud.cloud.state();
        assert.equal(state.counts.imageCaches, 1, "one ECI image cache");
        const ksvc = await readKnativeService("shop", "checkout");
        const annotations = ksvc.spec.template.metadata?.annotations ?? {};
        assert.equal(annotations["k8s.aliyun.com/eci-spot-strategy"], "SpotAsPriceGo");
        assert.match(annotations["k8s.aliyun.com/eci-imc-id"] ?? "", /^imc-/, "the Service starts from the cache the cloud made");
        const policy = await cloud.kube.custom.getNamespacedCustomObject({
            group: "scheduling.alibabacloud.com",
            version: "v1alpha1",
            namespace: "shop",
            plural: "resourcepolicies",
            name: "checkout",
        });
        assert.ok(policy, "the ResourcePolicy is stored");
        await waitForRunningPods(cloud.kube, "shop", "checkout", 1);
        assert.equal((await cli.run(["preview", "--expect-no-changes"])).code, 0, "a second preview plans no change");
        await cli.ok(["destroy", "--yes"]);
        assert.deepEqual(leftovers(await cloud.cloud.state()), [], "destroy leaves the local cloud empty");
        assert.deepEqual(await cloud.cloud.violations(), [], "every request fits Alibaba's request models");
    });
});
