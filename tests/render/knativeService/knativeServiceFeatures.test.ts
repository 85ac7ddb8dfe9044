import * as assert from "node:assert/strict";
import { renderKnativeService } from "../../../sdk/render/knativeService/knativeService";
import { validateKnativeService } from "../../knativeSchema";

describe("KnativeService rendering of container, scaling and metadata settings", () => {
    const svc = renderKnativeService("orders", {
        image: "registry.example.com/orders:2.1",
        placement: "ecs-and-eci",
        namespace: "shop",
        serviceName: "orders-api",
        env: { LOG_LEVEL: "info", DB_HOST: "db.shop" },
        port: 9000,
        command: ["/app/server"],
        args: ["--verbose"],
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
        scaling: { minScale: 1, maxScale: 10, initialScale: 2, target: 50, metric: "rps", scaleDownDelay: "15m", window: "120s" },
        containerConcurrency: 20,
        timeoutSeconds: 120,
        labels: { team: "shop" },
        annotations: { "example.com/owner": "shop-team" },
        podLabels: { app: "orders" },
        podAnnotations: { "k8s.aliyun.com/eci-with-eip": "false" },
        eciSpecs: ["2-4Gi", "ecs.c6.large"],
        nodeSelector: { "topology.kubernetes.io/zone": "cn-hangzhou-i" },
        tolerations: [{ key: "dedicated", operator: "Equal", value: "shop", effect: "NoSchedule" }],
        serviceAccountName: "orders",
        imagePullSecrets: ["acr-credentials"],
        volumes: [{ name: "config", configMap: { name: "orders-config" } }],
        volumeMounts: [{ name: "config", mountPath: "/etc/orders", readOnly: true }],
    });
    const template = svc.spec.template;
    const container = template.spec.containers[0];

    it("names the Service and namespace", () => {
        assert.deepEqual(svc.metadata, {
            name: "orders-api",
            namespace: "shop",
            labels: { team: "shop" },
            annotations: { "example.com/owner": "shop-team" },
        });
    });

    it("puts autoscaling and ECI annotations on the revision template", () => {
        assert.deepEqual(template.metadata, {
            labels: { app: "orders" },
            annotations: {
                "k8s.aliyun.com/eci-use-specs": "2-4Gi,ecs.c6.large",
                "autoscaling.knative.dev/metric": "rps",
                "autoscaling.knative.dev/target": "50",
                "autoscaling.knative.dev/min-scale": "1",
                "autoscaling.knative.dev/max-scale": "10",
                "autoscaling.knative.dev/initial-scale": "2",
                "autoscaling.knative.dev/scale-down-delay": "15m",
                "autoscaling.knative.dev/window": "120s",
                "k8s.aliyun.com/eci-with-eip": "false",
            },
        });
    });

    it("selects the HPA autoscaler class for CPU and memory metrics", () => {
        const cpu = renderKnativeService("cpu-bound", {
            image: "a:1",
            placement: "eci",
            scaling: { metric: "cpu", target: 70, minScale: 1 },
        });
        assert.equal(cpu.spec.template.metadata.annotations?.["autoscaling.knative.dev/class"], "hpa.autoscaling.knative.dev");
    });

    it("renders the container", () => {
        assert.deepEqual(container, {
            name: "user-container",
            image: "registry.example.com/orders:2.1",
            command: ["/app/server"],
            args: ["--verbose"],
            env: [
                { name: "LOG_LEVEL", value: "info" },
                { name: "DB_HOST", value: "db.shop" },
            ],
            ports: [{ containerPort: 9000 }],
            resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
            volumeMounts: [{ name: "config", mountPath: "/etc/orders", readOnly: true }],
        });
    });

    it("renders pod settings and merges user tolerations after the placement's", () => {
        const { containers: _containers, affinity: _affinity, ...pod } = template.spec;
        assert.deepEqual(pod, {
            containerConcurrency: 20,
            timeoutSeconds: 120,
            serviceAccountName: "orders",
            imagePullSecrets: [{ name: "acr-credentials" }],
            nodeSelector: { "topology.kubernetes.io/zone": "cn-hangzhou-i" },
            tolerations: [
                { key: "virtual-kubelet.io/provider", operator: "Exists" },
                { key: "dedicated", operator: "Equal", value: "shop", effect: "NoSchedule" },
            ],
            volumes: [{ name: "config", configMap: { name: "orders-config" } }],
        });
    });

    it("does not repeat a toleration the placement already adds", () => {
        const eci = renderKnativeService("dup", {
            image: "a:1",
            placement: "eci",
            tolerations: [{ key: "virtual-kubelet.io/provider", operator: "Exists" }],
        });
        assert.equal(eci.spec.template.spec.tolerations?.length, 1);
    });

    it("passes Knative's schema", async () => {
        await validateKnativeService(svc);
    });
});
