// Replay protection as the gateway applies it: a nonce may be used once per AppKey within
// the 15-minute window that also bounds X-Ca-Timestamp.

export const NONCE_WINDOW_MS = 15 * 60 * 1000;

/** How often expired entries are swept, so memory follows the traffic of one window. */
const SWEEP_EVERY_MS = 60 * 1000;

export class NonceCache {
    private readonly expiries = new Map<string, number>();
    private lastSweep = 0;

    constructor(private readonly clock: () => number) {}

    /** True when the nonce was already used for this AppKey and has not yet expired. */
    seen(appKey: string, nonce: string): boolean {
        const expiry = this.expiries.get(NonceCache.key(appKey, nonce));
        return expiry !== undefined && expiry > this.clock();
    }

    /** Records a nonce; called only once the request's signature has been proved. */
    record(appKey: string, nonce: string): void {
        const now = this.clock();
        this.expiries.set(NonceCache.key(appKey, nonce), now + NONCE_WINDOW_MS);
        if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    }

    clear(): void {
        this.expiries.clear();
    }

    private sweep(now: number): void {
        this.lastSweep = now;
        for (const [key, expiry] of this.expiries) {
            if (expiry <= now) this.expiries.delete(key);
        }
    }

    // A newline cannot occur in a header value, so it cannot make two pairs collide.
    private static key(appKey: string, nonce: string): string {
        return `${appKey}\n${nonce}`;
    }
}
