// Turns raw field values (from msg.payload or node properties) into the strings the API
// takes, or the first coded failure. Nothing here touches the caller's objects.
import { failure, type ErrorCode, type Failure } from '../errors';

export interface FieldSpec {
    name: string;
    required: boolean;
    /** The code to report when `valid` says no. */
    invalidCode?: ErrorCode;
    valid?: (value: string) => boolean;
    /** Further checks that need their own code and detail (e.g. extInfo length). */
    check?: (value: string) => Failure | undefined;
}

export type ParamsResult =
    { ok: true; params: Record<string, string> } | { ok: false; failure: Failure };

function describe(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (Buffer.isBuffer(value)) return 'buffer';
    return typeof value;
}

/**
 * Strings pass as they are. Safe integers are turned into their decimal text on purpose
 * (a CSV or JSON source often yields productKey 12345 as a number); a number past 2^53 has
 * already lost digits, so it is refused rather than sent wrong.
 */
function asString(name: string, value: unknown): string | Failure {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value)) {
        if (!Number.isSafeInteger(value))
            return failure('UNSAFE_NUMBER', { detail: { field: name } });
        return String(value);
    }
    return failure('INVALID_TYPE', { detail: { field: name, type: describe(value) } });
}

function checkField(spec: FieldSpec, raw: unknown): string | Failure | undefined {
    if (raw === undefined || raw === null) {
        return spec.required
            ? failure('MISSING_PARAM', { detail: { field: spec.name } })
            : undefined;
    }

    const value = asString(spec.name, raw);
    if (typeof value !== 'string') return value;

    // An empty optional field is a value the caller chose (deviceName '' asks the platform
    // to generate one): it is sent, not dropped for being falsy.
    if (value === '') {
        return spec.required
            ? failure('MISSING_PARAM', { detail: { field: spec.name } })
            : value;
    }
    if (spec.valid && !spec.valid(value)) {
        return failure(spec.invalidCode ?? 'INVALID_PARAM', { detail: { field: spec.name } });
    }
    return spec.check?.(value) ?? value;
}

/** Validates every field in spec order; the first failure wins. */
export function validateParams(
    specs: readonly FieldSpec[],
    raw: Record<string, unknown>,
): ParamsResult {
    const params: Record<string, string> = {};
    for (const spec of specs) {
        const checked = checkField(spec, raw[spec.name]);
        if (checked === undefined) continue;
        if (typeof checked !== 'string') return { ok: false, failure: checked };
        params[spec.name] = checked;
    }
    return { ok: true, params };
}
