// Catalog namespaces and the translation of failures into the runtime's language.
import type { NodeAPI } from 'node-red';

import type { Failure } from '../errors';

export const MODULE_NAME = 'node-red-contrib-aliyun-face-guard';

/** Error texts live in the config node's catalog so that every node of the package shares them. */
const ERRORS_NAMESPACE = `${MODULE_NAME}/face-guard-config`;

export type Translate = NodeAPI['_'];

/**
 * Every variable an error text may use. i18next prints `__name__` as it is when a variable
 * is missing, so each starts empty and the failure's own detail fills what it knows.
 */
const NO_DETAIL: Record<string, string> = Object.fromEntries(
    [
        'field',
        'type',
        'length',
        'max',
        'reason',
        'endpoint',
        'apiMessage',
        'apiCode',
        'serverTime',
        'attempts',
        'httpStatus',
        'timeout',
        'limit',
    ].map((name) => [name, '']),
);

export function errorText(
    translate: Translate,
    code: string,
    detail: Record<string, string | number> = {},
): string {
    const values: Record<string, string | number> = { ...NO_DETAIL, ...detail };
    values.type = term(translate, 'types', values.type);
    values.reason = term(translate, 'reasons', values.reason);
    return translate(`${ERRORS_NAMESPACE}:face-guard-config.errors.${code}`, values);
}

/**
 * A detail value that names a term of the catalog (a type, a refusal reason) in the
 * runtime's language; any other value, such as a message from Node-RED, as it is.
 */
function term(translate: Translate, group: string, value: string | number): string | number {
    if (typeof value !== 'string' || !/^[A-Za-z][\w ]*$/.test(value)) return value;
    const name = value.replace(/ (\w)/g, (_match, letter: string) => letter.toUpperCase());
    const key = `${ERRORS_NAMESPACE}:face-guard-config.${group}.${name}`;
    const text = translate(key);
    return text === key || text === `face-guard-config.${group}.${name}` ? value : text;
}

/** The msg.error a flow sees on output 2: stable code, localized text, the facts behind it. */
/** The facts of a failure that reach the flow as they are. */
type FailureFacts = Pick<
    Failure,
    'httpStatus' | 'apiCode' | 'apiMessage' | 'localizedMsg' | 'requestId' | 'serverTime'
>;

export interface MessageError extends FailureFacts {
    /** A Failure's code, or INTERNAL for a bug of ours. */
    code: string;
    message: string;
    source: string;
    retryable: boolean;
    attempts: number;
}

export function messageError(
    translate: Translate,
    failure: Failure,
    attempts: number,
): MessageError {
    const error: MessageError = {
        code: failure.code,
        message: errorText(translate, failure.code, failure.detail),
        source: failure.source,
        retryable: failure.retryable,
        attempts,
    };
    const optional = [
        'httpStatus',
        'apiCode',
        'apiMessage',
        'localizedMsg',
        'requestId',
        'serverTime',
    ] as const;
    for (const key of optional) {
        if (failure[key] !== undefined) Object.assign(error, { [key]: failure[key] });
    }
    return error;
}
