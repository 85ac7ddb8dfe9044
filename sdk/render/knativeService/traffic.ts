import type { Checker } from "../core/errors";
import type { TrafficTarget } from "../core/k8sTypes";
import type { TrafficTargetArgs } from "./knativeServiceArgs";

// Revision names and traffic splitting (`kn service create --revision-name`, `--tag`, `--traffic`),
// checked by Knative's route rules: each target names a revision or the latest one, percents add
// up to 100, tags are unique and make a valid host name with the Service name.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** The revision template's name: Knative requires the Service name and a dash in front. */
export function checkRevisionName(c: Checker, serviceName: string, revisionName: string | undefined): void {
    if (revisionName === undefined) return;
    c.check(
        revisionName.startsWith(`${serviceName}-`) &&
            revisionName.length > serviceName.length + 1 &&
            revisionName.length <= 63 &&
            DNS1123_LABEL.test(revisionName),
        "revisionName",
        revisionName,
        `expected "${serviceName}-" followed by lowercase letters, digits or '-' (Knative requires the Service name as prefix), at most 63 characters`,
    );
}

/** Validates and renders `spec.traffic`, each target on its own; the percents' sum once every target is right. */
export function renderTraffic(c: Checker, serviceName: string, targets: TrafficTargetArgs[]): TrafficTarget[] | undefined {
    c.check(
        targets.length > 0,
        "traffic",
        targets,
        "expected at least one target (leave traffic out to send everything to the latest revision)",
    );
    const tags = new Set<string>();
    const out = targets.map((t, i) => {
        const target = c.part(() => renderTarget(c, serviceName, t, `traffic[${i}]`, tags));
        if (t.tag !== undefined) tags.add(t.tag);
        return target;
    });
    if (out.some((t) => t === undefined)) return undefined;
    const sum = targets.reduce((total, t) => total + (t.percent ?? 0), 0);
    c.check(
        sum === 100,
        "traffic",
        targets.map((t) => t.percent ?? 0),
        `expected percents that add up to 100 (they add up to ${sum})`,
    );
    return out as TrafficTarget[];
}

/** One target: a revision of this Service or the latest one, a percent, a tag used once. */
function renderTarget(c: Checker, serviceName: string, t: TrafficTargetArgs, field: string, tags: ReadonlySet<string>): TrafficTarget {
    c.check(
        (t.revisionName !== undefined) !== (t.latestRevision === true),
        field,
        t,
        "expected exactly one of revisionName or latestRevision: true",
    );
    if (t.revisionName !== undefined)
        c.check(
            t.revisionName.startsWith(`${serviceName}-`) && t.revisionName.length <= 63 && DNS1123_LABEL.test(t.revisionName),
            `${field}.revisionName`,
            t.revisionName,
            `expected a revision of this Service: "${serviceName}-" followed by lowercase letters, digits or '-' (Knative names every revision so), at most 63 characters`,
        );
    c.integer(t.percent, `${field}.percent`, 0, 100);
    if (t.tag !== undefined) {
        const host = `${t.tag}-${serviceName}`;
        c.check(
            DNS1035_LABEL.test(t.tag) && host.length <= 63,
            `${field}.tag`,
            t.tag,
            `expected a lowercase name of letters, digits or '-', starting with a letter, such that "<tag>-${serviceName}" is a host label of at most 63 characters`,
        );
        c.check(!tags.has(t.tag), `${field}.tag`, t.tag, "expected each tag once (each tag is one URL)");
    }
    const target: TrafficTarget = {};
    if (t.tag !== undefined) target.tag = t.tag;
    if (t.revisionName !== undefined) target.revisionName = t.revisionName;
    // Knative needs latestRevision stated: a target without it and without a revision name is invalid.
    target.latestRevision = t.latestRevision === true;
    target.percent = t.percent ?? 0;
    return target;
}

/**
 * Each tag's URL from the Service's status: Knative reports it on the tagged `status.traffic`
 * entry. Until it does, the URL follows from `status.url` by Knative's default tag template
 * `{{.Tag}}-{{.Name}}` (the first host label gains the tag).
 */
export function tagUrls(
    tags: readonly string[],
    status: { url?: string; traffic?: { tag?: string; url?: string }[] } | undefined,
): { [tag: string]: string } {
    const out: { [tag: string]: string } = {};
    for (const tag of tags) {
        const reported = status?.traffic?.find((t) => t.tag === tag && t.url)?.url;
        const url = status?.url;
        const derived = url ? url.replace(/^([a-z]+:\/\/)/, `$1${tag}-`) : "";
        out[tag] = reported ?? derived;
    }
    return out;
}
