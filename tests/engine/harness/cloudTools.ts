// Where the cloud-half engine tests find their tools: the alicloud provider plugin (tools/build-alicloud-plugin.sh)
// and the local Alibaba Cloud (tools/build-local-cloud.sh), each in the tool cache. Either may be missing on a
// machine without their sources; the tests then skip with the reason.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiEnv } from "./pulumiStack";
import { REPO_ROOT, type Tools } from "./tools";

export interface CloudTools {
    /** pulumi-resource-alicloud, built from pulumi-alicloud's source and stamped with the locked SDK's version. */
    alicloudPlugin: string;
    /** The version it is stamped with and installed as: the locked @pulumi/alicloud's. */
    alicloudVersion: string;
    /** The local Alibaba Cloud's server (tests/local-cloud). */
    localCloud: string;
}

function script(name: string, flag: string): string {
    return execFileSync("bash", [path.join(REPO_ROOT, "tools", name), flag], { encoding: "utf8" }).trim();
}

/** The built cloud tools, or the sentence saying which is missing and how to build it. */
export function findCloudTools(): CloudTools | { missing: string } {
    const alicloudPlugin = script("build-alicloud-plugin.sh", "--print-plugin");
    const localCloud = script("build-local-cloud.sh", "--print-binary");
    if (!fs.existsSync(alicloudPlugin)) {
        return { missing: `${alicloudPlugin} is missing: run tools/build-alicloud-plugin.sh with ALICLOUD_PROVIDER_SRC set` };
    }
    if (!fs.existsSync(localCloud)) {
        return { missing: `${localCloud} is missing: run tools/build-local-cloud.sh with ALICLOUD_PROVIDER_SRC set` };
    }
    return { alicloudPlugin, alicloudVersion: script("build-alicloud-plugin.sh", "--print-version"), localCloud };
}

/** `pulumi plugin install resource alicloud <version> --file <plugin>` into the engine tests' Pulumi home. */
export function installAlicloudPlugin(tools: Tools, cloud: CloudTools, workDir: string): void {
    const env = { ...process.env, ...pulumiEnv(workDir) };
    const args = ["plugin", "install", "resource", "alicloud", cloud.alicloudVersion, "--file", cloud.alicloudPlugin];
    execFileSync(tools.pulumi, args, { env, stdio: "inherit" });
}
