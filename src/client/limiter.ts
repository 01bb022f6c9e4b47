// Admission control shared by every node that uses one config node: at most `concurrency`
// requests in flight, at most `ratePerSecond` started per second, a bounded queue behind
// them, and a pause for everyone when the gateway says it is throttling us.

export interface LimiterOptions {
    concurrency: number;
    /** 0 means no rate limit of our own. */
    ratePerSecond: number;
    /** How many may wait; one more is refused at once. */
    queueLimit: number;
    now?: () => number;
}

export type Admission =
    { granted: true; release: () => void } | { granted: false; reason: 'full' | 'cancelled' };

interface Waiter {
    grant: (admission: Admission) => void;
    signal?: AbortSignal;
}

/** The waiters behind one signal, and the one listener that drops them all when it fires. */
interface Watch {
    waiters: Set<Waiter>;
    onAbort: () => void;
}

export class RequestLimiter {
    private readonly queue: Waiter[] = [];
    private active = 0;
    private nextStartAt = 0;
    private pausedUntil = 0;
    private timer: NodeJS.Timeout | undefined;
    private closed = false;
    private readonly now: () => number;
    // One abort listener per signal, not per waiter: a node passes the same signal with each
    // of thousands of queued messages.
    private readonly watches = new Map<AbortSignal, Watch>();

    constructor(private readonly options: LimiterOptions) {
        this.now = options.now ?? Date.now;
    }

    get waiting(): number {
        return this.queue.length;
    }

    get inFlight(): number {
        return this.active;
    }

    /**
     * Waits for a slot. `urgent` puts the caller at the head of the queue: a retry has waited
     * its turn once already. Never rejects.
     */
    acquire(signal?: AbortSignal, urgent = false): Promise<Admission> {
        if (this.closed || signal?.aborted)
            return Promise.resolve({ granted: false, reason: 'cancelled' });
        if (!urgent && this.queue.length >= this.options.queueLimit) {
            return Promise.resolve({ granted: false, reason: 'full' });
        }

        return new Promise((grant) => {
            const waiter: Waiter = { grant, signal };
            this.watch(waiter);
            if (urgent) this.queue.unshift(waiter);
            else this.queue.push(waiter);
            this.pump();
        });
    }

    /** Holds every start for `ms`: the gateway counts flow control per second. */
    pause(ms: number): void {
        this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
        this.pump();
    }

    /** Refuses everyone still waiting; those in flight finish on their own. */
    close(): void {
        this.closed = true;
        clearTimeout(this.timer);
        for (const waiter of this.queue.splice(0))
            this.settle(waiter, { granted: false, reason: 'cancelled' });
    }

    private drop(waiter: Waiter, reason: 'cancelled'): void {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
            this.queue.splice(index, 1);
            this.settle(waiter, { granted: false, reason });
        }
    }

    private settle(waiter: Waiter, admission: Admission): void {
        this.unwatch(waiter);
        waiter.grant(admission);
    }

    private watch(waiter: Waiter): void {
        const { signal } = waiter;
        if (!signal) return;
        let watch = this.watches.get(signal);
        if (!watch) {
            const waiters = new Set<Waiter>();
            const onAbort = (): void => {
                for (const waiting of [...waiters]) this.drop(waiting, 'cancelled');
            };
            signal.addEventListener('abort', onAbort, { once: true });
            watch = { waiters, onAbort };
            this.watches.set(signal, watch);
        }
        watch.waiters.add(waiter);
    }

    private unwatch(waiter: Waiter): void {
        const { signal } = waiter;
        const watch = signal && this.watches.get(signal);
        if (!signal || !watch) return;
        watch.waiters.delete(waiter);
        if (watch.waiters.size === 0) {
            signal.removeEventListener('abort', watch.onAbort);
            this.watches.delete(signal);
        }
    }

    private pump(): void {
        clearTimeout(this.timer);
        this.timer = undefined;

        while (this.queue.length > 0 && this.active < this.options.concurrency) {
            const wait = this.startDelay();
            if (wait > 0) {
                this.timer = setTimeout(() => this.pump(), wait);
                return;
            }
            this.start(this.queue.shift() as Waiter);
        }
    }

    private startDelay(): number {
        const now = this.now();
        return Math.max(0, this.pausedUntil - now, this.nextStartAt - now);
    }

    private start(waiter: Waiter): void {
        this.active += 1;
        if (this.options.ratePerSecond > 0) {
            this.nextStartAt =
                Math.max(this.now(), this.nextStartAt) + 1000 / this.options.ratePerSecond;
        }

        let released = false;
        const release = (): void => {
            if (released) return;
            released = true;
            this.active -= 1;
            if (!this.closed) this.pump();
        };
        this.settle(waiter, { granted: true, release });
    }
}
