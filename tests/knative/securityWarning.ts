// Knative's one warning on the package's Services (warnDefaultContainerSecurityContext in knative.dev/serving's
// pkg/apis/serving/k8s_validation.go), and the container security-context fields it names that the package leaves
// unset, each for the reason in docs/knative-tests.md.
export const INSECURE_DEFAULTS_WARNING = "Kubernetes default value is insecure, Knative may default this to secure in a future release: ";

/**
 * allowPrivilegeEscalation and seccompProfile: ECI's container security context takes runAsUser, runAsGroup,
 * runAsNonRoot, privileged and capabilities only. runAsNonRoot and capabilities: ECI takes them, but setting them
 * by default would change what the user's image may do (run as root, bind low ports); `securityContext.runAsNonRoot`
 * is the user's to set.
 */
export const UNSET_SECURITY_FIELDS = ["allowPrivilegeEscalation", "capabilities", "runAsNonRoot", "seccompProfile"];

/** The security-context fields a warning names: "spec.template.spec.containers[0].securityContext.runAsNonRoot" → "runAsNonRoot". */
export function insecureDefaultFields(warning: string): string[] {
    return warning
        .slice(INSECURE_DEFAULTS_WARNING.length)
        .split(", ")
        .map((p) => p.replace(/^.*securityContext\./, ""));
}
