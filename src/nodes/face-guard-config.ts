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

        if (!credentials.appKey || !credentials.appSecret) {
            this.problem = 'MISSING_CREDENTIALS';
        } else {
            const options = clientOptions(RED, def, {
                appKey: credentials.appKey,
                appSecret: credentials.appSecret,
            });
            if (!checkEndpoint(options.endpoint).ok) this.problem = 'INVALID_API_ENDPOINT';
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
