// POST /face/paas/edge/guard/device/add (apiVer 1.0.0): register a face access-control
// terminal under an edge gateway, or update it when productKey + deviceName exist already.
import { failure } from '../errors';
import {
    characterCount,
    EXT_INFO_MAX_CHARACTERS,
    isBucketName,
    isDeviceName,
    isDottedQuad,
    isIdentifier,
    isOssEndpoint,
} from './field-rules';
import { fieldOperation } from './field-operation';
import type { FieldSpec } from './params';

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

const operation = fieldOperation(ADD_DEVICE, ADD_DEVICE_FIELDS);

export const validateAddDevice = operation.validate;

/** Validates, then calls the API; a validation failure never reaches the network. */
export const addDevice = operation.run;
