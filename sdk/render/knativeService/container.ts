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
 * Validates the pod's volumes as declared (names, exactly one source, the objects they name, hostPath paths) and returns
 * their names, for the containers' mounts.
 */
export function checkDeclaredVolumes(c: Checker, volumes: Volume[]): Set<string> {
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
    return names;
}

/** One container's mounts: each names a volume, at an absolute path used once. */
function checkMounts(c: Checker, prefix: string, names: ReadonlySet<string>, mounts: VolumeMountArgs[] | undefined): void {
    (mounts ?? []).forEach((m, i) => {
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
    });
}

/** What the serving container and the sidecars have in common: a sidecar's arguments but its name and ECI flag. */
export type ContainerParts = Omit<SidecarArgs, "name" | "eciResourceIgnore">;

export const PULL_POLICIES = ["Always", "IfNotPresent", "Never"] as const;

/** Validates and renders a container's image, command, environment, resources, mounts and security context. */
export function renderContainerParts(
    c: Checker,
    prefix: string,
    name: string,
    s: ContainerParts,
    volumeNames: ReadonlySet<string>,
): Container {
    c.check(
        isImageReference(s.image),
        `${prefix}image`,
        s.image,
        `expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" (${IMAGE_REFERENCE_GRAMMAR})`,
    );
    c.oneOf(s.imagePullPolicy, `${prefix}imagePullPolicy`, PULL_POLICIES);
    const { env, envFrom } = renderEnv(c, prefix, s.env, s.envValueFrom, s.envFrom);
    for (const kind of ["requests", "limits"] as const) {
        for (const [resource, quantity] of Object.entries(s.resources?.[kind] ?? {})) {
            // Deliberately stricter than Kubernetes' quantities (isResourceQuantity says why).
            c.check(
                typeof quantity === "string" && isResourceQuantity(quantity),
                `${prefix}resources.${kind}.${resource}`,
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
            `${prefix}resources.requests.${resource}`,
            request,
            `expected at most the limit (${prefix}resources.limits.${resource} = "${limit}"): Kubernetes rejects a request above its limit`,
        );
    }
    checkMounts(c, prefix, volumeNames, s.volumeMounts);
    c.check(
        s.securityContext?.privileged !== true,
        `${prefix}securityContext.privileged`,
        true,
        "expected false or unset: Knative does not allow privileged containers (its webhook drops the field), on ECS or ECI",
    );
    if (s.securityContext?.runAsUser !== undefined)
        c.integer(s.securityContext.runAsUser, `${prefix}securityContext.runAsUser`, 0, INT32_MAX);

    const container: Container = { name, image: s.image };
    if (s.command?.length) container.command = [...s.command];
    if (s.args?.length) container.args = [...s.args];
    if (env.length) container.env = env;
    if (envFrom.length) container.envFrom = envFrom;
    if (s.imagePullPolicy !== undefined) container.imagePullPolicy = s.imagePullPolicy as Container["imagePullPolicy"];
    if (s.resources && (s.resources.requests || s.resources.limits)) {
        container.resources = JSON.parse(JSON.stringify(s.resources)) as Container["resources"];
    }
    if (s.volumeMounts?.length) container.volumeMounts = s.volumeMounts.map((m) => ({ ...m }));
    if (s.securityContext) container.securityContext = { ...s.securityContext };
    return container;
}

/**
 * The serving container. `withSidecars`: Knative then needs the serving container's port stated, as
 * the one container with a port, or its webhook refuses the revision.
 */
export function renderContainer(c: Checker, s: KnativeServiceSettings, volumeNames: ReadonlySet<string>, withSidecars: boolean): Container {
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
    c.oneOf(s.portName, "portName", PORT_NAMES);
    // Knative names the container "user-container" when unnamed; naming it keeps the object schema-valid.
    const container = renderContainerParts(c, "", USER_CONTAINER, s, volumeNames);
    const port = s.port ?? DEFAULT_PORT;
    if (s.port !== undefined || s.portName !== undefined || withSidecars) {
        container.ports = [{ containerPort: port, ...(s.portName ? { name: s.portName as (typeof PORT_NAMES)[number] } : {}) }];
    }
    if (s.readinessProbe) container.readinessProbe = renderProbe(c, "readiness", s.readinessProbe, port);
    if (s.livenessProbe) container.livenessProbe = renderProbe(c, "liveness", s.livenessProbe, port);
    return container;
}
