import type { KnativeServiceSettings } from "./knativeServiceArgs";
import type { Checker } from "../core/errors";
import type { Container, Volume } from "../core/k8sTypes";
import { checkLabelName, checkObjectName, IMAGE_REFERENCE_GRAMMAR, isImageReference } from "../core/names";

export const USER_CONTAINER = "user-container";

/** Ports the Knative queue-proxy sidecar listens on; the user container may not use them. */
const RESERVED_PORTS = [8012, 8013, 8022, 9090, 9091];
/** Environment variables Knative sets in every container. */
const RESERVED_ENV = ["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"];
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$/;

function normalPath(path: string): string {
    return path.replace(/\/+$/, "") || "/";
}

const QUANTITY_SUFFIX: Record<string, number> = {
    "": 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
};

/** The value of a Kubernetes quantity already matched by `QUANTITY`, e.g. `"500m"` → 0.5. */
function quantityValue(quantity: string): number {
    const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(quantity)!;
    return Number(m[1]) * QUANTITY_SUFFIX[m[2]];
}

export function checkVolumes(c: Checker, volumes: Volume[], mounts: KnativeServiceSettings["volumeMounts"]): void {
    const names = new Set<string>();
    volumes.forEach((v, i) => {
        checkLabelName(c, `volumes[${i}].name`, v.name);
        const sources = (["configMap", "secret", "emptyDir", "hostPath", "persistentVolumeClaim"] as const).filter(
            (k) => v[k] !== undefined,
        );
        c.check(
            sources.length === 1,
            `volumes[${i}]`,
            v,
            "expected exactly one of configMap, secret, emptyDir, hostPath, persistentVolumeClaim",
        );
        if (v.configMap) checkObjectName(c, `volumes[${i}].configMap.name`, v.configMap.name, "a ConfigMap in the namespace");
        if (v.secret) checkObjectName(c, `volumes[${i}].secret.secretName`, v.secret.secretName, "a Secret in the namespace");
        if (v.persistentVolumeClaim) {
            const claim = v.persistentVolumeClaim.claimName;
            checkObjectName(c, `volumes[${i}].persistentVolumeClaim.claimName`, claim, "a PersistentVolumeClaim in the namespace");
        }
        if (v.hostPath)
            c.check(v.hostPath.path.startsWith("/"), `volumes[${i}].hostPath.path`, v.hostPath.path, "expected an absolute path");
        c.check(!names.has(v.name), `volumes[${i}].name`, v.name, "expected a name used once");
        names.add(v.name);
    });
    (mounts ?? []).forEach((m, i) => {
        c.check(
            names.has(m.name),
            `volumeMounts[${i}].name`,
            m.name,
            `expected the name of a volume (${[...names].join(", ") || "none declared"})`,
        );
        c.check(
            typeof m.mountPath === "string" && m.mountPath.startsWith("/"),
            `volumeMounts[${i}].mountPath`,
            m.mountPath,
            "expected an absolute path",
        );
        const first = (mounts ?? []).findIndex((o) => normalPath(o.mountPath) === normalPath(m.mountPath));
        c.check(
            first === i,
            `volumeMounts[${i}].mountPath`,
            m.mountPath,
            `expected each mount path once (volumeMounts[${first}] mounts there already; Kubernetes rejects the pod)`,
        );
    });
}

export function renderContainer(c: Checker, s: KnativeServiceSettings): Container {
    c.check(
        isImageReference(s.image),
        "image",
        s.image,
        `expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" (${IMAGE_REFERENCE_GRAMMAR})`,
    );
    const env = Object.entries(s.env ?? {}).map(([name, value]) => {
        c.check(
            ENV_NAME.test(name),
            `env["${name}"]`,
            name,
            "expected an environment variable name of letters, digits, '_', '-' or '.', not starting with a digit",
        );
        c.check(
            !RESERVED_ENV.includes(name),
            `env["${name}"]`,
            name,
            `expected a name Knative does not set itself (${RESERVED_ENV.join(", ")})`,
        );
        c.check(typeof value === "string", `env["${name}"]`, value, "expected a string value");
        return { name, value };
    });
    if (s.port !== undefined) {
        c.integer(s.port, "port", 1, 65535);
        c.check(
            !RESERVED_PORTS.includes(s.port),
            "port",
            s.port,
            `expected a port other than Knative's queue-proxy ports ${RESERVED_PORTS.join(", ")}`,
        );
    }
    for (const kind of ["requests", "limits"] as const) {
        for (const [resource, quantity] of Object.entries(s.resources?.[kind] ?? {})) {
            c.check(
                typeof quantity === "string" && QUANTITY.test(quantity),
                `resources.${kind}.${resource}`,
                quantity,
                'expected a Kubernetes quantity such as "500m", "2" or "4Gi"',
            );
        }
    }
    for (const [resource, request] of Object.entries(s.resources?.requests ?? {})) {
        const limit = s.resources?.limits?.[resource as keyof NonNullable<typeof s.resources.limits>];
        if (limit === undefined) continue;
        c.check(
            quantityValue(request) <= quantityValue(limit),
            `resources.requests.${resource}`,
            request,
            `expected at most the limit (resources.limits.${resource} = "${limit}"): Kubernetes rejects a request above its limit`,
        );
    }
    // Knative names the container "user-container" when unnamed; naming it keeps the object schema-valid.
    const container: Container = { name: USER_CONTAINER, image: s.image };
    if (s.command?.length) container.command = [...s.command];
    if (s.args?.length) container.args = [...s.args];
    if (env.length) container.env = env;
    if (s.port !== undefined) container.ports = [{ containerPort: s.port }];
    if (s.resources && (s.resources.requests || s.resources.limits)) {
        container.resources = JSON.parse(JSON.stringify(s.resources)) as Container["resources"];
    }
    if (s.volumeMounts?.length) container.volumeMounts = s.volumeMounts.map((m) => ({ ...m }));
    c.check(
        s.securityContext?.privileged !== true,
        "securityContext.privileged",
        true,
        "expected false or unset: Knative does not allow privileged containers (its webhook drops the field), on ECS or ECI",
    );
    if (s.securityContext?.runAsUser !== undefined) c.integer(s.securityContext.runAsUser, "securityContext.runAsUser", 0, 2147483647);
    if (s.securityContext) container.securityContext = { ...s.securityContext };
    return container;
}
