// The client of the Living Platform cloud API: builds the envelope, signs every attempt
// afresh, sends it through the shared limiter, classifies the answer and retries what may
// be retried. It never throws: every call ends in a CallOutcome.
import { randomUUID } from 'node:crypto';

import { buildEnvelope, serializeEnvelope } from '../envelope';
import { failure, type Failure } from '../errors';
import { signRequest } from '../signature';
import { AgentPool, type TlsOptions } from './agents';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from './backoff';
import { classifyAttempt, type Classified } from './classify';
import { checkEndpoint } from './endpoint';
import { createHttp, sendAttempt } from './http-attempt';
import { RequestLimiter, type Admission } from './limiter';
import { proxyFor, type ProxySettings } from './proxy';

export interface ClientOptions {
    /** Origin of the API, e.g. https://api.link.aliyun.com. */
    endpoint: string;
    appKey: string;
    appSecret: string;
    /** Deadline for one whole response, body included. */
    timeoutMs?: number;
    /** Attempts for retryable faults, the first one included. */
    maxAttempts?: number;
    concurrency?: number;
    ratePerSecond?: number;
    queueLimit?: number;
    tls?: TlsOptions;
    proxy?: ProxySettings;
    backoff?: BackoffOptions;
    /** How long every start waits after the gateway throttles us. */
    throttlePauseMs?: number;
    /** How long one call may keep waiting out throttling before it reports it. */
    throttleBudgetMs?: number;
    /** Injected for tests; the wall clock and random UUIDs otherwise. */
    now?: () => number;
    nonce?: () => string;
    /** Operator-level detail (gateway texts); never receives the AppSecret. */
    debug?: (line: string) => void;
}

export interface ApiCall {
    /** API path, e.g. /face/paas/edge/guard/device/add. */
    path: string;
    apiVer: string;
    params: Record<string, unknown>;
    iotToken?: string | null;
    cloudToken?: string | null;
}

interface CallFacts {
    envelopeId: string;
    attempts: number;
    durationMs: number;
}

export type CallOutcome =
    | ({ ok: true; data: unknown; requestId?: string } & CallFacts)
    | ({ ok: false; failure: Failure } & CallFacts);

export const DEFAULTS = {
    timeoutMs: 10000,
    maxAttempts: 3,
    concurrency: 4,
    ratePerSecond: 0,
    queueLimit: 1000,
    throttlePauseMs: 1000,
    throttleBudgetMs: 60000,
} as const;

interface Attempt {
    result: Classified;
    throttled: boolean;
}

type Admitted = Extract<Admission, { granted: true }>;

export class LivingPlatformClient {
    private readonly options: Required<Omit<ClientOptions, 'tls' | 'proxy' | 'debug'>> &
        Pick<ClientOptions, 'proxy' | 'debug'>;
    private readonly origin: string | undefined;
    private readonly endpointProblem: string | undefined;
    private readonly agents: AgentPool;
    private readonly http = createHttp();
    private readonly limiter: RequestLimiter;
    private closed = false;
    /** One controller per attempt or backoff under way, so close() can stop each. */
    private readonly underWay = new Set<AbortController>();

    constructor(options: ClientOptions) {
        this.options = {
            ...DEFAULTS,
            backoff: DEFAULT_BACKOFF,
            now: Date.now,
            nonce: randomUUID,
            ...withoutUndefined(options),
            endpoint: options.endpoint,
            appKey: options.appKey,
            appSecret: options.appSecret,
        };
        const endpoint = checkEndpoint(options.endpoint);
        this.origin = endpoint.ok ? endpoint.origin : undefined;
        this.endpointProblem = endpoint.ok ? undefined : endpoint.reason;
        this.agents = new AgentPool(options.tls, Math.max(this.options.concurrency, 1));
        this.limiter = new RequestLimiter({
            concurrency: Math.max(1, this.options.concurrency),
            ratePerSecond: Math.max(0, this.options.ratePerSecond),
            queueLimit: Math.max(0, this.options.queueLimit),
        });
    }

    /** Messages waiting for a slot, for status and tests. */
    get queued(): number {
        return this.limiter.waiting;
    }

    /** Calls one API; resolves with the outcome, never rejects. */
    async call(apiCall: ApiCall, signal?: AbortSignal): Promise<CallOutcome> {
        const startedAt = Date.now();
        // Made once a slot is granted: Node's randomUUID() string is a chain of pieces, half
        // a kilobyte per waiting call. A call never sent has no id, as operations report it.
        let envelopeId = '';
        const facts = (attempts: number): CallFacts => ({
            envelopeId,
            attempts,
            durationMs: Date.now() - startedAt,
        });

        if (!this.origin) {
            const detail = {
                endpoint: this.options.endpoint,
                reason: this.endpointProblem ?? '',
            };
            return {
                ok: false,
                failure: failure('INVALID_API_ENDPOINT', { detail }),
                ...facts(0),
            };
        }

        // Wait for a slot before building anything: a queued call holds only its input, and
        // ten thousand of them in a bulk job must fit on a gateway.
        const admission = await this.limiter.acquire(signal);
        let outcome: { result: Classified; attempts: number };
        if (admission.granted) {
            envelopeId = randomUUID();
            const body = serializeEnvelope(buildEnvelope({ id: envelopeId, ...apiCall }));
            outcome = await this.attemptUntilSettled(apiCall.path, body, admission, signal);
        } else {
            const refusal = this.refusal(admission.reason);
            outcome = { result: { ok: false, failure: refusal }, attempts: 0 };
        }
        const attempts = outcome.attempts;
        if (outcome.result.ok) {
            const { data, requestId } = outcome.result;
            return { ok: true, data, requestId, ...facts(attempts) };
        }
        const settled = { ...outcome.result.failure };
        settled.detail = { ...settled.detail, attempts };
        return { ok: false, failure: settled, ...facts(attempts) };
    }

    /** Refuses queued calls, aborts those in flight and frees every socket. */
    close(): void {
        this.closed = true;
        for (const controller of this.underWay) controller.abort();
        this.limiter.close();
        this.agents.destroy();
    }

    /** Attempts until one settles the call; `first` is the slot the first attempt uses. */
    private async attemptUntilSettled(
        path: string,
        body: Buffer,
        first: Admitted,
        outerSignal?: AbortSignal,
    ): Promise<{ result: Classified; attempts: number }> {
        let sent = 0;
        let counted = 0;
        let throttledSince: number | undefined;

        for (;;) {
            const admitted = sent === 0 ? first : undefined;
            const attempt = await this.attemptOnce(path, body, outerSignal, admitted);
            if ('refused' in attempt) {
                const refusal = this.refusal(attempt.refused);
                return { result: { ok: false, failure: refusal }, attempts: sent };
            }
            sent += 1;

            const { result, throttled } = attempt;
            if (result.ok || !result.failure.retryable || this.stopped(outerSignal)) {
                return { result, attempts: sent };
            }

            if (throttled) {
                throttledSince ??= Date.now();
                if (Date.now() - throttledSince < this.options.throttleBudgetMs) continue;
                return { result, attempts: sent };
            }

            counted += 1;
            if (counted >= this.options.maxAttempts) return { result, attempts: sent };
            const stop = this.stopSignal(outerSignal);
            await sleep(backoffDelay(counted, this.options.backoff), stop.signal);
            stop.release();
        }
    }

    /** Whether the caller or close() has called this call off. */
    private stopped(outerSignal?: AbortSignal): boolean {
        return this.closed || outerSignal?.aborted === true;
    }

    /**
     * A signal that aborts when the caller's does or close() is called, and the release to
     * call once the attempt or backoff is over. Not AbortSignal.any(): on Node 20 every
     * signal combined with a long-lived one stays registered with it, a leak of about 50
     * bytes per attempt that a gateway running for months would feel.
     */
    private stopSignal(outerSignal?: AbortSignal): { signal: AbortSignal; release(): void } {
        const controller = new AbortController();
        const abort = (): void => controller.abort();
        if (this.stopped(outerSignal)) abort();
        outerSignal?.addEventListener('abort', abort, { once: true });
        this.underWay.add(controller);
        const release = (): void => {
            outerSignal?.removeEventListener('abort', abort);
            this.underWay.delete(controller);
        };
        return { signal: controller.signal, release };
    }

    private refusal(reason: 'full' | 'cancelled'): Failure {
        if (reason === 'full') {
            return failure('QUEUE_FULL', { detail: { limit: this.options.queueLimit } });
        }
        return failure('CANCELLED');
    }

    /**
     * One admitted, signed, sent and classified attempt, or why it was not admitted. A retry
     * waits at the head of the queue: it has waited its turn once already.
     */
    private async attemptOnce(
        path: string,
        body: Buffer,
        outerSignal: AbortSignal | undefined,
        admitted: Admitted | undefined,
    ): Promise<Attempt | { refused: 'full' | 'cancelled' }> {
        // The queue needs only the caller's signal: close() refuses every waiter itself. The
        // stop signal is made once admitted, so waiting calls do not each hold one.
        const admission = admitted ?? (await this.limiter.acquire(outerSignal, true));
        if (!admission.granted) return { refused: admission.reason };
        const stop = this.stopSignal(outerSignal);

        try {
            const url = new URL(path, this.origin);
            const signed = signRequest({
                method: 'POST',
                path: url.pathname,
                body,
                appKey: this.options.appKey,
                appSecret: this.options.appSecret,
                timestamp: this.options.now(),
                nonce: this.options.nonce(),
            });
            const agent = this.agents.agentFor(url.protocol, proxyFor(url, this.options.proxy));

            const raw = await sendAttempt(this.http, {
                url: url.toString(),
                headers: signed.headers,
                body,
                agent,
                timeoutMs: this.options.timeoutMs,
                signal: stop.signal,
            });
            const result = classifyAttempt(raw, this.options.timeoutMs);
            return { result, throttled: this.noteThrottle(result, raw) };
        } finally {
            stop.release();
            admission.release();
        }
    }

    private noteThrottle(
        result: Classified,
        raw: { kind: string; headers?: Record<string, string> },
    ): boolean {
        if (result.ok) return false;
        const { code, apiMessage, requestId } = result.failure;
        if (code.startsWith('GATEWAY_') && raw.kind === 'response') {
            const said = raw.headers?.['x-ca-error-message'] ?? apiMessage;
            this.options.debug?.(`gateway ${code} request ${requestId ?? '-'}: ${said}`);
        }
        const throttled = code === 'GATEWAY_THROTTLED' || code === 'API_THROTTLED';
        if (throttled) this.limiter.pause(this.options.throttlePauseMs);
        return throttled;
    }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== undefined),
    ) as Partial<T>;
}
