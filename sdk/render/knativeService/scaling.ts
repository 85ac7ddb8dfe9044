import type { Checker } from "../core/errors";
import type { StringMap } from "../core/k8sTypes";
import type { ScalingSettings } from "./knativeServiceArgs";
import {
    CLASS_ANNOTATION,
    HPA_CLASS,
    HPA_METRICS,
    MIN_ACTIVATION_SCALE,
    type Range,
    SCALE_DOWN_DELAY_SECONDS,
    SCALING_FIELD_ANNOTATIONS,
    SCALING_METRICS,
    secondsRangeText,
    TARGET_UTILIZATION_PERCENT,
    wholeDurationSeconds,
    WINDOW_SECONDS,
} from "./knativeFacts";

function checkDuration(c: Checker, field: string, value: string | undefined, range: Range): void {
    if (value === undefined) return;
    // Whole hours, minutes and seconds only: deliberately stricter than Knative (wholeDurationSeconds says why).
    const s = wholeDurationSeconds(value);
    c.check(
        s !== undefined && s >= range.min && s <= range.max,
        field,
        value,
        `expected a duration like "90s" or "15m" from ${secondsRangeText(range)}`,
    );
}

/** Knative refuses 1 (its default, so it would be a no-op) and values outside min-scale and max-scale. */
function checkActivationScale(c: Checker, field: string, activationScale: number, { minScale, maxScale }: ScalingSettings): void {
    c.check(
        Number.isInteger(activationScale) && activationScale >= MIN_ACTIVATION_SCALE,
        `${field}.activationScale`,
        activationScale,
        `expected a whole number of pods, ${MIN_ACTIVATION_SCALE} or more (Knative's minimum; leave it unset for 1)`,
    );
    if (minScale !== undefined)
        c.check(activationScale >= minScale, `${field}.activationScale`, activationScale, `expected at least minScale (${minScale})`);
    if (maxScale !== undefined && maxScale !== 0)
        c.check(activationScale <= maxScale, `${field}.activationScale`, activationScale, `expected at most maxScale (${maxScale})`);
}

/** Validates scaling settings, each on its own, and renders the revision-template annotations. */
export function renderScaling(c: Checker, field: string, scaling: ScalingSettings | undefined): StringMap {
    if (!scaling) return {};
    const { minScale, maxScale, initialScale, target, metric, scaleDownDelay, window, targetUtilization, activationScale } = scaling;
    const count = "expected a whole number of pods, 0 or more";
    // Each setting on its own; comparisons only between settings that are right themselves.
    const countsRight = Object.entries({ minScale, maxScale, initialScale })
        .map(([key, value]) =>
            c.part(() => {
                // initialScale 0 passes here: knativeRules.ts refuses it (MIN_INITIAL_SCALE) with the reason.
                if (value !== undefined) c.check(Number.isInteger(value) && value >= 0, `${field}.${key}`, value, count);
                return true;
            }),
        )
        .every((ok) => ok);
    if (countsRight && minScale !== undefined && maxScale !== undefined && maxScale !== 0) {
        c.part(() => c.check(minScale <= maxScale, `${field}.minScale`, minScale, `expected at most maxScale (${maxScale})`));
    }
    // A target above 0 and below MIN_TARGET (0.01) passes here: knativeRules.ts refuses it under scaling.target, naming 0.01.
    if (target !== undefined)
        c.part(() => c.check(typeof target === "number" && target > 0, `${field}.target`, target, "expected a number above 0"));
    c.part(() => c.oneOf(metric, `${field}.metric`, SCALING_METRICS));
    c.part(() =>
        c.integer(targetUtilization, `${field}.targetUtilization`, TARGET_UTILIZATION_PERCENT.min, TARGET_UTILIZATION_PERCENT.max),
    );
    if (activationScale !== undefined) c.part(() => checkActivationScale(c, field, activationScale, countsRight ? scaling : {}));
    c.part(() => checkDuration(c, `${field}.scaleDownDelay`, scaleDownDelay, SCALE_DOWN_DELAY_SECONDS));
    c.part(() => checkDuration(c, `${field}.window`, window, WINDOW_SECONDS));

    const out: StringMap = {};
    // CPU and memory metrics are only served by the HPA autoscaler class.
    if ((HPA_METRICS as readonly (string | undefined)[]).includes(metric)) out[CLASS_ANNOTATION] = HPA_CLASS;
    for (const [key, annotation] of Object.entries(SCALING_FIELD_ANNOTATIONS)) {
        const value = scaling[key as keyof ScalingSettings];
        if (value !== undefined) out[annotation] = String(value);
    }
    return out;
}
