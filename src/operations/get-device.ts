// POST /face/paas/edge/guard/device/get (apiVer 1.0.0): the stored configuration of one
// face access-control terminal, by its iotId.
import type { CallOutcome, LivingPlatformClient } from '../client';
import { isIdentifier } from './field-rules';
import { notSent } from './not-sent';
import { validateParams, type FieldSpec, type ParamsResult } from './params';

export const GET_DEVICE = {
    path: '/face/paas/edge/guard/device/get',
    apiVer: '1.0.0',
} as const;

export const GET_DEVICE_FIELDS: readonly FieldSpec[] = [
    { name: 'iotId', required: true, valid: isIdentifier, invalidCode: 'INVALID_ID' },
];

export function validateGetDevice(raw: Record<string, unknown>): ParamsResult {
    return validateParams(GET_DEVICE_FIELDS, raw);
}

/** Validates, then calls the API; a validation failure never reaches the network. */
export async function getDevice(
    client: LivingPlatformClient,
    raw: Record<string, unknown>,
    signal?: AbortSignal,
): Promise<CallOutcome> {
    const checked = validateGetDevice(raw);
    if (!checked.ok) return notSent(checked.failure);
    return client.call({ ...GET_DEVICE, params: checked.params }, signal);
}
