import type { KnativeServiceSettings, TolerationArgs } from "./knativeServiceArgs";
import type { Checker } from "../core/errors";
import type { StringMap, Toleration } from "../core/k8sTypes";
import { checkNodeLabel, isLabelValue, isQualifiedName } from "../core/names";
import { DEFAULT_TARGETS, Placement, PLACEMENTS, type PlacementTargets } from "../core/placement";
import { EcsFirstStrategy } from "./resourcePolicy";

// A KnativeService's placement settings: validated, defaulted, and checked against the user's own
// node selector and tolerations.

/** The validated placement inputs that decide where pods go. */
export interface ResolvedPlacement {
    placement: Placement;
    targets: PlacementTargets;
    /** For `ecs-first`: how ECS is preferred. */
    ecsFirstStrategy?: EcsFirstStrategy;
}

/**
 * Validates the placement and node-targeting settings, each on its own, and resolves their defaults; undefined when
 * one is wrong (the checks that place pods by them would only repeat it).
 */
export function resolvePlacement(c: Checker, s: KnativeServiceSettings): ResolvedPlacement | undefined {
    c.oneOf(s.placement, "placement", PLACEMENTS);
    c.check(s.placement !== undefined, "placement", s.placement, `expected one of ${PLACEMENTS.map((p) => `"${p}"`).join(", ")}`);
    const placement = s.placement;
    const ecsNodeLabel = c.part(() => checkNodeLabel(c, "ecsNodeLabel", s.ecsNodeLabel, DEFAULT_TARGETS.ecsNodeLabel));
    const virtualNodeLabel = c.part(() => checkNodeLabel(c, "virtualNodeLabel", s.virtualNodeLabel, DEFAULT_TARGETS.virtualNodeLabel));
    const taintKey = c.part(() => {
        if (s.virtualNodeTaintKey !== undefined) {
            c.check(
                isQualifiedName(s.virtualNodeTaintKey),
                "virtualNodeTaintKey",
                s.virtualNodeTaintKey,
                'expected a taint key such as "virtual-kubelet.io/provider"',
            );
        }
        return s.virtualNodeTaintKey ?? DEFAULT_TARGETS.virtualNodeTaint.key;
    });
    const ecsFirst = c.part(() => resolveEcsFirst(c, s, placement));
    if (!ecsNodeLabel || !virtualNodeLabel || !taintKey || !ecsFirst) return undefined;
    return {
        placement,
        ecsFirstStrategy: ecsFirst.strategy,
        targets: { ecsNodeLabel, virtualNodeLabel, virtualNodeTaint: { ...DEFAULT_TARGETS.virtualNodeTaint, key: taintKey } },
    };
}

/** `ecsFirst`, only with placement "ecs-first": its strategy (defaulted) and ECS pod cap. */
function resolveEcsFirst(c: Checker, s: KnativeServiceSettings, placement: Placement): { strategy?: EcsFirstStrategy } {
    if (placement !== Placement.EcsFirst) {
        c.check(
            s.ecsFirst === undefined,
            "ecsFirst",
            s.ecsFirst,
            `expected it only with placement "ecs-first" (placement is "${placement}")`,
        );
        return {};
    }
    c.oneOf(s.ecsFirst?.strategy, "ecsFirst.strategy", Object.values(EcsFirstStrategy));
    const strategy = s.ecsFirst?.strategy ?? EcsFirstStrategy.ResourcePolicy;
    if (s.ecsFirst?.ecsMaxPods !== undefined) {
        c.check(
            strategy === EcsFirstStrategy.ResourcePolicy,
            "ecsFirst.ecsMaxPods",
            s.ecsFirst.ecsMaxPods,
            'expected it only with strategy "resource-policy" (a preferred affinity cannot cap pods)',
        );
        c.integer(s.ecsFirst.ecsMaxPods, "ecsFirst.ecsMaxPods", 1, 100000);
    }
    return { strategy };
}

/** A user node selector may narrow a placement but not contradict it. */
export function checkNodeSelector(c: Checker, { placement, targets }: ResolvedPlacement, selector: StringMap): void {
    const vk = targets.virtualNodeLabel;
    const ecs = targets.ecsNodeLabel;
    for (const [key, value] of Object.entries(selector)) {
        const field = `nodeSelector["${key}"]`;
        if ((placement === Placement.EcsAndEci || placement === Placement.EcsFirst) && (key === vk.key || key === ecs.key)) {
            c.fail(
                field,
                value,
                `expected no selector on "${key}": placement "${placement}" runs pods on ECS nodes (${ecs.key}=${ecs.value}) or ECI (${vk.key}=${vk.value}); choose placement "ecs" or "eci" to restrict it`,
            );
        }
        if (placement === Placement.Ecs) {
            if (key === ecs.key)
                c.check(value === ecs.value, field, value, `expected "${ecs.value}": placement "ecs" selects ${ecs.key}=${ecs.value}`);
            else if (key === vk.key)
                c.check(
                    value !== vk.value,
                    field,
                    value,
                    `expected not "${vk.value}": placement "ecs" keeps pods off the ECI virtual node`,
                );
        } else if (placement === Placement.Eci || placement === Placement.EciNamespace) {
            if (key === vk.key)
                c.check(
                    value === vk.value,
                    field,
                    value,
                    `expected "${vk.value}": placement "${placement}" runs pods on the ECI virtual node (${vk.key}=${vk.value})`,
                );
            else if (key === ecs.key)
                c.fail(
                    field,
                    value,
                    `expected no selector on the ECS label: the ECI virtual node does not carry ${ecs.key}; choose placement "ecs" or "ecs-and-eci"`,
                );
        }
    }
}

export function renderTolerations(
    c: Checker,
    { placement, targets }: ResolvedPlacement,
    user: TolerationArgs[],
    placed: Toleration[],
): Toleration[] | undefined {
    const out = [...placed];
    // Each toleration is checked on its own.
    const checked = user.map((t, i) => c.part(() => checkToleration(c, placement, targets, t, `tolerations[${i}]`)));
    if (checked.some((ok) => ok === undefined)) return undefined;
    user.forEach((t) => {
        const rendered: Toleration = { ...t } as Toleration;
        if (!out.some((o) => JSON.stringify(o) === JSON.stringify(rendered))) out.push(rendered);
    });
    return out;
}

/** One toleration the user adds: well-formed, and not one that contradicts the placement. */
function checkToleration(c: Checker, placement: Placement, targets: PlacementTargets, t: TolerationArgs, field: string): true {
    c.oneOf(t.operator, `${field}.operator`, ["Exists", "Equal"]);
    c.oneOf(t.effect, `${field}.effect`, ["NoSchedule", "PreferNoSchedule", "NoExecute"]);
    c.check(!(t.operator === "Exists" && t.value !== undefined), `${field}.value`, t.value, 'expected no value with operator "Exists"');
    c.check(t.key !== undefined || t.operator === "Exists", `${field}.key`, t.key, 'expected a key unless operator is "Exists"');
    if (t.key !== undefined)
        c.check(
            isQualifiedName(t.key),
            `${field}.key`,
            t.key,
            "expected a taint key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'",
        );
    if (t.value !== undefined && t.value !== "")
        c.check(
            isLabelValue(t.value),
            `${field}.value`,
            t.value,
            "expected a taint value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        );
    const toleratesVirtualNode = t.key === targets.virtualNodeTaint.key || (t.key === undefined && t.operator === "Exists");
    if (placement === Placement.Ecs && toleratesVirtualNode) {
        c.fail(
            field,
            t,
            `expected no toleration of the virtual node taint "${targets.virtualNodeTaint.key}": placement "ecs" keeps pods off ECI; use "ecs-and-eci" to allow ECI`,
        );
    }
    return true;
}
