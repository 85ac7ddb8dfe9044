import type { KnativeServiceSettings, SidecarArgs, VolumeMountArgs } from "./knativeServiceArgs";
import type { Checker } from "../core/errors";
import type { Container, Volume } from "../core/k8sTypes";
import { checkLabelName, checkObjectName, IMAGE_REFERENCE_GRAMMAR, isImageReference } from "../core/names";
import { renderEnv } from "./envSources";
import { renderProbe } from "./probes";
import {
    cleanPath,
    DEFAULT_PORT,
    INT32_MAX,
    isResourceQuantity,
    PORT_NAMES,
    quantityValue,
    QUEUE_PROXY_PORTS,
    USER_CONTAINER,
} from "./knativeFacts";

/**
 * Validates the pod's volumes as declared (names, exactly one source, the objects they name, hostPath paths), each on
 * its own, and returns their names, for the containers' mounts.
 */
export function checkDeclaredVolumes(c: Checker, volumes: Volume[]): Set<string> {
    const names = new Set<string>();
    volumes.forEach((v, i) => {
        c.part(() => checkDeclaredVolume(c, v, i, names));
        names.add(v.name);
    });
    return names;
}

function checkDeclaredVolume(c: Checker, v: Volume, i: number, names: ReadonlySet<string>): void {
    checkLabelName(c, `volumes[${i}].name`, v.name);
    const sources = (["configMap", "secret", "emptyDir", "hostPath", "persistentVolumeClaim"] as const).filter((k) => v[k] !== undefined);
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
    if (v.hostPath) c.check(v.hostPath.path.startsWith("/"), `volumes[${i}].hostPath.path`, v.hostPath.path, "expected an absolute path");
    c.check(!names.has(v.name), `volumes[${i}].name`, v.name, "expected a name used once");
}

/**
 * One container's mounts, each on its own: each names a volume, at an absolute path used once. `names` undefined:
 * the volumes are wrong themselves, so which names exist is not known and not checked.
 */
function checkMounts(c: Checker, prefix: string, names: ReadonlySet<string> | undefined, mounts: VolumeMountArgs[] | undefined): void {
    (mounts ?? []).forEach((m, i) =>
        c.part(() => {
            if (names)
                c.check(
                    names.has(m.name),
                    `${prefix}volumeMounts[${i}].name`,
                    m.name,
                    `expected the name of a volume (${[...names].join(", ") || "none declared"})`,
                );
            c.check(
                typeof m.mountPath === "string" && m.mountPath.startsWith("/"),
                `${prefix}volumeMounts[${i}].mountPath`,
                m.mountPath,
                "expected an absolute path",
            );
            const first = (mounts ?? []).findIndex((o) => cleanPath(o.mountPath) === cleanPath(m.mountPath));
            c.check(
                first === i,
                `${prefix}volumeMounts[${i}].mountPath`,
                m.mountPath,
                `expected each mount path once (${prefix}volumeMounts[${first}] mounts there already; Kubernetes rejects the pod)`,
            );
        }),
    );
}

/** What the serving container and the sidecars have in common: a sidecar's arguments but its name and ECI flag. */
export type ContainerParts = Omit<SidecarArgs, "name" | "eciResourceIgnore">;

export const PULL_POLICIES = ["Always", "IfNotPresent", "Never"] as const;

/**
 * Validates and renders a container's image, command, environment, resources, mounts and security context, each on
 * its own. `volumeNames` undefined: the pod's volumes are wrong, so mounts are not matched against them.
 */
export function renderContainerParts(
    c: Checker,
    prefix: string,
    name: string,
    s: ContainerParts,
    volumeNames: ReadonlySet<string> | undefined,
): Container | undefined {
    c.part(() =>
        c.check(
            isImageReference(s.image),
            `${prefix}image`,
            s.image,
            `expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" (${IMAGE_REFERENCE_GRAMMAR})`,
        ),
    );
    c.part(() => c.oneOf(s.imagePullPolicy, `${prefix}imagePullPolicy`, PULL_POLICIES));
    const env = c.part(() => renderEnv(c, prefix, s.env, s.envValueFrom, s.envFrom));
    c.part(() => checkResources(c, prefix, s.resources));
    checkMounts(c, prefix, volumeNames, s.volumeMounts);
    c.part(() =>
        c.check(
            s.securityContext?.privileged !== true,
            `${prefix}securityContext.privileged`,
            true,
            "expected false or unset: Knative does not allow privileged containers (its webhook drops the field), on ECS or ECI",
        ),
    );
    if (s.securityContext?.runAsUser !== undefined) {
        const runAsUser = s.securityContext.runAsUser;
        c.part(() => c.integer(runAsUser, `${prefix}securityContext.runAsUser`, 0, INT32_MAX));
    }
    if (!env) return undefined;

    const container: Container = { name, image: s.image };
    if (s.command?.length) container.command = [...s.command];
    if (s.args?.length) container.args = [...s.args];
    if (env.env.length) container.env = env.env;
    if (env.envFrom.length) container.envFrom = env.envFrom;
    if (s.imagePullPolicy !== undefined) container.imagePullPolicy = s.imagePullPolicy as Container["imagePullPolicy"];
    if (s.resources && (s.resources.requests || s.resources.limits)) {
        container.resources = JSON.parse(JSON.stringify(s.resources)) as Container["resources"];
    }
    if (s.volumeMounts?.length) container.volumeMounts = s.volumeMounts.map((m) => ({ ...m }));
    if (s.securityContext) container.securityContext = { ...s.securityContext };
    return container;
}

/** Each quantity a Kubernetes quantity, and no request above its limit. */
function checkResources(c: Checker, prefix: string, resources: ContainerParts["resources"]): void {
    for (const kind of ["requests", "limits"] as const) {
        for (const [resource, quantity] of Object.entries(resources?.[kind] ?? {})) {
            // Deliberately stricter than Kubernetes' quantities (isResourceQuantity says why).
            c.check(
                typeof quantity === "string" && isResourceQuantity(quantity),
                `${prefix}resources.${kind}.${resource}`,
                quantity,
                'expected a Kubernetes quantity such as "500m", "2" or "4Gi"',
            );
        }
    }
    for (const [resource, request] of Object.entries(resources?.requests ?? {})) {
        const limit = resources?.limits?.[resource as keyof NonNullable<typeof resources.limits>];
        if (limit === undefined) continue;
        c.check(
            quantityValue(request) <= quantityValue(limit),
            `${prefix}resources.requests.${resource}`,
            request,
            `expected at most the limit (${prefix}resources.limits.${resource} = "${limit}"): Kubernetes rejects a request above its limit`,
        );
    }
}

/**
 * The serving container. `withSidecars`: Knative then needs the serving container's port stated, as
 * the one container with a port, or its webhook refuses the revision.
 */
export function renderContainer(
    c: Checker,
    s: KnativeServiceSettings,
    volumeNames: ReadonlySet<string> | undefined,
    withSidecars: boolean,
): Container | undefined {
    const port = c.part(() => {
        if (s.port !== undefined) {
            c.integer(s.port, "port", 1, 65535);
            // The queue-proxy's ports, named as such; Knative's profiling port (the sixth of KNATIVE_RESERVED_PORTS) is
            // refused by checkKnativeRules, whose sentence lists all six.
            c.check(
                !QUEUE_PROXY_PORTS.includes(s.port),
                "port",
                s.port,
                `expected a port other than Knative's queue-proxy ports ${QUEUE_PROXY_PORTS.join(", ")}`,
            );
        }
        return s.port ?? DEFAULT_PORT;
    });
    c.part(() => c.oneOf(s.portName, "portName", PORT_NAMES));
    // Knative names the container "user-container" when unnamed; naming it keeps the object schema-valid.
    const container = renderContainerParts(c, "", USER_CONTAINER, s, volumeNames);
    // Probes are checked against the serving port, so a wrong port leaves them for later.
    const readinessProbe = port && c.part(() => s.readinessProbe && renderProbe(c, "readiness", s.readinessProbe, port));
    const livenessProbe = port && c.part(() => s.livenessProbe && renderProbe(c, "liveness", s.livenessProbe, port));
    if (!container || !port) return undefined;
    if (s.port !== undefined || s.portName !== undefined || withSidecars) {
        container.ports = [{ containerPort: port, ...(s.portName ? { name: s.portName as (typeof PORT_NAMES)[number] } : {}) }];
    }
    if (readinessProbe) container.readinessProbe = readinessProbe;
    if (livenessProbe) container.livenessProbe = livenessProbe;
    return container;
}
