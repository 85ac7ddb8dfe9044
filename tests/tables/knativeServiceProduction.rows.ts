import type { Rejection } from "../fixtures/rejectionTable";

// Rows of the KnativeService rejection table for probes, port name, environment sources, sidecars,
// revision names and traffic, cluster-local visibility, pull policy, reserved instances and the
// newer scaling settings; and the three malformed inputs the table once let through.

const image = "registry.example.com/team/app:1";
const base = { image, placement: "eci" };
const ecs = { image, placement: "ecs" };
const volume = { name: "data", emptyDir: {} };
const probe = { httpGet: { path: "/healthz" } };
const sidecar = { name: "proxy", image: "registry.example.com/team/proxy:1" };
const ref = { name: "db", key: "password" };
/** Bad values of the arguments a production Service needs (docs/knativeService.md), with their sentences. */
export const PRODUCTION_ROWS: Rejection[] = [
    // envValueFrom
    [
        { ...base, envValueFrom: [{ secretKeyRef: ref }] },
        'KnativeService "t": envValueFrom = [{"secretKeyRef":{"name":"db","key":"password"}}] is not valid: expected a map of names to objects, not a list.',
    ],
    [
        { ...base, envValueFrom: { DB_PASSWORD: { secretKeyRef: ref, configMapKeyRef: { name: "app", key: "level" } } } },
        'KnativeService "t": envValueFrom["DB_PASSWORD"] = {"secretKeyRef":{"name":"db","key":"password"},"configMapKeyRef":{"name":"app","key":"level"}} is not valid: expected exactly one of secretKeyRef or configMapKeyRef.',
    ],
    [
        { ...base, envValueFrom: { DB_PASSWORD: {} } },
        'KnativeService "t": envValueFrom["DB_PASSWORD"] = {} is not valid: expected exactly one of secretKeyRef or configMapKeyRef.',
    ],
    [
        { ...base, env: { DB_PASSWORD: "x" }, envValueFrom: { DB_PASSWORD: { secretKeyRef: ref } } },
        'KnativeService "t": envValueFrom["DB_PASSWORD"] = "DB_PASSWORD" is not valid: expected each variable once (env["DB_PASSWORD"] sets it already).',
    ],
    [
        { ...base, envValueFrom: { K_SERVICE: { secretKeyRef: ref } } },
        'KnativeService "t": envValueFrom["K_SERVICE"] = "K_SERVICE" is not valid: expected a name Knative does not set itself (PORT, K_SERVICE, K_CONFIGURATION, K_REVISION).',
    ],
    [
        { ...base, envValueFrom: { DB_PASSWORD: { secretKeyRef: { name: "DB", key: "password" } } } },
        'KnativeService "t": envValueFrom["DB_PASSWORD"].secretKeyRef.name = "DB" is not valid: expected the name of a Secret in the namespace: at most 253 lowercase letters, digits, \'-\' or \'.\', starting and ending with a letter or digit.',
    ],
    [
        { ...base, envValueFrom: { DB_PASSWORD: { secretKeyRef: { name: "db" } } } },
        'KnativeService "t": envValueFrom["DB_PASSWORD"].secretKeyRef.key (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, envValueFrom: { DB_PASSWORD: { secretKeyRef: { name: "db", key: "pass word" } } } },
        "KnativeService \"t\": envValueFrom[\"DB_PASSWORD\"].secretKeyRef.key = \"pass word\" is not valid: expected a key of letters, digits, '-', '_' or '.' (at most 253 characters).",
    ],
    [
        { ...base, envValueFrom: { LOG_LEVEL: { configMapKeyRef: { name: "app_config", key: "level" } } } },
        'KnativeService "t": envValueFrom["LOG_LEVEL"].configMapKeyRef.name = "app_config" is not valid: expected the name of a ConfigMap in the namespace: at most 253 lowercase letters, digits, \'-\' or \'.\', starting and ending with a letter or digit.',
    ],
    [
        { ...base, envValueFrom: { LOG_LEVEL: { configMapKeyRef: { name: "app", key: "" } } } },
        "KnativeService \"t\": envValueFrom[\"LOG_LEVEL\"].configMapKeyRef.key = \"\" is not valid: expected a key of letters, digits, '-', '_' or '.' (at most 253 characters).",
    ],
    [
        { ...base, envValueFrom: { LOG_LEVEL: { configMapKeyRef: { name: 1, key: "level" } } } },
        'KnativeService "t": envValueFrom["LOG_LEVEL"].configMapKeyRef.name = 1 is not valid: expected a string, not a number.',
    ],
    // envFrom
    [
        { ...base, envFrom: { secret: "db" } },
        'KnativeService "t": envFrom = {"secret":"db"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, envFrom: [{ secret: "db", configMap: "app" }] },
        'KnativeService "t": envFrom[0] = {"secret":"db","configMap":"app"} is not valid: expected exactly one of secret or configMap.',
    ],
    [{ ...base, envFrom: [{}] }, 'KnativeService "t": envFrom[0] = {} is not valid: expected exactly one of secret or configMap.'],
    [
        { ...base, envFrom: [{ secret: "Db" }] },
        "KnativeService \"t\": envFrom[0].secret = \"Db\" is not valid: expected the name of a Secret in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, envFrom: [{ configMap: "app config" }] },
        "KnativeService \"t\": envFrom[0].configMap = \"app config\" is not valid: expected the name of a ConfigMap in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, envFrom: [{ configMap: "app", prefix: "1APP_" }] },
        "KnativeService \"t\": envFrom[0].prefix = \"1APP_\" is not valid: expected a variable-name prefix of letters, digits, '_', '-' or '.', not starting with a digit.",
    ],
    [
        { ...base, envFrom: [{ configMap: "app", prefix: "" }] },
        "KnativeService \"t\": envFrom[0].prefix = \"\" is not valid: expected a variable-name prefix of letters, digits, '_', '-' or '.', not starting with a digit.",
    ],
    // portName, imagePullPolicy
    [{ ...base, portName: "grpc" }, 'KnativeService "t": portName = "grpc" is not valid: expected one of "h2c", "http1".'],
    [{ ...base, portName: "H2C" }, 'KnativeService "t": portName = "H2C" is not valid: expected one of "h2c", "http1".'],
    [
        { ...base, imagePullPolicy: "always" },
        'KnativeService "t": imagePullPolicy = "always" is not valid: expected one of "Always", "IfNotPresent", "Never".',
    ],
    [{ ...base, imagePullPolicy: true }, 'KnativeService "t": imagePullPolicy = true is not valid: expected a string, not a boolean.'],
    // readinessProbe
    [
        { ...base, readinessProbe: "/healthz" },
        'KnativeService "t": readinessProbe = "/healthz" is not valid: expected an object with httpGet, tcpSocket, grpc, exec, initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold, successThreshold, not a string.',
    ],
    [
        { ...base, readinessProbe: {} },
        'KnativeService "t": readinessProbe = {} is not valid: expected exactly one of httpGet, tcpSocket, grpc or exec (Knative takes one handler per probe).',
    ],
    [
        { ...base, readinessProbe: { httpGet: {}, tcpSocket: {} } },
        'KnativeService "t": readinessProbe = {"httpGet":{},"tcpSocket":{}} is not valid: expected exactly one of httpGet, tcpSocket, grpc or exec (Knative takes one handler per probe), not httpGet and tcpSocket.',
    ],
    [
        { ...base, readinessProbe: { httpGet: { path: "healthz" } } },
        'KnativeService "t": readinessProbe.httpGet.path = "healthz" is not valid: expected a path starting with "/".',
    ],
    [
        { ...base, port: 9000, readinessProbe: { httpGet: { port: 9001 } } },
        'KnativeService "t": readinessProbe.httpGet.port = 9001 is not valid: expected the serving port 9000 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, readinessProbe: { httpGet: { port: 9000 } } },
        'KnativeService "t": readinessProbe.httpGet.port = 9000 is not valid: expected the serving port 8080 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, readinessProbe: { httpGet: { scheme: "https" } } },
        'KnativeService "t": readinessProbe.httpGet.scheme = "https" is not valid: expected one of "HTTP", "HTTPS".',
    ],
    [
        { ...base, readinessProbe: { httpGet: { httpHeaders: { "X Trace": "1" } } } },
        'KnativeService "t": readinessProbe.httpGet.httpHeaders["X Trace"] = "X Trace" is not valid: expected an HTTP header name (RFC 7230 token).',
    ],
    [
        { ...base, readinessProbe: { httpGet: { httpHeaders: ["X-Trace: 1"] } } },
        'KnativeService "t": readinessProbe.httpGet.httpHeaders = ["X-Trace: 1"] is not valid: expected a map of names to strings, not a list.',
    ],
    [
        { ...base, readinessProbe: { tcpSocket: { port: 81 } } },
        'KnativeService "t": readinessProbe.tcpSocket.port = 81 is not valid: expected the serving port 8080 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, readinessProbe: { tcpSocket: { port: "http" } } },
        'KnativeService "t": readinessProbe.tcpSocket.port = "http" is not valid: expected a finite number, not a string.',
    ],
    [
        { ...base, portName: "h2c", readinessProbe: { grpc: { port: 50051 } } },
        'KnativeService "t": readinessProbe.grpc.port = 50051 is not valid: expected the serving port 8080 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, readinessProbe: { grpc: { service: 1 } } },
        'KnativeService "t": readinessProbe.grpc.service = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, readinessProbe: { exec: {} } },
        'KnativeService "t": readinessProbe.exec.command (missing) is not valid: expected a list of strings (required).',
    ],
    [
        { ...base, readinessProbe: { exec: { command: [] } } },
        'KnativeService "t": readinessProbe.exec.command = [] is not valid: expected a command of at least one word.',
    ],
    [
        { ...base, readinessProbe: { ...probe, initialDelaySeconds: -1 } },
        'KnativeService "t": readinessProbe.initialDelaySeconds = -1 is not valid: expected an integer from 0 to 2147483647.',
    ],
    [
        { ...base, readinessProbe: { ...probe, periodSeconds: 1.5 } },
        'KnativeService "t": readinessProbe.periodSeconds = 1.5 is not valid: expected an integer from 0 to 2147483647.',
    ],
    [
        { ...base, readinessProbe: { ...probe, periodSeconds: 0, timeoutSeconds: 2 } },
        'KnativeService "t": readinessProbe.timeoutSeconds = 2 is not valid: expected it unset with periodSeconds 0 (Knative\'s aggressive probing retries until ready).',
    ],
    [
        { ...base, readinessProbe: { ...probe, timeoutSeconds: 0 } },
        'KnativeService "t": readinessProbe.timeoutSeconds = 0 is not valid: expected an integer from 1 to 2147483647.',
    ],
    [
        { ...base, readinessProbe: { ...probe, periodSeconds: 0, failureThreshold: 3 } },
        'KnativeService "t": readinessProbe.failureThreshold = 3 is not valid: expected it unset with periodSeconds 0 (Knative\'s aggressive probing retries until ready).',
    ],
    [
        { ...base, readinessProbe: { ...probe, failureThreshold: 0 } },
        'KnativeService "t": readinessProbe.failureThreshold = 0 is not valid: expected an integer from 1 to 2147483647.',
    ],
    [
        { ...base, readinessProbe: { ...probe, successThreshold: 0 } },
        'KnativeService "t": readinessProbe.successThreshold = 0 is not valid: expected an integer from 1 to 2147483647.',
    ],
    // livenessProbe
    [
        { ...base, livenessProbe: { httpGet: {}, exec: { command: ["true"] } } },
        'KnativeService "t": livenessProbe = {"httpGet":{},"exec":{"command":["true"]}} is not valid: expected exactly one of httpGet, tcpSocket, grpc or exec (Knative takes one handler per probe), not httpGet and exec.',
    ],
    [
        { ...base, livenessProbe: { httpGet: { path: 5 } } },
        'KnativeService "t": livenessProbe.httpGet.path = 5 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, livenessProbe: { httpGet: { port: 8081 } } },
        'KnativeService "t": livenessProbe.httpGet.port = 8081 is not valid: expected the serving port 8080 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, livenessProbe: { httpGet: { scheme: "FTP" } } },
        'KnativeService "t": livenessProbe.httpGet.scheme = "FTP" is not valid: expected one of "HTTP", "HTTPS".',
    ],
    [
        { ...base, livenessProbe: { httpGet: { httpHeaders: { "X-Trace": 1 } } } },
        'KnativeService "t": livenessProbe.httpGet.httpHeaders["X-Trace"] = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, livenessProbe: { tcpSocket: { port: 9091 } } },
        'KnativeService "t": livenessProbe.tcpSocket.port = 9091 is not valid: expected the serving port 8080 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, livenessProbe: { grpc: { port: 1 } } },
        'KnativeService "t": livenessProbe.grpc.port = 1 is not valid: expected the serving port 8080 or no port: the package probes only the port that serves requests.',
    ],
    [
        { ...base, livenessProbe: { grpc: { service: ["a"] } } },
        'KnativeService "t": livenessProbe.grpc.service = ["a"] is not valid: expected a string, not a list.',
    ],
    [
        { ...base, livenessProbe: { exec: { command: "cat /tmp/ok" } } },
        'KnativeService "t": livenessProbe.exec.command = "cat /tmp/ok" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...base, livenessProbe: { ...probe, initialDelaySeconds: "5" } },
        'KnativeService "t": livenessProbe.initialDelaySeconds = "5" is not valid: expected a finite number, not a string.',
    ],
    [
        { ...base, livenessProbe: { ...probe, periodSeconds: 0 } },
        'KnativeService "t": livenessProbe.periodSeconds = 0 is not valid: expected an integer from 1 to 2147483647.',
    ],
    [
        { ...base, livenessProbe: { ...probe, timeoutSeconds: -2 } },
        'KnativeService "t": livenessProbe.timeoutSeconds = -2 is not valid: expected an integer from 1 to 2147483647.',
    ],
    [
        { ...base, livenessProbe: { ...probe, failureThreshold: 0 } },
        'KnativeService "t": livenessProbe.failureThreshold = 0 is not valid: expected an integer from 1 to 2147483647.',
    ],
    [
        { ...base, livenessProbe: { ...probe, successThreshold: 2 } },
        'KnativeService "t": livenessProbe.successThreshold = 2 is not valid: expected 1 or unset (Kubernetes allows only 1 for liveness probes).',
    ],
    // sidecars
    [
        { ...base, sidecars: sidecar },
        'KnativeService "t": sidecars = {"name":"proxy","image":"registry.example.com/team/proxy:1"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, sidecars: [{ image: sidecar.image }] },
        'KnativeService "t": sidecars[0].name (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, name: "user-container" }] },
        'KnativeService "t": sidecars[0].name = "user-container" is not valid: expected a name other than "user-container" (the serving container) and "queue-proxy" (Knative\'s).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, name: "queue-proxy" }] },
        'KnativeService "t": sidecars[0].name = "queue-proxy" is not valid: expected a name other than "user-container" (the serving container) and "queue-proxy" (Knative\'s).',
    ],
    [
        { ...base, sidecars: [sidecar, sidecar] },
        'KnativeService "t": sidecars[1].name = "proxy" is not valid: expected each container name once.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, name: "Proxy" }] },
        'KnativeService "t": sidecars[0].name = "Proxy" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { ...base, sidecars: Array.from({ length: 19 }, (_, i) => ({ ...sidecar, name: `s${i}` })) },
        'KnativeService "t": sidecars = ["s0","s1","s2","s3","s4","s5","s6","s7","s8","s9","s10","s11","s12","s13","s14","s15","s16","s17","s18"] is not valid: expected at most 18 sidecars: ECI runs at most 20 containers per instance, including the serving container and Knative\'s queue-proxy.',
    ],
    [
        { ...base, sidecars: [{ name: "proxy" }] },
        'KnativeService "t": sidecars[0].image (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, image: "Proxy:1" }] },
        'KnativeService "t": sidecars[0].image = "Proxy:1" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, command: "envoy" }] },
        'KnativeService "t": sidecars[0].command = "envoy" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, args: [1] }] },
        'KnativeService "t": sidecars[0].args[0] = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, env: { K_REVISION: "v1" } }] },
        'KnativeService "t": sidecars[0].env["K_REVISION"] = "K_REVISION" is not valid: expected a name Knative does not set itself (K_SERVICE, K_CONFIGURATION, K_REVISION).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, env: { __ECI_RESOURCE_IGNORE__: "TRUE" } }] },
        'KnativeService "t": sidecars[0].env["__ECI_RESOURCE_IGNORE__"] = "TRUE" is not valid: expected it set through eciResourceIgnore.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envValueFrom: { TOKEN: { secretKeyRef: { name: "tok", key: "a b" } } } }] },
        "KnativeService \"t\": sidecars[0].envValueFrom[\"TOKEN\"].secretKeyRef.key = \"a b\" is not valid: expected a key of letters, digits, '-', '_' or '.' (at most 253 characters).",
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envValueFrom: { TOKEN: { secretKeyRef: { key: "t" } } } }] },
        'KnativeService "t": sidecars[0].envValueFrom["TOKEN"].secretKeyRef.name (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envValueFrom: { TOKEN: { secretKeyRef: { name: "tok", key: 1 } } } }] },
        'KnativeService "t": sidecars[0].envValueFrom["TOKEN"].secretKeyRef.key = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envValueFrom: { MODE: { configMapKeyRef: "proxy" } } }] },
        'KnativeService "t": sidecars[0].envValueFrom["MODE"].configMapKeyRef = "proxy" is not valid: expected an object with name, key, not a string.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envValueFrom: { MODE: { configMapKeyRef: { name: "Proxy", key: "mode" } } } }] },
        'KnativeService "t": sidecars[0].envValueFrom["MODE"].configMapKeyRef.name = "Proxy" is not valid: expected the name of a ConfigMap in the namespace: at most 253 lowercase letters, digits, \'-\' or \'.\', starting and ending with a letter or digit.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envValueFrom: { MODE: { configMapKeyRef: { name: "proxy", key: "m/ode" } } } }] },
        "KnativeService \"t\": sidecars[0].envValueFrom[\"MODE\"].configMapKeyRef.key = \"m/ode\" is not valid: expected a key of letters, digits, '-', '_' or '.' (at most 253 characters).",
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envFrom: [{ secret: "" }] }] },
        "KnativeService \"t\": sidecars[0].envFrom[0].secret = \"\" is not valid: expected the name of a Secret in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envFrom: [{ configMap: "Proxy" }] }] },
        "KnativeService \"t\": sidecars[0].envFrom[0].configMap = \"Proxy\" is not valid: expected the name of a ConfigMap in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, sidecars: [{ ...sidecar, envFrom: [{ configMap: "proxy", prefix: "9" }] }] },
        "KnativeService \"t\": sidecars[0].envFrom[0].prefix = \"9\" is not valid: expected a variable-name prefix of letters, digits, '_', '-' or '.', not starting with a digit.",
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: "small" }] },
        'KnativeService "t": sidecars[0].resources = "small" is not valid: expected an object with requests, limits, not a string.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { requests: [] } }] },
        'KnativeService "t": sidecars[0].resources.requests = [] is not valid: expected an object with cpu, memory, ephemeral-storage, not a list.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { requests: { cpu: "lots" } } }] },
        'KnativeService "t": sidecars[0].resources.requests.cpu = "lots" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { requests: { memory: "1Gi" }, limits: { memory: "512Mi" } } }] },
        'KnativeService "t": sidecars[0].resources.requests.memory = "1Gi" is not valid: expected at most the limit (sidecars[0].resources.limits.memory = "512Mi"): Kubernetes rejects a request above its limit.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { requests: { "ephemeral-storage": 5 } } }] },
        'KnativeService "t": sidecars[0].resources.requests.ephemeral-storage = 5 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { limits: 2 } }] },
        'KnativeService "t": sidecars[0].resources.limits = 2 is not valid: expected an object with cpu, memory, ephemeral-storage, not a number.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { limits: { cpu: "1 core" } } }] },
        'KnativeService "t": sidecars[0].resources.limits.cpu = "1 core" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { limits: { memory: "1GB" } } }] },
        'KnativeService "t": sidecars[0].resources.limits.memory = "1GB" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, resources: { limits: { "ephemeral-storage": "lots" } } }] },
        'KnativeService "t": sidecars[0].resources.limits.ephemeral-storage = "lots" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, volumeMounts: { name: "data" } }] },
        'KnativeService "t": sidecars[0].volumeMounts = {"name":"data"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, volumes: [volume], sidecars: [{ ...sidecar, volumeMounts: [{ name: "cache", mountPath: "/cache" }] }] },
        'KnativeService "t": sidecars[0].volumeMounts[0].name = "cache" is not valid: expected the name of a volume (data).',
    ],
    [
        { ...base, volumes: [volume], sidecars: [{ ...sidecar, volumeMounts: [{ name: "data", mountPath: "cache" }] }] },
        'KnativeService "t": sidecars[0].volumeMounts[0].mountPath = "cache" is not valid: expected an absolute path.',
    ],
    [
        { ...base, volumes: [volume], sidecars: [{ ...sidecar, volumeMounts: [{ name: "data", mountPath: "/d", readOnly: "yes" }] }] },
        'KnativeService "t": sidecars[0].volumeMounts[0].readOnly = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, volumes: [volume], sidecars: [{ ...sidecar, volumeMounts: [{ name: "data", mountPath: "/d", subPath: 1 }] }] },
        'KnativeService "t": sidecars[0].volumeMounts[0].subPath = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, securityContext: "strict" }] },
        'KnativeService "t": sidecars[0].securityContext = "strict" is not valid: expected an object with privileged, runAsNonRoot, runAsUser, not a string.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, securityContext: { privileged: true } }] },
        'KnativeService "t": sidecars[0].securityContext.privileged = true is not valid: expected false or unset: Knative does not allow privileged containers (its webhook drops the field), on ECS or ECI.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, securityContext: { runAsNonRoot: "true" } }] },
        'KnativeService "t": sidecars[0].securityContext.runAsNonRoot = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, securityContext: { runAsUser: -1 } }] },
        'KnativeService "t": sidecars[0].securityContext.runAsUser = -1 is not valid: expected an integer from 0 to 2147483647.',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, imagePullPolicy: "Sometimes" }] },
        'KnativeService "t": sidecars[0].imagePullPolicy = "Sometimes" is not valid: expected one of "Always", "IfNotPresent", "Never".',
    ],
    [
        { ...ecs, sidecars: [{ ...sidecar, eciResourceIgnore: true }] },
        'KnativeService "t": sidecars[0].eciResourceIgnore = true is not valid: expected it only with a placement that may use ECI (placement is "ecs").',
    ],
    [
        { ...base, sidecars: [{ ...sidecar, eciResourceIgnore: "TRUE" }] },
        'KnativeService "t": sidecars[0].eciResourceIgnore = "TRUE" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, volumes: [volume] },
        'KnativeService "t": volumes[0].name = "data" is not valid: expected a volume that the container or a sidecar mounts (Knative refuses unmounted volumes).',
    ],
    // revisionName, traffic
    [
        { ...base, serviceName: "hello", revisionName: "v2" },
        'KnativeService "t": revisionName = "v2" is not valid: expected "hello-" followed by lowercase letters, digits or \'-\' (Knative requires the Service name as prefix), at most 63 characters.',
    ],
    [
        { ...base, serviceName: "hello", revisionName: "hello-" },
        'KnativeService "t": revisionName = "hello-" is not valid: expected "hello-" followed by lowercase letters, digits or \'-\' (Knative requires the Service name as prefix), at most 63 characters.',
    ],
    [
        { ...base, serviceName: "hello", revisionName: "hello-V2" },
        'KnativeService "t": revisionName = "hello-V2" is not valid: expected "hello-" followed by lowercase letters, digits or \'-\' (Knative requires the Service name as prefix), at most 63 characters.',
    ],
    [
        { ...base, traffic: { latestRevision: true, percent: 100 } },
        'KnativeService "t": traffic = {"latestRevision":true,"percent":100} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, traffic: [] },
        'KnativeService "t": traffic = [] is not valid: expected at least one target (leave traffic out to send everything to the latest revision).',
    ],
    [
        { ...base, traffic: [{ latestRevision: true, percent: 90 }] },
        'KnativeService "t": traffic = [90] is not valid: expected percents that add up to 100 (they add up to 90).',
    ],
    [
        {
            ...base,
            traffic: [
                { latestRevision: true, percent: 60 },
                { revisionName: "t-v1", percent: 60 },
            ],
        },
        'KnativeService "t": traffic = [60,60] is not valid: expected percents that add up to 100 (they add up to 120).',
    ],
    [
        { ...base, traffic: [{ percent: 100 }] },
        'KnativeService "t": traffic[0] = {"percent":100} is not valid: expected exactly one of revisionName or latestRevision: true.',
    ],
    [
        { ...base, traffic: [{ revisionName: "t-v1", latestRevision: true, percent: 100 }] },
        'KnativeService "t": traffic[0] = {"revisionName":"t-v1","latestRevision":true,"percent":100} is not valid: expected exactly one of revisionName or latestRevision: true.',
    ],
    [
        { ...base, traffic: [{ revisionName: "T_v1", percent: 100 }] },
        'KnativeService "t": traffic[0].revisionName = "T_v1" is not valid: expected a revision of this Service: "t-" followed by lowercase letters, digits or \'-\' (Knative names every revision so), at most 63 characters.',
    ],
    [
        { ...base, serviceName: "hello", traffic: [{ revisionName: "other-v1", percent: 100 }] },
        'KnativeService "t": traffic[0].revisionName = "other-v1" is not valid: expected a revision of this Service: "hello-" followed by lowercase letters, digits or \'-\' (Knative names every revision so), at most 63 characters.',
    ],
    [
        { ...base, traffic: [{ latestRevision: "true", percent: 100 }] },
        'KnativeService "t": traffic[0].latestRevision = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, traffic: [{ latestRevision: true, percent: 100.5 }] },
        'KnativeService "t": traffic[0].percent = 100.5 is not valid: expected an integer from 0 to 100.',
    ],
    [
        {
            ...base,
            traffic: [
                { latestRevision: true, percent: -10 },
                { revisionName: "t-v1", percent: 110 },
            ],
        },
        [
            'KnativeService "t": traffic[0].percent = -10 is not valid: expected an integer from 0 to 100.',
            'KnativeService "t": traffic[1].percent = 110 is not valid: expected an integer from 0 to 100.',
        ],
    ],
    [
        { ...base, traffic: [{ latestRevision: true, percent: 100, tag: "Canary" }] },
        'KnativeService "t": traffic[0].tag = "Canary" is not valid: expected a lowercase name of letters, digits or \'-\', starting with a letter, such that "<tag>-t" is a host label of at most 63 characters.',
    ],
    [
        {
            ...base,
            traffic: [
                { latestRevision: true, percent: 100, tag: "canary" },
                { revisionName: "t-v1", tag: "canary" },
            ],
        },
        'KnativeService "t": traffic[1].tag = "canary" is not valid: expected each tag once (each tag is one URL).',
    ],
    [
        { ...base, traffic: [{ latestRevision: true, percent: 100, tag: "x".repeat(62) }] },
        'KnativeService "t": traffic[0].tag = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" is not valid: expected a lowercase name of letters, digits or \'-\', starting with a letter, such that "<tag>-t" is a host label of at most 63 characters.',
    ],
    // clusterLocal
    [
        { ...base, clusterLocal: "yes" },
        'KnativeService "t": clusterLocal = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, clusterLocal: true, labels: { "networking.knative.dev/visibility": "cluster-local" } },
        'KnativeService "t": labels["networking.knative.dev/visibility"] = "cluster-local" is not valid: expected it only once: clusterLocal already sets it.',
    ],
    [
        { ...base, labels: { "networking.knative.dev/visibility": "internal" } },
        'KnativeService "t": labels["networking.knative.dev/visibility"] = "internal" is not valid: expected "cluster-local" (or leave it out and set clusterLocal: true): Knative reads other values inconsistently.',
    ],
    // reservedInstance
    [
        { ...base, reservedInstance: true },
        'KnativeService "t": reservedInstance = true is not valid: expected an object with type, eciSpecs, replicas, not a boolean.',
    ],
    [
        { ...base, reservedInstance: { type: "acs" } },
        'KnativeService "t": reservedInstance.type = "acs" is not valid: expected one of "eci", "ecs".',
    ],
    [
        { ...ecs, reservedInstance: {} },
        'KnativeService "t": reservedInstance.type = "eci" is not valid: expected "ecs" with placement "ecs", whose pods never run on ECI.',
    ],
    [
        { ...base, reservedInstance: { type: "ecs" } },
        'KnativeService "t": reservedInstance.type = "ecs" is not valid: expected "eci" with placement "eci", whose pods never run on ECS nodes.',
    ],
    [
        { ...base, reservedInstance: { eciSpecs: "ecs.t6-c1m1.large" } },
        'KnativeService "t": reservedInstance.eciSpecs = "ecs.t6-c1m1.large" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...base, reservedInstance: { eciSpecs: ["ecs.t6-c1m1.large", "1-3Gi"] } },
        'KnativeService "t": reservedInstance.eciSpecs[1] = "1-3Gi" is not valid: expected "<vCPU>-<memory>Gi" with a combination ECI offers (1 vCPU: 2/4/8 GiB; 2 vCPU: 1/2/4/8/16 GiB; 4 vCPU: 2/4/8/16/32 GiB; 8 vCPU: 4/8/16/32/64 GiB; 12 vCPU: 12/24/48/96 GiB; 16 vCPU: 16/32/64/128 GiB; 24 vCPU: 24/48/96/192 GiB; 32 vCPU: 32/64/128/256 GiB; 52 vCPU: 96/192/384 GiB; 64 vCPU: 128/256/512 GiB; 0.25 vCPU: 0.5/1 GiB; 0.5 vCPU: 1/2 GiB), or an ECS instance type like "ecs.c6.large".',
    ],
    [
        { image, placement: "ecs-and-eci", reservedInstance: { type: "ecs", eciSpecs: ["1-2Gi"] } },
        'KnativeService "t": reservedInstance.eciSpecs = ["1-2Gi"] is not valid: expected ECI specs only with type "eci".',
    ],
    [
        { ...base, reservedInstance: { replicas: 0 } },
        'KnativeService "t": reservedInstance.replicas = 0 is not valid: expected an integer from 1 to 100.',
    ],
    [
        { ...base, scaling: { minScale: 1 }, reservedInstance: {} },
        'KnativeService "t": reservedInstance = {} is not valid: expected no reserved instance with scaling.minScale 1: the Service never scales to zero, so the reserved pod would never serve.',
    ],
    [
        { ...base, podAnnotations: { "knative.aliyun.com/reserve-instance": "enable" }, reservedInstance: {} },
        'KnativeService "t": podAnnotations["knative.aliyun.com/reserve-instance"] = "enable" is not valid: expected it only once: reservedInstance already sets it.',
    ],
    // scaling
    [
        { ...base, scaling: { targetUtilization: 0 } },
        'KnativeService "t": scaling.targetUtilization = 0 is not valid: expected an integer from 1 to 100.',
    ],
    [
        { ...base, scaling: { targetUtilization: 101 } },
        'KnativeService "t": scaling.targetUtilization = 101 is not valid: expected an integer from 1 to 100.',
    ],
    [
        { ...base, scaling: { activationScale: 0 } },
        'KnativeService "t": scaling.activationScale = 0 is not valid: expected a whole number of pods, 2 or more (Knative\'s minimum; leave it unset for 1).',
    ],
    [
        { ...base, scaling: { activationScale: 1 } },
        'KnativeService "t": scaling.activationScale = 1 is not valid: expected a whole number of pods, 2 or more (Knative\'s minimum; leave it unset for 1).',
    ],
    [
        { ...base, scaling: { minScale: 5, activationScale: 3 } },
        'KnativeService "t": scaling.activationScale = 3 is not valid: expected at least minScale (5).',
    ],
    [
        {
            ...base,
            volumes: [volume],
            volumeMounts: [{ name: "data", mountPath: "/data" }],
            sidecars: [{ ...sidecar, volumeMounts: [{ name: "data", mountPath: "/dev/log" }] }],
        },
        'KnativeService "t": sidecars[0].volumeMounts[0].mountPath = "/dev/log" is not valid: expected a path other than Knative\'s reserved /, /dev, /dev/log.',
    ],
    [
        { ...base, scaling: { activationScale: 5, maxScale: 3 } },
        'KnativeService "t": scaling.activationScale = 5 is not valid: expected at most maxScale (3).',
    ],
    // the three inputs once accepted
    [
        { ...base, tolerations: [{ key: "bad key!", operator: "Exists" }] },
        "KnativeService \"t\": tolerations[0].key = \"bad key!\" is not valid: expected a taint key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ...base, tolerations: [{ key: "dedicated", value: "gpu team" }] },
        "KnativeService \"t\": tolerations[0].value = \"gpu team\" is not valid: expected a taint value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        {
            ...base,
            imageCache: {
                mode: "create",
                vswitchId: "vsw-a1",
                securityGroupId: "sg-a1",
                registryCredentials: [{ server: "", userName: "u", password: "p4ssw0rd" }],
            },
        },
        'KnativeService "t": imageCache.registryCredentials[0].server = "" is not valid: expected a registry host such as "registry.cn-hangzhou.aliyuncs.com" (no scheme or path).',
    ],
    [
        {
            ...base,
            imageCache: {
                mode: "create",
                vswitchId: "vsw-a1",
                securityGroupId: "sg-a1",
                registryCredentials: [{ server: "https://r.example.com/x", userName: "u", password: "p4ssw0rd" }],
            },
        },
        'KnativeService "t": imageCache.registryCredentials[0].server = "https://r.example.com/x" is not valid: expected a registry host such as "registry.cn-hangzhou.aliyuncs.com" (no scheme or path).',
    ],
    [
        {
            ...base,
            imageCache: {
                mode: "create",
                vswitchId: "vsw-a1",
                securityGroupId: "sg-a1",
                registryCredentials: [{ server: "r.example.com", userName: "", password: "p4ssw0rd" }],
            },
        },
        'KnativeService "t": imageCache.registryCredentials[0].userName = "" is not valid: expected the registry user name.',
    ],
    [
        {
            ...base,
            imageCache: {
                mode: "create",
                vswitchId: "vsw-a1",
                securityGroupId: "sg-a1",
                registryCredentials: [{ server: "r.example.com", userName: "u", password: "" }],
            },
        },
        'KnativeService "t": imageCache.registryCredentials[0].password = "" is not valid: expected the registry password, not empty.',
    ],
    [
        {
            ...base,
            imageCache: {
                mode: "create",
                vswitchId: "vsw-a1",
                securityGroupId: "sg-a1",
                registryCredentials: [{ server: "r.example.com", userName: "u", password: "   " }],
            },
        },
        'KnativeService "t": imageCache.registryCredentials[0].password = (secret, 3 characters) is not valid: expected the registry password, not empty.',
    ],
];
