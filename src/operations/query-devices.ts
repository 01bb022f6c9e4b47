// POST /face/paas/edge/guard/device/query (apiVer 1.0.0): the face access-control
// terminals registered under one edge gateway, each with its online status.
import type { CallOutcome, LivingPlatformClient } from '../client';
import { isIdentifier } from './field-rules';
import { notSent } from './not-sent';
import { validateParams, type FieldSpec, type ParamsResult } from './params';

export const QUERY_DEVICES = {
    path: '/face/paas/edge/guard/device/query',
    apiVer: '1.0.0',
} as const;

export const QUERY_DEVICES_FIELDS: readonly FieldSpec[] = [
    { name: 'edgeGwIotId', required: true, valid: isIdentifier, invalidCode: 'INVALID_ID' },
];

export function validateQueryDevices(raw: Record<string, unknown>): ParamsResult {
    return validateParams(QUERY_DEVICES_FIELDS, raw);
}

/** Validates, then calls the API; a validation failure never reaches the network. */
export async function queryDevices(
    client: LivingPlatformClient,
    raw: Record<string, unknown>,
    signal?: AbortSignal,
): Promise<CallOutcome> {
    const checked = validateQueryDevices(raw);
    if (!checked.ok) return notSent(checked.failure);
    return client.call({ ...QUERY_DEVICES, params: checked.params }, signal);
}
