// Delays that close() can cancel: an injected latency must not keep a closed emulator's
// process alive, nor write to a socket that close() already destroyed.

export class Timers {
    private readonly pending = new Set<NodeJS.Timeout>();

    /** Resolves after ms; never resolves once cancelAll() ran, which ends that request's work. */
    sleep(ms: number): Promise<void> {
        if (ms <= 0) return Promise.resolve();
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.pending.delete(timer);
                resolve();
            }, ms);
            this.pending.add(timer);
        });
    }

    cancelAll(): void {
        for (const timer of this.pending) clearTimeout(timer);
        this.pending.clear();
    }
}
