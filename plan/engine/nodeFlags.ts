/**
 * Node.js flags the plan process gets from `npm run plan`, `npm run bench` and plan-compare's own
 * plans. A plan registers every resource at once, so most young objects are still alive at a scavenge
 * and get copied: a 64 MiB young generation (V8's default is 16 MiB) scavenges a quarter as often;
 * about 0.75× the CPU time for 1,000 Services, unchanged for the guide. Set them through NODE_OPTIONS
 * when running the bin directly. package.json's `plan` script cannot import them and repeats them:
 * tests/plan/engine/nodeFlags.test.ts checks that it does.
 */
export const PLAN_NODE_FLAGS = ["--max-semi-space-size=64"];
