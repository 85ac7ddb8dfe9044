import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { KnativeServiceObject } from "../render/k8sTypes";
import { renderKnativeService } from "../render/knativeService";
import type { KnativeServiceArgs } from "./knativeServiceArgs";
import { renderWhenKnown } from "./whenKnown";

export type { KnativeServiceArgs } from "./knativeServiceArgs";

interface KnativeStatus {
    url?: string;
    latestReadyRevisionName?: string;
}

/**
 * A Knative Service (`serving.knative.dev/v1`) whose pods land on ECS and/or ECI as chosen by
 * `placement`. Works against any cluster's Kubernetes provider (pass it in `opts.provider`); order it
 * after Knative and the virtual node with `opts.dependsOn`.
 */
export class KnativeService extends pulumi.ComponentResource {
    /** The ksvc name. */
    readonly serviceName: pulumi.Output<string>;
    readonly namespace: pulumi.Output<string>;
    /** The Service's URL as Knative reports it once Ready. */
    readonly url: pulumi.Output<string>;
    /** Name of the latest revision that became Ready. */
    readonly latestReadyRevisionName: pulumi.Output<string>;
    /** The rendered Service object, as applied. */
    readonly manifest: pulumi.Output<KnativeServiceObject>;
    /** The underlying Kubernetes custom resource. */
    readonly service: k8s.apiextensions.CustomResource;

    constructor(name: string, args: KnativeServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so bad input fails the preview with one clear error.
        const manifest = renderWhenKnown(args, (plain) => renderKnativeService(name, plain));
        const waitFor = renderWhenKnown(
            { wait: args.waitForReady, timeout: args.readyTimeoutSeconds },
            ({ wait, timeout }): Record<string, string> =>
                wait === false ? {} : { "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": String(timeout ?? 600) },
        );
        super("ack-knative-eci:index:KnativeService", name, {}, opts);

        this.manifest = manifest;
        this.service = new k8s.apiextensions.CustomResource(
            `${name}-ksvc`,
            {
                apiVersion: "serving.knative.dev/v1",
                kind: "Service",
                metadata: pulumi.all([manifest, waitFor]).apply(([m, w]) => ({
                    ...m.metadata,
                    annotations: { ...m.metadata.annotations, ...w },
                })),
                spec: manifest.spec,
                status: undefined,
            },
            // Children do not inherit dependsOn; hand it on so the Service waits for Knative.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        // `status: undefined` above makes the provider expose the live status as an output property.
        const status = (this.service as unknown as { status: pulumi.Output<KnativeStatus | undefined> }).status;
        this.serviceName = manifest.metadata.name;
        this.namespace = manifest.apply((m) => m.metadata.namespace ?? "default");
        this.url = status.apply((s) => s?.url ?? "");
        this.latestReadyRevisionName = status.apply((s) => s?.latestReadyRevisionName ?? "");
        this.registerOutputs({
            serviceName: this.serviceName,
            namespace: this.namespace,
            url: this.url,
            latestReadyRevisionName: this.latestReadyRevisionName,
            manifest: this.manifest,
        });
    }
}
