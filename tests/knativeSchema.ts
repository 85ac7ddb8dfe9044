// Validates objects against Knative's published schema (@kubernetes-models/knative, ESM-only).
// The package can only be loaded with a real dynamic import(), which module "nodenext" preserves.

type ServiceCtor = new (data: unknown) => { validate(): void };
let serviceModel: Promise<ServiceCtor> | undefined;

/** Throws the schema validator's error when `object` is not a valid serving.knative.dev/v1 Service. */
export async function validateKnativeService(object: unknown): Promise<void> {
    serviceModel ??= import("@kubernetes-models/knative/serving.knative.dev/v1/Service").then((m) => m.Service as unknown as ServiceCtor);
    const Service = await serviceModel;
    new Service(JSON.parse(JSON.stringify(object))).validate();
}
