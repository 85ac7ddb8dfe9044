/**
 * Node.js flags `npm run plan` (and `npm run bench`) give the plan process. A plan registers every
 * resource at once, so most young objects are still alive at a scavenge and get copied: a 64 MiB young
 * generation (V8's default is 16 MiB) scavenges a quarter as often; about 0.75× the CPU time for
 * 1,000 Services, unchanged for the guide. Set them through NODE_OPTIONS when running the bin directly.
 */
export const PLAN_NODE_FLAGS = ["--max-semi-space-size=64"];
