import type * as pulumi from "@pulumi/pulumi";
import { NODE_LABEL_ARGS, type NodeLabelArgs } from "../core/nodeLabelArgs";
import { anything, assertSameShape, bool, input, inputString, map, num, obj, oneOf, opt, plain, type TypeOf } from "../core/shape";

/**
 * Where Knative Serving comes from.
 *
 * - `ack`: ACK's managed Knative add-on (`knative`), as the guide does.
 * - `upstream`: a pinned open-source release installed through the Knative Operator, with Kourier as ingress.
 * - `existing`: Knative is already installed (ACK's console, another stack): only the `config-features` flags are ensured.
 */
export const KnativeSource = {
    Ack: "ack",
    Upstream: "upstream",
    Existing: "existing",
} as const;
export type KnativeSource = (typeof KnativeSource)[keyof typeof KnativeSource];

export const KNATIVE_SOURCES: readonly KnativeSource[] = Object.values(KnativeSource);

/**
 * Arguments of `KnativeServing`: Knative Serving from ACK's managed add-on (`source: "ack"`, the guide's), from a
 * pinned upstream release through the Knative Operator (`source: "upstream"`), or already installed
 * (`source: "existing"`). Either way the `config-features` flags that KnativeService placements need are enabled.
 */
export interface KnativeServingArgs {
    /**
     * `"ack"` (ACK's managed Knative add-on), `"upstream"` (Knative Operator + Kourier) or `"existing"` (Knative is
     * already installed: only the `config-features` flags are ensured, and destroy leaves Knative). A plain value: it
     * decides which resources are declared. @default "ack"
     */
    source?: KnativeSource;
    /** Id of the ACK cluster. Required with source `"ack"`; not used by `"upstream"`. @default none */
    clusterId?: pulumi.Input<string>;
    /**
     * `ack` only: name of ACK's Knative add-on. ACK documents the name `knative` in its Terraform examples (for
     * ACK Serverless clusters); on managed clusters the console deploys Knative, and the name is not published
     * separately: check `cs.getKubernetesAddons` if installation fails. @default "knative"
     */
    addonName?: pulumi.Input<string>;
    /** `ack` only: version of the Knative add-on to pin. @default the version ACK installs (not pinned) */
    addonVersion?: pulumi.Input<string>;
    /**
     * `ack` only: add-on settings passed to ACK as JSON (e.g. the gateway choice; keys: see
     * `cs.getKubernetesAddonMetadata`). @default none (the add-on's defaults)
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    addonConfig?: pulumi.Input<{ [key: string]: any }>;
    /**
     * `upstream` only: Knative release `X.Y.Z` of the operator; Serving runs the newest `X.Y` patch the operator
     * bundles. 1.20 needs Kubernetes ≥ 1.32; the oldest accepted, 1.17, needs ≥ 1.30. @default "1.20.1"
     */
    version?: pulumi.Input<string>;
    /**
     * `upstream` only: URL or path of the operator manifest, e.g. a mirror whose images are reachable from the cluster.
     * @default `https://github.com/knative/operator/releases/download/knative-v<version>/operator.yaml`
     */
    operatorManifest?: pulumi.Input<string>;
    /**
     * `upstream` only: image template for every Serving image, containing `${NAME}` (the container name), for regions
     * that cannot reach gcr.io, e.g. `"registry.cn-hangzhou.aliyuncs.com/my-mirror/${NAME}:v1.20.1"`. @default gcr.io
     */
    registryDefault?: pulumi.Input<string>;
    /** `upstream` only: full image per container name (`activator`, `queue-proxy`, …), over `registryDefault`. @default none */
    registryOverride?: pulumi.Input<{ [container: string]: pulumi.Input<string> }>;
    /**
     * Further `config-features` flags. The three podspec flags placements need are always `"enabled"`.
     * @default only `kubernetes.podspec-affinity`, `-tolerations`, `-nodeselector` enabled
     */
    features?: pulumi.Input<{ [flag: string]: pulumi.Input<string> }>;
    /**
     * `upstream` only: further Serving ConfigMaps as the CR's `spec.config`, keyed by name without `config-`
     * (e.g. `{ domain: { "example.com": "" } }`). @default none
     */
    servingConfig?: pulumi.Input<{ [configMap: string]: pulumi.Input<{ [key: string]: pulumi.Input<string> }> }>;
    /** `upstream` only: pin the Serving and Kourier deployments to the ECS nodes (`ecsNodeLabel`). @default true */
    pinControlPlaneToEcs?: pulumi.Input<boolean>;
    /** `upstream` only: label of the ECS nodes the control plane is pinned to. @default `resource-role=ecs` */
    ecsNodeLabel?: pulumi.Input<NodeLabelArgs>;
    /** `upstream` only: how long `pulumi up` waits for the `KnativeServing` CR to be Ready, in seconds. @default 900 */
    readyTimeoutSeconds?: pulumi.Input<number>;
}

/** `KnativeServingArgs` with every value resolved, minus `source` and `clusterId`: what the renderers work on. */
export type KnativeServingSettings = pulumi.Unwrap<Omit<KnativeServingArgs, "source" | "clusterId">>;

/** The fields of `KnativeServingArgs` as a runtime shape (the platform's `knative` adds `install`). */
export const KNATIVE_SERVING_FIELDS = {
    source: opt(plain(oneOf(KNATIVE_SOURCES), "it decides which resources are declared")),
    clusterId: opt(inputString),
    addonName: opt(inputString),
    addonVersion: opt(inputString),
    addonConfig: opt(input(map(anything()))),
    version: opt(inputString),
    operatorManifest: opt(inputString),
    registryDefault: opt(inputString),
    registryOverride: opt(input(map(inputString))),
    features: opt(input(map(inputString))),
    servingConfig: opt(input(map(input(map(inputString))))),
    pinControlPlaneToEcs: opt(input(bool())),
    ecsNodeLabel: opt(input(NODE_LABEL_ARGS)),
    readyTimeoutSeconds: opt(input(num())),
};
/** `KnativeServingArgs` as a runtime shape (checked against the interface at compile time). */
export const KNATIVE_SERVING_ARGS = obj(KNATIVE_SERVING_FIELDS);
assertSameShape<TypeOf<typeof KNATIVE_SERVING_ARGS>, KnativeServingArgs>(true);
