// A gRPC service as a team runs it in production, on ECI: HTTP/2 end to end (port name h2c), gRPC
// health probes, the database password read from a Kubernetes Secret (it never enters this stack's
// state), an OpenTelemetry Collector sidecar, a tagged canary, and an ACK reserved instance so the
// first call after an idle night does not wait for an ECI cold start.
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService } from "../../sdk";

const config = new pulumi.Config();
const provider = new KubernetesProvider("cluster", {
    kubeconfig: config.requireSecret("kubeconfig"),
    clusterIdentifier: config.require("clusterId"),
});

const version = config.get("version") ?? "v1";
const stableRevision = config.get("stableRevision") || undefined;
const canaryPercent = config.getNumber("canaryPercent") ?? 10;

// Rolling out: the previous revision keeps most requests, the new one gets a share, and each has its own URL.
const traffic = stableRevision
    ? [
          { revisionName: stableRevision, percent: 100 - canaryPercent, tag: "stable" },
          { latestRevision: true, percent: canaryPercent, tag: "canary" },
      ]
    : [{ latestRevision: true, percent: 100, tag: "current" }];

const greeter = new KnativeService(
    "greeter",
    {
        placement: "eci",
        image: config.require("image"),
        port: 50051,
        portName: "h2c",
        readinessProbe: { grpc: {}, periodSeconds: 5 },
        livenessProbe: { grpc: {}, periodSeconds: 15, failureThreshold: 3 },
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317" },
        envValueFrom: { DB_PASSWORD: { secretKeyRef: { name: config.get("dbSecret") ?? "greeter-db", key: "password" } } },
        resources: { requests: { cpu: "1", memory: "2Gi" } },
        eciSpecs: ["2-4Gi"],
        sidecars: [
            {
                name: "otel-collector",
                image: config.get("collectorImage") ?? "docker.io/otel/opentelemetry-collector-contrib:0.111.0",
                resources: { requests: { cpu: "250m", memory: "512Mi" } },
                // Not counted when ECI rounds the pod up to a spec: the collector is not worth a bigger instance.
                eciResourceIgnore: true,
            },
        ],
        revisionName: `greeter-${version}`,
        traffic,
        scaling: { maxScale: 20, targetUtilization: 80 },
        reservedInstance: { eciSpecs: ["ecs.t6-c1m1.large", "1-2Gi"] },
    },
    { provider },
);

export const url = greeter.url;
export const tagUrls = greeter.tagUrls;
export const latestReadyRevision = greeter.latestReadyRevisionName;
