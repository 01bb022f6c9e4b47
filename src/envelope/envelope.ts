// The Living Platform request envelope: {id, version, request: {apiVer, ...}, params}.

export const PROTOCOL_VERSION = '1.0';

export interface EnvelopeInput {
    /** Unique per request; the platform echoes it back for tracing. */
    id: string;
    apiVer: string;
    params: Record<string, unknown>;
    iotToken?: string | null;
    cloudToken?: string | null;
    language?: string | null;
}

export interface Envelope {
    id: string;
    version: string;
    request: Record<string, string>;
    params: Record<string, unknown>;
}

/**
 * Drops the keys whose value is undefined or null, and only those: `''`, `0` and `false`
 * are real values and must reach the wire (the official SDK once lost them to a truthy test).
 */
export function withoutAbsent(values: Record<string, unknown>): Record<string, unknown> {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        if (value !== undefined && value !== null) kept[key] = value;
    }
    return kept;
}

/** Builds the envelope; the params object is copied, never the caller's own. */
export function buildEnvelope(input: EnvelopeInput): Envelope {
    const request: Record<string, string> = { apiVer: input.apiVer };
    if (input.iotToken != null) request.iotToken = input.iotToken;
    if (input.cloudToken != null) request.cloudToken = input.cloudToken;
    if (input.language != null) request.language = input.language;

    return {
        id: input.id,
        version: PROTOCOL_VERSION,
        request,
        params: withoutAbsent(input.params),
    };
}

/** The exact UTF-8 bytes to hash and send; serialized once so both see the same text. */
export function serializeEnvelope(envelope: Envelope): Buffer {
    return Buffer.from(JSON.stringify(envelope), 'utf8');
}
