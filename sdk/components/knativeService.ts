import * as eci from "@pulumi/alicloud/eci";
import * as apiextensions from "@pulumi/kubernetes/apiextensions";
import * as pulumi from "@pulumi/pulumi";
import type { KnativeServiceObject } from "../render/core/k8sTypes";
import { declaredPart } from "../render/core/declaredPart";
import { resourceLabel } from "../render/core/errors";
import {
    checkKnativeServiceArgs,
    type RenderedKnativeService,
    renderKnativeServiceResources,
    withImageSnapshot,
    withoutRegistryCredentials,
} from "../render/knativeService/knativeService";
import type { KnativeServiceArgs, RegistryCredentialArgs } from "../render/knativeService/knativeServiceArgs";
import { usesResourcePolicy } from "../render/knativeService/resourcePolicy";
import { CREDENTIAL_FIELDS, checkRegistryCredentials } from "../render/knativeService/imageCache";
import { tagUrls } from "../render/knativeService/traffic";
import { checkReady, type KnativeServiceStatus } from "../render/knativeService/readiness";
import { childOptions, dependsOnList, ownIgnoreChanges } from "./core/childOptions";
import { generatedIds } from "./core/generatedIds";
import { checkLate } from "./core/lateErrors";
import { renderWhenKnown } from "./core/renderWhenKnown";

export type { KnativeServiceArgs } from "../render/knativeService/knativeServiceArgs";

/**
 * The rendered Service. The index signature keeps it an open map for other Pulumi languages (the
 * component analyzer cannot type Kubernetes objects); TypeScript still sees every field.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KnativeServiceManifest = KnativeServiceObject & { [key: string]: any };

interface KnativeStatus extends KnativeServiceStatus {
    url?: string;
    latestReadyRevisionName?: string;
    traffic?: { tag?: string; url?: string }[];
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
    /** The URL of each traffic tag, tag → URL (`<tag>-<service>.<namespace>.<domain>`), once Ready. */
    readonly tagUrls: pulumi.Output<{ [tag: string]: string }>;
    /** The rendered Service object, as applied. */
    readonly manifest: pulumi.Output<KnativeServiceManifest>;
    /** The ECI image cache the revisions start from (imageCache.mode "create"). */
    readonly imageCache?: eci.ImageCache;

    constructor(name: string, args: KnativeServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Every problem in the arguments at once, before anything is registered (placement, ecsFirst and imageCache
        // decide which resources exist, so they must be plain values).
        checkKnativeServiceArgs(name, args);
        // Registry passwords stay out of the render, so they never make the manifest secret.
        const renderArgs = withoutRegistryCredentials(args);
        // Ids other resources generate (e.g. the platform's vSwitch) pass through unvalidated.
        const generated = generatedIds(renderArgs, ["imageCache.vswitchId", "imageCache.securityGroupId"]);
        const rendered = renderWhenKnown(renderArgs, (plain) => renderKnativeServiceResources(name, plain, generated));
        super("ack-knative-eci:index:KnativeService", name, {}, opts);

        let manifest = rendered.service;
        if (args.imageCache?.mode === "create") {
            this.imageCache = this.createImageCache(name, rendered, args.imageCache.registryCredentials, opts);
            // Nested applies, not pulumi.all: all() would merge a secret field's secrecy into the whole object.
            const cacheId = this.imageCache.id;
            manifest = rendered.service.apply((service) => cacheId.apply((id) => withImageSnapshot(service, id)));
        }
        this.manifest = manifest as pulumi.Output<KnativeServiceManifest>;

        // Custom resources stay out of public fields: the component analyzer cannot type them.
        const resourcePolicy = usesResourcePolicy(args.placement, args.ecsFirst?.strategy)
            ? this.createResourcePolicy(name, rendered, opts)
            : undefined;

        const service = new apiextensions.CustomResource(
            `${name}-ksvc`,
            {
                apiVersion: "serving.knative.dev/v1",
                kind: "Service",
                // The image cache id goes into the template only; the metadata comes from the render alone.
                metadata: rendered.apply((p) => ({
                    ...p.service.metadata,
                    annotations: { ...p.service.metadata.annotations, ...p.awaitAnnotations, ...p.ownershipAnnotations },
                })),
                spec: manifest.spec,
                status: undefined,
            },
            // The component's dependsOn makes the Service wait for Knative; the ResourcePolicy must exist before the
            // first pod is scheduled. ignoreChanges paths are this object's.
            childOptions(this, opts, {
                dependsOn: [...dependsOnList(opts), ...(resourcePolicy ? [resourcePolicy] : [])],
                ...ownIgnoreChanges(opts),
            }),
        );
        this.serviceName = manifest.metadata.name;
        this.namespace = this.manifest.apply((m) => m.metadata.namespace ?? "default");
        const checked = checkedStatus(name, service, rendered);
        this.url = checked.apply((s) => s?.url ?? "");
        this.latestReadyRevisionName = checked.apply((s) => s?.latestReadyRevisionName ?? "");
        const tags = rendered.apply((p) => (p.service.spec.traffic ?? []).flatMap((t) => (t.tag ? [t.tag] : [])));
        this.tagUrls = pulumi.all([tags, checked]).apply(([t, s]) => tagUrls(t, s));
        this.registerOutputs({
            serviceName: this.serviceName,
            namespace: this.namespace,
            url: this.url,
            latestReadyRevisionName: this.latestReadyRevisionName,
            tagUrls: this.tagUrls,
            manifest: this.manifest,
        });
    }

    /** The ResourcePolicy of an ECS-first placement: it must exist before the first pod is scheduled. */
    private createResourcePolicy(
        name: string,
        rendered: pulumi.Output<RenderedKnativeService>,
        opts: pulumi.ComponentResourceOptions | undefined,
    ): apiextensions.CustomResource {
        const policy = checkLate(rendered, (p) => declaredPart(p.resourcePolicy, "the ResourcePolicy"));
        return new apiextensions.CustomResource(
            `${name}-resource-policy`,
            { apiVersion: "scheduling.alibabacloud.com/v1alpha1", kind: "ResourcePolicy", metadata: policy.metadata, spec: policy.spec },
            childOptions(this, opts, { dependsOn: dependsOnList(opts) }),
        );
    }

    /** The ECI image cache (mode "create"), with the registry credentials the render never saw. */
    private createImageCache(
        name: string,
        rendered: pulumi.Output<RenderedKnativeService>,
        registryCredentials: RegistryCredentialArgs[] | undefined,
        opts: pulumi.ComponentResourceOptions | undefined,
    ): eci.ImageCache {
        const cache = checkLate(rendered, (p) => declaredPart(p.imageCache, "the image cache"));
        // Values only known now are checked together once they resolve, with the same sentences; each keeps its secrecy.
        const credentials = registryCredentials ?? [];
        const fields = (r: RegistryCredentialArgs) => pulumi.all(CREDENTIAL_FIELDS.map((f) => pulumi.unsecret(pulumi.output(r[f]))));
        const verdict = checkLate(pulumi.all(credentials.map(fields)), (values) =>
            checkRegistryCredentials(
                resourceLabel("KnativeService", name),
                values.map((v) => Object.fromEntries(CREDENTIAL_FIELDS.map((f, j) => [f, v[j]]))),
            ),
        );
        const checked = (value: pulumi.Input<string>) => pulumi.all([verdict, value]).apply(([, v]) => v);
        return new eci.ImageCache(
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
                    server: checked(r.server),
                    userName: checked(r.userName),
                    password: pulumi.secret(checked(r.password)),
                })),
            },
            // A new image gets a new cache name; create it before the old cache is deleted.
            childOptions(this, opts, { deleteBeforeReplace: false }),
        );
    }
}

/**
 * The Service's live status, checked once Knative decided Ready either way (the provider stops waiting then): a
 * False verdict of an awaited Service fails the update here, with Knative's reason.
 */
function checkedStatus(
    name: string,
    service: apiextensions.CustomResource,
    rendered: pulumi.Output<RenderedKnativeService>,
): pulumi.Output<KnativeStatus | undefined> {
    // `status: undefined` in the Service's args makes the provider expose the live status as an output property.
    const status = (service as unknown as { status: pulumi.Output<KnativeStatus | undefined> }).status;
    const label = resourceLabel("KnativeService", name);
    const awaited = rendered.apply((p) => ({
        awaited: p.awaitAnnotations["pulumi.com/waitFor"] !== undefined,
        id: `${p.service.metadata.namespace ?? "default"}/${p.service.metadata.name}`,
    }));
    return checkLate(pulumi.all([status, awaited]), ([s, a]) => {
        if (a.awaited) checkReady(label, a.id, s);
        return s;
    });
}
