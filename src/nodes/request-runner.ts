// The message discipline every face-guard node follows: each input answered by exactly one
// message (one per element for an array payload, or the several a spec's expand() makes of
// one success) and one done(); failures on output 2 with a coded msg.error; nothing in
// flight forgotten on close.
import { setMaxListeners } from 'node:events';

import type { Node, NodeAPI, NodeMessage, NodeMessageInFlow } from 'node-red';

import type { ApiCall, CallOutcome } from '../client';
import { failure, type Failure } from '../errors';
import { errorText, messageError, type MessageError, type Translate } from './catalog';
import type { FaceGuardConfigNode } from './config-types';
import { StatusTracker } from './status-tracker';

export type Prepared = { ok: true; call: ApiCall } | { ok: false; failure: Failure };

export interface RunnerSpec {
    /** Catalog prefix of the node's own keys, e.g. 'face-guard-add'. */
    prefix: string;
    /** Whether an array payload means one call per element. */
    bulk: boolean;
    prepare(msg: NodeMessage, config: FaceGuardConfigNode): Promise<Prepared>;
    /**
     * Optional: refuses a success whose data is not in the form the API documents, before
     * the message is touched, so output 2 still carries the payload as it came.
     */
    check?(data: unknown): Failure | undefined;
    /** Fills the success message from the API's data. */
    succeed(msg: NodeMessage, data: unknown): void;
    /**
     * Optional: the messages output 1 carries for one success, for nodes that answer one
     * input with several (one per device). Without it, or when it gives none, the success
     * message itself, so every input is still answered.
     */
    expand?(msg: NodeMessage, data: unknown): NodeMessage[];
    /** Short status text after a success. */
    statusText(data: unknown): string;
    errorsToCatch: boolean;
}

/** What one output port gets: nothing, a message, or several messages in order. */
type PortMessages = NodeMessage | NodeMessage[] | null;
type Send = (msg: PortMessages[]) => void;
type Done = (err?: Error) => void;

interface Answer {
    output: [PortMessages, NodeMessage | null];
    internal?: Error;
}

/** How long close waits for aborted requests to report back before giving up on them. */
const CLOSE_GRACE_MS = 5000;

export class RequestRunner {
    private readonly status: StatusTracker;
    /** Aborted once, on close: every call of this node listens to it. */
    private readonly lifetime = new AbortController();
    private readonly pending = new Set<Promise<void>>();
    private closing = false;

    constructor(
        private readonly RED: NodeAPI,
        private readonly node: Node,
        private readonly config: FaceGuardConfigNode | undefined,
        private readonly spec: RunnerSpec,
    ) {
        this.status = new StatusTracker(RED, node, spec.prefix);
        // Every attempt and backoff in flight listens to the lifetime signal; a busy node
        // has more than the default ten listeners without any leak.
        setMaxListeners(0, this.lifetime.signal);
        if (!config) this.status.problem('missingConfig');
        else if (config.problem === 'MISSING_CREDENTIALS')
            this.status.problem('missingCredentials');
        else if (config.problem) this.status.refused(config.problem);
    }

    /** The input handler; resolves once every answer is sent and done() is called. */
    handle(msg: NodeMessageInFlow, send: Send, done: Done): void {
        const work = this.answerAll(msg, send).then(
            (internal) => (internal ? done(internal) : done()),
            (err: Error) => done(err),
        );
        this.pending.add(work);
        void work.finally(() => this.pending.delete(work));
    }

    /** Aborts what is in flight, lets each message be answered, clears the status. */
    async close(): Promise<void> {
        this.closing = true;
        this.lifetime.abort();
        const settled = Promise.allSettled([...this.pending]);
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
            timer = setTimeout(resolve, CLOSE_GRACE_MS);
        });
        await Promise.race([settled, grace]);
        clearTimeout(timer);
        this.status.clear();
    }

    private get translate(): Translate {
        return this.RED._;
    }

    private async answerAll(msg: NodeMessageInFlow, send: Send): Promise<Error | undefined> {
        const items = this.spec.bulk && Array.isArray(msg.payload) ? this.split(msg) : [msg];
        if (items.length === 0) {
            const empty = failure('INVALID_PAYLOAD', { detail: { type: 'empty array' } });
            send(this.failureOutput(msg, empty, 0));
            this.status.refused(empty.code);
            return undefined;
        }

        let internal: Error | undefined;
        await Promise.all(
            items.map(async (item) => {
                const answer = await this.answerOne(item);
                internal ??= answer.internal;
                send(answer.output);
            }),
        );
        return internal;
    }

    /** One message per element; msg.parts lets a join node put the answers back together. */
    private split(msg: NodeMessageInFlow): NodeMessage[] {
        const elements = msg.payload as unknown[];
        const { payload: _payload, ...rest } = msg;
        return elements.map((element, index) => {
            const item = this.RED.util.cloneMessage(rest as NodeMessage);
            item.payload = element;
            Object.assign(item, {
                parts: {
                    id: msg._msgid,
                    index,
                    count: elements.length,
                    type: 'array',
                    len: 1,
                    parts: msg.parts,
                },
            });
            return item;
        });
    }

    private async answerOne(msg: NodeMessage): Promise<Answer> {
        try {
            return { output: await this.call(msg) };
        } catch (err) {
            // A bug of ours, not a fault of the input: answer the message all the same, then
            // let done(err) reach Catch nodes so somebody sees it.
            const internal = err instanceof Error ? err : new Error(String(err));
            const error: MessageError = {
                code: 'INTERNAL',
                message: errorText(this.translate, 'INTERNAL', { reason: internal.message }),
                source: 'internal',
                retryable: false,
                attempts: 0,
            };
            Object.assign(msg, { error });
            return { output: [null, msg], internal };
        }
    }

    private async call(msg: NodeMessage): Promise<Answer['output']> {
        const refusal = this.configRefusal();
        if (refusal) return this.refuse(msg, refusal);

        const config = this.config as FaceGuardConfigNode;
        const prepared = await this.spec.prepare(msg, config);
        if (!prepared.ok) return this.refuse(msg, prepared.failure);

        this.status.started();
        const outcome = await config.client!.call(prepared.call, this.lifetime.signal);

        if (!outcome.ok) return this.failed(msg, outcome.failure, outcome.attempts);
        const unexpected = this.spec.check?.(outcome.data);
        if (unexpected) {
            const cause = { ...unexpected, requestId: outcome.requestId };
            return this.failed(msg, cause, outcome.attempts);
        }
        this.status.succeeded(() => this.spec.statusText(outcome.data));
        return [this.successOutput(msg, prepared.call, outcome), null];
    }

    private failed(msg: NodeMessage, cause: Failure, attempts: number): Answer['output'] {
        this.status.failed(cause.code);
        this.report(cause, attempts);
        return this.failureOutput(msg, cause, attempts);
    }

    private configRefusal(): Failure | undefined {
        if (this.closing) return failure('CANCELLED');
        if (!this.config) return failure('CONFIG_MISSING');
        const { problem, problemDetail, client } = this.config;
        if (problem === 'INVALID_API_ENDPOINT')
            return failure(problem, { detail: problemDetail });
        if (problem || !client) return failure('MISSING_CREDENTIALS');
        return undefined;
    }

    private refuse(msg: NodeMessage, cause: Failure): Answer['output'] {
        this.status.refused(cause.code);
        return this.failureOutput(msg, cause, 0);
    }

    private successOutput(
        msg: NodeMessage,
        call: ApiCall,
        outcome: CallOutcome & { ok: true },
    ): PortMessages {
        // An input that went round a retry loop may still carry the last failure.
        delete (msg as NodeMessage & { error?: unknown }).error;
        this.spec.succeed(msg, outcome.data);
        Object.assign(msg, {
            faceGuard: {
                requestId: outcome.requestId,
                envelopeId: outcome.envelopeId,
                attempts: outcome.attempts,
                durationMs: outcome.durationMs,
                params: call.params,
            },
        });
        if (!this.spec.expand) return msg;
        const messages = this.spec.expand(msg, outcome.data);
        return messages.length > 0 ? messages : msg;
    }

    private failureOutput(
        msg: NodeMessage,
        cause: Failure,
        attempts: number,
    ): Answer['output'] {
        const error = messageError(this.translate, cause, attempts);
        Object.assign(msg, { error });
        if (this.spec.errorsToCatch) this.node.error(error.message, msg);
        return [null, msg];
    }

    /** Operator log: the code and request id, never the request's secrets. */
    private report(cause: Failure, attempts: number): void {
        const request = cause.requestId ?? '-';
        const line = `${cause.code} (${cause.source}) request ${request}, ${attempts} attempt(s)`;
        if (cause.source === 'cancelled') this.node.debug(line);
        else this.node.warn(line);
    }
}
