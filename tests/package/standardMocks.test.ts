import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";

// The guide under Pulumi's standard unit-test mocks (tests/fixtures/standardMocks.ts, one process each).
// tests/consumer does the same from the installed package (npm run test:consumer).
const FIXTURE = path.resolve(__dirname, "../fixtures/standardMocks.js");

interface Report {
    registered: string[];
    urls?: Record<string, string>;
    messages: string[];
    uncaught: number;
}

function run(args: string[]): Promise<Report> {
    return new Promise((resolve, reject) =>
        execFile(process.execPath, [FIXTURE, ...args], (err, stdout, stderr) =>
            err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Report),
        ),
    );
}

describe("the guide under Pulumi's standard mocks", function () {
    this.timeout(60000);
    let answered: Report, unanswered: Report;
    before(async () => {
        [answered, unanswered] = await Promise.all([run(["--zones"]), run([])]);
    });

    it("registers the three Knative Services and resolves serviceUrls, with the cluster's generated ids", () => {
        assert.deepEqual(answered.messages, []);
        const ksvcs = answered.registered.filter((r) => r.startsWith("kubernetes:serving.knative.dev/v1:Service::")).sort();
        assert.deepEqual(ksvcs, [
            "kubernetes:serving.knative.dev/v1:Service::guide-helloworld-go-injected-ksvc",
            "kubernetes:serving.knative.dev/v1:Service::guide-helloworld-go-ksvc",
            "kubernetes:serving.knative.dev/v1:Service::guide-helloworld-go-mixed-ksvc",
        ]);
        assert.ok(answered.registered.includes("kubernetes:core/v1:ConfigMapPatch::guide-virtual-node-eci-profile"));
        assert.deepEqual(Object.keys(answered.urls ?? {}).sort(), ["helloworld-go", "helloworld-go-injected", "helloworld-go-mixed"]);
    });

    it("without a zone answer, reports one sentence saying what to pass, once", () => {
        assert.deepEqual(unanswered.messages, [
            'AckCluster "guide-cluster": zoneIds (picked at deployment) = [] is not valid: expected at least 2 zones in this region where vSwitches can be created and instance type ecs.c7.large is offered (alicloud.getZones reported []); pass zoneIds explicitly, or put an instance type offered in more zones first in nodePool.instanceTypes.',
        ]);
        assert.equal(unanswered.uncaught, 1);
        assert.equal(unanswered.urls, undefined);
    });
});
