import type { Checker } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";
import { ImageCacheMode, type SpotSettings, SpotStrategy } from "./knativeServiceArgs";

export const ECI_ANNOTATIONS = {
    spotStrategy: "k8s.aliyun.com/eci-spot-strategy",
    spotPriceLimit: "k8s.aliyun.com/eci-spot-price-limit",
    extraEphemeralStorage: "k8s.aliyun.com/eci-extra-ephemeral-storage",
    // ECI's current names; older ACK pages show `eci-image-cache` and `eci-image-snapshot-id` for the same settings.
    autoImageCache: "k8s.aliyun.com/eci-auto-imc",
    imageCacheId: "k8s.aliyun.com/eci-imc-id",
} as const;

const GI_QUANTITY = /^[1-9][0-9]*Gi$/;

/** The ECI cost and start-up options a KnativeService may set, validated into annotations. */
export interface EciOptions {
    spot?: SpotSettings;
    extraEphemeralStorage?: string;
    imageCache?: { mode?: string };
}

/** Validates ECI options and renders their revision-template annotations; each option is checked on its own. */
export function renderEciOptions(c: Checker, o: EciOptions): StringMap {
    return {
        ...c.part(() => (o.spot ? renderSpot(c, o.spot) : {})),
        ...c.part(() => renderExtraStorage(c, o.extraEphemeralStorage)),
        ...c.part(() => renderImageCacheMode(c, o.imageCache?.mode)),
    };
}

function renderSpot(c: Checker, spot: SpotSettings): StringMap {
    const out: StringMap = {};
    c.oneOf(spot.strategy, "spot.strategy", Object.values(SpotStrategy));
    c.check(spot.strategy !== undefined, "spot.strategy", spot.strategy, 'expected "SpotAsPriceGo" or "SpotWithPriceLimit"');
    out[ECI_ANNOTATIONS.spotStrategy] = spot.strategy;
    if (spot.strategy === SpotStrategy.WithPriceLimit) {
        const limit = spot.priceLimit;
        c.check(
            typeof limit === "number" && limit > 0 && Number.isFinite(limit),
            "spot.priceLimit",
            limit,
            'expected an hourly price above 0 with strategy "SpotWithPriceLimit"',
        );
        c.check(
            Math.abs(limit! * 1000 - Math.round(limit! * 1000)) < 1e-6,
            "spot.priceLimit",
            limit,
            "expected at most three decimal places (ECI takes the hourly price limit to 0.001 CNY)",
        );
        out[ECI_ANNOTATIONS.spotPriceLimit] = String(limit);
    } else {
        c.check(
            spot.priceLimit === undefined,
            "spot.priceLimit",
            spot.priceLimit,
            'expected no price limit with strategy "SpotAsPriceGo" (it pays the market price); use "SpotWithPriceLimit" to cap it',
        );
    }
    return out;
}

function renderExtraStorage(c: Checker, extraEphemeralStorage: string | undefined): StringMap {
    if (extraEphemeralStorage === undefined) return {};
    c.check(
        typeof extraEphemeralStorage === "string" && GI_QUANTITY.test(extraEphemeralStorage),
        "extraEphemeralStorage",
        extraEphemeralStorage,
        'expected whole GiB such as "20Gi" (storage added to the free 30 GiB, billed by size and time)',
    );
    return { [ECI_ANNOTATIONS.extraEphemeralStorage]: extraEphemeralStorage };
}

function renderImageCacheMode(c: Checker, mode: string | undefined): StringMap {
    if (mode === undefined) return {};
    c.oneOf(mode, "imageCache.mode", Object.values(ImageCacheMode));
    // Mode "create" pins the revision to the created cache with `withImageSnapshot`.
    if (mode === ImageCacheMode.Auto) return { [ECI_ANNOTATIONS.autoImageCache]: "true" };
    if (mode === ImageCacheMode.Off) return { [ECI_ANNOTATIONS.autoImageCache]: "false" };
    return {};
}
