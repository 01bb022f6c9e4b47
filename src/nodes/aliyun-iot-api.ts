// aliyun-iot-api: calls any Living Platform cloud API (face images, permissions, anything
// with a path and an apiVer) through a face-guard-config node, with the same signing,
// error codes, retries, limits and two outputs as the face-guard nodes.
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';

import { failure, type Failure } from '../errors';
import { GENERIC_CALL_REASONS, validateGenericCall } from '../operations';
import type { FaceGuardConfigNode } from './config-types';
import type { FieldSource } from './field-sources';
import { readSource } from './read-source';
import { RequestRunner, type Prepared } from './request-runner';

interface AliyunIotApiDef extends NodeDef {
    server?: string;
    path?: string;
    apiVer?: string;
    params?: string;
    paramsType?: string;
    iotToken?: string;
    iotTokenType?: string;
    cloudToken?: string;
    cloudTokenType?: string;
    errorsToCatch?: boolean;
}

/** The refusals with a sentence in this node's catalog: the operation's, and JSON text. */
const TRANSLATED_REASONS = new Set<string>([...GENERIC_CALL_REASONS, 'notJson']);

/** The editor's default; a flow written without apiVer behaves like a node from the palette. */
const DEFAULT_API_VERSION = '1.0.0';

type Read = { ok: true; values: Record<string, unknown> } | { ok: false; failure: Failure };

function source(name: string, value: unknown, type: unknown, fallback: string): FieldSource {
    return {
        name,
        value: typeof value === 'string' ? value : fallback,
        type: typeof type === 'string' && type !== '' ? type : 'msg',
    };
}

export = function register(RED: NodeAPI): void {
    function AliyunIotApi(this: Node, def: AliyunIotApiDef): void {
        RED.nodes.createNode(this, def);
        const node = this;
        const config = def.server
            ? ((RED.nodes.getNode(def.server) as FaceGuardConfigNode | null) ?? undefined)
            : undefined;
        const paramsSource = source('params', def.params, def.paramsType, 'payload');
        // A token left empty in the editor is not sent at all, whatever its type.
        const tokenSources = [
            source('iotToken', def.iotToken, def.iotTokenType, ''),
            source('cloudToken', def.cloudToken, def.cloudTokenType, ''),
        ].filter((token) => token.value.trim() !== '');

        /** Shows the slug of a refusal as a sentence in the runtime's language. */
        function translated(cause: Failure): Failure {
            const reason = cause.detail?.reason;
            if (typeof reason !== 'string' || !TRANSLATED_REASONS.has(reason)) return cause;
            const text = RED._(`aliyun-iot-api.reason.${reason}`);
            return { ...cause, detail: { ...cause.detail, reason: text } };
        }

        async function readValues(msg: NodeMessage): Promise<Read> {
            const values: Record<string, unknown> = {};
            for (const field of [paramsSource, ...tokenSources]) {
                try {
                    values[field.name] = await readSource(RED, node, msg, field);
                } catch (err) {
                    const reason = err instanceof Error ? err.message : String(err);
                    const detail = { field: field.name, reason };
                    return { ok: false, failure: failure('INVALID_PARAM', { detail }) };
                }
            }
            // An environment variable can only hold text: it is read as JSON params.
            if (paramsSource.type === 'env' && typeof values.params === 'string') {
                try {
                    values.params = JSON.parse(values.params) as unknown;
                } catch {
                    const detail = { field: 'params', reason: 'notJson' };
                    return { ok: false, failure: failure('INVALID_PARAM', { detail }) };
                }
            }
            return { ok: true, values };
        }

        async function prepare(msg: NodeMessage): Promise<Prepared> {
            const read = await readValues(msg);
            if (!read.ok) return { ok: false, failure: translated(read.failure) };

            const { params, iotToken, cloudToken } = read.values;
            const checked = validateGenericCall({
                path: def.path,
                apiVer: def.apiVer ?? DEFAULT_API_VERSION,
                params,
                iotToken,
                cloudToken,
            });
            if (!checked.ok) return { ok: false, failure: translated(checked.failure) };
            return checked;
        }

        const runner = new RequestRunner(RED, node, config, {
            prefix: 'aliyun-iot-api',
            bulk: false,
            errorsToCatch: def.errorsToCatch === true,
            prepare,
            succeed(msg, data) {
                // Some APIs (permission/delete) answer success without data: null says so
                // plainly, where an absent payload would look like a wiring mistake.
                msg.payload = data === undefined ? null : data;
            },
            statusText() {
                return RED._('aliyun-iot-api.status.ok');
            },
        });

        node.on('input', (msg, send, done) => runner.handle(msg, send, done));
        node.on('close', (done: () => void) => {
            void runner.close().then(done, done);
        });
    }

    RED.nodes.registerType('aliyun-iot-api', AliyunIotApi);
};
