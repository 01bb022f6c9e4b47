// What a worker node needs from a face-guard-config node, without importing its module.
import type { Node, NodeDef } from 'node-red';

import type { LivingPlatformClient } from '../client';
import type { ErrorCode } from '../errors';

export interface OssDefaults {
    imageOssBucketName?: string;
    imageOssEndPoint?: string;
}

export interface FaceGuardConfigNode extends Node<FaceGuardCredentials> {
    /** Undefined when the node cannot call the API; `problem` then says why. */
    client?: LivingPlatformClient;
    problem?: ErrorCode;
    /** Values for the problem's text (the endpoint and why it is refused). */
    problemDetail?: Record<string, string>;
    ossDefaults: OssDefaults;
}

export interface FaceGuardConfigDef extends NodeDef {
    endpoint?: string;
    timeout?: number | string;
    imageOssBucketName?: string;
    imageOssEndPoint?: string;
    maxAttempts?: number | string;
    concurrency?: number | string;
    ratePerSecond?: number | string;
    queueLimit?: number | string;
    tls?: string;
    proxy?: string;
}

export interface FaceGuardCredentials {
    appKey?: string;
    appSecret?: string;
}
