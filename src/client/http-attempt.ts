// Sends one signed attempt with axios and hands back what came back, whatever it was: a
// response (any status) or the transport error. The deadline covers the whole response,
// body included, not just the first byte. Nothing on the wire is added or rewritten: no
// transforms, redirects, decompression or proxy from the environment; the agent
// (keep-alive, TLS, proxy) decides the route.
import axios, { type AxiosInstance } from 'axios';
import type http from 'node:http';

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

/** One axios instance per client, with every convenience that could alter the wire off. */
export function createHttp(): AxiosInstance {
    return axios.create({
        // The bytes were hashed for Content-MD5 already: send them untouched.
        transformRequest: [(body: unknown) => body],
        transformResponse: [(body: unknown) => body],
        responseType: 'arraybuffer',
        validateStatus: () => true,
        maxRedirects: 0,
        decompress: false,
        // Proxies are chosen per request by our own agents, never by axios.
        proxy: false,
        maxContentLength: MAX_RESPONSE_BYTES,
    });
}

function headerMap(raw: Record<string, unknown>): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw)) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    return headers;
}

export async function sendAttempt(
    client: AxiosInstance,
    request: AttemptRequest,
): Promise<AttemptResult> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), request.timeoutMs);
    const onOuterAbort = (): void => deadline.abort();
    request.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (request.signal?.aborted) deadline.abort();

    try {
        const response = await client.request<ArrayBuffer>({
            method: 'POST',
            url: request.url,
            headers: request.headers,
            data: request.body,
            httpAgent: request.agent,
            httpsAgent: request.agent,
            signal: deadline.signal,
        });
        return {
            kind: 'response',
            status: response.status,
            headers: headerMap(response.headers as Record<string, unknown>),
            body: Buffer.from(response.data),
        };
    } catch (error) {
        // A header Node refuses (a control character pasted into the AppKey) lands here
        // too: an answer like any other transport error, never a throw.
        if (request.signal?.aborted) return { kind: 'cancelled' };
        if (deadline.signal.aborted) return { kind: 'timeout' };
        return { kind: 'error', error: error as NodeJS.ErrnoException };
    } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onOuterAbort);
    }
}
