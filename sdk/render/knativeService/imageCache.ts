import { createHash } from "node:crypto";
import { ImageCacheMode, type KnativeServiceSettings } from "./knativeServiceArgs";
import { ECI_ANNOTATIONS } from "./eciOptions";
import { Checker } from "../core/errors";
import type { KnativeServiceObject } from "../core/k8sTypes";
import { IMAGE_REFERENCE_GRAMMAR, isImageReference, isSecurityGroupId, isVswitchId } from "../core/names";

/** What an `alicloud.eci.ImageCache` for the service looks like (mode "create"). */
export interface RenderedImageCache {
    imageCacheName: string;
    images: string[];
    vswitchId: string;
    securityGroupId: string;
    eipInstanceId?: string;
    imageCacheSize?: number;
    retentionDays?: number;
}

const IMAGE_WITH_TAG = /^[^\s]+(:[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** The service image and the extra images: references, each once, each with a tag or digest. */
function checkCachedImages(c: Checker, images: readonly string[]): void {
    images
        .slice(1)
        .forEach((image, i) =>
            c.check(
                isImageReference(image),
                `imageCache.extraImages[${i}]`,
                image,
                `expected an image reference (${IMAGE_REFERENCE_GRAMMAR})`,
            ),
        );
    images.forEach((image, i) =>
        c.check(
            images.indexOf(image) === i,
            `imageCache.extraImages[${i - 1}]`,
            image,
            "expected each image once (the service image is cached already)",
        ),
    );
    images.forEach((image, i) =>
        c.check(
            IMAGE_WITH_TAG.test(image.slice(image.lastIndexOf("/") + 1)) || /@sha256:/.test(image),
            i === 0 ? "image" : `imageCache.extraImages[${i - 1}]`,
            image,
            "expected a tag or digest (an ECI image cache stores tagged images)",
        ),
    );
}

/** Plans the image cache of mode "create", each setting checked on its own; ids named in `generated` come from other resources and pass through. */
export function renderImageCache(
    c: Checker,
    serviceName: string,
    s: KnativeServiceSettings,
    generated: ReadonlySet<string> = new Set(),
): RenderedImageCache | undefined {
    const cache = s.imageCache;
    if (cache?.mode !== ImageCacheMode.Create) return undefined;
    const images = [s.image, ...(cache.extraImages ?? [])];
    c.part(() => checkCachedImages(c, images));
    c.part(() =>
        c.check(
            generated.has("imageCache.vswitchId") || isVswitchId(cache.vswitchId),
            "imageCache.vswitchId",
            cache.vswitchId,
            'expected the vSwitch id the cache is built in (mode "create"): "vsw-" followed by letters and digits',
        ),
    );
    c.part(() =>
        c.check(
            generated.has("imageCache.securityGroupId") || isSecurityGroupId(cache.securityGroupId),
            "imageCache.securityGroupId",
            cache.securityGroupId,
            'expected the security group id the cache is built with (mode "create"): "sg-" followed by letters and digits',
        ),
    );
    c.part(() => c.integer(cache.sizeGiB, "imageCache.sizeGiB", 20, 2048));
    c.part(() => c.integer(cache.retentionDays, "imageCache.retentionDays", 1, 3650));
    // The name follows the images, so a new image creates a new cache before the old one goes.
    const digest = createHash("sha256").update(images.join("\n")).digest("hex").slice(0, 8);
    const rendered: RenderedImageCache = {
        imageCacheName: `${serviceName}-${digest}`,
        images,
        vswitchId: cache.vswitchId as string,
        securityGroupId: cache.securityGroupId as string,
    };
    if (cache.eipInstanceId !== undefined) rendered.eipInstanceId = cache.eipInstanceId;
    if (cache.sizeGiB !== undefined) rendered.imageCacheSize = cache.sizeGiB;
    if (cache.retentionDays !== undefined) rendered.retentionDays = cache.retentionDays;
    return rendered;
}

const REGISTRY_HOST = /^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$/;

/**
 * One registry login of the image cache, checked on its own: the component keeps the credentials
 * out of the render so the password never makes the manifest secret. Checks plain strings only.
 */
function checkRegistryCredential(c: Checker, index: number, field: "server" | "userName" | "password", value: unknown): void {
    if (typeof value !== "string") return;
    const path = `imageCache.registryCredentials[${index}].${field}`;
    if (field === "password") c.secrets.add(value);
    if (field === "server")
        c.check(
            REGISTRY_HOST.test(value),
            path,
            value,
            'expected a registry host such as "registry.cn-hangzhou.aliyuncs.com" (no scheme or path)',
        );
    else
        c.check(
            value.trim() !== "",
            path,
            value,
            field === "userName" ? "expected the registry user name" : "expected the registry password, not empty",
        );
}

export const CREDENTIAL_FIELDS = ["server", "userName", "password"] as const;

/** Every plain value of the image cache's registry logins (Outputs are checked as they resolve). */
export function checkRegistryCredentials(
    resource: string,
    credentials: readonly Partial<Record<(typeof CREDENTIAL_FIELDS)[number], unknown>>[] | undefined,
): void {
    const c = new Checker(resource);
    c.collect(() =>
        (credentials ?? []).forEach((r, i) => CREDENTIAL_FIELDS.forEach((f) => c.part(() => checkRegistryCredential(c, i, f, r[f])))),
    );
}

/** The Service pinned to an image cache: its id (`imc-…`) goes into `k8s.aliyun.com/eci-imc-id`. */
export function withImageSnapshot(service: KnativeServiceObject, imageCacheId: string): KnativeServiceObject {
    const template = service.spec.template;
    return {
        ...service,
        spec: {
            ...service.spec,
            template: {
                ...template,
                metadata: {
                    ...template.metadata,
                    annotations: { ...template.metadata.annotations, [ECI_ANNOTATIONS.imageCacheId]: imageCacheId },
                },
            },
        },
    };
}
