// Reads the request envelope {id, version, request: {apiVer}, params} from the raw body and
// turns a malformed one into the 460 the platform gives before any route logic runs.
import { paramError, type ApiReply } from './api-reply';

export interface ApiEnvelope {
    /** Echoed back in the reply; absent when the caller sent none. */
    id?: string;
    apiVer: string;
    params: Record<string, unknown>;
}

export type EnvelopeResult = { envelope: ApiEnvelope } | { reply: ApiReply; id?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(body: Buffer): unknown {
    try {
        return JSON.parse(body.toString('utf8'));
    } catch {
        return undefined;
    }
}

/** `version` is not checked: its rule is not documented beyond the fixed "1.0" of examples. */
export function readEnvelope(body: Buffer): EnvelopeResult {
    const value = parseJson(body);
    if (!isRecord(value)) {
        return {
            reply: paramError('the body is not a JSON object', '请求体不是合法的 JSON 对象'),
        };
    }

    const id = typeof value.id === 'string' ? value.id : undefined;
    const apiVer = isRecord(value.request) ? value.request.apiVer : undefined;
    if (typeof apiVer !== 'string' || apiVer === '') {
        return {
            id,
            reply: paramError('request.apiVer is required', 'request.apiVer 不能为空'),
        };
    }
    if (value.params !== undefined && !isRecord(value.params)) {
        return { id, reply: paramError('params must be an object', 'params 必须是对象') };
    }

    const params = (value.params ?? {}) as Record<string, unknown>;
    return { envelope: { ...(id === undefined ? {} : { id }), apiVer, params } };
}
