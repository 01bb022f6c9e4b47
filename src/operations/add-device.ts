// POST /face/paas/edge/guard/device/add (apiVer 1.0.0): register a face access-control
// terminal under an edge gateway, or update it when productKey + deviceName exist already.
import { failure } from '../errors';
import type { CallOutcome, LivingPlatformClient } from '../client';
import {
    characterCount,
    EXT_INFO_MAX_CHARACTERS,
    isBucketName,
    isDeviceName,
    isDottedQuad,
    isIdentifier,
    isOssEndpoint,
} from './field-rules';
import { validateParams, type FieldSpec, type ParamsResult } from './params';

export const ADD_DEVICE = {
    path: '/face/paas/edge/guard/device/add',
    apiVer: '1.0.0',
} as const;

export const ADD_DEVICE_FIELDS: readonly FieldSpec[] = [
    { name: 'deviceIp', required: true, valid: isDottedQuad, invalidCode: 'INVALID_DEVICE_IP' },
    { name: 'edgeGwIotId', required: true, valid: isIdentifier, invalidCode: 'INVALID_ID' },
    { name: 'productKey', required: true, valid: isIdentifier, invalidCode: 'INVALID_ID' },
    {
        name: 'imageOssBucketName',
        required: true,
        valid: isBucketName,
        invalidCode: 'INVALID_BUCKET_NAME',
    },
    {
        name: 'deviceName',
        required: false,
        valid: isDeviceName,
        invalidCode: 'INVALID_DEVICE_NAME',
    },
    {
        name: 'imageOssEndPoint',
        required: false,
        valid: isOssEndpoint,
        invalidCode: 'INVALID_OSS_ENDPOINT',
    },
    {
        name: 'extInfo',
        required: false,
        check: (value) => {
            const length = characterCount(value);
            if (length <= EXT_INFO_MAX_CHARACTERS) return undefined;
            return failure('EXTINFO_TOO_LONG', {
                detail: { field: 'extInfo', length, max: EXT_INFO_MAX_CHARACTERS },
            });
        },
    },
];

/** The names of the seven API fields, in the order the API documents them. */
export const ADD_DEVICE_FIELD_NAMES = ADD_DEVICE_FIELDS.map((spec) => spec.name);

export function validateAddDevice(raw: Record<string, unknown>): ParamsResult {
    return validateParams(ADD_DEVICE_FIELDS, raw);
}

/** Validates, then calls the API; a validation failure never reaches the network. */
export async function addDevice(
    client: LivingPlatformClient,
    raw: Record<string, unknown>,
    signal?: AbortSignal,
): Promise<CallOutcome> {
    const checked = validateAddDevice(raw);
    if (!checked.ok) {
        return {
            ok: false,
            failure: checked.failure,
            envelopeId: '',
            attempts: 0,
            durationMs: 0,
        };
    }
    return client.call({ ...ADD_DEVICE, params: checked.params }, signal);
}
