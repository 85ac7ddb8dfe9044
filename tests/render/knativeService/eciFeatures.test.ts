import * as assert from "node:assert/strict";
import type { KnativeServiceSettings } from "../../../sdk/render/knativeService/knativeServiceArgs";
import { InputError } from "../../../sdk/render/core/errors";
import { renderKnativeServiceResources, renderKnativeService, withImageSnapshot } from "../../../sdk/render/knativeService/knativeService";
import { validateKnativeService } from "../../knativeSchema";

const base: KnativeServiceSettings = { image: "registry.example.com/app:1.0", placement: "eci" };
const ecsTerm = { matchExpressions: [{ key: "resource-role", operator: "In", values: ["ecs"] }] };
const vkTerm = { matchExpressions: [{ key: "type", operator: "In", values: ["virtual-kubelet"] }] };

function rejects(args: Partial<KnativeServiceSettings>, message: string, valid: RegExp): void {
    assert.throws(
        () => renderKnativeServiceResources("burst", { ...base, ...args }),
        (e: unknown) => e instanceof InputError && e.message.startsWith(`KnativeService "burst": ${message}`) && valid.test(e.message),
    );
}

describe("ecs-first placement", () => {
    it("renders an ACK ResourcePolicy with the ECS unit first, then ECI", async () => {
        const plan = renderKnativeServiceResources("burst", {
            ...base,
            placement: "ecs-first",
            namespace: "shop",
            ecsFirst: { ecsMaxPods: 4 },
        });
        assert.deepEqual(plan.resourcePolicy, {
            apiVersion: "scheduling.alibabacloud.com/v1alpha1",
            kind: "ResourcePolicy",
            metadata: { name: "burst", namespace: "shop" },
            spec: {
                selector: { "serving.knative.dev/service": "burst" },
                strategy: "prefer",
                units: [{ resource: "ecs", nodeSelector: { "resource-role": "ecs" }, max: 4 }, { resource: "eci" }],
            },
        });
        const pod = plan.service.spec.template.spec;
        assert.deepEqual(pod.affinity, {
            nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [ecsTerm, vkTerm] } },
        });
        assert.deepEqual(pod.tolerations, [{ key: "virtual-kubelet.io/provider", operator: "Exists" }]);
        await validateKnativeService(plan.service);
    });

    it("falls back to a preferred ECS affinity without a ResourcePolicy", async () => {
        const plan = renderKnativeServiceResources("burst", {
            ...base,
            placement: "ecs-first",
            ecsFirst: { strategy: "preferred-affinity" },
        });
        assert.equal(plan.resourcePolicy, undefined);
        assert.deepEqual(plan.service.spec.template.spec.affinity?.nodeAffinity, {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [ecsTerm, vkTerm] },
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: ecsTerm }],
        });
        await validateKnativeService(plan.service);
    });

    it("rejects ecsFirst settings that do not fit", () => {
        rejects({ placement: "eci", ecsFirst: { strategy: "resource-policy" } }, "ecsFirst =", /only with placement "ecs-first"/);
        rejects(
            { placement: "ecs-first", ecsFirst: { strategy: "random" as never } },
            'ecsFirst.strategy = "random"',
            /"resource-policy", "preferred-affinity"/,
        );
        rejects(
            { placement: "ecs-first", ecsFirst: { strategy: "preferred-affinity", ecsMaxPods: 3 } },
            "ecsFirst.ecsMaxPods = 3",
            /only with strategy "resource-policy"/,
        );
        rejects({ placement: "ecs-first", ecsFirst: { ecsMaxPods: 0 } }, "ecsFirst.ecsMaxPods = 0", /integer from 1/);
        rejects(
            { placement: "ecs-first", nodeSelector: { "resource-role": "ecs" } },
            'nodeSelector["resource-role"]',
            /placement "ecs-first" runs pods on ECS nodes/,
        );
    });
});

describe("cheaper and faster ECI options", () => {
    it("renders spot, extra storage and automatic image-cache annotations", async () => {
        const svc = renderKnativeService("burst", {
            ...base,
            spot: { strategy: "SpotWithPriceLimit", priceLimit: 0.25 },
            extraEphemeralStorage: "50Gi",
            imageCache: { mode: "auto" },
        });
        assert.deepEqual(svc.spec.template.metadata.annotations, {
            "k8s.aliyun.com/eci-spot-strategy": "SpotWithPriceLimit",
            "k8s.aliyun.com/eci-spot-price-limit": "0.25",
            "k8s.aliyun.com/eci-extra-ephemeral-storage": "50Gi",
            "k8s.aliyun.com/eci-auto-imc": "true",
        });
        await validateKnativeService(svc);
    });

    it("turns ECI's automatic image-cache matching off with mode \"off\", and leaves ECI's default without imageCache", () => {
        const off = renderKnativeService("burst", { ...base, imageCache: { mode: "off" } });
        assert.equal(off.spec.template.metadata.annotations?.["k8s.aliyun.com/eci-auto-imc"], "false");
        const none = renderKnativeService("burst", base);
        assert.equal(none.spec.template.metadata.annotations?.["k8s.aliyun.com/eci-auto-imc"], undefined);
        for (const legacy of ["k8s.aliyun.com/eci-image-cache", "k8s.aliyun.com/eci-image-snapshot-id"]) {
            assert.equal(off.spec.template.metadata.annotations?.[legacy], undefined, `${legacy} is ECI's older name`);
        }
    });

    it("plans an image cache named after its images and pins the revision to its id", () => {
        const settings: KnativeServiceSettings = {
            ...base,
            imageCache: {
                mode: "create",
                vswitchId: "vsw-1",
                securityGroupId: "sg-1",
                sizeGiB: 40,
                retentionDays: 7,
                extraImages: ["envoy:1.30"],
            },
        };
        const plan = renderKnativeServiceResources("burst", settings);
        assert.deepEqual(plan.imageCache, {
            imageCacheName: plan.imageCache?.imageCacheName,
            images: ["registry.example.com/app:1.0", "envoy:1.30"],
            vswitchId: "vsw-1",
            securityGroupId: "sg-1",
            imageCacheSize: 40,
            retentionDays: 7,
        });
        assert.match(plan.imageCache?.imageCacheName ?? "", /^burst-[0-9a-f]{8}$/);
        assert.equal(
            renderKnativeServiceResources("burst", settings).imageCache?.imageCacheName,
            plan.imageCache?.imageCacheName,
            "stable across runs",
        );
        const newer = renderKnativeServiceResources("burst", { ...settings, image: "registry.example.com/app:1.1" });
        assert.notEqual(newer.imageCache?.imageCacheName, plan.imageCache?.imageCacheName, "a new image gets a new cache");
        const pinned = withImageSnapshot(plan.service, "imc-123");
        // ECI's current name of the explicit cache annotation (the older one was eci-image-snapshot-id).
        assert.equal(pinned.spec.template.metadata.annotations?.["k8s.aliyun.com/eci-imc-id"], "imc-123");
        assert.equal(pinned.spec.template.metadata.annotations?.["k8s.aliyun.com/eci-image-snapshot-id"], undefined);
    });

    it("rejects invalid ECI options", () => {
        rejects({ spot: { strategy: "Spot" as never } }, 'spot.strategy = "Spot"', /"SpotAsPriceGo", "SpotWithPriceLimit"/);
        rejects({ spot: { strategy: "SpotWithPriceLimit" } }, "spot.priceLimit (missing)", /hourly price above 0/);
        rejects({ spot: { strategy: "SpotWithPriceLimit", priceLimit: -1 } }, "spot.priceLimit = -1", /hourly price above 0/);
        rejects({ spot: { strategy: "SpotAsPriceGo", priceLimit: 1 } }, "spot.priceLimit = 1", /no price limit/);
        rejects({ extraEphemeralStorage: "50GB" }, 'extraEphemeralStorage = "50GB"', /whole GiB such as "20Gi"/);
        rejects({ placement: "ecs", spot: { strategy: "SpotAsPriceGo" } }, "spot =", /placement that may use ECI/);
        rejects({ placement: "ecs", imageCache: { mode: "auto" } }, "imageCache =", /placement that may use ECI/);
        rejects({ imageCache: { mode: "lazy" as never } }, 'imageCache.mode = "lazy"', /"auto", "create"/);
        rejects({ imageCache: { mode: "create", securityGroupId: "sg-1" } }, "imageCache.vswitchId (missing)", /vSwitch id/);
        rejects({ imageCache: { mode: "create", vswitchId: "vsw-1" } }, "imageCache.securityGroupId (missing)", /security group id/);
        // The same id patterns as everywhere else: a bare prefix or a space is no id.
        rejects(
            { imageCache: { mode: "create", vswitchId: "vsw-", securityGroupId: "sg-1" } },
            'imageCache.vswitchId = "vsw-"',
            /vSwitch id the cache is built in \(mode "create"\): "vsw-" followed by letters and digits/,
        );
        rejects(
            { imageCache: { mode: "create", vswitchId: "vsw-1", securityGroupId: "sg-1 sg-2" } },
            'imageCache.securityGroupId = "sg-1 sg-2"',
            /security group id .*"sg-" followed by letters and digits/,
        );
        rejects(
            { image: "registry.example.com/app", imageCache: { mode: "create", vswitchId: "vsw-1", securityGroupId: "sg-1" } },
            'image = "registry.example.com/app"',
            /tag or digest/,
        );
        rejects(
            { imageCache: { mode: "create", vswitchId: "vsw-1", securityGroupId: "sg-1", sizeGiB: 5 } },
            "imageCache.sizeGiB = 5",
            /integer from 20/,
        );
        rejects(
            {
                eciSpecs: ["2-4Gi"],
                podAnnotations: { "k8s.aliyun.com/eci-spot-strategy": "SpotAsPriceGo" },
                spot: { strategy: "SpotAsPriceGo" },
            },
            'podAnnotations["k8s.aliyun.com/eci-spot-strategy"]',
            /the ECI options already set/,
        );
    });
});
