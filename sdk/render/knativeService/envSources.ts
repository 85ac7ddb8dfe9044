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
): { env: EnvVar[]; envFrom: EnvFromSource[] } | undefined {
    const reserved = prefix === "" ? RESERVED_ENV : RESERVED_SIDECAR_ENV;
    // Each variable is checked on its own: one wrong name does not hide the next.
    const out = Object.entries(env ?? {}).map(([name, value]) =>
        c.part((): EnvVar => {
            checkEnvName(c, `${prefix}env["${name}"]`, name, reserved);
            c.check(typeof value === "string", `${prefix}env["${name}"]`, value, "expected a string value");
            return { name, value };
        }),
    );
    for (const [name, from] of Object.entries(valueFrom ?? {})) {
        out.push(c.part(() => renderValueFrom(c, `${prefix}envValueFrom["${name}"]`, name, from, env, reserved)));
    }
    const sources = (envFrom ?? []).map((f, i) => c.part(() => renderEnvFrom(c, `${prefix}envFrom[${i}]`, f)));
    if (out.some((v) => v === undefined) || sources.some((v) => v === undefined)) return undefined;
    return { env: out as EnvVar[], envFrom: sources as EnvFromSource[] };
}

/** A variable read from a Secret or ConfigMap key. */
function renderValueFrom(
    c: Checker,
    field: string,
    name: string,
    from: EnvValueFromArgs,
    env: { [name: string]: string } | undefined,
    reserved: readonly string[],
): EnvVar {
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
    return { name, valueFrom: { [kind]: { name: ref.name, key: ref.key } } };
}

/** A whole Secret or ConfigMap as variables. */
function renderEnvFrom(c: Checker, field: string, f: EnvFromArgs): EnvFromSource {
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
}
