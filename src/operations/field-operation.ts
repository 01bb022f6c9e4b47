// A face-guard API whose params are a fixed set of string fields: one validation, then the
// call. A validation failure never reaches the network.
import type { CallOutcome, LivingPlatformClient } from '../client';
import { notSent } from './not-sent';
import { validateParams, type FieldSpec, type ParamsResult } from './params';

export interface ApiRoute {
    path: string;
    apiVer: string;
}

export interface FieldOperation {
    validate(raw: Record<string, unknown>): ParamsResult;
    run(
        client: LivingPlatformClient,
        raw: Record<string, unknown>,
        signal?: AbortSignal,
    ): Promise<CallOutcome>;
}

export function fieldOperation(route: ApiRoute, fields: readonly FieldSpec[]): FieldOperation {
    const validate = (raw: Record<string, unknown>): ParamsResult =>
        validateParams(fields, raw);
    return {
        validate,
        async run(client, raw, signal) {
            const checked = validate(raw);
            if (!checked.ok) return notSent(checked.failure);
            return client.call({ ...route, params: checked.params }, signal);
        },
    };
}
