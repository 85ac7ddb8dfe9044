import * as assert from "node:assert/strict";
import { engine, errorOf, isSecret, valueOf } from "../harness";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService, VirtualNode } from "../../sdk";
import { isRecordedSecret } from "../../plan/mockEngine";
import { kubernetesObjects, toYaml } from "../../plan/objects";
import { buildPlacementTable } from "../../plan/placementTable";
import { printable } from "../../plan/printable";

const KSVC = "kubernetes:serving.knative.dev/v1:Service";
const TOKEN = "s3cr3t-t0ken-value";

/** Paths of the recorded secret markers in a value. */
function secretPaths(value: unknown, path = ""): string[] {
    if (isRecordedSecret(value)) return [path];
    if (Array.isArray(value)) return value.flatMap((v, i) => secretPaths(v, `${path}[${i}]`));
    if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => secretPaths(v, `${path}.${k}`));
    return [];
}

describe("secrets in component arguments", () => {
    const provider = new k8s.Provider("secrets-prov", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-secrets" });

    it("a secret env value keeps only that value secret: name, namespace, placement and the plan stay readable", async () => {
        const svc = new KnativeService(
            "secret-env",
            { image: "img:1", placement: "eci", namespace: "vk", env: { TOKEN: pulumi.secret(TOKEN), MODE: "prod" } },
            { provider },
        );
        assert.equal(await valueOf(svc.serviceName), "secret-env");
        assert.equal(await isSecret(svc.serviceName), false);
        assert.equal(await isSecret(svc.namespace), false);
        await engine.settle();

        const r = engine.get(KSVC, "secret-env-ksvc");
        assert.deepEqual(secretPaths(r.inputs), [".spec.template.spec.containers[0].env[0].value"]);
        const [object] = kubernetesObjects([r]);
        assert.equal(object.file, "vk/service.serving.knative.dev-secret-env.yaml");
        const yaml = toYaml(object.object);
        assert.ok(!yaml.includes(TOKEN));
        assert.match(yaml, /name: TOKEN\n\s+value: '\[secret\]'/);
        assert.match(yaml, /name: MODE\n\s+value: prod/);
        // The placement table reads the pod spec: an `eci` Service stays on the virtual node.
        const addon = { ...r, type: "alicloud:cs/kubernetesAddon:KubernetesAddon", name: "vn", inputs: { name: "ack-virtual-node" } };
        const pool = {
            ...r,
            type: "alicloud:cs/nodePool:NodePool",
            name: "pool",
            inputs: { labels: [{ key: "resource-role", value: "ecs" }] },
        };
        const table = buildPlacementTable([r, addon, pool]);
        const fits = table.services[0].fits.filter((f) => f.fit.fits).map((f) => f.node.name);
        assert.deepEqual(fits, ["virtual-kubelet"]);
        assert.equal(table.services[0].service, "vk/secret-env");
    });

    it("a secret value that fails validation is shown by its length only", async () => {
        const svc = new KnativeService(
            "secret-bad",
            { image: "img:1", placement: "eci", eciSpecs: [pulumi.secret("7-77Gi-secret")] },
            { provider },
        );
        const error = await errorOf(svc.manifest);
        assert.match(
            error.message,
            /^KnativeService "secret-bad": eciSpecs\[0\] = \(secret, 13 characters\) is not valid: expected "<vCPU>-<memory>Gi"/,
        );
        assert.ok(!error.message.includes("7-77Gi"));
    });

    it("a secret inside a rendered JSON setting keeps only that setting secret", async () => {
        const vn = new VirtualNode("secret-vn", { clusterId: "c0123456789", config: { token: pulumi.secret(TOKEN) }, version: "v2.13.2" });
        await engine.settle();
        const addon = engine.get("alicloud:cs/kubernetesAddon:KubernetesAddon", "secret-vn-addon");
        assert.deepEqual(secretPaths(addon.inputs), [".config"]);
        assert.equal(addon.inputs.version, "v2.13.2");
        assert.ok(!JSON.stringify(printable(addon.inputs)).includes(TOKEN));
        assert.equal(await isSecret(vn.version), false);
    });
});
