// Exponential backoff with full jitter, so that many nodes retrying after the same fault do
// not come back in step.

export interface BackoffOptions {
    baseMs: number;
    maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 200, maxMs: 5000 };

/** Delay before retry number `retry` (1 = the first retry). */
export function backoffDelay(
    retry: number,
    options: BackoffOptions = DEFAULT_BACKOFF,
    random: () => number = Math.random,
): number {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or at once when the signal aborts; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const done = (): void => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
