import type { Checker } from "../core/errors";
import type { Probe } from "../core/k8sTypes";
import type { ProbeArgs } from "./knativeServiceArgs";
import { INT32_MAX } from "./knativeFacts";

// Readiness and liveness probes of the serving container, checked by Knative's own rules
// (serving's k8s_validation.go): one handler per probe and a readiness periodSeconds of 0 meaning
// Knative's aggressive probing. Stricter than Knative on the port: Knative probes another readiness
// port as given and rewrites a liveness HTTP/TCP port to the serving one; the package keeps both on
// the serving port, so a ready revision is one whose serving port answers.

export const PROBE_HANDLERS = ["httpGet", "tcpSocket", "grpc", "exec"] as const;
const HEADER_NAME = /^[-!#$%&'*+.^_`|~0-9A-Za-z]+$/;

/**
 * Validates and renders one probe of the serving container. `kind` is `"readiness"` or
 * `"liveness"`; `servingPort` the port the container serves on (Knative's 8080 when unset).
 */
export function renderProbe(c: Checker, kind: "readiness" | "liveness", p: ProbeArgs, servingPort: number): Probe {
    const field = `${kind}Probe`;
    const handlers = PROBE_HANDLERS.filter((h) => p[h] !== undefined);
    c.check(
        handlers.length === 1,
        field,
        p,
        `expected exactly one of httpGet, tcpSocket, grpc or exec (Knative takes one handler per probe)${handlers.length > 1 ? `, not ${handlers.join(" and ")}` : ""}`,
    );
    const out = renderHandler(c, field, p, servingPort);
    checkTimings(c, kind, field, p);
    for (const k of ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold"] as const) {
        if (p[k] !== undefined) out[k] = p[k];
    }
    return out;
}

/** The probe's handler, on the serving port: Kubernetes' schema requires a handler's port, so the package writes it. */
function renderHandler(c: Checker, field: string, p: ProbeArgs, servingPort: number): Probe {
    const checkPort = (path: string, port: number | undefined) => {
        if (port === undefined) return;
        c.check(
            port === servingPort,
            `${field}.${path}.port`,
            port,
            `expected the serving port ${servingPort} or no port: the package probes only the port that serves requests`,
        );
    };
    const out: Probe = {};
    if (p.httpGet) {
        checkPort("httpGet", p.httpGet.port);
        out.httpGet = renderHttpGet(c, field, p.httpGet, servingPort);
    }
    if (p.tcpSocket) {
        checkPort("tcpSocket", p.tcpSocket.port);
        out.tcpSocket = { port: servingPort };
    }
    if (p.grpc) {
        checkPort("grpc", p.grpc.port);
        out.grpc = { port: servingPort, ...(p.grpc.service !== undefined ? { service: p.grpc.service } : {}) };
    }
    if (p.exec) {
        c.check(p.exec.command.length > 0, `${field}.exec.command`, p.exec.command, "expected a command of at least one word");
        out.exec = { command: [...p.exec.command] };
    }
    return out;
}

/** An HTTP GET handler's path, scheme and headers (its port checked by the caller). */
function renderHttpGet(
    c: Checker,
    field: string,
    g: NonNullable<ProbeArgs["httpGet"]>,
    servingPort: number,
): NonNullable<Probe["httpGet"]> {
    if (g.path !== undefined) c.check(g.path.startsWith("/"), `${field}.httpGet.path`, g.path, 'expected a path starting with "/"');
    c.oneOf(g.scheme, `${field}.httpGet.scheme`, ["HTTP", "HTTPS"]);
    for (const name of Object.keys(g.httpHeaders ?? {})) {
        c.check(HEADER_NAME.test(name), `${field}.httpGet.httpHeaders["${name}"]`, name, "expected an HTTP header name (RFC 7230 token)");
    }
    const out: NonNullable<Probe["httpGet"]> = { port: servingPort };
    if (g.path !== undefined) out.path = g.path;
    if (g.scheme !== undefined) out.scheme = g.scheme as "HTTP" | "HTTPS";
    const headers = Object.entries(g.httpHeaders ?? {});
    if (headers.length) out.httpHeaders = headers.map(([name, value]) => ({ name, value }));
    return out;
}

/** The probe's timings: Kubernetes' bounds, Knative's aggressive readiness probing at periodSeconds 0, liveness' one success. */
function checkTimings(c: Checker, kind: "readiness" | "liveness", field: string, p: ProbeArgs): void {
    c.integer(p.initialDelaySeconds, `${field}.initialDelaySeconds`, 0, INT32_MAX);
    if (kind === "readiness") {
        c.integer(p.periodSeconds, `${field}.periodSeconds`, 0, INT32_MAX);
        if (p.periodSeconds === 0) {
            for (const k of ["timeoutSeconds", "failureThreshold"] as const) {
                c.check(
                    p[k] === undefined,
                    `${field}.${k}`,
                    p[k],
                    "expected it unset with periodSeconds 0 (Knative's aggressive probing retries until ready)",
                );
            }
        }
        c.integer(p.successThreshold, `${field}.successThreshold`, 1, INT32_MAX);
    } else {
        c.integer(p.periodSeconds, `${field}.periodSeconds`, 1, INT32_MAX);
        c.check(
            p.successThreshold === undefined || p.successThreshold === 1,
            `${field}.successThreshold`,
            p.successThreshold,
            "expected 1 or unset (Kubernetes allows only 1 for liveness probes)",
        );
    }
    c.integer(p.timeoutSeconds, `${field}.timeoutSeconds`, 1, INT32_MAX);
    c.integer(p.failureThreshold, `${field}.failureThreshold`, 1, INT32_MAX);
}
