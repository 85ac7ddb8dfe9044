import * as assert from "node:assert/strict";
import { dependencyNames, engine, errorOf, valueOf } from "../harness";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { InputError, KnativeService } from "../../sdk";
import { isRecordedSecret } from "../../plan/engine/mockEngine";
import { READY_DECIDED } from "../../sdk/render/knativeService/readiness";

const KSVC = "kubernetes:serving.knative.dev/v1:Service";
const COMPONENT = "ack-knative-eci:index:KnativeService";

describe("KnativeService component", () => {
    const provider = new KubernetesProvider("ksvc-prov", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-test" });

    it("declares the ksvc on the given provider, under the component, after its dependencies", async () => {
        const ns = new corev1.Namespace("ksvc-ns", { metadata: { name: "vk" } }, { provider });
        const svc = new KnativeService(
            "helloworld-go",
            { image: "img:1", placement: "eci", namespace: "vk", eciSpecs: ["2-4Gi"] },
            { provider, dependsOn: [ns] },
        );
        assert.equal(await valueOf(svc.url), "http://helloworld-go.vk.example.com");
        assert.equal(await valueOf(svc.latestReadyRevisionName), "helloworld-go-00001");
        assert.equal(await valueOf(svc.serviceName), "helloworld-go");
        assert.equal(await valueOf(svc.namespace), "vk");
        await engine.settle();

        const r = engine.get(KSVC, "helloworld-go-ksvc");
        assert.match(r.provider ?? "", /ksvc-prov/);
        assert.equal(engine.byUrn(r.parent ?? "").type, COMPONENT);
        assert.deepEqual(dependencyNames(KSVC, "helloworld-go-ksvc"), ["kubernetes:core/v1:Namespace::ksvc-ns"]);
        const manifest = await valueOf(svc.manifest);
        assert.deepEqual(r.inputs.spec, manifest.spec);
        assert.equal(r.inputs.apiVersion, "serving.knative.dev/v1");
        assert.equal(r.inputs.kind, "Service");
    });

    it("makes pulumi up wait for Ready, with a timeout, unless told not to", async () => {
        new KnativeService("ksvc-wait", { image: "img:1", placement: "ecs", readyTimeoutSeconds: 900 }, { provider });
        new KnativeService("ksvc-nowait", { image: "img:1", placement: "ecs", waitForReady: false }, { provider });
        await engine.settle();
        const annotations = (name: string) =>
            (engine.get(KSVC, name).inputs.metadata as { annotations?: Record<string, string> }).annotations ?? {};
        // Until Knative decides Ready either way; a False verdict then fails the update (readiness.ts).
        assert.equal(annotations("ksvc-wait-ksvc")["pulumi.com/waitFor"], READY_DECIDED);
        assert.equal(annotations("ksvc-wait-ksvc")["pulumi.com/patchForce"], "true");
        assert.equal(annotations("ksvc-wait-ksvc")["pulumi.com/timeoutSeconds"], "900");
        assert.equal(annotations("ksvc-nowait-ksvc")["pulumi.com/waitFor"], undefined);
    });

    it("throws from the constructor on invalid plain input, before registering anything", () => {
        const before = engine.resources.length;
        assert.throws(
            () => new KnativeService("ksvc-bad", { image: "img:1", placement: "eci", eciSpecs: ["3-3Gi"] }, { provider }),
            (e: unknown) =>
                e instanceof InputError && e.message.startsWith('KnativeService "ksvc-bad": eciSpecs[0] = "3-3Gi" is not valid'),
        );
        assert.equal(engine.resources.filter((r) => r.name.startsWith("ksvc-bad")).length, 0);
        assert.ok(engine.resources.length >= before);
    });

    it("validates values known only later with the same message", async () => {
        const svc = new KnativeService("ksvc-later", { image: pulumi.output("nginx latest"), placement: "eci" }, { provider });
        const error = await errorOf(svc.manifest);
        assert.match(
            error.message,
            /^KnativeService "ksvc-later": image = "nginx latest" is not valid: expected a container image reference/,
        );
    });

    it("needs the placement as a plain value, because it decides which resources exist", () => {
        assert.throws(
            () => new KnativeService("ksvc-placement", { image: "img:1", placement: pulumi.output("ecs-first") as never }, { provider }),
            /^InputError: KnativeService "ksvc-placement": placement = \(an Output\) is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs" as a plain value, not an Output: it decides which resources are declared/,
        );
    });

    it("renders Output inputs once they resolve", async () => {
        const svc = new KnativeService(
            "ksvc-output",
            { image: pulumi.output("registry.example.com/app:7"), placement: "eci-namespace", namespace: pulumi.output("team-a") },
            { provider },
        );
        const manifest = await valueOf(svc.manifest);
        assert.equal(manifest.spec.template.spec.containers[0].image, "registry.example.com/app:7");
        assert.equal(manifest.metadata.namespace, "team-a");
    });

    it("keeps a secret environment value secret in what it sends to the engine", async () => {
        new KnativeService("ksvc-secret", { image: "img:1", placement: "eci", env: { TOKEN: pulumi.secret("s3cr3t") } }, { provider });
        await engine.settle();
        // Only the value is secret: the rest of the spec stays readable in previews and the plan.
        const spec = engine.get(KSVC, "ksvc-secret-ksvc").inputs.spec as {
            template: { spec: { containers: { env: { value: unknown }[] }[] } };
        };
        assert.ok(!isRecordedSecret(spec));
        assert.ok(isRecordedSecret(spec.template.spec.containers[0].env[0].value));
    });
});

describe("KnativeService component: ecs-first and image caches", () => {
    const provider = new KubernetesProvider("ksvc-prov-2", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-test" });

    it("applies the ResourcePolicy before the Service", async () => {
        const svc = new KnativeService("ksvc-burst", { image: "img:1", placement: "ecs-first", namespace: "shop" }, { provider });
        await valueOf(svc.url);
        await engine.settle();
        const policy = engine.get("kubernetes:scheduling.alibabacloud.com/v1alpha1:ResourcePolicy", "ksvc-burst-resource-policy");
        assert.deepEqual(policy.inputs.metadata, { name: "ksvc-burst", namespace: "shop" });
        assert.deepEqual(dependencyNames(KSVC, "ksvc-burst-ksvc"), [
            "kubernetes:scheduling.alibabacloud.com/v1alpha1:ResourcePolicy::ksvc-burst-resource-policy",
        ]);
    });

    it("creates the image cache, keeps registry passwords secret, and pins revisions to the cache id", async () => {
        const svc = new KnativeService(
            "ksvc-cached",
            {
                image: "registry.cn-hangzhou.aliyuncs.com/team/app:3",
                placement: "eci",
                imageCache: {
                    mode: "create",
                    vswitchId: "vsw-a",
                    securityGroupId: pulumi.output("sg-a"),
                    registryCredentials: [{ server: "registry.cn-hangzhou.aliyuncs.com", userName: "robot", password: "hunter2" }],
                },
            },
            { provider },
        );
        const manifest = await valueOf(svc.manifest);
        await engine.settle();
        const cache = engine.get("alicloud:eci/imageCache:ImageCache", "ksvc-cached-image-cache");
        assert.deepEqual(cache.inputs.images, ["registry.cn-hangzhou.aliyuncs.com/team/app:3"]);
        assert.equal(cache.inputs.vswitchId, "vsw-a");
        assert.equal(cache.inputs.securityGroupId, "sg-a");
        const [credential] = cache.inputs.imageRegistryCredentials as Record<string, unknown>[];
        assert.ok(isRecordedSecret(credential.password), "the password recorded as secret");
        assert.ok(!JSON.stringify(engine.get(KSVC, "ksvc-cached-ksvc").inputs).includes("hunter2"));
        assert.ok(!isRecordedSecret(engine.get(KSVC, "ksvc-cached-ksvc").inputs.spec), "the manifest itself is not secret");
        assert.equal(manifest.spec.template.metadata.annotations?.["k8s.aliyun.com/eci-imc-id"], "ksvc-cached-image-cache-id");
        assert.deepEqual(dependencyNames(KSVC, "ksvc-cached-ksvc"), ["alicloud:eci/imageCache:ImageCache::ksvc-cached-image-cache"]);
    });
});
