// face-guard-config: the AppKey/AppSecret, the API endpoint and the limits that every
// face-guard node using it shares, through one client.
import type { NodeAPI } from 'node-red';

import { checkEndpoint, LivingPlatformClient } from '../client';
import { clientOptions, DEFAULT_OSS_ENDPOINT } from './client-settings';
import type {
    FaceGuardConfigDef,
    FaceGuardConfigNode,
    FaceGuardCredentials,
} from './config-types';
import { registerCredentialCheck } from './credential-check';

const ENV_REFERENCE = /^\$\{(\w+)\}$/;

/** The first credential still written as `${NAME}`, i.e. whose variable was not set. */
function unsetVariable(
    credentials: FaceGuardCredentials,
): { name: string; variable: string } | undefined {
    for (const name of ['appKey', 'appSecret'] as const) {
        const match = ENV_REFERENCE.exec(credentials[name] ?? '');
        if (match) return { name, variable: match[1] };
    }
    return undefined;
}

export = function register(RED: NodeAPI): void {
    function FaceGuardConfig(this: FaceGuardConfigNode, def: FaceGuardConfigDef): void {
        RED.nodes.createNode(this, def);
        const credentials: FaceGuardCredentials = this.credentials ?? {};

        this.ossDefaults = {
            imageOssBucketName: def.imageOssBucketName || undefined,
            imageOssEndPoint:
                def.imageOssEndPoint === undefined
                    ? DEFAULT_OSS_ENDPOINT
                    : def.imageOssEndPoint || undefined,
        };

        const unset = unsetVariable(credentials);
        if (unset) {
            // Node-RED leaves a `${NAME}` credential as written when NAME is not set: sending
            // it would only earn a confusing AppKey or signature error from the gateway.
            this.warn(RED._('face-guard-config.warn.unsetEnv', unset));
            this.problem = 'MISSING_CREDENTIALS';
        } else if (!credentials.appKey || !credentials.appSecret) {
            this.problem = 'MISSING_CREDENTIALS';
        } else {
            const options = clientOptions(RED, def, {
                appKey: credentials.appKey,
                appSecret: credentials.appSecret,
            });
            const endpoint = checkEndpoint(options.endpoint);
            if (!endpoint.ok) {
                this.problem = 'INVALID_API_ENDPOINT';
                this.problemDetail = { endpoint: options.endpoint, reason: endpoint.reason };
            }
            if (options.tls?.rejectUnauthorized === false) {
                this.warn(RED._('face-guard-config.warn.insecureTls'));
            }
            this.client = new LivingPlatformClient({
                ...options,
                debug: (line) => this.debug(line),
            });
        }

        this.on('close', (done: () => void) => {
            this.client?.close();
            done();
        });
    }

    RED.nodes.registerType<
        FaceGuardConfigNode,
        FaceGuardConfigDef,
        object,
        FaceGuardCredentials
    >('face-guard-config', FaceGuardConfig, {
        credentials: {
            appKey: { type: 'text' },
            appSecret: { type: 'password' },
        },
    });
    registerCredentialCheck(RED);
};
