// Sends one signed attempt with Node's own http(s) and hands back what came back, whatever
// it was: a response (any status) or the transport error. The deadline covers the whole
// response, body included, not just the first byte. Nothing on the wire is added or
// rewritten: no redirects, no decompression, no proxy from the environment; the agent
// (keep-alive, TLS, proxy) decides the route.
import http from 'node:http';
import https from 'node:https';

export interface AttemptRequest {
    url: string;
    headers: Record<string, string>;
    body: Buffer;
    agent: http.Agent;
    timeoutMs: number;
    /** Aborts the attempt from outside (node closed). */
    signal?: AbortSignal;
}

export type AttemptResult =
    | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer }
    | { kind: 'timeout' }
    | { kind: 'cancelled' }
    | { kind: 'error'; error: NodeJS.ErrnoException };

/** An answer bigger than this is no API answer: refuse it rather than buffer it. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

function headerMap(raw: http.IncomingHttpHeaders): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw)) {
        if (value !== undefined) headers[name] = String(value);
    }
    return headers;
}

function tooLarge(): NodeJS.ErrnoException {
    const error: NodeJS.ErrnoException = new Error(
        `response larger than ${MAX_RESPONSE_BYTES} bytes`,
    );
    error.code = 'ERR_RESPONSE_TOO_LARGE';
    return error;
}

export function sendAttempt(request: AttemptRequest): Promise<AttemptResult> {
    return new Promise((resolve) => {
        const url = new URL(request.url);
        const transport = url.protocol === 'https:' ? https : http;
        let timer: NodeJS.Timeout | undefined;
        let outgoing: http.ClientRequest | undefined;

        // Settles once; whatever comes later (a late error after a timeout) is ignored.
        let settled = false;
        const settle = (result: AttemptResult): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            request.signal?.removeEventListener('abort', onAbort);
            resolve(result);
        };
        const stop = (result: AttemptResult): void => {
            settle(result);
            outgoing?.destroy();
        };
        const onAbort = (): void => stop({ kind: 'cancelled' });

        try {
            outgoing = transport.request(url, {
                method: 'POST',
                headers: { ...request.headers, 'content-length': String(request.body.length) },
                agent: request.agent,
            });
        } catch (error) {
            // A header Node refuses (a control character pasted into the AppKey) throws here,
            // before any request exists: an answer like any other transport error.
            return settle({ kind: 'error', error: error as NodeJS.ErrnoException });
        }

        outgoing.on('response', (incoming) => {
            const chunks: Buffer[] = [];
            let size = 0;
            incoming.on('data', (chunk: Buffer) => {
                size += chunk.length;
                if (size > MAX_RESPONSE_BYTES) stop({ kind: 'error', error: tooLarge() });
                else chunks.push(chunk);
            });
            incoming.on('end', () =>
                settle({
                    kind: 'response',
                    status: incoming.statusCode ?? 0,
                    headers: headerMap(incoming.headers),
                    body: Buffer.concat(chunks),
                }),
            );
            incoming.on('error', (error) => settle({ kind: 'error', error }));
            // A connection cut mid-body may close the answer without an error on it.
            incoming.on('close', () => {
                if (incoming.complete) return;
                const error: NodeJS.ErrnoException = new Error('answer cut off');
                error.code = 'ECONNRESET';
                settle({ kind: 'error', error });
            });
        });
        outgoing.on('error', (error) => settle({ kind: 'error', error }));

        timer = setTimeout(() => stop({ kind: 'timeout' }), request.timeoutMs);
        if (request.signal?.aborted) return stop({ kind: 'cancelled' });
        request.signal?.addEventListener('abort', onAbort, { once: true });
        outgoing.end(request.body);
    });
}
