import type { Checker } from "../core/errors";
import type { Container } from "../core/k8sTypes";
import { mayRunOnEci, type Placement } from "../core/placement";
import { checkLabelName } from "../core/names";
import { type ContainerParts, renderContainerParts } from "./container";
import { QUEUE_PROXY, USER_CONTAINER } from "./knativeFacts";
import type { SidecarArgs } from "./knativeServiceArgs";

// Sidecar containers beside the serving container (`kn service create --containers`). Knative runs
// them when the revision has exactly one container with a port, the serving one; sidecars take no
// port and no probes here. ECI runs at most 20 containers per instance (Alibaba Cloud, "ECI limits"),
// and Knative adds its queue-proxy to every pod.

/** Containers ECI runs in one instance. */
export const ECI_MAX_CONTAINERS = 20;
export const ECI_RESOURCE_IGNORE = "__ECI_RESOURCE_IGNORE__";

/**
 * Validates and renders the sidecars, each on its own; `volumeNames` are the pod's volumes their mounts may name
 * (undefined: not known, see `renderContainerParts`). Undefined when one is wrong.
 */
export function renderSidecars(
    c: Checker,
    placement: Placement,
    sidecars: SidecarArgs[],
    volumeNames: ReadonlySet<string> | undefined,
): Container[] | undefined {
    if (mayRunOnEci(placement))
        c.part(() =>
            c.check(
                sidecars.length + 2 <= ECI_MAX_CONTAINERS,
                "sidecars",
                sidecars.map((s) => s.name),
                `expected at most ${ECI_MAX_CONTAINERS - 2} sidecars: ECI runs at most ${ECI_MAX_CONTAINERS} containers per instance, including the serving container and Knative's queue-proxy`,
            ),
        );
    const names = new Set<string>();
    const rendered = sidecars.map((s, i) => {
        const field = `sidecars[${i}]`;
        const named = c.part(() => {
            checkLabelName(c, `${field}.name`, s.name);
            c.check(
                s.name !== USER_CONTAINER && s.name !== QUEUE_PROXY,
                `${field}.name`,
                s.name,
                `expected a name other than "${USER_CONTAINER}" (the serving container) and "${QUEUE_PROXY}" (Knative's)`,
            );
            c.check(!names.has(s.name), `${field}.name`, s.name, "expected each container name once");
            return true;
        });
        names.add(s.name);
        const env = c.part(() => sidecarEnv(c, placement, field, s));
        const parts: ContainerParts | undefined = env && { ...s, env };
        const container = parts && renderContainerParts(c, `${field}.`, s.name, parts, volumeNames);
        return named && container;
    });
    return rendered.every((k) => k !== undefined) ? (rendered as Container[]) : undefined;
}

/** A sidecar's variables, with `__ECI_RESOURCE_IGNORE__` from `eciResourceIgnore`. */
function sidecarEnv(c: Checker, placement: Placement, field: string, s: SidecarArgs): { [name: string]: string } {
    if (s.eciResourceIgnore !== undefined)
        c.check(
            mayRunOnEci(placement),
            `${field}.eciResourceIgnore`,
            s.eciResourceIgnore,
            `expected it only with a placement that may use ECI (placement is "${placement}")`,
        );
    const env = { ...(s.env ?? {}) };
    if (s.env?.[ECI_RESOURCE_IGNORE] !== undefined)
        c.fail(`${field}.env["${ECI_RESOURCE_IGNORE}"]`, s.env[ECI_RESOURCE_IGNORE], "expected it set through eciResourceIgnore");
    if (s.eciResourceIgnore) env[ECI_RESOURCE_IGNORE] = "TRUE";
    return env;
}
