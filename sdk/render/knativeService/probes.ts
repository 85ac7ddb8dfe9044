import type { Checker } from "../core/errors";
import type { Probe } from "../core/k8sTypes";

// Readiness and liveness probes of the serving container, checked by Knative's own rules
// (serving's k8s_validation.go): one handler per probe and a readiness periodSeconds of 0 meaning
// Knative's aggressive probing. Stricter than Knative on the port: Knative probes another readiness
// port as given and rewrites a liveness HTTP/TCP port to the serving one; the package keeps both on
// the serving port, so a ready revision is one whose serving port answers.

/** An HTTP GET probe. */
export interface HttpGetProbeArgs {
    /** Path to request, e.g. `"/healthz"`. @default "/" */
    path?: string;
    /** Must be the serving port (the package probes no other). @default the serving port */
    port?: number;
    /** `"HTTP"` or `"HTTPS"`. @default "HTTP" */
    scheme?: string;
    /** Extra request headers, name → value. @default none */
    httpHeaders?: { [name: string]: string };
}

/** A TCP connect probe. */
export interface TcpSocketProbeArgs {
    /** Must be the serving port. @default the serving port */
    port?: number;
}

/** A gRPC health-checking probe (grpc.health.v1), for services with `portName: "h2c"`. */
export interface GrpcProbeArgs {
    /** Must be the serving port. @default the serving port */
    port?: number;
    /** Service name sent in the health check request. @default "" (the server's overall health) */
    service?: string;
}

/** A command run in the container; exit status 0 is healthy. */
export interface ExecProbeArgs {
    /** The command and its arguments. Required. */
    command: string[];
}

/** A probe: exactly one of httpGet, tcpSocket, grpc or exec, plus timings. */
export interface ProbeArgs {
    /** @default none */
    httpGet?: HttpGetProbeArgs;
    /** @default none */
    tcpSocket?: TcpSocketProbeArgs;
    /** @default none */
    grpc?: GrpcProbeArgs;
    /** @default none */
    exec?: ExecProbeArgs;
    /** Seconds after start before the first probe. @default 0 */
    initialDelaySeconds?: number;
    /** Seconds between probes; for readiness, 0 selects Knative's aggressive probing. @default Kubernetes' (10); readiness: Knative's (0) */
    periodSeconds?: number;
    /** Seconds a probe may take. @default 1 */
    timeoutSeconds?: number;
    /** Failures in a row before the container counts as failed. @default 3 */
    failureThreshold?: number;
    /** Successes in a row before it counts as healthy again (liveness: only 1). @default 1 */
    successThreshold?: number;
}

export const PROBE_HANDLERS = ["httpGet", "tcpSocket", "grpc", "exec"] as const;
const MAX = 2147483647;
const HEADER_NAME = /^[-!#$%&'*+.^_`|~0-9A-Za-z]+$/;

/** A probe's timings: what Kubernetes allows for the kind, and Knative's aggressive readiness probing (period 0). */
function checkProbeTimings(c: Checker, kind: "readiness" | "liveness", field: string, p: ProbeArgs): void {
    c.integer(p.initialDelaySeconds, `${field}.initialDelaySeconds`, 0, MAX);
    if (kind === "readiness") {
        c.integer(p.periodSeconds, `${field}.periodSeconds`, 0, MAX);
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
        c.integer(p.successThreshold, `${field}.successThreshold`, 1, MAX);
    } else {
        c.integer(p.periodSeconds, `${field}.periodSeconds`, 1, MAX);
        c.check(
            p.successThreshold === undefined || p.successThreshold === 1,
            `${field}.successThreshold`,
            p.successThreshold,
            "expected 1 or unset (Kubernetes allows only 1 for liveness probes)",
        );
    }
    c.integer(p.timeoutSeconds, `${field}.timeoutSeconds`, 1, MAX);
    c.integer(p.failureThreshold, `${field}.failureThreshold`, 1, MAX);
}

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
    const checkPort = (path: string, port: number | undefined) => {
        if (port === undefined) return;
        c.check(
            port === servingPort,
            `${field}.${path}.port`,
            port,
            `expected the serving port ${servingPort} or no port: the package probes only the port that serves requests`,
        );
    };
    // Kubernetes' schema requires a handler's port: the package writes the serving port.
    const out: Probe = {};
    if (p.httpGet) {
        const g = p.httpGet;
        checkPort("httpGet", g.port);
        if (g.path !== undefined) c.check(g.path.startsWith("/"), `${field}.httpGet.path`, g.path, 'expected a path starting with "/"');
        c.oneOf(g.scheme, `${field}.httpGet.scheme`, ["HTTP", "HTTPS"]);
        for (const name of Object.keys(g.httpHeaders ?? {})) {
            c.check(
                HEADER_NAME.test(name),
                `${field}.httpGet.httpHeaders["${name}"]`,
                name,
                "expected an HTTP header name (RFC 7230 token)",
            );
        }
        out.httpGet = { port: servingPort };
        if (g.path !== undefined) out.httpGet.path = g.path;
        if (g.scheme !== undefined) out.httpGet.scheme = g.scheme as "HTTP" | "HTTPS";
        const headers = Object.entries(g.httpHeaders ?? {});
        if (headers.length) out.httpGet.httpHeaders = headers.map(([name, value]) => ({ name, value }));
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
    checkProbeTimings(c, kind, field, p);
    for (const k of ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold"] as const) {
        if (p[k] !== undefined) out[k] = p[k];
    }
    return out;
}
