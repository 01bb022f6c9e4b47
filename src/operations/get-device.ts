// POST /face/paas/edge/guard/device/get (apiVer 1.0.0): the stored configuration of one
// face access-control terminal, by its iotId.
import { isIdentifier } from './field-rules';
import { fieldOperation } from './field-operation';
import type { FieldSpec } from './params';

export const GET_DEVICE = {
    path: '/face/paas/edge/guard/device/get',
    apiVer: '1.0.0',
} as const;

export const GET_DEVICE_FIELDS: readonly FieldSpec[] = [
    { name: 'iotId', required: true, valid: isIdentifier, invalidCode: 'INVALID_ID' },
];

const operation = fieldOperation(GET_DEVICE, GET_DEVICE_FIELDS);

export const validateGetDevice = operation.validate;

/** Validates, then calls the API; a validation failure never reaches the network. */
export const getDevice = operation.run;
