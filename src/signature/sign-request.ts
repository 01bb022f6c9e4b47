// Signs one request attempt with the AppKey/AppSecret digest scheme. Time and nonce come
// in from the caller so that the result is a pure function of its input.
import { createHmac } from 'node:crypto';

import { contentMd5 } from './content-md5';
import {
    buildStringToSign,
    canonicalUrl,
    lowerCaseHeaders,
    signedHeaderNames,
} from './string-to-sign';

export interface SignRequestInput {
    method: string;
    /** The origin path, without query: `/face/paas/edge/guard/device/add`. */
    path: string;
    /** Decoded query values, signed in sorted key order. */
    query?: Record<string, string>;
    /** Headers the caller wants sent (Accept, Content-Type, Date, custom x-ca-*). */
    headers?: Record<string, string>;
    /** The exact body bytes that will be sent. */
    body: Buffer;
    appKey: string;
    appSecret: string;
    /** Milliseconds since the epoch, as the gateway wants it. */
    timestamp: number | string;
    /** A fresh UUID per attempt: the gateway refuses a nonce it has seen. */
    nonce: string;
    /** `RELEASE` unless told otherwise; left out when null. */
    stage?: string | null;
    /** Further header names to sign besides the x-ca-* ones. */
    extraSignedHeaders?: readonly string[];
}

export interface SignedRequest {
    /** Every header to send, lower-case names, signature included. */
    headers: Record<string, string>;
    stringToSign: string;
}

export const DEFAULT_ACCEPT = 'application/json';
export const DEFAULT_CONTENT_TYPE = 'application/json';

/** HMAC-SHA256 of the StringToSign keyed with the AppSecret, base64. */
export function hmacSignature(appSecret: string, stringToSign: string): string {
    return createHmac('sha256', Buffer.from(appSecret, 'utf8'))
        .update(Buffer.from(stringToSign, 'utf8'))
        .digest('base64');
}

function baseHeaders(input: SignRequestInput): Record<string, string> {
    const headers: Record<string, string> = {
        accept: DEFAULT_ACCEPT,
        'content-type': DEFAULT_CONTENT_TYPE,
        ...lowerCaseHeaders(input.headers ?? {}),
        'content-md5': contentMd5(input.body),
        'x-ca-key': input.appKey,
        'x-ca-nonce': input.nonce,
        'x-ca-timestamp': String(input.timestamp),
    };
    const stage = input.stage === undefined ? 'RELEASE' : input.stage;
    if (stage !== null) headers['x-ca-stage'] = stage;
    return headers;
}

/** Builds the full header set of one signed attempt. */
export function signRequest(input: SignRequestInput): SignedRequest {
    const headers = baseHeaders(input);

    const names = signedHeaderNames(headers, input.extraSignedHeaders);
    const stringToSign = buildStringToSign({
        method: input.method,
        headers,
        signedHeaders: names,
        url: canonicalUrl(input.path, input.query),
    });

    headers['x-ca-signature-headers'] = names.join(',');
    headers['x-ca-signature'] = hmacSignature(input.appSecret, stringToSign);
    return { headers, stringToSign };
}
