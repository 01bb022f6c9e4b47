// POST /face/paas/edge/guard/device/query (apiVer 1.0.0): the face access-control
// terminals registered under one edge gateway, each with its online status.
import { isIdentifier } from './field-rules';
import { fieldOperation } from './field-operation';
import type { FieldSpec } from './params';

export const QUERY_DEVICES = {
    path: '/face/paas/edge/guard/device/query',
    apiVer: '1.0.0',
} as const;

export const QUERY_DEVICES_FIELDS: readonly FieldSpec[] = [
    { name: 'edgeGwIotId', required: true, valid: isIdentifier, invalidCode: 'INVALID_ID' },
];

const operation = fieldOperation(QUERY_DEVICES, QUERY_DEVICES_FIELDS);

export const validateQueryDevices = operation.validate;

/** Validates, then calls the API; a validation failure never reaches the network. */
export const queryDevices = operation.run;
