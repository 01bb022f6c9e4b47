// Turns what came back from one attempt into success or one Failure of the shared model:
// gateway rejections (non-2xx, X-Ca-Error-Message), API failures (HTTP 200, code != 200),
// and transport faults.
import { failure, type ErrorCode, type Failure } from '../errors';
import type { AttemptResult } from './http-attempt';

export type Classified =
    { ok: true; data: unknown; requestId?: string } | { ok: false; failure: Failure };

interface GatewayRule {
    test: RegExp;
    code: ErrorCode;
    retryable?: boolean;
}

// Order matters: the first rule whose pattern matches X-Ca-Error-Message wins.
const GATEWAY_RULES: GatewayRule[] = [
    { test: /^Invalid Signature/i, code: 'GATEWAY_SIGNATURE' },
    { test: /^(Invalid|Empty) App(Key|Secret)/i, code: 'GATEWAY_APPKEY' },
    { test: /^(Invalid Timestamp|Timestamp Expired)/i, code: 'GATEWAY_TIMESTAMP' },
    { test: /^Nonce Used/i, code: 'GATEWAY_NONCE' },
    { test: /^Invalid Content/i, code: 'GATEWAY_CONTENT_MD5' },
    { test: /^(Throttled by|Request Limited)/i, code: 'GATEWAY_THROTTLED', retryable: true },
    {
        test: /^(Empty Signature|Unauthorized|Quota|Expiry|User Arrears)/i,
        code: 'GATEWAY_UNAUTHORIZED',
    },
    { test: /^Invalid (Url|Domain|HttpMethod)/i, code: 'GATEWAY_NOT_FOUND' },
];

const API_CODES: Record<number, { code: ErrorCode; retryable?: boolean }> = {
    401: { code: 'API_FORBIDDEN' },
    403: { code: 'API_FORBIDDEN' },
    404: { code: 'API_ROUTE_NOT_FOUND' },
    429: { code: 'API_THROTTLED', retryable: true },
    460: { code: 'API_INVALID_PARAM' },
    500: { code: 'API_SERVER_ERROR', retryable: true },
    503: { code: 'API_SERVER_ERROR', retryable: true },
    20000: { code: 'API_SERVER_ERROR', retryable: true },
    20003: { code: 'API_ROUTE_NOT_FOUND' },
    20004: { code: 'API_BACKEND_ERROR' },
    20013: { code: 'API_ROUTE_NOT_FOUND' },
    20050: { code: 'API_INVALID_PARAM' },
    20055: { code: 'API_BACKEND_ERROR' },
    20056: { code: 'API_BACKEND_TIMEOUT', retryable: true },
};

const TLS_ERROR = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_|ERR_SSL_|HOSTNAME_)/;

function gatewayFailure(status: number, headers: Record<string, string>): Failure {
    const message = headers['x-ca-error-message'] ?? '';
    const requestId = headers['x-ca-request-id'];
    const rule = GATEWAY_RULES.find((candidate) => candidate.test.test(message));
    const code: ErrorCode =
        rule?.code ?? (status >= 500 ? 'GATEWAY_UNAVAILABLE' : 'GATEWAY_REJECTED');
    const retryable = rule ? rule.retryable === true : status >= 500;

    // The signature message echoes the server's StringToSign: worth a debug log, too long
    // and too internal for the text a flow shows.
    const apiMessage = code === 'GATEWAY_SIGNATURE' ? 'Invalid Signature' : message;
    const serverTime = code === 'GATEWAY_TIMESTAMP' ? headers['date'] : undefined;
    return failure(code, {
        retryable,
        httpStatus: status,
        apiMessage,
        requestId,
        serverTime,
        detail: { apiMessage, httpStatus: status, ...(serverTime ? { serverTime } : {}) },
    });
}

function parseJson(body: Buffer): unknown {
    try {
        return JSON.parse(body.toString('utf8'));
    } catch {
        return undefined;
    }
}

function apiFailure(body: Record<string, unknown>, requestId?: string): Failure {
    const apiCode = Number(body.code);
    const known = API_CODES[apiCode];
    const apiMessage = typeof body.message === 'string' ? body.message : '';
    const localizedMsg = typeof body.localizedMsg === 'string' ? body.localizedMsg : undefined;

    return failure(known?.code ?? 'API_ERROR', {
        retryable: known?.retryable === true,
        httpStatus: 200,
        apiCode: Number.isFinite(apiCode) ? apiCode : undefined,
        apiMessage,
        localizedMsg,
        requestId,
        detail: { apiCode: String(body.code), apiMessage },
    });
}

function classifyResponse(
    status: number,
    headers: Record<string, string>,
    body: Buffer,
): Classified {
    const requestId = headers['x-ca-request-id'];
    const isGateway = headers['x-ca-error-message'] !== undefined || headers['x-ca-error-code'];
    if (status < 200 || status >= 300) {
        if (isGateway || status < 500)
            return { ok: false, failure: gatewayFailure(status, headers) };
        // A 5xx without gateway headers is a proxy's or load balancer's page: retry it.
        return {
            ok: false,
            failure: failure('BAD_RESPONSE', {
                retryable: true,
                httpStatus: status,
                requestId,
                detail: { httpStatus: status },
            }),
        };
    }

    const parsed = parseJson(body);
    if (parsed === null || typeof parsed !== 'object' || !('code' in parsed)) {
        return {
            ok: false,
            failure: failure('BAD_RESPONSE', {
                httpStatus: status,
                requestId,
                detail: { httpStatus: status },
            }),
        };
    }

    const envelope = parsed as Record<string, unknown>;
    if (Number(envelope.code) === 200) return { ok: true, data: envelope.data, requestId };
    return { ok: false, failure: apiFailure(envelope, requestId) };
}

function classifyError(error: NodeJS.ErrnoException): Failure {
    const code = String(error.code ?? '');
    const reason = code || error.message;
    if (TLS_ERROR.test(code)) return failure('TLS', { detail: { reason } });
    return failure('NETWORK', { retryable: true, detail: { reason } });
}

export function classifyAttempt(result: AttemptResult, timeoutMs: number): Classified {
    switch (result.kind) {
        case 'response':
            return classifyResponse(result.status, result.headers, result.body);
        case 'timeout':
            return {
                ok: false,
                failure: failure('TIMEOUT', {
                    retryable: true,
                    detail: { timeout: timeoutMs },
                }),
            };
        case 'cancelled':
            return { ok: false, failure: failure('CANCELLED') };
        case 'error':
            return { ok: false, failure: classifyError(result.error) };
    }
}
