// Run by guide.test.ts in its own mocha: exactly the mocks of Pulumi's testing guide, zones not mocked.
import * as pulumi from "@pulumi/pulumi";

pulumi.runtime.setMocks(
    {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        newResource: function (args: pulumi.runtime.MockResourceArgs): { id: string; state: any } {
            return { id: args.inputs.name + "_id", state: args.inputs };
        },
        call: function (args: pulumi.runtime.MockCallArgs) {
            return args.inputs;
        },
    },
    "project",
    "stack",
    false,
);

describe("the guide without a zone mock", function () {
    it("resolves serviceUrls", async function () {
        const guide = await import("../src/guide");
        await new Promise((resolve) => guide.serviceUrls.apply(resolve));
    });
});
