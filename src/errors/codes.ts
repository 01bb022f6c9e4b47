// The stable error codes a flow can switch on, and where each comes from. The codes are
// part of the public contract: never rename one, only add.

export type FailureSource =
    'validation' | 'config' | 'gateway' | 'api' | 'network' | 'timeout' | 'cancelled' | 'queue';

export const ERROR_CODES = {
    // validation: msg.payload or a node property is not acceptable; nothing was sent
    INVALID_PAYLOAD: 'validation',
    MISSING_PARAM: 'validation',
    INVALID_TYPE: 'validation',
    UNSAFE_NUMBER: 'validation',
    INVALID_DEVICE_IP: 'validation',
    INVALID_BUCKET_NAME: 'validation',
    INVALID_DEVICE_NAME: 'validation',
    INVALID_OSS_ENDPOINT: 'validation',
    EXTINFO_TOO_LONG: 'validation',
    INVALID_PARAM: 'validation',
    INVALID_ID: 'validation',
    // config: the config node is absent or unusable; nothing was sent
    CONFIG_MISSING: 'config',
    MISSING_CREDENTIALS: 'config',
    INVALID_API_ENDPOINT: 'config',
    // gateway: API Gateway refused the request (non-2xx, X-Ca-Error-Message)
    GATEWAY_SIGNATURE: 'gateway',
    GATEWAY_APPKEY: 'gateway',
    GATEWAY_TIMESTAMP: 'gateway',
    GATEWAY_NONCE: 'gateway',
    GATEWAY_CONTENT_MD5: 'gateway',
    GATEWAY_UNAUTHORIZED: 'gateway',
    GATEWAY_THROTTLED: 'gateway',
    GATEWAY_NOT_FOUND: 'gateway',
    GATEWAY_UNAVAILABLE: 'gateway',
    GATEWAY_REJECTED: 'gateway',
    // api: HTTP 200 with a non-200 `code` in the body
    API_INVALID_PARAM: 'api',
    API_FORBIDDEN: 'api',
    API_THROTTLED: 'api',
    API_ROUTE_NOT_FOUND: 'api',
    API_BACKEND_ERROR: 'api',
    API_BACKEND_TIMEOUT: 'api',
    API_SERVER_ERROR: 'api',
    API_ERROR: 'api',
    // network: no usable answer came back
    NETWORK: 'network',
    TLS: 'network',
    BAD_RESPONSE: 'network',
    // timeout: the whole response did not arrive within the configured time
    TIMEOUT: 'timeout',
    // cancelled: the node closed (redeploy, stop) before an answer came
    CANCELLED: 'cancelled',
    // queue: more messages were waiting than the config node allows
    QUEUE_FULL: 'queue',
} as const satisfies Record<string, FailureSource>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A failure as the layers below the nodes report it; the nodes add the localized text. */
export interface Failure {
    code: ErrorCode;
    source: FailureSource;
    /** Whether the same request may succeed if sent again later. */
    retryable: boolean;
    /** Values for the message text: the field at fault, the limit, the gateway's words. */
    detail?: Record<string, string | number>;
    httpStatus?: number;
    apiCode?: number;
    /** The platform's or gateway's own message, untranslated. */
    apiMessage?: string;
    localizedMsg?: string;
    requestId?: string;
    /** The gateway's clock (its Date header) when it says the timestamp expired. */
    serverTime?: string;
}

/** Builds a failure whose source follows from its code. */
export function failure(
    code: ErrorCode,
    extra: Omit<Failure, 'code' | 'source' | 'retryable'> & { retryable?: boolean } = {},
): Failure {
    return { retryable: false, ...extra, code, source: ERROR_CODES[code] };
}
