import "../harness";
import * as pulumi from "@pulumi/pulumi";
import { EciNamespace } from "../../sdk";
import { ECI_NAMESPACE_ARGS } from "../../sdk/render/eciNamespace/eciNamespaceArgs";
import { type Rejection, rejectionTable } from "../fixtures/rejectionTable";

const rows: Rejection[] = [
    [{ namespaceName: 5 }, 'EciNamespace "t-ns": namespaceName = 5 is not valid: expected a string, not a number.'],
    [
        { namespaceName: "Team_A" },
        'EciNamespace "t-ns": namespaceName = "Team_A" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { namespaceName: "" },
        'EciNamespace "t-ns": namespaceName = "" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { namespaceName: "a".repeat(64) },
        'EciNamespace "t-ns": namespaceName = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
    ],
    [
        { namespaceName: "default" },
        'EciNamespace "t-ns": namespaceName = "default" is not valid: expected a namespace to create: "default" always exists; set existing: true to label it instead.',
    ],
    [
        { namespaceName: "kube-system" },
        'EciNamespace "t-ns": namespaceName = "kube-system" is not valid: expected a namespace to create: "kube-system" always exists; set existing: true to label it instead.',
    ],
    [
        { namespaceName: "kube-tools" },
        'EciNamespace "t-ns": namespaceName = "kube-tools" is not valid: expected a namespace to create: "kube-tools" is reserved for Kubernetes system namespaces; set existing: true to label it instead.',
    ],
    [
        { namespaceName: "kube-system", existing: true, eciInjection: true },
        'EciNamespace "t-ns": eciInjection = true is not valid: expected false for "kube-system": sending kube-system pods to ECI breaks them (ECI runs no DaemonSets, hostNetwork or hostPath pods).',
    ],
    [
        { namespaceName: "kube-system", existing: true, eciLabel: true },
        'EciNamespace "t-ns": eciLabel = true is not valid: expected false for "kube-system": sending kube-system pods to ECI breaks them (ECI runs no DaemonSets, hostNetwork or hostPath pods).',
    ],
    [
        { namespaceName: "vk", eciInjection: "true" },
        'EciNamespace "t-ns": eciInjection = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [{ namespaceName: "vk", eciInjection: 1 }, 'EciNamespace "t-ns": eciInjection = 1 is not valid: expected true or false, not a number.'],
    [
        { namespaceName: "vk", eciLabel: "false" },
        'EciNamespace "t-ns": eciLabel = "false" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { namespaceName: "vk", labels: ["x"] },
        'EciNamespace "t-ns": labels = ["x"] is not valid: expected a map of names to strings, not a list.',
    ],
    [
        { namespaceName: "vk", labels: { "bad key!": "x" } },
        "EciNamespace \"t-ns\": labels key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
    ],
    [
        { namespaceName: "vk", labels: { team: "has space" } },
        "EciNamespace \"t-ns\": labels[\"team\"] = \"has space\" is not valid: expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
    ],
    [
        { namespaceName: "vk", labels: { team: 1 } },
        'EciNamespace "t-ns": labels["team"] = 1 is not valid: expected a string, not a number.',
    ],
    [
        { namespaceName: "vk", eciInjection: true, labels: { "virtual-node-affinity-injection": "disabled" } },
        'EciNamespace "t-ns": labels["virtual-node-affinity-injection"] = "disabled" is not valid: expected "enabled" or no value: eciInjection sets virtual-node-affinity-injection=enabled.',
    ],
    [
        { namespaceName: "vk", eciLabel: true, labels: { "alibabacloud.com/eci": "false" } },
        'EciNamespace "t-ns": labels["alibabacloud.com/eci"] = "false" is not valid: expected "true" or no value: eciLabel sets alibabacloud.com/eci=true.',
    ],
    [
        { namespaceName: "vk", existing: "yes" },
        'EciNamespace "t-ns": existing = "yes" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
    ],
    [
        { namespaceName: "vk", existing: pulumi.output(true) },
        'EciNamespace "t-ns": existing = (an Output) is not valid: expected true or false as a plain value, not an Output: it decides whether the namespace is created or patched.',
    ],
    [
        { namespaceName: "vk", eciinjection: true },
        'EciNamespace "t-ns": eciinjection = true is not an argument; did you mean eciInjection?',
    ],
    [
        { name: "vk" },
        'EciNamespace "t-ns": name = "vk" is not an argument; expected one of namespaceName, eciInjection, eciLabel, labels, existing.',
    ],
    [
        { namespaceName: "vk", annotations: {} },
        'EciNamespace "t-ns": annotations = {} is not an argument; expected one of namespaceName, eciInjection, eciLabel, labels, existing.',
    ],
    [
        { namespaceName: null },
        'EciNamespace "t-ns": namespaceName = null is not valid: expected a string; leave the argument out instead of null.',
    ],
];

// Several mistakes in one resource: each reported at once, one sentence per mistake.
const SEVERAL: Rejection[] = [
    [
        { namespaceName: "Team_A", eciInjection: "true", labels: { "bad key!": "x" } },
        [
            'EciNamespace "t-ns": eciInjection = "true" is not valid: expected true or false (a boolean, not a string: any non-empty string reads as true).',
            'EciNamespace "t-ns": namespaceName = "Team_A" is not valid: expected a DNS-1123 label: at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.',
            "EciNamespace \"t-ns\": labels key = \"bad key!\" is not valid: expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
        ],
    ],
];

rejectionTable("EciNamespace", ECI_NAMESPACE_ARGS, (args) => new EciNamespace("t-ns", args as never), [...rows, ...SEVERAL]);
