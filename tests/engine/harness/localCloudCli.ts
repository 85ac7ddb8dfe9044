// `npm run local-cloud -- --dir <DIR>`: starts the local Alibaba Cloud and its control plane on 127.0.0.1 for a
// person to try the guide against, writes <DIR>/pulumi-config.json and <DIR>/env, prints a line with `ready` once it
// serves, and runs until SIGTERM or Ctrl-C, then stops everything it started. Needs the engine tools, the alicloud
// plugin and the local cloud built (tools/build-engine-tools.sh, tools/build-alicloud-plugin.sh, tools/build-local-cloud.sh).
import * as path from "node:path";
import { findCloudTools } from "./cloudTools";
import { configSetCommands, startLocalAlibabaCloud } from "./localAlibabaCloud";
import { findTools } from "./tools";

function usage(message: string): never {
    console.error(`local-cloud: ${message}\nusage: npm run local-cloud -- --dir <DIR>`);
    process.exit(2);
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const at = args.indexOf("--dir");
    if (at < 0 || !args[at + 1]) usage("--dir <DIR> is required: where to write pulumi-config.json, env, and the cloud's data");
    const unknown = args.filter((_, i) => i !== at && i !== at + 1);
    if (unknown.length > 0) usage(`unknown argument ${unknown[0]}`);
    const dir = path.resolve(args[at + 1]);
    const tools = findTools();
    const cloudTools = findCloudTools();
    if ("missing" in cloudTools) usage(cloudTools.missing);

    const cloud = await startLocalAlibabaCloud(tools, cloudTools, dir);
    cloud.writeFiles(dir);
    const stop = async () => {
        console.log("local-cloud: stopping");
        await cloud.stop();
        process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);

    const lines = [
        `local-cloud: Alibaba Cloud API on https://${cloud.endpoint} (CA ${cloud.caFile}), its ACK cluster at ${cloud.cp.server}`,
        `  wrote ${path.join(dir, "pulumi-config.json")} and ${path.join(dir, "env")}. In a stack's directory:`,
        `  export PATH=${tools.binDir}:$PATH; set -a; . ${path.join(dir, "env")}; set +a`,
        `  pulumi plugin install resource alicloud ${cloudTools.alicloudVersion} --file ${cloudTools.alicloudPlugin}`,
        `  pulumi plugin install resource kubernetes ${tools.kubernetesProviderVersion} --file ${tools.kubernetesProvider}`,
        // Quoted where a shell would read the argument as a pattern (`[0]`).
        ...configSetCommands(cloud.pulumiConfig).map((c) => `  pulumi ${c.map((a) => (/[[\]]/.test(a) ? `'${a}'` : a)).join(" ")}`),
        "local-cloud: ready (Ctrl-C stops it and everything it started)",
    ];
    console.log(lines.join("\n"));
}

main().catch((e) => {
    console.error(`local-cloud: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
});
