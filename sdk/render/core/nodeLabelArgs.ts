import { assertSameShape, obj, req, str, type TypeOf } from "./shape";

/** A `key=value` node label (the cluster's, Knative Serving's and each Knative Service's ECS and ECI labels). */
export interface NodeLabelArgs {
    /** Label key, e.g. `resource-role`. Required. */
    key: string;
    /** Label value, e.g. `ecs`. Required. */
    value: string;
}

export const NODE_LABEL_ARGS = obj({ key: req(str()), value: req(str()) });
assertSameShape<TypeOf<typeof NODE_LABEL_ARGS>, NodeLabelArgs>(true);
