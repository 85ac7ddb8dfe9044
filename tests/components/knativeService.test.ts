import * as assert from "node:assert/strict";
import { dependencyNames, engine, valueOf } from "../harness";
import * as k8s from "@pulumi/kubernetes";
import { KnativeService } from "../../sdk";

const KSVC = "kubernetes:serving.knative.dev/v1:Service";

describe("KnativeService component", () => {
    it("declares the ksvc on the given provider and waits for Ready", async () => {
        const provider = new k8s.Provider("ks-prov", { kubeconfig: "x", clusterIdentifier: "c1" });
        const ns = new k8s.core.v1.Namespace("ks-dep", { metadata: { name: "vk" } }, { provider });
        const svc = new KnativeService(
            "helloworld-go",
            { image: "img:1", placement: "eci", namespace: "vk", eciSpecs: ["2-4Gi"] },
            { provider, dependsOn: [ns] },
        );
        assert.equal(await valueOf(svc.url), "http://helloworld-go.vk.example.com");
        await engine.settle();
        const r = engine.get(KSVC, "helloworld-go-ksvc");
        assert.match(r.provider ?? "", /ks-prov/);
        const meta = r.inputs.metadata as { annotations: Record<string, string> };
        assert.equal(meta.annotations["pulumi.com/waitFor"], "condition=Ready");
        assert.deepEqual(dependencyNames(KSVC, "helloworld-go-ksvc"), ["kubernetes:core/v1:Namespace::ks-dep"]);
        assert.equal(engine.byUrn(r.parent!).type, "ack-knative-eci:index:KnativeService");
    });
});
