// Runs the plan CLI in this process (the arguments are the CLI's) and, at exit, writes this process's
// peak memory and CPU time as JSON to file descriptor 3, for `bench/run.ts`.
import * as fs from "node:fs";

process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeSync(3, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../plan/cli");
