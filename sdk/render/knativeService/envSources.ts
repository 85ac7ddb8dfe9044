import type { Checker } from "../core/errors";
import type { EnvFromSource, EnvVar } from "../core/k8sTypes";
import { checkObjectName } from "../core/names";
import type { EnvFromArgs, EnvValueFromArgs } from "./knativeServiceArgs";
import { RESERVED_ENV, RESERVED_SIDECAR_ENV } from "./knativeFacts";

// Environment variables of a container: literal values, values read from a Secret or ConfigMap key
// (the value stays in the cluster and never passes through Pulumi's state), and whole Secrets or
// ConfigMaps as variables (`envFrom`).

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export function checkEnvName(c: Checker, field: string, name: string, reserved: readonly string[] = RESERVED_ENV): void {
    c.check(
        ENV_NAME.test(name),
        field,
        name,
        "expected an environment variable name of letters, digits, '_', '-' or '.', not starting with a digit",
    );
    c.check(!reserved.includes(name), field, name, `expected a name Knative does not set itself (${reserved.join(", ")})`);
}

/** The container's `env` and `envFrom`, from literal values, key references and whole sources. */
export function renderEnv(
    c: Checker,
    prefix: string,
    env: { [name: string]: string } | undefined,
    valueFrom: { [name: string]: EnvValueFromArgs } | undefined,
    envFrom: EnvFromArgs[] | undefined,
): { env: EnvVar[]; envFrom: EnvFromSource[] } {
    const reserved = prefix === "" ? RESERVED_ENV : RESERVED_SIDECAR_ENV;
    const out: EnvVar[] = Object.entries(env ?? {}).map(([name, value]) => {
        checkEnvName(c, `${prefix}env["${name}"]`, name, reserved);
        c.check(typeof value === "string", `${prefix}env["${name}"]`, value, "expected a string value");
        return { name, value };
    });
    for (const [name, from] of Object.entries(valueFrom ?? {})) {
        const field = `${prefix}envValueFrom["${name}"]`;
        checkEnvName(c, field, name, reserved);
        c.check(env?.[name] === undefined, field, name, `expected each variable once (env["${name}"] sets it already)`);
        const refs = (["secretKeyRef", "configMapKeyRef"] as const).filter((k) => from[k] !== undefined);
        c.check(refs.length === 1, field, from, "expected exactly one of secretKeyRef or configMapKeyRef");
        const kind = refs[0];
        const ref = from[kind]!;
        checkObjectName(
            c,
            `${field}.${kind}.name`,
            ref.name,
            kind === "secretKeyRef" ? "a Secret in the namespace" : "a ConfigMap in the namespace",
        );
        c.check(
            CONFIG_KEY.test(ref.key) && ref.key.length <= 253,
            `${field}.${kind}.key`,
            ref.key,
            "expected a key of letters, digits, '-', '_' or '.' (at most 253 characters)",
        );
        out.push({ name, valueFrom: { [kind]: { name: ref.name, key: ref.key } } });
    }
    const sources: EnvFromSource[] = (envFrom ?? []).map((f, i) => {
        const field = `${prefix}envFrom[${i}]`;
        const kinds = (["secret", "configMap"] as const).filter((k) => f[k] !== undefined);
        c.check(kinds.length === 1, field, f, "expected exactly one of secret or configMap");
        const kind = kinds[0];
        checkObjectName(c, `${field}.${kind}`, f[kind]!, kind === "secret" ? "a Secret in the namespace" : "a ConfigMap in the namespace");
        if (f.prefix !== undefined)
            c.check(
                f.prefix !== "" && ENV_NAME.test(f.prefix),
                `${field}.prefix`,
                f.prefix,
                "expected a variable-name prefix of letters, digits, '_', '-' or '.', not starting with a digit",
            );
        const source: EnvFromSource = kind === "secret" ? { secretRef: { name: f.secret! } } : { configMapRef: { name: f.configMap! } };
        return f.prefix !== undefined ? { prefix: f.prefix, ...source } : source;
    });
    return { env: out, envFrom: sources };
}
