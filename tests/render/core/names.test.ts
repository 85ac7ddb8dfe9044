import * as assert from "node:assert/strict";
import { parseEciSpec } from "../../../sdk/render/knativeService/eciSpecs";
import {
    ECS_INSTANCE_TYPE,
    isEcsInstanceType,
    isSecurityGroupId,
    isVswitchId,
    SECURITY_GROUP_ID,
    VSWITCH_ID,
} from "../../../sdk/render/core/names";

describe("shared Alibaba Cloud id and instance type patterns", () => {
    it("accepts vSwitch ids and nothing else", () => {
        for (const id of ["vsw-bp1s5fnvk4gn2tws03624", "vsw-a1"]) assert.ok(isVswitchId(id), id);
        for (const id of ["vsw-", "vsw-a b", "vsw-a,vsw-b", "sg-a1", "subnet-1", " vsw-a1", undefined, 1]) {
            assert.ok(!isVswitchId(id), String(id));
        }
        assert.ok(VSWITCH_ID.test("vsw-a1"));
    });

    it("accepts security group ids and nothing else", () => {
        for (const id of ["sg-bp1fg655nh68xyz9y2g0", "sg-1"]) assert.ok(isSecurityGroupId(id), id);
        for (const id of ["sg-", "sg-1 sg-2", "vsw-a1", "sg_1", null]) assert.ok(!isSecurityGroupId(id), String(id));
        assert.ok(SECURITY_GROUP_ID.test("sg-1"));
    });

    it("accepts ECS instance types and nothing else, for node pools and ECI specs alike", () => {
        for (const t of ["ecs.c7.large", "ecs.gn7i-c8g1.2xlarge", "ecs.g6.xlarge"]) {
            assert.ok(isEcsInstanceType(t), t);
            assert.deepEqual(parseEciSpec(t), { kind: "ecs-type", instanceType: t, text: t });
        }
        for (const t of ["c7.large", "ecs.c7", "ecs.C7.large", "ecs.c7 large", "2-4Gi", undefined]) {
            assert.ok(!isEcsInstanceType(t), String(t));
        }
        assert.ok(ECS_INSTANCE_TYPE.test("ecs.c7.large"));
    });
});
