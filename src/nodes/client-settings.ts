// Reads a config node's properties (from the editor, or from hand-written flow JSON that
// leaves some out) into client options, falling back to the editor's defaults.
import type { NodeAPI } from 'node-red';

import { DEFAULTS, type ClientOptions, type ProxySettings, type TlsOptions } from '../client';
import type { FaceGuardConfigDef, FaceGuardCredentials } from './config-types';

export const DEFAULT_ENDPOINT = 'https://api.link.aliyun.com';
export const DEFAULT_OSS_ENDPOINT = 'http://oss-cn-shanghai.aliyuncs.com';

/** A positive integer from a property, or the fallback when absent or nonsense. */
export function intSetting(value: unknown, fallback: number, min: number, max: number): number {
    if (value === undefined || value === null || value === '') return fallback;
    const number = Number(value);
    if (!Number.isFinite(number)) return fallback;
    return Math.min(max, Math.max(min, Math.round(number)));
}

interface TlsConfigNode {
    addTLSOptions(options: TlsOptions): void;
}

interface ProxyConfigNode {
    url?: string;
    noproxy?: string[];
    credentials?: { username?: string; password?: string };
}

function tlsOptions(RED: NodeAPI, id: string | undefined): TlsOptions | undefined {
    if (!id) return undefined;
    const node = RED.nodes.getNode(id) as unknown as TlsConfigNode | null;
    if (!node || typeof node.addTLSOptions !== 'function') return undefined;
    const options: TlsOptions = {};
    node.addTLSOptions(options);
    return options;
}

function proxySettings(RED: NodeAPI, id: string | undefined): ProxySettings | undefined {
    if (!id) return undefined;
    const node = RED.nodes.getNode(id) as unknown as ProxyConfigNode | null;
    if (!node?.url) return undefined;
    return {
        url: node.url,
        noProxy: node.noproxy ?? [],
        username: node.credentials?.username,
        password: node.credentials?.password,
    };
}

export function clientOptions(
    RED: NodeAPI,
    def: FaceGuardConfigDef,
    credentials: Required<FaceGuardCredentials>,
): ClientOptions {
    return {
        endpoint: (def.endpoint ?? '').trim() || DEFAULT_ENDPOINT,
        appKey: credentials.appKey.trim(),
        appSecret: credentials.appSecret,
        timeoutMs: intSetting(def.timeout, DEFAULTS.timeoutMs, 100, 600000),
        maxAttempts: intSetting(def.maxAttempts, DEFAULTS.maxAttempts, 1, 10),
        concurrency: intSetting(def.concurrency, DEFAULTS.concurrency, 1, 64),
        ratePerSecond: intSetting(def.ratePerSecond, DEFAULTS.ratePerSecond, 0, 10000),
        queueLimit: intSetting(def.queueLimit, DEFAULTS.queueLimit, 0, 1000000),
        tls: tlsOptions(RED, def.tls),
        proxy: proxySettings(RED, def.proxy),
    };
}
