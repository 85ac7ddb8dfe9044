import * as assert from "node:assert/strict";
import * as yaml from "js-yaml";
import { renderKnativeService } from "../../../sdk/render/knativeService/knativeService";
import { validateKnativeService } from "../../knativeSchema";

// The guide's YAML ("Using ECI in Knative", help.aliyun.com/document_detail/171733), transcribed.
// 方式二's broken indentation is fixed (its `spec:` belongs under `template`), and the container gets
// the name Knative would default it to ("user-container") so the object is schema-valid.
const GUIDE_ECI = `
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: helloworld-go
  namespace: vk
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/eci-use-specs: "2-4Gi"
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: type
                operator: In
                values:
                - virtual-kubelet
      tolerations:
      - key: virtual-kubelet.io/provider
        operator: Exists
      containers:
      - name: user-container
        image: registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56
        env:
        - name: TARGET
          value: "Knative"
`;

const GUIDE_ECI_NAMESPACE = `
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: helloworld-go
  namespace: vk
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/eci-use-specs: "2-4Gi"
    spec:
      containers:
      - name: user-container
        image: registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56
        env:
        - name: TARGET
          value: "Knative"
`;

const GUIDE_ECS_AND_ECI = `
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: helloworld-go
  namespace: vk
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/eci-use-specs: "2-4Gi"
    spec:
      containerConcurrency: 10
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: resource-role
                operator: In
                values:
                - ecs
            - matchExpressions:
              - key: type
                operator: In
                values:
                - virtual-kubelet
      tolerations:
      - key: virtual-kubelet.io/provider
        operator: Exists
      containers:
      - name: user-container
        image: registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56
        env:
        - name: TARGET
          value: "Knative"
`;

const guideArgs = {
    namespace: "vk",
    image: "registry.cn-hangzhou.aliyuncs.com/knative-sample/helloworld-go:73fbdd56",
    env: { TARGET: "Knative" },
    eciSpecs: ["2-4Gi"],
};

describe("the guide's three placement modes", () => {
    const cases = [
        { mode: "eci", expected: GUIDE_ECI, extra: {} },
        { mode: "eci-namespace", expected: GUIDE_ECI_NAMESPACE, extra: {} },
        { mode: "ecs-and-eci", expected: GUIDE_ECS_AND_ECI, extra: { containerConcurrency: 10 } },
    ] as const;
    for (const { mode, expected, extra } of cases) {
        it(`renders "${mode}" exactly as the guide's YAML and passes Knative's schema`, async () => {
            const rendered = renderKnativeService("helloworld-go", { ...guideArgs, ...extra, placement: mode });
            assert.deepEqual(rendered, yaml.load(expected));
            await validateKnativeService(rendered);
        });
    }

    it("renders ECS-only placement with required ECS affinity and no toleration", async () => {
        const rendered = renderKnativeService("api", { image: "nginx:1", placement: "ecs" });
        assert.deepEqual(rendered.spec.template.spec.affinity, {
            nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [{ matchExpressions: [{ key: "resource-role", operator: "In", values: ["ecs"] }] }],
                },
            },
        });
        assert.equal(rendered.spec.template.spec.tolerations, undefined);
        assert.equal(rendered.metadata.namespace, "default");
        assert.equal(rendered.metadata.name, "api");
        await validateKnativeService(rendered);
    });

    it("uses overridden ECS and virtual-node labels and taint key", () => {
        const rendered = renderKnativeService("svc", {
            image: "nginx:1",
            placement: "ecs-and-eci",
            ecsNodeLabel: { key: "pool", value: "general" },
            virtualNodeLabel: { key: "node.kubernetes.io/instance-type", value: "virtual-node" },
            virtualNodeTaintKey: "eci.example.com/provider",
        });
        const spec = rendered.spec.template.spec;
        assert.deepEqual(
            spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms.map(
                (t) => t.matchExpressions[0],
            ),
            [
                { key: "pool", operator: "In", values: ["general"] },
                { key: "node.kubernetes.io/instance-type", operator: "In", values: ["virtual-node"] },
            ],
        );
        assert.deepEqual(spec.tolerations, [{ key: "eci.example.com/provider", operator: "Exists" }]);
    });

    it("the schema check rejects an object Knative would reject", async () => {
        const rendered = renderKnativeService("helloworld-go", { ...guideArgs, placement: "eci" });
        const broken = JSON.parse(JSON.stringify(rendered));
        broken.spec.template.spec.containerConcurrency = "ten";
        await assert.rejects(validateKnativeService(broken), /containerConcurrency must be integer/);
    });
});
