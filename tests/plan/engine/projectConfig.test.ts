import * as assert from "node:assert/strict";
import { projectConfig } from "../../../plan/engine/runProgram";

describe("plan: project config from Pulumi.yaml", () => {
    it("uses values and declared defaults, as pulumi up does", () => {
        assert.deepEqual(
            projectConfig({
                "alicloud:region": { value: "cn-hangzhou" },
                "guide:nodeCount": { type: "integer", default: 2 },
                "guide:types": { type: "array", default: ["ecs.g7.xlarge"] },
                "guide:plain": "x",
                "guide:noDefault": { type: "string", description: "required, no default" },
            }),
            { "alicloud:region": "cn-hangzhou", "guide:nodeCount": 2, "guide:types": ["ecs.g7.xlarge"], "guide:plain": "x" },
        );
    });
});
