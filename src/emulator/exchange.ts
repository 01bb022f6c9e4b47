// One request/response pair as the emulator sees it: its gateway request id, the facts
// learnt on the way (AppKey, nonce) and the single log record written when it ends.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Outcome, RequestLog } from './request-log';

export interface Ending {
    code?: number;
    error?: string;
}

export class Exchange {
    /** Upper-case UUID, the shape of the gateway's own X-Ca-Request-Id. */
    readonly requestId = randomUUID().toUpperCase();
    appKey?: string;
    nonce?: string;
    private readonly started = Date.now();
    private ended = false;

    constructor(
        readonly req: IncomingMessage,
        readonly res: ServerResponse,
        private readonly log: RequestLog,
    ) {
        // Every answer carries it, rejections and faults included, as the gateway's do.
        res.setHeader('X-Ca-Request-Id', this.requestId);
    }

    /** Writes the log record; a second call is ignored so no request is counted twice. */
    end(outcome: Outcome, status: number | null, ending: Ending = {}): void {
        if (this.ended) return;
        this.ended = true;
        this.log.add({
            time: new Date(this.started).toISOString(),
            requestId: this.requestId,
            appKey: this.appKey,
            method: this.req.method ?? '-',
            path: (this.req.url ?? '/').split('?')[0],
            outcome,
            status,
            ...ending,
            nonce: this.nonce,
            ms: Date.now() - this.started,
        });
    }
}
