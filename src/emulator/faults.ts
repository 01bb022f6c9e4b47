// Decides, request by request, which fault of the current plan to inject and how long to
// delay the answer. Holds the only mutable fault state, so reset and replace are one call.
import {
    isTransportFault,
    parseFaultPlan,
    type FaultMix,
    type FaultName,
    type FaultPlan,
} from './fault-plan';

export interface FaultDecision {
    fault: FaultName;
    /** For `latency`: how long to wait before serving the request. */
    ms?: number;
}

/** What arrival decided: a transport fault to act on now, or a draw held for after auth. */
export interface ArrivalDecision {
    now?: FaultDecision;
    later?: FaultDecision;
}

interface QueuedStep {
    fault: FaultName;
    remaining: number;
    ms?: number;
}

const DEFAULT_LATENCY_STEP_MS = 1000;

/** mulberry32: small, seedable, good enough to make a test's fault mix repeatable. */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export class FaultInjector {
    private queue: QueuedStep[] = [];
    private mix: FaultMix | undefined;
    private latencyMs = 0;
    private jitterMs = 0;
    private random: () => number = Math.random;

    constructor(plan: FaultPlan = {}) {
        this.setPlan(plan);
    }

    /** Replaces the whole plan; throws TypeError on an invalid one and keeps the old. */
    setPlan(input: unknown): void {
        const plan = parseFaultPlan(input);
        this.queue = (plan.next ?? []).map((step) => ({
            fault: step.fault,
            remaining: step.count ?? 1,
            ms: step.ms,
        }));
        this.mix = plan.mix;
        this.latencyMs = plan.latencyMs ?? 0;
        this.jitterMs = plan.jitterMs ?? 0;
        this.random = plan.mix?.seed === undefined ? Math.random : seededRandom(plan.mix.seed);
    }

    /** The plan still to come: steps with the counts they have left. */
    currentPlan(): FaultPlan {
        const plan: FaultPlan = { latencyMs: this.latencyMs, jitterMs: this.jitterMs };
        plan.next = this.queue.map((step) => ({
            fault: step.fault,
            count: step.remaining,
            ...(step.ms === undefined ? {} : { ms: step.ms }),
        }));
        if (this.mix) plan.mix = { ...this.mix, faults: [...this.mix.faults] };
        return plan;
    }

    /** Called once per API request as it arrives, before any gateway check. */
    onArrival(): ArrivalDecision {
        const head = this.queue[0];
        if (head && isTransportFault(head.fault)) return { now: this.consumeHead() };
        if (head) return {};

        const drawn = this.drawMix();
        if (!drawn) return {};
        return isTransportFault(drawn.fault) ? { now: drawn } : { later: drawn };
    }

    /** Called once the request passed every gateway check; `later` is its arrival draw. */
    onAuthenticated(later?: FaultDecision): FaultDecision | undefined {
        if (later) return later;
        const head = this.queue[0];
        return head && !isTransportFault(head.fault) ? this.consumeHead() : undefined;
    }

    /** Delay to add before an API response is written. */
    responseDelayMs(): number {
        return this.latencyMs + (this.jitterMs > 0 ? this.random() * this.jitterMs : 0);
    }

    private consumeHead(): FaultDecision {
        const head = this.queue[0];
        head.remaining -= 1;
        if (head.remaining <= 0) this.queue.shift();
        return head.fault === 'latency'
            ? { fault: head.fault, ms: head.ms ?? DEFAULT_LATENCY_STEP_MS }
            : { fault: head.fault };
    }

    private drawMix(): FaultDecision | undefined {
        if (!this.mix || this.random() >= this.mix.probability) return undefined;
        const faults = this.mix.faults;
        const fault = faults[Math.floor(this.random() * faults.length)];
        return fault === 'latency' ? { fault, ms: DEFAULT_LATENCY_STEP_MS } : { fault };
    }
}
