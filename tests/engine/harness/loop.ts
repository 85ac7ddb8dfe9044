// A reconcile loop: runs `round` now and again `intervalMs` after each round ends, until `stop()`, which waits for
// the round in flight. What the Knative stand-in and the ACK agent both do, as Kubernetes controllers do.
export class Loop {
    private timer?: NodeJS.Timeout;
    private running?: Promise<void>;

    constructor(
        private readonly round: () => Promise<void>,
        private readonly intervalMs: number,
    ) {}

    start(): void {
        const tick = () => {
            this.running = this.round().finally(() => {
                if (this.timer !== undefined) this.timer = setTimeout(tick, this.intervalMs);
            });
        };
        this.timer = setTimeout(tick, 0);
    }

    async stop(): Promise<void> {
        const timer = this.timer;
        this.timer = undefined;
        clearTimeout(timer);
        await this.running;
    }
}
