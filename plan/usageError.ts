/**
 * A problem with how the plan was invoked (bad path, bad flag): printed as one line. Shared by every
 * layer of plan/ and both CLIs, so it imports nothing.
 */
export class PlanUsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PlanUsageError";
    }
}
