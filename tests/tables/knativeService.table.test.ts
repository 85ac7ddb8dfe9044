import "../harness";
import * as pulumi from "@pulumi/pulumi";
import { KnativeService } from "../../sdk";
import { KNATIVE_SERVICE_ARGS } from "../../sdk/render/knativeService/knativeServiceArgs";
import { type Rejection, rejectionTable } from "../fixtures/rejectionTable";
import { PRODUCTION_ROWS } from "./knativeServiceProduction.rows";

const image = "registry.example.com/team/app:1";
const base = { image, placement: "eci" };
const cache = { mode: "create", vswitchId: "vsw-a1", securityGroupId: "sg-a1" };
const volume = { name: "data", emptyDir: {} };

const rows: Rejection[] = [
    [
        {},
        [
            'KnativeService "t": image (missing) is not valid: expected a string (required).',
            'KnativeService "t": placement (missing) is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs" (required).',
        ],
    ],
    [{ placement: "eci" }, 'KnativeService "t": image (missing) is not valid: expected a string (required).'],
    [
        { image },
        'KnativeService "t": placement (missing) is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs" (required).',
    ],
    [{ ...base, image: 42 }, 'KnativeService "t": image = 42 is not valid: expected a string, not a number.'],
    [
        { ...base, image: "Registry.example.com/Team/App:1" },
        'KnativeService "t": image = "Registry.example.com/Team/App:1" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, image: "nginx latest" },
        'KnativeService "t": image = "nginx latest" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, image: "app:" },
        'KnativeService "t": image = "app:" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, image: "app@sha256:abc" },
        'KnativeService "t": image = "app@sha256:abc" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, image: "-app:1" },
        'KnativeService "t": image = "-app:1" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, image: `app:${"x".repeat(129)}` },
        'KnativeService "t": image = "app:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, placement: "ECI" },
        'KnativeService "t": placement = "ECI" is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs".',
    ],
    [
        { ...base, placement: pulumi.output("eci") },
        'KnativeService "t": placement = (an Output) is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs" as a plain value, not an Output: it decides which resources are declared (a ResourcePolicy for "ecs-first").',
    ],
    [
        { ...base, placement: 1 },
        'KnativeService "t": placement = 1 is not valid: expected one of "eci", "eci-namespace", "ecs-and-eci", "ecs-first", "ecs", not a number.',
    ],
    [{ ...base, namespace: 5 }, 'KnativeService "t": namespace = 5 is not valid: expected a string, not a number.'],
    [
        { ...base, namespace: "Team_A" },
        'KnativeService "t": namespace = "Team_A" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { ...base, namespace: null },
        'KnativeService "t": namespace = null is not valid: expected a string; leave the argument out instead of null.',
    ],
    [
        { ...base, serviceName: "1web" },
        'KnativeService "t": serviceName = "1web" is not valid: expected a DNS-1035 label (Knative names a Kubernetes Service after it): at most 63 lowercase letters, digits or \'-\', starting with a letter and ending with a letter or digit.',
    ],
    [
        { ...base, serviceName: "" },
        'KnativeService "t": serviceName = "" is not valid: expected a DNS-1035 label (Knative names a Kubernetes Service after it): at most 63 lowercase letters, digits or \'-\', starting with a letter and ending with a letter or digit.',
    ],
    [
        { ...base, serviceName: "a".repeat(64) },
        'KnativeService "t": serviceName = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not valid: expected a DNS-1035 label (Knative names a Kubernetes Service after it): at most 63 lowercase letters, digits or \'-\', starting with a letter and ending with a letter or digit.',
    ],
    [{ ...base, env: ["A"] }, 'KnativeService "t": env = ["A"] is not valid: expected a map of names to strings, not a list.'],
    [{ ...base, env: "A=1" }, 'KnativeService "t": env = "A=1" is not valid: expected a map of names to strings, not a string.'],
    [{ ...base, env: { A: 1 } }, 'KnativeService "t": env["A"] = 1 is not valid: expected a string, not a number.'],
    [
        { ...base, env: { "1A": "x" } },
        "KnativeService \"t\": env[\"1A\"] = \"1A\" is not valid: expected an environment variable name of letters, digits, '_', '-' or '.', not starting with a digit.",
    ],
    [
        { ...base, env: { PORT: "8080" } },
        'KnativeService "t": env["PORT"] = "PORT" is not valid: expected a name Knative does not set itself (PORT, K_SERVICE, K_CONFIGURATION, K_REVISION).',
    ],
    [
        { ...base, eciSpecs: "2-4Gi" },
        'KnativeService "t": eciSpecs = "2-4Gi" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...base, eciSpecs: ["2-3Gi"] },
        'KnativeService "t": eciSpecs[0] = "2-3Gi" is not valid: expected "<vCPU>-<memory>Gi" with a combination ECI offers (1 vCPU: 2/4/8 GiB; 2 vCPU: 1/2/4/8/16 GiB; 4 vCPU: 2/4/8/16/32 GiB; 8 vCPU: 4/8/16/32/64 GiB; 12 vCPU: 12/24/48/96 GiB; 16 vCPU: 16/32/64/128 GiB; 24 vCPU: 24/48/96/192 GiB; 32 vCPU: 32/64/128/256 GiB; 52 vCPU: 96/192/384 GiB; 64 vCPU: 128/256/512 GiB; 0.25 vCPU: 0.5/1 GiB; 0.5 vCPU: 1/2 GiB), or an ECS instance type like "ecs.c6.large".',
    ],
    [{ ...base, eciSpecs: [4] }, 'KnativeService "t": eciSpecs[0] = 4 is not valid: expected a string, not a number.'],
    [
        { ...base, placement: "ecs", eciSpecs: ["2-4Gi"] },
        'KnativeService "t": eciSpecs = ["2-4Gi"] is not valid: expected no ECI specs with placement "ecs", whose pods never run on ECI.',
    ],
    [
        { ...base, eciSpecs: ["1-2Gi", "2-4Gi", "4-8Gi", "8-16Gi", "16-32Gi", "32-64Gi"] },
        'KnativeService "t": eciSpecs = ["1-2Gi","2-4Gi","4-8Gi","8-16Gi","16-32Gi","32-64Gi"] is not valid: expected 1 to 5 specs (ECI tries them in order).',
    ],
    [{ ...base, eciSpecs: ["2-4Gi", "2-4Gi"] }, 'KnativeService "t": eciSpecs[1] = "2-4Gi" is not valid: expected each spec once.'],
    [
        { ...base, containerConcurrency: "10" },
        'KnativeService "t": containerConcurrency = "10" is not valid: expected a finite number, not a string.',
    ],
    [
        { ...base, containerConcurrency: 1001 },
        'KnativeService "t": containerConcurrency = 1001 is not valid: expected an integer from 0 to 1000.',
    ],
    [
        { ...base, containerConcurrency: -1 },
        'KnativeService "t": containerConcurrency = -1 is not valid: expected an integer from 0 to 1000.',
    ],
    [
        { ...base, containerConcurrency: NaN },
        'KnativeService "t": containerConcurrency = NaN is not valid: expected a finite number, not NaN.',
    ],
    [{ ...base, timeoutSeconds: 0 }, 'KnativeService "t": timeoutSeconds = 0 is not valid: expected an integer from 1 to 600.'],
    [
        { ...base, timeoutSeconds: Infinity },
        'KnativeService "t": timeoutSeconds = Infinity is not valid: expected a finite number, not Infinity.',
    ],
    [{ ...base, timeoutSeconds: 601 }, 'KnativeService "t": timeoutSeconds = 601 is not valid: expected an integer from 1 to 600.'],
    [
        { ...base, port: 8012 },
        'KnativeService "t": port = 8012 is not valid: expected a port other than Knative\'s queue-proxy ports 8012, 8013, 8022, 9090, 9091.',
    ],
    [{ ...base, port: 70000 }, 'KnativeService "t": port = 70000 is not valid: expected an integer from 1 to 65535.'],
    [{ ...base, port: "8080" }, 'KnativeService "t": port = "8080" is not valid: expected a finite number, not a string.'],
    [{ ...base, port: 1.5 }, 'KnativeService "t": port = 1.5 is not valid: expected an integer from 1 to 65535.'],
    [
        { ...base, command: "node server.js" },
        'KnativeService "t": command = "node server.js" is not valid: expected a list of strings, not a single string.',
    ],
    [{ ...base, command: [1] }, 'KnativeService "t": command[0] = 1 is not valid: expected a string, not a number.'],
    [
        { ...base, command: ["node", undefined] },
        'KnativeService "t": command[1] (missing) is not valid: expected a string, not an empty element.',
    ],
    [
        { ...base, args: "--verbose" },
        'KnativeService "t": args = "--verbose" is not valid: expected a list of strings, not a single string.',
    ],
    [{ ...base, args: { a: "b" } }, 'KnativeService "t": args = {"a":"b"} is not valid: expected a list of strings, not an object.'],
    [
        { ...base, resources: { request: { cpu: "1" } } },
        'KnativeService "t": resources.request = {"cpu":"1"} is not an argument; did you mean requests?',
    ],
    [
        { ...base, resources: { requests: { cpu: "lots" } } },
        'KnativeService "t": resources.requests.cpu = "lots" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, resources: { requests: { gpu: "1" } } },
        'KnativeService "t": resources.requests.gpu = "1" is not an argument; did you mean cpu?',
    ],
    [
        { ...base, resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } },
        'KnativeService "t": resources.requests.cpu = "2" is not valid: expected at most the limit (resources.limits.cpu = "1"): Kubernetes rejects a request above its limit.',
    ],
    [
        { ...base, resources: { requests: { memory: "2Gi" }, limits: { memory: "1024Mi" } } },
        'KnativeService "t": resources.requests.memory = "2Gi" is not valid: expected at most the limit (resources.limits.memory = "1024Mi"): Kubernetes rejects a request above its limit.',
    ],
    [
        { ...base, resources: { limits: { "ephemeral-storage": "40 Gi" } } },
        'KnativeService "t": resources.limits.ephemeral-storage = "40 Gi" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, resources: "1Gi" },
        'KnativeService "t": resources = "1Gi" is not valid: expected an object with requests, limits, not a string.',
    ],
    [
        { ...base, resources: { requests: { cpu: 1 } } },
        'KnativeService "t": resources.requests.cpu = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, resources: { requests: { cpu: "1" }, limits: { memory: 5 } } },
        'KnativeService "t": resources.limits.memory = 5 is not valid: expected a string, not a number.',
    ],
    [{ ...base, scaling: { minscale: 1 } }, 'KnativeService "t": scaling.minscale = 1 is not an argument; did you mean minScale?'],
    [
        { ...base, scaling: { minScale: -1 } },
        'KnativeService "t": scaling.minScale = -1 is not valid: expected a whole number of pods, 0 or more.',
    ],
    [
        { ...base, scaling: { minScale: 1.5 } },
        'KnativeService "t": scaling.minScale = 1.5 is not valid: expected a whole number of pods, 0 or more.',
    ],
    [
        { ...base, scaling: { minScale: 3, maxScale: 2 } },
        'KnativeService "t": scaling.minScale = 3 is not valid: expected at most maxScale (2).',
    ],
    [
        { ...base, scaling: { maxScale: "5" } },
        'KnativeService "t": scaling.maxScale = "5" is not valid: expected a finite number, not a string.',
    ],
    [
        { ...base, scaling: { initialScale: -1 } },
        'KnativeService "t": scaling.initialScale = -1 is not valid: expected a whole number of pods, 0 or more.',
    ],
    [{ ...base, scaling: { target: 0 } }, 'KnativeService "t": scaling.target = 0 is not valid: expected a number above 0.'],
    [
        { ...base, scaling: { metric: "latency" } },
        'KnativeService "t": scaling.metric = "latency" is not valid: expected one of "concurrency", "rps", "cpu", "memory".',
    ],
    [
        { ...base, scaling: { scaleDownDelay: "2h" } },
        'KnativeService "t": scaling.scaleDownDelay = "2h" is not valid: expected a duration like "90s" or "15m" from 0s to 1h.',
    ],
    [
        { ...base, scaling: { scaleDownDelay: "soon" } },
        'KnativeService "t": scaling.scaleDownDelay = "soon" is not valid: expected a duration like "90s" or "15m" from 0s to 1h.',
    ],
    [
        { ...base, scaling: { window: "5s" } },
        'KnativeService "t": scaling.window = "5s" is not valid: expected a duration like "90s" or "15m" from 6s to 1h.',
    ],
    [{ ...base, scaling: { window: 60 } }, 'KnativeService "t": scaling.window = 60 is not valid: expected a string, not a number.'],
    [
        { ...base, scaling: [1] },
        'KnativeService "t": scaling = [1] is not valid: expected an object with minScale, maxScale, initialScale, target, metric, scaleDownDelay, window, targetUtilization, activationScale, not a list.',
    ],
    [{ ...base, labels: ["x"] }, 'KnativeService "t": labels = ["x"] is not valid: expected a map of names to strings, not a list.'],
    [
        { ...base, labels: { "bad key!": "x" } },
        "KnativeService \"t\": labels key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ...base, labels: { app: "has space" } },
        "KnativeService \"t\": labels[\"app\"] = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [{ ...base, labels: { app: 1 } }, 'KnativeService "t": labels["app"] = 1 is not valid: expected a string, not a number.'],
    [
        { ...base, annotations: { "autoscaling.knative.dev/min-scale": "1" } },
        'KnativeService "t": annotations["autoscaling.knative.dev/min-scale"] = "1" is not valid: expected autoscaling settings in scaling (Knative accepts them only on the revision template, not on the Service).',
    ],
    [
        { ...base, annotations: { "-bad": "x" } },
        "KnativeService \"t\": annotations key = \"-bad\" is not valid: expected an annotation key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [{ ...base, annotations: { a: true } }, 'KnativeService "t": annotations["a"] = true is not valid: expected a string, not a boolean.'],
    [
        { ...base, podLabels: { app: "x".repeat(64) } },
        "KnativeService \"t\": podLabels[\"app\"] = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, podLabels: "app=web" },
        'KnativeService "t": podLabels = "app=web" is not valid: expected a map of names to strings, not a string.',
    ],
    [
        { ...base, eciSpecs: ["2-4Gi"], podAnnotations: { "k8s.aliyun.com/eci-use-specs": "4-8Gi" } },
        'KnativeService "t": podAnnotations["k8s.aliyun.com/eci-use-specs"] = "4-8Gi" is not valid: expected it only once: eciSpecs already sets it.',
    ],
    [
        { ...base, scaling: { target: 5 }, podAnnotations: { "autoscaling.knative.dev/target": "10" } },
        'KnativeService "t": podAnnotations["autoscaling.knative.dev/target"] = "10" is not valid: expected it only once: scaling already sets it.',
    ],
    [
        { ...base, podAnnotations: { "bad key!": "x" } },
        "KnativeService \"t\": podAnnotations key = \"bad key!\" is not valid: expected an annotation key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ...base, podAnnotations: ["a"] },
        'KnativeService "t": podAnnotations = ["a"] is not valid: expected a map of names to strings, not a list.',
    ],
    [
        { ...base, placement: "ecs-and-eci", nodeSelector: { type: "virtual-kubelet" } },
        'KnativeService "t": nodeSelector["type"] = "virtual-kubelet" is not valid: expected no selector on "type": placement "ecs-and-eci" runs pods on ECS nodes (resource-role=ecs) or ECI (type=virtual-kubelet); choose placement "ecs" or "eci" to restrict it.',
    ],
    [
        { ...base, nodeSelector: { "resource-role": "ecs" } },
        'KnativeService "t": nodeSelector["resource-role"] = "ecs" is not valid: expected no selector on the ECS label: the ECI virtual node does not carry resource-role; choose placement "ecs" or "ecs-and-eci".',
    ],
    [
        { ...base, placement: "ecs", nodeSelector: { "resource-role": "gpu" } },
        'KnativeService "t": nodeSelector["resource-role"] = "gpu" is not valid: expected "ecs": placement "ecs" selects resource-role=ecs.',
    ],
    [
        { ...base, nodeSelector: { type: "other" } },
        'KnativeService "t": nodeSelector["type"] = "other" is not valid: expected "virtual-kubelet": placement "eci" runs pods on the ECI virtual node (type=virtual-kubelet).',
    ],
    [
        { ...base, nodeSelector: ["a"] },
        'KnativeService "t": nodeSelector = ["a"] is not valid: expected a map of names to strings, not a list.',
    ],
    [
        { ...base, nodeSelector: { zone: "has space" } },
        "KnativeService \"t\": nodeSelector[\"zone\"] = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, tolerations: { key: "a" } },
        'KnativeService "t": tolerations = {"key":"a"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, tolerations: [{ operator: "Maybe" }] },
        'KnativeService "t": tolerations[0].operator = "Maybe" is not valid: expected one of "Exists", "Equal".',
    ],
    [
        { ...base, tolerations: [{ key: "a", effect: "Never" }] },
        'KnativeService "t": tolerations[0].effect = "Never" is not valid: expected one of "NoSchedule", "PreferNoSchedule", "NoExecute".',
    ],
    [
        { ...base, tolerations: [{ operator: "Exists", value: "x" }] },
        'KnativeService "t": tolerations[0].value = "x" is not valid: expected no value with operator "Exists".',
    ],
    [
        { ...base, tolerations: [{ operator: "Equal" }] },
        'KnativeService "t": tolerations[0].key (missing) is not valid: expected a key unless operator is "Exists".',
    ],
    [
        { ...base, placement: "ecs", tolerations: [{ key: "virtual-kubelet.io/provider", operator: "Exists" }] },
        'KnativeService "t": tolerations[0] = {"key":"virtual-kubelet.io/provider","operator":"Exists"} is not valid: expected no toleration of the virtual node taint "virtual-kubelet.io/provider": placement "ecs" keeps pods off ECI; use "ecs-and-eci" to allow ECI.',
    ],
    [{ ...base, tolerations: [{ keys: "a" }] }, 'KnativeService "t": tolerations[0].keys = "a" is not an argument; did you mean key?'],
    [
        { ...base, tolerations: [{ key: "a", value: 1 }] },
        'KnativeService "t": tolerations[0].value = 1 is not valid: expected a string, not a number.',
    ],
    [{ ...base, serviceAccountName: 5 }, 'KnativeService "t": serviceAccountName = 5 is not valid: expected a string, not a number.'],
    [
        { ...base, serviceAccountName: "Bad_Name" },
        "KnativeService \"t\": serviceAccountName = \"Bad_Name\" is not valid: expected the name of a service account in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, imagePullSecrets: "regcred" },
        'KnativeService "t": imagePullSecrets = "regcred" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...base, imagePullSecrets: [""] },
        "KnativeService \"t\": imagePullSecrets[0] = \"\" is not valid: expected the name of a Secret in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, imagePullSecrets: ["regcred", "regcred"] },
        'KnativeService "t": imagePullSecrets[1] = "regcred" is not valid: expected each Secret once.',
    ],
    [
        { ...base, volumes: volume },
        'KnativeService "t": volumes = {"name":"data","emptyDir":{}} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, volumes: [{ name: "data" }] },
        'KnativeService "t": volumes[0] = {"name":"data"} is not valid: expected exactly one of configMap, secret, emptyDir, hostPath, persistentVolumeClaim.',
    ],
    [
        { ...base, volumes: [{ name: "data", emptyDir: {}, secret: { secretName: "s" } }] },
        'KnativeService "t": volumes[0] = {"name":"data","emptyDir":{},"secret":{"secretName":"s"}} is not valid: expected exactly one of configMap, secret, emptyDir, hostPath, persistentVolumeClaim.',
    ],
    [{ ...base, volumes: [volume, volume] }, 'KnativeService "t": volumes[1].name = "data" is not valid: expected a name used once.'],
    [
        { ...base, volumes: [{ name: "logs", hostPath: { path: "/var/log" } }] },
        'KnativeService "t": volumes[0].hostPath = {"path":"/var/log"} is not valid: expected no hostPath volume: ECI does not support it and placement "eci" may run pods on ECI; use placement "ecs" for pods that need it.',
    ],
    [
        { ...base, volumes: [{ name: "conf", configMap: {} }] },
        'KnativeService "t": volumes[0].configMap.name (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, volumes: [{ name: "tmp", emptydir: {} }] },
        'KnativeService "t": volumes[0].emptydir = {} is not an argument; did you mean emptyDir?',
    ],
    [
        { ...base, volumes: [{ name: "db", persistentVolumeClaim: { claimName: "c", readOnly: "yes" } }] },
        'KnativeService "t": volumes[0].persistentVolumeClaim.readOnly = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [{ ...base, volumes: [{ emptyDir: {} }] }, 'KnativeService "t": volumes[0].name (missing) is not valid: expected a string (required).'],
    [
        { ...base, volumes: [{ name: "A_B", emptyDir: {} }] },
        'KnativeService "t": volumes[0].name = "A_B" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { ...base, volumes: [{ name: "tmp", emptyDir: { sizeLimit: 1 } }] },
        'KnativeService "t": volumes[0].emptyDir.sizeLimit = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, volumes: [{ name: "s", secret: { name: "s" } }] },
        'KnativeService "t": volumes[0].secret.name = "s" is not an argument; expected one of secretName in volumes[0].secret.',
    ],
    [
        { ...base, volumes: [{ name: "h", hostPath: { path: "/x", type: 1 } }] },
        'KnativeService "t": volumes[0].hostPath.type = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, volumeMounts: [{ name: "missing", mountPath: "/x" }] },
        'KnativeService "t": volumeMounts[0].name = "missing" is not valid: expected the name of a volume (none declared).',
    ],
    [
        { ...base, volumes: [volume], volumeMounts: [{ name: "data", mountPath: "x" }] },
        'KnativeService "t": volumeMounts[0].mountPath = "x" is not valid: expected an absolute path.',
    ],
    [
        {
            ...base,
            volumes: [volume, { name: "more", emptyDir: {} }],
            volumeMounts: [
                { name: "data", mountPath: "/data" },
                { name: "more", mountPath: "/data/" },
            ],
        },
        'KnativeService "t": volumeMounts[1].mountPath = "/data/" is not valid: expected each mount path once (volumeMounts[0] mounts there already; Kubernetes rejects the pod).',
    ],
    [
        { ...base, volumes: [volume], volumeMounts: [{ name: "data" }] },
        'KnativeService "t": volumeMounts[0].mountPath (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, volumes: [volume], volumeMounts: [{ name: "data", mountPath: "/x", readonly: true }] },
        'KnativeService "t": volumeMounts[0].readonly = true is not an argument; did you mean readOnly?',
    ],
    [
        { ...base, volumes: [volume], volumeMounts: [{ name: "data", mountPath: "/x", subPath: 3 }] },
        'KnativeService "t": volumeMounts[0].subPath = 3 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, securityContext: { privileged: "false" } },
        'KnativeService "t": securityContext.privileged = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, securityContext: { privileged: true } },
        'KnativeService "t": securityContext.privileged = true is not valid: expected false or unset: Knative does not allow privileged containers (its webhook drops the field), on ECS or ECI.',
    ],
    [
        { ...base, securityContext: { runAsUser: -1 } },
        'KnativeService "t": securityContext.runAsUser = -1 is not valid: expected an integer from 0 to 2147483647.',
    ],
    [
        { ...base, securityContext: { runAsNonRoot: "yes" } },
        'KnativeService "t": securityContext.runAsNonRoot = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, securityContext: { capabilities: {} } },
        'KnativeService "t": securityContext.capabilities = {} is not an argument; expected one of privileged, runAsNonRoot, runAsUser in securityContext.',
    ],
    [
        { ...base, hostNetwork: "false" },
        'KnativeService "t": hostNetwork = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, hostNetwork: true },
        'KnativeService "t": hostNetwork = true is not valid: expected false: ECI does not support it and placement "eci" may run pods on ECI; use placement "ecs" for pods that need it.',
    ],
    [
        { ...base, ecsNodeLabel: { key: "resource-role" } },
        'KnativeService "t": ecsNodeLabel.value (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, ecsNodeLabel: "resource-role=ecs" },
        'KnativeService "t": ecsNodeLabel = "resource-role=ecs" is not valid: expected an object with key, value, not a string.',
    ],
    [
        { ...base, ecsNodeLabel: { key: "bad key!", value: "ecs" } },
        "KnativeService \"t\": ecsNodeLabel.key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { ...base, virtualNodeLabel: { key: "type", value: "has space" } },
        "KnativeService \"t\": virtualNodeLabel.value = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, virtualNodeLabel: { name: "type", value: "vk" } },
        'KnativeService "t": virtualNodeLabel.name = "type" is not an argument; expected one of key, value in virtualNodeLabel.',
    ],
    [
        { ...base, virtualNodeTaintKey: "bad key!" },
        'KnativeService "t": virtualNodeTaintKey = "bad key!" is not valid: expected a taint key such as "virtual-kubelet.io/provider".',
    ],
    [{ ...base, virtualNodeTaintKey: 5 }, 'KnativeService "t": virtualNodeTaintKey = 5 is not valid: expected a string, not a number.'],
    [
        { ...base, ecsFirst: { strategy: "resource-policy" } },
        'KnativeService "t": ecsFirst = {"strategy":"resource-policy"} is not valid: expected it only with placement "ecs-first" (placement is "eci").',
    ],
    [
        { ...base, placement: "ecs-first", ecsFirst: { strategy: "fastest" } },
        'KnativeService "t": ecsFirst.strategy = "fastest" is not valid: expected one of "resource-policy", "preferred-affinity".',
    ],
    [
        { ...base, placement: "ecs-first", ecsFirst: { strategy: "preferred-affinity", ecsMaxPods: 3 } },
        'KnativeService "t": ecsFirst.ecsMaxPods = 3 is not valid: expected it only with strategy "resource-policy" (a preferred affinity cannot cap pods).',
    ],
    [
        { ...base, placement: "ecs-first", ecsFirst: { ecsMaxPods: 0 } },
        'KnativeService "t": ecsFirst.ecsMaxPods = 0 is not valid: expected an integer from 1 to 100000.',
    ],
    [
        { ...base, placement: "ecs-first", ecsFirst: pulumi.output({ strategy: "resource-policy" }) },
        'KnativeService "t": ecsFirst = (an Output) is not valid: expected an object with strategy, ecsMaxPods as a plain value, not an Output: its strategy decides whether a ResourcePolicy is declared.',
    ],
    [
        { ...base, placement: "ecs-first", ecsFirst: { maxPods: 3 } },
        'KnativeService "t": ecsFirst.maxPods = 3 is not an argument; expected one of strategy, ecsMaxPods in ecsFirst.',
    ],
    [
        { ...base, placement: "ecs-first", ecsFirst: { ecsMaxPods: pulumi.output(3) } },
        'KnativeService "t": ecsFirst.ecsMaxPods = (an Output) is not valid: expected a finite number as a plain value, not an Output: its strategy decides whether a ResourcePolicy is declared.',
    ],
    [
        { ...base, spot: { strategy: "Cheap" } },
        'KnativeService "t": spot.strategy = "Cheap" is not valid: expected one of "SpotAsPriceGo", "SpotWithPriceLimit".',
    ],
    [
        { ...base, spot: {} },
        'KnativeService "t": spot.strategy (missing) is not valid: expected one of "SpotAsPriceGo", "SpotWithPriceLimit" (required).',
    ],
    [
        { ...base, spot: { strategy: "SpotWithPriceLimit" } },
        'KnativeService "t": spot.priceLimit (missing) is not valid: expected an hourly price above 0 with strategy "SpotWithPriceLimit".',
    ],
    [
        { ...base, spot: { strategy: "SpotWithPriceLimit", priceLimit: 0.1234 } },
        'KnativeService "t": spot.priceLimit = 0.1234 is not valid: expected at most three decimal places (ECI takes the hourly price limit to 0.001 CNY).',
    ],
    [
        { ...base, spot: { strategy: "SpotWithPriceLimit", priceLimit: -1 } },
        'KnativeService "t": spot.priceLimit = -1 is not valid: expected an hourly price above 0 with strategy "SpotWithPriceLimit".',
    ],
    [
        { ...base, spot: { strategy: "SpotAsPriceGo", priceLimit: 1 } },
        'KnativeService "t": spot.priceLimit = 1 is not valid: expected no price limit with strategy "SpotAsPriceGo" (it pays the market price); use "SpotWithPriceLimit" to cap it.',
    ],
    [
        { ...base, placement: "ecs", spot: { strategy: "SpotAsPriceGo" } },
        'KnativeService "t": spot = {"strategy":"SpotAsPriceGo"} is not valid: expected it only with a placement that may use ECI (placement is "ecs").',
    ],
    [
        { ...base, spot: "SpotAsPriceGo" },
        'KnativeService "t": spot = "SpotAsPriceGo" is not valid: expected an object with strategy, priceLimit, not a string.',
    ],
    [
        { ...base, extraEphemeralStorage: "20G" },
        'KnativeService "t": extraEphemeralStorage = "20G" is not valid: expected whole GiB such as "20Gi" (storage added to the free 30 GiB, billed by size and time).',
    ],
    [
        { ...base, extraEphemeralStorage: 20 },
        'KnativeService "t": extraEphemeralStorage = 20 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, placement: "ecs", extraEphemeralStorage: "20Gi" },
        'KnativeService "t": extraEphemeralStorage = "20Gi" is not valid: expected it only with a placement that may use ECI (placement is "ecs").',
    ],
    [
        { ...base, imageCache: { mode: "always" } },
        'KnativeService "t": imageCache.mode = "always" is not valid: expected one of "auto", "create", "off".',
    ],
    [
        { ...base, imageCache: pulumi.output({ mode: "auto" }) },
        'KnativeService "t": imageCache = (an Output) is not valid: expected an object with mode, vswitchId, securityGroupId, eipInstanceId, extraImages, sizeGiB, retentionDays, registryCredentials as a plain value, not an Output: its mode decides whether an ECI ImageCache is declared.',
    ],
    [
        { ...base, imageCache: {} },
        'KnativeService "t": imageCache.mode (missing) is not valid: expected one of "auto", "create", "off" (required).',
    ],
    [
        { ...base, imageCache: { mode: "create" } },
        [
            'KnativeService "t": imageCache.vswitchId (missing) is not valid: expected the vSwitch id the cache is built in (mode "create"): "vsw-" followed by letters and digits.',
            'KnativeService "t": imageCache.securityGroupId (missing) is not valid: expected the security group id the cache is built with (mode "create"): "sg-" followed by letters and digits.',
        ],
    ],
    [
        { ...base, imageCache: { mode: "create", vswitchId: "vsw-a1" } },
        'KnativeService "t": imageCache.securityGroupId (missing) is not valid: expected the security group id the cache is built with (mode "create"): "sg-" followed by letters and digits.',
    ],
    [
        { ...base, imageCache: { ...cache, vswitchId: "subnet-1" } },
        'KnativeService "t": imageCache.vswitchId = "subnet-1" is not valid: expected the vSwitch id the cache is built in (mode "create"): "vsw-" followed by letters and digits.',
    ],
    [
        { ...base, imageCache: { ...cache, securityGroupId: "sg_1" } },
        'KnativeService "t": imageCache.securityGroupId = "sg_1" is not valid: expected the security group id the cache is built with (mode "create"): "sg-" followed by letters and digits.',
    ],
    [
        { ...base, imageCache: { ...cache, sizeGiB: 10 } },
        'KnativeService "t": imageCache.sizeGiB = 10 is not valid: expected an integer from 20 to 2048.',
    ],
    [
        { ...base, imageCache: { ...cache, retentionDays: 0 } },
        'KnativeService "t": imageCache.retentionDays = 0 is not valid: expected an integer from 1 to 3650.',
    ],
    [
        { ...base, imageCache: { ...cache, extraImages: ["Bad Image"] } },
        'KnativeService "t": imageCache.extraImages[0] = "Bad Image" is not valid: expected an image reference ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
    ],
    [
        { ...base, imageCache: { ...cache, extraImages: "sidecar:1" } },
        'KnativeService "t": imageCache.extraImages = "sidecar:1" is not valid: expected a list of strings, not a single string.',
    ],
    [
        { ...base, imageCache: { ...cache, extraImages: [image] } },
        'KnativeService "t": imageCache.extraImages[0] = "registry.example.com/team/app:1" is not valid: expected each image once (the service image is cached already).',
    ],
    [
        { ...base, image: "registry.example.com/team/app", imageCache: cache },
        'KnativeService "t": image = "registry.example.com/team/app" is not valid: expected a tag or digest (an ECI image cache stores tagged images).',
    ],
    [
        { ...base, imageCache: { ...cache, eipInstanceId: "eip_1" } },
        'KnativeService "t": imageCache.eipInstanceId = "eip_1" is not valid: expected an EIP id such as "eip-bp1q5n6cw5wchhp4rv6qk".',
    ],
    [
        { ...base, imageCache: { ...cache, eipInstanceId: 7 } },
        'KnativeService "t": imageCache.eipInstanceId = 7 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, imageCache: { ...cache, registryCredentials: [{ server: "r.example.com", userName: "u" }] } },
        'KnativeService "t": imageCache.registryCredentials[0].password (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, imageCache: { ...cache, registryCredentials: { server: "r.example.com", userName: "u", password: "p4ssw0rd" } } },
        'KnativeService "t": imageCache.registryCredentials = {"server":"r.example.com","userName":"u","password":"p4ssw0rd"} is not valid: expected a list of objects, not an object.',
    ],
    [
        { ...base, imageCache: { ...cache, registryCredentials: [{ server: "r.example.com", user: "u", password: "p4ssw0rd" }] } },
        'KnativeService "t": imageCache.registryCredentials[0].user = "u" is not an argument; expected one of server, userName, password in imageCache.registryCredentials[0].',
    ],
    [
        { ...base, imageCache: { ...cache, registryCredentials: [{ server: "r.example.com", userName: "u", password: 1234 }] } },
        'KnativeService "t": imageCache.registryCredentials[0].password = (secret, 4 characters) is not valid: expected a string, not a number.',
    ],
    [
        { ...base, imageCache: { mode: "auto", vswitchID: "vsw-a1" } },
        'KnativeService "t": imageCache.vswitchID = "vsw-a1" is not an argument; did you mean vswitchId?',
    ],
    [
        { ...base, placement: "ecs", imageCache: { mode: "auto" } },
        'KnativeService "t": imageCache = {"mode":"auto"} is not valid: expected it only with a placement that may use ECI (placement is "ecs").',
    ],
    [
        { ...base, waitForReady: "false" },
        'KnativeService "t": waitForReady = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [{ ...base, readyTimeoutSeconds: 0 }, 'KnativeService "t": readyTimeoutSeconds = 0 is not valid: expected an integer from 1 to 7200.'],
    [
        { ...base, waitForReady: false, readyTimeoutSeconds: 600 },
        'KnativeService "t": readyTimeoutSeconds = 600 is not valid: expected no timeout when waitForReady is false.',
    ],
    [
        { ...base, readyTimeoutSeconds: "600" },
        'KnativeService "t": readyTimeoutSeconds = "600" is not valid: expected a finite number, not a string.',
    ],
    [
        { ...base, eciInjected: true },
        'KnativeService "t": eciInjected = true is not an argument; expected one of image, placement, namespace, serviceName, env, envValueFrom, envFrom, eciSpecs, containerConcurrency, timeoutSeconds, port, portName, readinessProbe, livenessProbe, imagePullPolicy, sidecars, revisionName, traffic, clusterLocal, reservedInstance, command, args, resources, scaling, labels, annotations, podLabels, podAnnotations, nodeSelector, tolerations, serviceAccountName, imagePullSecrets, volumes, volumeMounts, securityContext, hostNetwork, ecsNodeLabel, virtualNodeLabel, virtualNodeTaintKey, ecsFirst, spot, extraEphemeralStorage, imageCache, waitForReady, readyTimeoutSeconds.',
    ],
    [
        { ...base, imagePullSecret: ["regcred"] },
        'KnativeService "t": imagePullSecret = ["regcred"] is not an argument; did you mean imagePullSecrets?',
    ],
    [
        { ...base, replicas: 3 },
        'KnativeService "t": replicas = 3 is not an argument; expected one of image, placement, namespace, serviceName, env, envValueFrom, envFrom, eciSpecs, containerConcurrency, timeoutSeconds, port, portName, readinessProbe, livenessProbe, imagePullPolicy, sidecars, revisionName, traffic, clusterLocal, reservedInstance, command, args, resources, scaling, labels, annotations, podLabels, podAnnotations, nodeSelector, tolerations, serviceAccountName, imagePullSecrets, volumes, volumeMounts, securityContext, hostNetwork, ecsNodeLabel, virtualNodeLabel, virtualNodeTaintKey, ecsFirst, spot, extraEphemeralStorage, imageCache, waitForReady, readyTimeoutSeconds.',
    ],
    [
        { ...base, resources: { requests: { "ephemeral-storage": "40Gi" }, limits: { "ephemeral-storage": "30Gi" } } },
        'KnativeService "t": resources.requests.ephemeral-storage = "40Gi" is not valid: expected at most the limit (resources.limits.ephemeral-storage = "30Gi"): Kubernetes rejects a request above its limit.',
    ],
    [
        { ...base, resources: { limits: { cpu: "two" } } },
        'KnativeService "t": resources.limits.cpu = "two" is not valid: expected a Kubernetes quantity such as "500m", "2" or "4Gi".',
    ],
    [
        { ...base, volumes: [{ name: "s", secret: { secretName: 1 } }] },
        'KnativeService "t": volumes[0].secret.secretName = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, volumes: [{ name: "h", hostPath: {} }] },
        'KnativeService "t": volumes[0].hostPath.path (missing) is not valid: expected a string (required).',
    ],
    [
        { ...base, volumes: [{ name: "db", persistentVolumeClaim: { claimName: "" } }] },
        "KnativeService \"t\": volumes[0].persistentVolumeClaim.claimName = \"\" is not valid: expected the name of a PersistentVolumeClaim in the namespace: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.",
    ],
    [
        { ...base, volumes: [volume], volumeMounts: [{ name: "data", mountPath: "/x", readOnly: "no" }] },
        'KnativeService "t": volumeMounts[0].readOnly = "no" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { ...base, virtualNodeLabel: { key: 1, value: "vk" } },
        'KnativeService "t": virtualNodeLabel.key = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, imageCache: { ...cache, registryCredentials: [{ server: 1, userName: "u", password: "p4ssw0rd" }] } },
        'KnativeService "t": imageCache.registryCredentials[0].server = 1 is not valid: expected a string, not a number.',
    ],
    [
        { ...base, imageCache: { ...cache, registryCredentials: [{ server: "r.example.com", password: "p4ssw0rd" }] } },
        'KnativeService "t": imageCache.registryCredentials[0].userName (missing) is not valid: expected a string (required).',
    ],
];

// Several mistakes in one resource: each reported at once, in one error, one sentence per mistake; a mistake that
// makes other checks meaningless (a wrong type, a misspelt key) is not followed by what those checks would say.
const SEVERAL: Rejection[] = [
    [
        { ...base, image: "nginx latest", namespace: "Team_A", scaling: { minScale: -1 } },
        [
            'KnativeService "t": namespace = "Team_A" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
            'KnativeService "t": scaling.minScale = -1 is not valid: expected a whole number of pods, 0 or more.',
            'KnativeService "t": image = "nginx latest" is not valid: expected a container image reference such as "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56" ([registry[:port]/]repository[:tag][@digest], the repository in lowercase).',
        ],
    ],
    [
        { image: 42, placment: "eci", namespace: "Team_A" },
        [
            'KnativeService "t": placment = "eci" is not an argument; did you mean placement?',
            'KnativeService "t": image = 42 is not valid: expected a string, not a number.',
            'KnativeService "t": namespace = "Team_A" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
        ],
    ],
    [
        { ...base, volumes: "data", volumeMounts: [{ name: "data", mountPath: "/data" }], containerConcurrency: -1 },
        [
            'KnativeService "t": volumes = "data" is not valid: expected a list of objects, not a single string.',
            'KnativeService "t": containerConcurrency = -1 is not valid: expected an integer from 0 to 1000.',
        ],
    ],
    [
        { ...base, imageCache: { mode: "create", vswitchid: "vsw-a1", securityGroupId: "sg-a1" }, timeoutSeconds: 0 },
        [
            'KnativeService "t": imageCache.vswitchid = "vsw-a1" is not an argument; did you mean vswitchId?',
            'KnativeService "t": timeoutSeconds = 0 is not valid: expected an integer from 1 to 600.',
        ],
    ],
];

rejectionTable("KnativeService", KNATIVE_SERVICE_ARGS, (args) => new KnativeService("t", args as never), [
    ...rows,
    ...PRODUCTION_ROWS,
    ...SEVERAL,
]);
