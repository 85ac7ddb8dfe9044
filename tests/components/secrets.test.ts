import * as assert from "node:assert/strict";
import { engine, errorOf, isSecret, valueOf } from "../harness";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService, VirtualNode } from "../../sdk";
import { isRecordedSecret } from "../../plan/engine/mockEngine";
import { kubernetesObjects, toYaml } from "../../plan/sections/objects";
import { buildPlacementTable } from "../../plan/sections/placementTable";
import { printable } from "../../plan/sections/printable";

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

describe("a secret in any validated field", () => {
    const provider = new k8s.Provider("secrets-prov-2", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-secrets" });
    const base = { image: "registry.example.com/team/app:1", placement: "eci" } as const;
    const bad: [string, Record<string, unknown>, string][] = [
        ["image", { image: pulumi.secret("Secret Image Ref") }, "image"],
        ["namespace", { namespace: pulumi.secret("Secret_Namespace") }, "namespace"],
        ["serviceName", { serviceName: pulumi.secret("1secret-name") }, "serviceName"],
        ["eciSpecs", { eciSpecs: [pulumi.secret("99-1Gi-secret")] }, "eciSpecs[0]"],
        ["labels", { labels: { team: pulumi.secret("secret value!") } }, 'labels["team"]'],
        ["podLabels", { podLabels: pulumi.secret({ team: "secret value!" }) }, 'podLabels["team"]'],
        ["nodeSelector", { nodeSelector: { zone: pulumi.secret("secret zone!") } }, 'nodeSelector["zone"]'],
        ["serviceAccountName", { serviceAccountName: pulumi.secret("Secret_Account") }, "serviceAccountName"],
        ["imagePullSecrets", { imagePullSecrets: [pulumi.secret("Secret_Pull")] }, "imagePullSecrets[0]"],
        ["extraEphemeralStorage", { extraEphemeralStorage: pulumi.secret("secret-size") }, "extraEphemeralStorage"],
        ["virtualNodeTaintKey", { virtualNodeTaintKey: pulumi.secret("secret key!") }, "virtualNodeTaintKey"],
        ["resources", { resources: pulumi.secret({ requests: { cpu: "secret-cpu" } }) }, "resources.requests.cpu"],
        ["scaling", { scaling: pulumi.secret({ window: "secret-window" }) }, "scaling.window"],
    ];
    const SECRET_VALUES = [
        "Secret Image Ref",
        "Secret_Namespace",
        "1secret-name",
        "99-1Gi-secret",
        "secret value!",
        "secret zone!",
        "Secret_Account",
        "Secret_Pull",
        "secret-size",
        "secret key!",
        "secret-cpu",
        "secret-window",
    ];
    for (const [name, args, field] of bad) {
        it(`${name}: the message names the field and hides the value`, async () => {
            const svc = new KnativeService(`secret-field-${name.toLowerCase()}`, { ...base, ...args } as never, { provider });
            const error = await errorOf(svc.manifest);
            assert.match(
                error.message,
                new RegExp(
                    `^KnativeService "secret-field-[a-z]+": ${field.replace(/[[\]]/g, "\\$&")} = \\(secret, \\d+ characters\\) is not valid`,
                ),
            );
            for (const value of SECRET_VALUES) assert.ok(!error.message.includes(value), error.message);
        });
    }

    it("the offline plan prints no secret given to any rendered field", async () => {
        const secretTexts = ["s3cr3t-env", "s3cr3t-label", "s3cr3t-annotation", "s3cr3t-pod-annotation", "s3cr3t-arg"];
        new KnativeService(
            "secret-plan",
            {
                ...base,
                env: { TOKEN: pulumi.secret(secretTexts[0]) },
                labels: { team: pulumi.secret(secretTexts[1]) },
                annotations: { note: pulumi.secret(secretTexts[2]) },
                podAnnotations: { note: pulumi.secret(secretTexts[3]) },
                args: [pulumi.secret(secretTexts[4])],
            },
            { provider },
        );
        await engine.settle();
        const ksvc = engine.get(KSVC, "secret-plan-ksvc");
        const text = kubernetesObjects([ksvc])
            .map((o) => toYaml(o.object))
            .join("\n");
        for (const s of secretTexts) assert.ok(!text.includes(s), `${s} printed`);
        assert.match(text, /name: secret-plan/);
        assert.equal(secretPaths(ksvc.inputs).length, 5);
    });
});
