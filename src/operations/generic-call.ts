// Any Living Platform cloud API by path, apiVer and params: the checks that keep a generic
// call from signing something the gateway or JSON cannot carry. Every refusal is coded,
// and nothing refused is sent.
import type { ApiCall, CallOutcome, LivingPlatformClient } from '../client';
import { failure, type Failure } from '../errors';
import { notSent } from './not-sent';

/** Segments of letters, digits and _ - . only: no query, no trailing slash, no encoding. */
const API_PATH = /^\/[A-Za-z0-9_\-.]+(\/[A-Za-z0-9_\-.]+)*$/;
const API_VERSION = /^\d+\.\d+\.\d+$/;
const MAX_PATH_LENGTH = 256;

/** Deeper than any API's params; stops a pathological object before it exhausts the stack. */
const MAX_DEPTH = 64;

/**
 * Why a value cannot be sent, as stable slugs in `detail.reason` of INVALID_PARAM; the
 * nodes translate them, plain-Node callers can switch on them.
 */
export const GENERIC_CALL_REASONS = [
    'path',
    'apiVer',
    'notObject',
    'notPlain',
    'bigint',
    'function',
    'symbol',
    'notFinite',
    'undefinedInArray',
    'circular',
    'tooDeep',
] as const;

export type GenericCallReason = (typeof GENERIC_CALL_REASONS)[number];

export interface GenericCallInput {
    path: unknown;
    apiVer: unknown;
    params: unknown;
    /** Absent, null or '' means "not sent". */
    iotToken?: unknown;
    cloudToken?: unknown;
}

export type GenericCallResult = { ok: true; call: ApiCall } | { ok: false; failure: Failure };

function refused(field: string, reason: GenericCallReason): Failure {
    return failure('INVALID_PARAM', { detail: { field, reason } });
}

function describe(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value;
}

/** A path the signature and the URL agree on: the gateway signs exactly what is sent. */
export function isApiPath(path: string): boolean {
    if (path.length > MAX_PATH_LENGTH || !API_PATH.test(path)) return false;
    // '.' and '..' segments would be resolved away by URL handling, so the path signed
    // would not be the path the gateway routes.
    return path.split('/').every((segment) => !/^\.+$/.test(segment));
}

export function isApiVersion(apiVer: string): boolean {
    return API_VERSION.test(apiVer);
}

function isPlainObject(value: object): boolean {
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
}

function checkText(
    field: 'path' | 'apiVer',
    value: unknown,
    valid: (text: string) => boolean,
): Failure | undefined {
    if (value === undefined || value === null || value === '') {
        return failure('MISSING_PARAM', { detail: { field } });
    }
    if (typeof value !== 'string') {
        return failure('INVALID_TYPE', { detail: { field, type: describe(value) } });
    }
    // The field's own name is its reason slug: the rule is the one that field has.
    return valid(value) ? undefined : refused(field, field);
}

function checkToken(field: string, value: unknown): Failure | undefined {
    if (value === undefined || value === null || typeof value === 'string') return undefined;
    return failure('INVALID_TYPE', { detail: { field, type: describe(value) } });
}

/**
 * Walks a value the way JSON.stringify would, refusing what it would drop, turn into null,
 * throw on or round: the caller would otherwise get an answer to a request it never meant.
 */
function checkJson(value: unknown, field: string, ancestors: object[]): Failure | undefined {
    switch (typeof value) {
        case 'string':
        case 'boolean':
            return undefined;
        case 'number':
            if (!Number.isFinite(value)) return refused(field, 'notFinite');
            if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
                return failure('UNSAFE_NUMBER', { detail: { field } });
            }
            return undefined;
        case 'bigint':
        case 'function':
        case 'symbol':
            return refused(field, typeof value as GenericCallReason);
        case 'undefined':
            return undefined;
        default:
            break;
    }
    if (value === null) return undefined;

    const object = value as object;
    if (ancestors.includes(object)) return refused(field, 'circular');
    if (ancestors.length >= MAX_DEPTH) return refused(field, 'tooDeep');
    const inside = [...ancestors, object];

    if (Array.isArray(object)) {
        for (let index = 0; index < object.length; index += 1) {
            const element: unknown = object[index];
            if (element === undefined) return refused(`${field}[${index}]`, 'undefinedInArray');
            const problem = checkJson(element, `${field}[${index}]`, inside);
            if (problem) return problem;
        }
        return undefined;
    }
    // Dates, Buffers, Maps and class instances serialise to something other than what they
    // show (a string, {type, data}, {}), so they are refused rather than guessed at.
    if (!isPlainObject(object)) return refused(field, 'notPlain');
    for (const [key, child] of Object.entries(object)) {
        const problem = checkJson(child, `${field}.${key}`, inside);
        if (problem) return problem;
    }
    return undefined;
}

/** Checks every part; returns the call with a fresh JSON copy of the params. */
export function validateGenericCall(input: GenericCallInput): GenericCallResult {
    const textProblem =
        checkText('path', input.path, isApiPath) ??
        checkText('apiVer', input.apiVer, isApiVersion);
    if (textProblem) return { ok: false, failure: textProblem };

    const { params } = input;
    if (params === undefined || params === null) {
        return {
            ok: false,
            failure: failure('MISSING_PARAM', { detail: { field: 'params' } }),
        };
    }
    if (typeof params !== 'object' || Array.isArray(params)) {
        return { ok: false, failure: refused('params', 'notObject') };
    }
    const paramsProblem = checkJson(params, 'params', []);
    if (paramsProblem) return { ok: false, failure: paramsProblem };

    const tokenProblem =
        checkToken('iotToken', input.iotToken) ?? checkToken('cloudToken', input.cloudToken);
    if (tokenProblem) return { ok: false, failure: tokenProblem };

    const call: ApiCall = {
        path: input.path as string,
        apiVer: input.apiVer as string,
        // A copy, so a later change to the caller's object cannot alter what is reported as
        // sent, and what is sent is exactly what JSON makes of it.
        params: JSON.parse(JSON.stringify(params)) as Record<string, unknown>,
    };
    // An empty token is how a flow says "none": it is left out, not sent as "".
    if (input.iotToken) call.iotToken = input.iotToken as string;
    if (input.cloudToken) call.cloudToken = input.cloudToken as string;
    return { ok: true, call };
}

/** Validates, then calls the API; a validation failure never reaches the network. */
export async function callApi(
    client: LivingPlatformClient,
    input: GenericCallInput,
    signal?: AbortSignal,
): Promise<CallOutcome> {
    const checked = validateGenericCall(input);
    if (!checked.ok) return notSent(checked.failure);
    return client.call(checked.call, signal);
}
