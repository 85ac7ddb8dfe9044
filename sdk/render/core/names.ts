import { Checker } from "./errors";
import type { NodeLabel } from "./placement";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes namespace name: a DNS-1123 label of at most 63 characters. */
export function checkNamespaceName(c: Checker, field: string, value: string): void {
    c.check(
        typeof value === "string" && value.length <= 63 && DNS1123_LABEL.test(value),
        field,
        value,
        "expected a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
    );
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A Kubernetes object name such as a service account's or a Secret's: a DNS-1123 subdomain of at most 253 characters. */
export function checkObjectName(c: Checker, field: string, value: string, what: string): void {
    c.check(
        typeof value === "string" && value.length <= 253 && DNS1123_SUBDOMAIN.test(value),
        field,
        value,
        `expected the name of ${what}: at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit`,
    );
}

/** A name Kubernetes takes as a DNS-1123 label (volume names): at most 63 lowercase letters, digits or '-'. */
export function checkLabelName(c: Checker, field: string, value: string): void {
    c.check(
        typeof value === "string" && value.length <= 63 && DNS1123_LABEL.test(value),
        field,
        value,
        "expected a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
    );
}

/**
 * A Knative Service name. Knative creates a Kubernetes Service and a route host label from it, so it
 * must be a DNS-1035 label (it may not start with a digit) of at most 63 characters.
 */
export function checkServiceName(c: Checker, field: string, value: string): void {
    c.check(
        typeof value === "string" && value.length <= 63 && DNS1035_LABEL.test(value),
        field,
        value,
        "expected a DNS-1035 label (Knative names a Kubernetes Service after it): at most 63 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit",
    );
}

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A label or annotation key: optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
export function isQualifiedName(key: string): boolean {
    if (typeof key !== "string") return false;
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !LABEL_PREFIX.test(prefix))) return false;
    return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

/** A label value: empty, or at most 63 characters of alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
export function isLabelValue(value: string): boolean {
    return typeof value === "string" && (value === "" || (value.length <= 63 && LABEL_NAME.test(value)));
}

/** A label or annotation key: `what` is "label" or "annotation". */
function checkQualifiedKey(c: Checker, field: string, key: string, what: string): void {
    c.check(
        isQualifiedName(key),
        `${field} key`,
        key,
        `expected ${what === "annotation" ? "an" : "a"} ${what} key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'`,
    );
}

/** Each label on its own: a well-formed key and value. */
export function checkLabels(c: Checker, field: string, labels: Record<string, string> | undefined): void {
    for (const [key, value] of Object.entries(labels ?? {})) {
        c.part(() => {
            checkQualifiedKey(c, field, key, "label");
            c.check(
                isLabelValue(value),
                `${field}["${key}"]`,
                value,
                "expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
            );
        });
    }
}

/** Each annotation on its own: a well-formed key and a string value. */
export function checkAnnotationKeys(c: Checker, field: string, annotations: Record<string, string> | undefined): void {
    for (const [key, value] of Object.entries(annotations ?? {})) {
        c.part(() => {
            checkQualifiedKey(c, field, key, "annotation");
            c.check(typeof value === "string", `${field}["${key}"]`, value, "expected a string value");
        });
    }
}

/** An Alibaba Cloud vSwitch id: `"vsw-"` followed by letters and digits, e.g. `"vsw-bp1s5fnvk4gn2tws03624"`. */
export const VSWITCH_ID = /^vsw-[A-Za-z0-9]+$/;
/** An Alibaba Cloud security group id: `"sg-"` followed by letters and digits, e.g. `"sg-bp1fg655nh68xyz9y2g0"`. */
export const SECURITY_GROUP_ID = /^sg-[A-Za-z0-9]+$/;
/** An ECS instance type: `ecs.<family>.<size>`, e.g. `"ecs.c7.large"` or `"ecs.gn7i-c8g1.2xlarge"`. */
export const ECS_INSTANCE_TYPE = /^ecs\.[a-z0-9-]+\.[a-z0-9]+$/;

// The OCI distribution reference grammar (github.com/distribution/reference):
// [domain[:port]/]path-component[/path-component...][:tag][@algorithm:hex].
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*";
const IMAGE_NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const IMAGE_REFERENCE = new RegExp(
    `^(${IMAGE_NAME})(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);
/** What `isImageReference` accepts, for messages. */
export const IMAGE_REFERENCE_GRAMMAR = "[registry[:port]/]repository[:tag][@digest], the repository in lowercase";

/** Whether `value` is an image reference as the OCI distribution grammar allows it (what the kubelet and ECI can pull). */
export function isImageReference(value: unknown): value is string {
    if (typeof value !== "string") return false;
    const m = IMAGE_REFERENCE.exec(value);
    return m !== null && m[1].length <= 255;
}

/** An ACK cluster id: `"c"` followed by at least eight lowercase letters or digits. */
export const CLUSTER_ID = /^c[a-z0-9]{8,}$/;

/**
 * A cluster id the user typed (a plain string) must look like one; an Output (e.g. from the cluster
 * this package created) passes through unchecked: ids the cloud generates are not the user's input.
 */
export function checkGivenClusterId(resource: string, field: string, value: unknown): void {
    checkGivenId(resource, field, value, CLUSTER_ID, 'an ACK cluster id such as "c8155823d057948c69a2f14f1fa9b9f4a"');
}

/** A resource group id: `"rg-"` followed by letters and digits. */
export const RESOURCE_GROUP_ID = /^rg-[A-Za-z0-9]+$/;
/** An EIP allocation id: `"eip-"` followed by letters and digits. */
export const EIP_ID = /^eip-[A-Za-z0-9]+$/;

/** An id the user typed (a plain string) must match `pattern`; an Output passes through (see `checkGivenClusterId`). */
export function checkGivenId(resource: string, field: string, value: unknown, pattern: RegExp, what: string): void {
    if (typeof value !== "string") return;
    new Checker(resource).check(pattern.test(value), field, value, `expected ${what}`);
}

/** Whether `value` is a vSwitch id (see `VSWITCH_ID`). */
export function isVswitchId(value: unknown): value is string {
    return typeof value === "string" && VSWITCH_ID.test(value);
}

/** Whether `value` is a security group id (see `SECURITY_GROUP_ID`). */
export function isSecurityGroupId(value: unknown): value is string {
    return typeof value === "string" && SECURITY_GROUP_ID.test(value);
}

/** Whether `value` is an ECS instance type (see `ECS_INSTANCE_TYPE`). */
export function isEcsInstanceType(value: unknown): value is string {
    return typeof value === "string" && ECS_INSTANCE_TYPE.test(value);
}

/**
 * A `{key, value}` node label (the ECS or virtual-node label a placement selects), or `fallback`
 * when none is given.
 */
export function checkNodeLabel(c: Checker, field: string, label: NodeLabel | undefined, fallback: NodeLabel): NodeLabel {
    if (label === undefined) return fallback;
    c.check(
        typeof label === "object" && label !== null && isQualifiedName(label.key),
        `${field}.key`,
        label?.key,
        "expected a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'",
    );
    c.check(
        isLabelValue(label.value),
        `${field}.value`,
        label.value,
        "expected a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
    );
    return { key: label.key, value: label.value };
}
