import type { Checker } from "../core/errors";
import { isEcsInstanceType } from "../core/names";

/**
 * vCPU → memory (GiB) combinations ECI offers in every region (Alibaba Cloud, "ECI specifications").
 * `k8s.aliyun.com/eci-use-specs` accepts these as `<vCPU>-<mem>Gi`.
 */
export const ECI_CPU_MEMORY: Readonly<Record<string, readonly number[]>> = {
    "0.25": [0.5, 1],
    "0.5": [1, 2],
    "1": [2, 4, 8],
    "2": [1, 2, 4, 8, 16],
    "4": [2, 4, 8, 16, 32],
    "8": [4, 8, 16, 32, 64],
    "12": [12, 24, 48, 96],
    "16": [16, 32, 64, 128],
    "24": [24, 48, 96, 192],
    "32": [32, 64, 128, 256],
    "52": [96, 192, 384],
    "64": [128, 256, 512],
};

/** ECI tries at most this many specs, in order. */
export const MAX_ECI_SPECS = 5;

const CPU_MEMORY = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)Gi$/;

/** A parsed entry of `eciSpecs`. */
export type EciSpec =
    { kind: "cpu-memory"; cpu: number; memoryGiB: number; text: string } | { kind: "ecs-type"; instanceType: string; text: string };

/** Parses one spec, or returns undefined when it is neither a listed combination nor an ECS type. */
export function parseEciSpec(text: string): EciSpec | undefined {
    if (typeof text !== "string") return undefined;
    const m = CPU_MEMORY.exec(text);
    if (m) {
        const memories = ECI_CPU_MEMORY[String(Number(m[1]))];
        const memoryGiB = Number(m[2]);
        if (memories?.includes(memoryGiB)) return { kind: "cpu-memory", cpu: Number(m[1]), memoryGiB, text };
        return undefined;
    }
    return isEcsInstanceType(text) ? { kind: "ecs-type", instanceType: text, text } : undefined;
}

function listedCombinations(): string {
    return Object.entries(ECI_CPU_MEMORY)
        .map(([cpu, mems]) => `${cpu} vCPU: ${mems.join("/")} GiB`)
        .join("; ");
}

/** Validates `eciSpecs` and returns the `eci-use-specs` annotation value (comma-joined, in order). */
export function renderEciSpecs(c: Checker, field: string, specs: readonly string[]): string {
    c.check(
        Array.isArray(specs) && specs.length >= 1 && specs.length <= MAX_ECI_SPECS,
        field,
        specs,
        `expected 1 to ${MAX_ECI_SPECS} specs (ECI tries them in order)`,
    );
    // Each spec on its own: one wrong spec does not hide the next.
    specs.forEach((spec, i) =>
        c.part(() => {
            c.check(
                parseEciSpec(spec) !== undefined,
                `${field}[${i}]`,
                spec,
                `expected "<vCPU>-<memory>Gi" with a combination ECI offers (${listedCombinations()}), or an ECS instance type like "ecs.c6.large"`,
            );
            c.check(specs.indexOf(spec) === i, `${field}[${i}]`, spec, "expected each spec once");
        }),
    );
    return specs.join(",");
}
