import * as assert from "node:assert/strict";
import { engine, errorOf, isSecret, valueOf } from "../harness";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService } from "../../sdk";
import { isRecordedSecret } from "../../plan/engine/mockEngine";

const KSVC = "kubernetes:serving.knative.dev/v1:Service";
const SIDECAR_TOKEN = "sidecar-t0ken-value";

function secretPaths(value: unknown, path = ""): string[] {
    if (isRecordedSecret(value)) return [path];
    if (Array.isArray(value)) return value.flatMap((v, i) => secretPaths(v, `${path}[${i}]`));
    if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => secretPaths(v, `${path}.${k}`));
    return [];
}

describe("KnativeService component: production settings", () => {
    const provider = new k8s.Provider("production-prov", { kubeconfig: "apiVersion: v1", clusterIdentifier: "c-production" });

    it("a value from a Secret key is a reference only; a literal secret in a sidecar stays secret at that one path", async () => {
        new KnativeService(
            "prod-env",
            {
                image: "registry.example.com/app:1",
                placement: "eci",
                envValueFrom: { DB_PASSWORD: { secretKeyRef: { name: "db", key: "password" } } },
                sidecars: [{ name: "agent", image: "registry.example.com/agent:1", env: { TOKEN: pulumi.secret(SIDECAR_TOKEN) as never } }],
            },
            { provider },
        );
        await engine.settle();
        const r = engine.get(KSVC, "prod-env-ksvc");
        assert.deepEqual(secretPaths(r.inputs), [".spec.template.spec.containers[1].env[0].value"]);
        const containers = (r.inputs as { spec: { template: { spec: { containers: { env?: unknown[] }[] } } } }).spec.template.spec
            .containers;
        assert.deepEqual(containers[0].env, [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }]);
    });

    it("outputs each traffic tag's URL, derived from the Service URL until Knative reports one", async () => {
        const svc = new KnativeService(
            "prod-canary",
            {
                image: "registry.example.com/app:2",
                placement: "eci",
                namespace: "shop",
                revisionName: "prod-canary-v2",
                traffic: [
                    { revisionName: "prod-canary-v1", percent: 90, tag: "stable" },
                    { latestRevision: true, percent: 10, tag: "canary" },
                ],
            },
            { provider },
        );
        // The mock engine reports a status URL as Knative's default domain template makes it, without traffic URLs.
        assert.equal(await valueOf(svc.url), "http://prod-canary.shop.example.com");
        assert.deepEqual(await valueOf(svc.tagUrls), {
            stable: "http://stable-prod-canary.shop.example.com",
            canary: "http://canary-prod-canary.shop.example.com",
        });
        assert.equal(await isSecret(svc.tagUrls), false);
    });

    it("refuses an empty registry user that is only known later, with the same sentence", async () => {
        const svc = new KnativeService(
            "prod-cache",
            {
                image: "registry.example.com/app:3",
                placement: "eci",
                imageCache: {
                    mode: "create",
                    vswitchId: "vsw-a1",
                    securityGroupId: "sg-a1",
                    registryCredentials: [{ server: "r.example.com", userName: pulumi.output(""), password: pulumi.secret("p4ssw0rd") }],
                },
            },
            { provider },
        );
        const error = await errorOf(svc.imageCache!.imageRegistryCredentials as pulumi.Output<unknown>);
        assert.equal(
            error.message,
            'KnativeService "prod-cache": imageCache.registryCredentials[0].userName = "" is not valid: expected the registry user name.',
        );
    });
});
