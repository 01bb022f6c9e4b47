// The API Gateway's AppKey digest checks, in the gateway's order: signature present, AppKey,
// timestamp, signature, Content-MD5, nonce. It rebuilds the StringToSign from what the
// request itself declares, so it is an independent judge of any client, ours included.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { buildStringToSign, canonicalUrl, contentMd5, hmacSignature } from '../signature';
import type { NonceCache } from './nonce-cache';
import { NONCE_WINDOW_MS } from './nonce-cache';

export interface GatewayRequest {
    method: string;
    /** Path as sent, still percent-encoded, as the signing clients use it. */
    path: string;
    /** Text after `?`, '' when none. */
    rawQuery: string;
    headers: IncomingHttpHeaders;
    body: Buffer;
}

export interface GatewayContext {
    /** AppKey to AppSecret. */
    secrets: ReadonlyMap<string, string>;
    nonces: NonceCache;
    clock: () => number;
}

export type GatewayVerdict =
    | { ok: true; appKey: string }
    | { ok: false; status: number; message: string; appKey?: string };

const TIMESTAMP_WINDOW_MS = NONCE_WINDOW_MS;
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Flattens Node's header object; a repeated header arrives as one comma-joined value. */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}

/** Names from X-Ca-Signature-Headers, lower-cased and sorted as the gateway orders them. */
function signedNames(headers: Record<string, string>): string[] {
    const listed = (headers['x-ca-signature-headers'] ?? '').split(',');
    const names = listed.map((name) => name.trim().toLowerCase()).filter((name) => name);
    return [...new Set(names)].sort();
}

/**
 * Query values decoded, first value winning for a repeated key; form fields join them,
 * because the gateway signs a form body in the Url line instead of through Content-MD5.
 */
function urlParameters(request: GatewayRequest, contentType: string): Record<string, string> {
    const parameters: Record<string, string> = {};
    const add = (pairs: URLSearchParams): void => {
        for (const [key, value] of pairs) if (!(key in parameters)) parameters[key] = value;
    };
    if (contentType.toLowerCase().startsWith(FORM_TYPE)) {
        add(new URLSearchParams(request.body.toString('utf8')));
    }
    add(new URLSearchParams(request.rawQuery));
    return parameters;
}

/** The StringToSign the gateway computes for this request. */
export function serverStringToSign(request: GatewayRequest): string {
    const headers = flatHeaders(request.headers);
    return buildStringToSign({
        method: request.method,
        headers,
        signedHeaders: signedNames(headers),
        url: canonicalUrl(request.path, urlParameters(request, headers['content-type'] ?? '')),
    });
}

/** X-Ca-Signature-Method picks HmacSHA1; anything else is the default HmacSHA256. */
function expectedSignature(method: string | undefined, secret: string, text: string): string {
    if (method === 'HmacSHA1') {
        return createHmac('sha1', Buffer.from(secret, 'utf8'))
            .update(text, 'utf8')
            .digest('base64');
    }
    return hmacSignature(secret, text);
}

function sameText(a: string, b: string): boolean {
    const left = Buffer.from(a, 'utf8');
    const right = Buffer.from(b, 'utf8');
    return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Header values cannot carry newlines, so the gateway writes `#` for each; anything else
 * outside printable ASCII (a decoded 汉字 in a query) is percent-encoded to stay legal.
 */
export function headerSafe(stringToSign: string): string {
    return stringToSign
        .replace(/\n/g, '#')
        .replace(/[^\x20-\x7e]/gu, (char) => encodeURIComponent(char));
}

function reject(status: number, message: string, appKey?: string): GatewayVerdict {
    return { ok: false, status, message, appKey };
}

/** X-Ca-Timestamp is optional for the gateway; when sent it must be 13-digit epoch ms. */
function timestampProblem(value: string | undefined, now: number): string | undefined {
    if (value === undefined) return undefined;
    if (!/^\d{13}$/.test(value)) return 'Invalid Timestamp';
    return Math.abs(now - Number(value)) > TIMESTAMP_WINDOW_MS
        ? 'Timestamp Expired'
        : undefined;
}

export function checkGateway(request: GatewayRequest, context: GatewayContext): GatewayVerdict {
    const headers = flatHeaders(request.headers);
    const signature = headers['x-ca-signature'];
    if (!signature) return reject(401, 'Empty Signature');

    const appKey = headers['x-ca-key'];
    const secret = appKey === undefined ? undefined : context.secrets.get(appKey);
    if (appKey === undefined || secret === undefined)
        return reject(400, 'Invalid AppKey', appKey);

    const late = timestampProblem(headers['x-ca-timestamp'], context.clock());
    if (late) return reject(400, late, appKey);

    const stringToSign = serverStringToSign(request);
    const expected = expectedSignature(headers['x-ca-signature-method'], secret, stringToSign);
    if (!sameText(signature, expected)) {
        return reject(
            400,
            `Invalid Signature, Server StringToSign:${headerSafe(stringToSign)}`,
            appKey,
        );
    }

    const md5 = headers['content-md5'];
    if (md5 !== undefined && md5 !== contentMd5(request.body)) {
        return reject(400, 'Invalid Content-MD5', appKey);
    }

    // The nonce is recorded only now: a forged request must not burn a real client's nonce.
    const nonce = headers['x-ca-nonce'];
    if (nonce !== undefined) {
        if (context.nonces.seen(appKey, nonce)) return reject(400, 'Nonce Used', appKey);
        context.nonces.record(appKey, nonce);
    }
    return { ok: true, appKey };
}
