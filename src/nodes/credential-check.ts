// The editor's "Test credentials" button: one signed, harmless call (a device query for a
// gateway id that cannot exist). Any answer from the API behind the gateway proves that
// the gateway accepted the AppKey and the signature.
import type { NodeAPI } from 'node-red';
import type { Request, Response } from 'express';

import { LivingPlatformClient } from '../client';
import { failure, type Failure } from '../errors';
import { errorText } from './catalog';
import { clientOptions } from './client-settings';
import type { FaceGuardConfigDef, FaceGuardCredentials } from './config-types';

const PROBE = {
    path: '/face/paas/edge/guard/device/query',
    apiVer: '1.0.0',
    params: { edgeGwIotId: 'face-guard-credential-check' },
};

/** The placeholder the editor sends back for a password field the user did not retype. */
const UNCHANGED_PASSWORD = '__PWRD__';

interface CheckBody {
    id?: string;
    endpoint?: string;
    appKey?: string;
    appSecret?: string;
    timeout?: number | string;
    tls?: string;
    proxy?: string;
}

function credentialsFor(RED: NodeAPI, body: CheckBody): FaceGuardCredentials {
    const stored = (body.id ? RED.nodes.getCredentials(body.id) : undefined) as
        FaceGuardCredentials | undefined;
    const typedSecret = body.appSecret && body.appSecret !== UNCHANGED_PASSWORD;
    return {
        appKey: body.appKey || stored?.appKey,
        appSecret: typedSecret ? body.appSecret : stored?.appSecret,
    };
}

export type CheckAnswer =
    | { ok: true; requestId?: string; httpStatus: number }
    | { ok: false; code: string; message: string };

export async function checkCredentials(RED: NodeAPI, body: CheckBody): Promise<CheckAnswer> {
    const credentials = credentialsFor(RED, body);
    if (!credentials.appKey || !credentials.appSecret) {
        return refusal(RED, failure('MISSING_CREDENTIALS'));
    }

    const def: FaceGuardConfigDef = {
        id: body.id ?? '',
        type: 'face-guard-config',
        name: '',
        z: '',
        endpoint: body.endpoint,
        timeout: body.timeout,
        maxAttempts: 1,
        tls: body.tls,
        proxy: body.proxy,
    };
    const client = new LivingPlatformClient(
        clientOptions(RED, def, {
            appKey: credentials.appKey,
            appSecret: credentials.appSecret,
        }),
    );
    try {
        const outcome = await client.call(PROBE);
        if (outcome.ok) return { ok: true, httpStatus: 200 };
        // An API-level refusal of the made-up gateway still means the signature was good.
        if (outcome.failure.source === 'api') {
            return { ok: true, httpStatus: 200, requestId: outcome.failure.requestId };
        }
        return refusal(RED, outcome.failure);
    } finally {
        client.close();
    }
}

function refusal(RED: NodeAPI, cause: Failure): CheckAnswer {
    return { ok: false, code: cause.code, message: errorText(RED._, cause.code, cause.detail) };
}

/** Registers POST /face-guard-config/test, guarded by the config node's write permission. */
export function registerCredentialCheck(RED: NodeAPI): void {
    RED.httpAdmin.post(
        '/face-guard-config/test',
        RED.auth.needsPermission('face-guard-config.write'),
        (req: Request, res: Response) => {
            const body = (req.body ?? {}) as CheckBody;
            checkCredentials(RED, body).then(
                (answer) => res.json(answer),
                (err: Error) =>
                    res.status(500).json({ ok: false, code: 'INTERNAL', message: err.message }),
            );
        },
    );
}
