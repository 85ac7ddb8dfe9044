import * as assert from "node:assert/strict";
import { renderKnativeService } from "../../../sdk/render/knativeService/knativeService";
import { tagUrls } from "../../../sdk/render/knativeService/traffic";
import { renderPlacement, Placement, DEFAULT_TARGETS } from "../../../sdk/render/core/placement";
import { validateKnativeService } from "../../knativeSchema";

// What the production arguments render to (docs/knativeService.md): probes, the h2c port, environment
// from Secrets and ConfigMaps, sidecars, revision names and traffic, cluster-local visibility, pull
// policy, ACK reserved instances and the newer scaling annotations.

const image = "registry.example.com/shop/greeter:2";

describe("KnativeService rendering of production settings", () => {
    const svc = renderKnativeService("greeter", {
        image,
        placement: "eci",
        namespace: "shop",
        port: 50051,
        portName: "h2c",
        imagePullPolicy: "IfNotPresent",
        readinessProbe: { grpc: {}, periodSeconds: 0 },
        livenessProbe: {
            httpGet: { port: 50051, path: "/healthz", httpHeaders: { "X-Probe": "1" } },
            periodSeconds: 15,
            failureThreshold: 4,
        },
        env: { MODE: "prod" },
        envValueFrom: {
            DB_PASSWORD: { secretKeyRef: { name: "greeter-db", key: "password" } },
            LOG_LEVEL: { configMapKeyRef: { name: "greeter-config", key: "level" } },
        },
        envFrom: [{ configMap: "greeter-flags", prefix: "FLAG_" }, { secret: "greeter-tokens" }],
        volumes: [{ name: "sockets", emptyDir: {} }],
        volumeMounts: [{ name: "sockets", mountPath: "/var/run/app" }],
        sidecars: [
            {
                name: "log-shipper",
                image: "registry.example.com/shop/shipper:1",
                args: ["--from", "/var/run/app"],
                env: { TARGET: "sls" },
                envValueFrom: { SLS_KEY: { secretKeyRef: { name: "sls", key: "key" } } },
                resources: { requests: { cpu: "100m", memory: "128Mi" } },
                volumeMounts: [{ name: "sockets", mountPath: "/var/run/app", readOnly: true }],
                imagePullPolicy: "Always",
                eciResourceIgnore: true,
            },
        ],
        revisionName: "greeter-v2",
        traffic: [
            { revisionName: "greeter-v1", percent: 90, tag: "stable" },
            { latestRevision: true, percent: 10, tag: "canary" },
        ],
        clusterLocal: true,
        reservedInstance: { eciSpecs: ["ecs.t6-c1m1.large", "1-2Gi"], replicas: 2 },
        scaling: { targetUtilization: 80, activationScale: 2, maxScale: 10 },
    });
    const template = svc.spec.template;
    const [serving, sidecar] = template.spec.containers;

    it("passes the Knative Service schema", async () => {
        await validateKnativeService(svc);
    });

    it("names the h2c port on the serving container, the only container with a port", () => {
        assert.deepEqual(serving.ports, [{ containerPort: 50051, name: "h2c" }]);
        assert.equal(sidecar.ports, undefined);
        assert.equal(serving.imagePullPolicy, "IfNotPresent");
    });

    it("renders a gRPC readiness probe on the serving port and an HTTP liveness probe", () => {
        assert.deepEqual(serving.readinessProbe, { grpc: { port: 50051 }, periodSeconds: 0 });
        assert.deepEqual(serving.livenessProbe, {
            httpGet: { port: 50051, path: "/healthz", httpHeaders: [{ name: "X-Probe", value: "1" }] },
            periodSeconds: 15,
            failureThreshold: 4,
        });
    });

    it("reads values from Secret and ConfigMap keys, and whole sources with envFrom, after the literal values", () => {
        assert.deepEqual(serving.env, [
            { name: "MODE", value: "prod" },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "greeter-db", key: "password" } } },
            { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "greeter-config", key: "level" } } },
        ]);
        assert.deepEqual(serving.envFrom, [
            { prefix: "FLAG_", configMapRef: { name: "greeter-flags" } },
            { secretRef: { name: "greeter-tokens" } },
        ]);
    });

    it("runs the sidecar with its own env, mounts, pull policy and ECI's resource-ignore flag", () => {
        assert.deepEqual(sidecar, {
            name: "log-shipper",
            image: "registry.example.com/shop/shipper:1",
            args: ["--from", "/var/run/app"],
            env: [
                { name: "TARGET", value: "sls" },
                { name: "__ECI_RESOURCE_IGNORE__", value: "TRUE" },
                { name: "SLS_KEY", valueFrom: { secretKeyRef: { name: "sls", key: "key" } } },
            ],
            imagePullPolicy: "Always",
            resources: { requests: { cpu: "100m", memory: "128Mi" } },
            volumeMounts: [{ name: "sockets", mountPath: "/var/run/app", readOnly: true }],
        });
        assert.equal(template.spec.containers.length, 2);
    });

    it("names the revision and splits traffic by tag", () => {
        assert.equal(template.metadata.name, "greeter-v2");
        assert.deepEqual(svc.spec.traffic, [
            { tag: "stable", revisionName: "greeter-v1", latestRevision: false, percent: 90 },
            { tag: "canary", latestRevision: true, percent: 10 },
        ]);
    });

    it("keeps a cluster-local Service off the external gateway with Knative's visibility label", () => {
        assert.deepEqual(svc.metadata.labels, { "networking.knative.dev/visibility": "cluster-local" });
    });

    it("puts the reserved instance and the scaling settings on the revision template", () => {
        const a = template.metadata.annotations!;
        assert.equal(a["knative.aliyun.com/reserve-instance"], "enable");
        assert.equal(a["knative.aliyun.com/reserve-instance-type"], "eci");
        assert.equal(a["knative.aliyun.com/reserve-instance-replicas"], "2");
        assert.equal(a["knative.aliyun.com/reserve-instance-eci-use-specs"], "ecs.t6-c1m1.large,1-2Gi");
        assert.equal(a["autoscaling.knative.dev/target-utilization-percentage"], "80");
        assert.equal(a["autoscaling.knative.dev/activation-scale"], "2");
        assert.equal(svc.metadata.annotations, undefined, "nothing of it on the Service's own metadata");
    });

    it("leaves placement exactly as without sidecars and probes", () => {
        const placed = renderPlacement(Placement.Eci, DEFAULT_TARGETS, false);
        assert.deepEqual(template.spec.affinity, placed.affinity);
        assert.deepEqual(template.spec.tolerations, placed.tolerations);
        assert.equal(template.spec.nodeSelector, undefined);
    });
});

describe("KnativeService rendering defaults of the production settings", () => {
    it("states Knative's port 8080 on the serving container once a sidecar is present", async () => {
        const svc = renderKnativeService("web", {
            image,
            placement: "ecs",
            sidecars: [{ name: "agent", image: "registry.example.com/a:1" }],
        });
        assert.deepEqual(svc.spec.template.spec.containers[0].ports, [{ containerPort: 8080 }]);
        await validateKnativeService(svc);
    });

    it("states no port, probe, traffic or label when none is asked for", () => {
        const svc = renderKnativeService("web", { image, placement: "ecs" });
        const [c] = svc.spec.template.spec.containers;
        assert.deepEqual(Object.keys(c).sort(), ["image", "name"]);
        assert.equal(svc.spec.traffic, undefined);
        assert.equal(svc.metadata.labels, undefined);
        assert.equal(svc.spec.template.metadata.name, undefined);
    });

    it("fills a gRPC probe's port with the serving port, and takes an explicit one equal to it", () => {
        const svc = renderKnativeService("web", { image, placement: "ecs", readinessProbe: { grpc: { port: 8080, service: "greet" } } });
        assert.deepEqual(svc.spec.template.spec.containers[0].readinessProbe, { grpc: { port: 8080, service: "greet" } });
    });

    it("runs an ECS reserved instance for a placement with ECS nodes, without ECI specs", () => {
        const svc = renderKnativeService("web", { image, placement: "ecs", reservedInstance: { type: "ecs" } });
        assert.deepEqual(svc.spec.template.metadata.annotations, {
            "knative.aliyun.com/reserve-instance": "enable",
            "knative.aliyun.com/reserve-instance-type": "ecs",
        });
    });

    it("counts a sidecar's mount as mounting the volume", () => {
        const svc = renderKnativeService("web", {
            image,
            placement: "ecs",
            volumes: [{ name: "certs", secret: { secretName: "proxy-certs" } }],
            sidecars: [{ name: "proxy", image: "registry.example.com/proxy:1", volumeMounts: [{ name: "certs", mountPath: "/certs" }] }],
        });
        assert.deepEqual(svc.spec.template.spec.volumes, [{ name: "certs", secret: { secretName: "proxy-certs" } }]);
        assert.equal(svc.spec.template.spec.containers[0].volumeMounts, undefined);
    });

    it("lets a sidecar set PORT, which Knative gives the serving container only", async () => {
        const svc = renderKnativeService("web", {
            image,
            placement: "eci",
            sidecars: [{ name: "proxy", image: "registry.example.com/proxy:1", env: { PORT: "9000" } }],
        });
        assert.deepEqual(svc.spec.template.spec.containers[1].env, [{ name: "PORT", value: "9000" }]);
        await validateKnativeService(svc);
    });

    it("takes a tcpSocket and an exec probe, the TCP probe on Knative's default port", async () => {
        const svc = renderKnativeService("web", {
            image,
            placement: "ecs",
            readinessProbe: { tcpSocket: {}, periodSeconds: 5, timeoutSeconds: 2, successThreshold: 2 },
            livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 10 },
        });
        const [c] = svc.spec.template.spec.containers;
        assert.deepEqual(c.readinessProbe, { tcpSocket: { port: 8080 }, periodSeconds: 5, timeoutSeconds: 2, successThreshold: 2 });
        assert.deepEqual(c.livenessProbe, { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 10 });
        await validateKnativeService(svc);
        assert.equal(c.ports, undefined, "a probe leaves Knative's default container port alone");
    });
});

describe("traffic tag URLs", () => {
    it("takes the URL Knative reports on the tagged traffic entry", () => {
        const status = {
            url: "http://greeter.shop.example.com",
            traffic: [{ tag: "canary", url: "http://canary-greeter.shop.example.com" }],
        };
        assert.deepEqual(tagUrls(["canary"], status), { canary: "http://canary-greeter.shop.example.com" });
    });

    it("derives it from the Service URL by Knative's default tag template until the entry reports one", () => {
        assert.deepEqual(tagUrls(["stable", "canary"], { url: "https://greeter.shop.example.com" }), {
            stable: "https://stable-greeter.shop.example.com",
            canary: "https://canary-greeter.shop.example.com",
        });
    });

    it("is empty before the Service has a URL", () => {
        assert.deepEqual(tagUrls(["canary"], undefined), { canary: "" });
    });
});
