// App-level flow control: at most N requests per AppKey in any rolling second, as the
// gateway's "Throttled by APP Flow Control" rule behaves from a client's point of view.

const WINDOW_MS = 1000;

export class Throttle {
    private readonly recent = new Map<string, number[]>();

    /** ratePerSecond undefined or 0 means no limit. */
    constructor(
        private readonly ratePerSecond: number | undefined,
        private readonly clock: () => number,
    ) {}

    /** Counts the request and says whether it is within the limit. Refused ones do not count. */
    admit(appKey: string): boolean {
        if (!this.ratePerSecond) return true;

        const now = this.clock();
        const times = (this.recent.get(appKey) ?? []).filter((time) => now - time < WINDOW_MS);
        const admitted = times.length < this.ratePerSecond;
        if (admitted) times.push(now);
        this.recent.set(appKey, times);
        return admitted;
    }

    clear(): void {
        this.recent.clear();
    }
}
