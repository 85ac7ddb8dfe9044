import * as alicloud from "@pulumi/alicloud";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { KnativeServiceObject } from "../render/k8sTypes";
import { InputError, resourceLabel } from "../render/errors";
import { planKnativeService, withImageSnapshot } from "../render/knativeService";
import { PLACEMENTS } from "../render/placement";
import { usesResourcePolicy } from "../render/resourcePolicy";
import type { KnativeServiceArgs } from "./knativeServiceArgs";
import { dependsOnList, generatedIds, renderWhenKnown } from "./whenKnown";

export type { KnativeServiceArgs } from "./knativeServiceArgs";

/**
 * The rendered Service. The index signature keeps it an open map for other Pulumi languages (the
 * component analyzer cannot type Kubernetes objects); TypeScript still sees every field.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KnativeServiceManifest = KnativeServiceObject & { [key: string]: any };

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
    readonly manifest: pulumi.Output<KnativeServiceManifest>;
    /** The ECI image cache the revisions start from (imageCache.mode "create"). */
    readonly imageCache?: alicloud.eci.ImageCache;

    constructor(name: string, args: KnativeServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Registry passwords stay out of the rendered plan, so they never make the manifest secret.
        const { registryCredentials, ...cacheSettings } = args.imageCache ?? { mode: undefined };
        const renderArgs = { ...args, imageCache: args.imageCache ? cacheSettings : undefined } as KnativeServiceArgs;
        // Placement decides which resources exist, so it must be known now (a plain string).
        if (typeof args.placement !== "string") {
            throw new InputError(
                resourceLabel("KnativeService", name),
                "placement",
                "(an Output)",
                `expected a plain string, one of ${PLACEMENTS.map((p) => `"${p}"`).join(", ")}`,
            );
        }
        // Validate before registering anything, so bad input fails the preview with one clear error.
        // Ids other resources generate (e.g. the platform's vSwitch) pass through unvalidated.
        const generated = generatedIds(renderArgs, ["imageCache.vswitchId", "imageCache.securityGroupId"]);
        const plan = renderWhenKnown(renderArgs, (plain) => planKnativeService(name, plain, generated));
        super("ack-knative-eci:index:KnativeService", name, {}, opts);

        let manifest = plan.service;
        if (args.imageCache?.mode === "create") {
            const cache = plan.apply((p) => p.imageCache!);
            this.imageCache = new alicloud.eci.ImageCache(
                `${name}-image-cache`,
                {
                    imageCacheName: cache.imageCacheName,
                    images: cache.images,
                    vswitchId: cache.vswitchId,
                    securityGroupId: cache.securityGroupId,
                    eipInstanceId: cache.eipInstanceId,
                    imageCacheSize: cache.imageCacheSize,
                    retentionDays: cache.retentionDays,
                    imageRegistryCredentials: registryCredentials?.map((r) => ({
                        server: r.server,
                        userName: r.userName,
                        password: pulumi.secret(r.password),
                    })),
                },
                // A new image gets a new cache name; create it before the old cache is deleted.
                { parent: this, deleteBeforeReplace: false },
            );
            manifest = pulumi.all([plan.service, this.imageCache.id]).apply(([service, id]) => withImageSnapshot(service, id));
        }
        this.manifest = manifest.apply((m): KnativeServiceManifest => m);

        const external = dependsOnList(opts);
        // Custom resources stay out of public fields: the component analyzer cannot type them.
        let resourcePolicy: k8s.apiextensions.CustomResource | undefined;
        if (usesResourcePolicy(args.placement, args.ecsFirst?.strategy)) {
            const policy = plan.apply((p) => p.resourcePolicy!);
            resourcePolicy = new k8s.apiextensions.CustomResource(
                `${name}-resource-policy`,
                {
                    apiVersion: "scheduling.alibabacloud.com/v1alpha1",
                    kind: "ResourcePolicy",
                    metadata: policy.metadata,
                    spec: policy.spec,
                },
                { parent: this, dependsOn: external },
            );
        }

        const service = new k8s.apiextensions.CustomResource(
            `${name}-ksvc`,
            {
                apiVersion: "serving.knative.dev/v1",
                kind: "Service",
                metadata: pulumi.all([manifest, plan.awaitAnnotations]).apply(([m, wait]) => ({
                    ...m.metadata,
                    annotations: { ...m.metadata.annotations, ...wait },
                })),
                spec: manifest.spec,
                status: undefined,
            },
            // Children do not inherit dependsOn; hand it on so the Service waits for Knative. The
            // ResourcePolicy must exist before the first pod is scheduled.
            { parent: this, dependsOn: [...external, ...(resourcePolicy ? [resourcePolicy] : [])] },
        );
        // `status: undefined` above makes the provider expose the live status as an output property.
        const status = (service as unknown as { status: pulumi.Output<KnativeStatus | undefined> }).status;
        this.serviceName = manifest.metadata.name;
        this.namespace = this.manifest.apply((m) => m.metadata.namespace ?? "default");
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
