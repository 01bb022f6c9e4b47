// face-guard-add: registers (or updates) one face access-control terminal under an edge
// gateway per message, or one per element of an array payload.
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';

import { failure } from '../errors';
import { ADD_DEVICE, ADD_DEVICE_FIELD_NAMES, validateAddDevice } from '../operations';
import type { FaceGuardConfigNode } from './config-types';
import { fieldSources, isPlainObject, readFields, readsPayload } from './field-sources';
import { RequestRunner, type Prepared } from './request-runner';

interface FaceGuardAddDef extends NodeDef {
    server?: string;
    errorsToCatch?: boolean;
    [field: string]: unknown;
}

function describePayload(payload: unknown): string {
    if (payload === null) return 'null';
    if (Buffer.isBuffer(payload)) return 'buffer';
    if (Array.isArray(payload)) return 'array';
    return typeof payload;
}

/** An OSS field left empty (absent, null or '') takes the config node's default. */
function withDefault(value: unknown, fallback: string | undefined): unknown {
    const empty = value === undefined || value === null || value === '';
    return empty && fallback !== undefined ? fallback : value;
}

function iotIdOf(data: unknown): string | undefined {
    if (!isPlainObject(data)) return undefined;
    return typeof data.iotId === 'string' ? data.iotId : undefined;
}

export = function register(RED: NodeAPI): void {
    function FaceGuardAdd(this: Node, def: FaceGuardAddDef): void {
        RED.nodes.createNode(this, def);
        const node = this;
        const config = def.server
            ? ((RED.nodes.getNode(def.server) as FaceGuardConfigNode | null) ?? undefined)
            : undefined;
        const sources = fieldSources(def, ADD_DEVICE_FIELD_NAMES);
        const needsObject = readsPayload(sources);

        async function prepare(
            msg: NodeMessage,
            server: FaceGuardConfigNode,
        ): Promise<Prepared> {
            if (needsObject && !isPlainObject(msg.payload)) {
                const detail = { type: describePayload(msg.payload) };
                return { ok: false, failure: failure('INVALID_PAYLOAD', { detail }) };
            }

            let fields: Record<string, unknown>;
            try {
                fields = await readFields(RED, node, msg, sources);
            } catch (err) {
                const reason = err instanceof Error ? err.message : String(err);
                return { ok: false, failure: failure('INVALID_PARAM', { detail: { reason } }) };
            }
            const defaults = server.ossDefaults;
            fields.imageOssBucketName = withDefault(
                fields.imageOssBucketName,
                defaults.imageOssBucketName,
            );
            fields.imageOssEndPoint = withDefault(
                fields.imageOssEndPoint,
                defaults.imageOssEndPoint,
            );

            const checked = validateAddDevice(fields);
            if (!checked.ok) return checked;
            return { ok: true, call: { ...ADD_DEVICE, params: checked.params } };
        }

        const runner = new RequestRunner(RED, node, config, {
            prefix: 'face-guard-add',
            bulk: true,
            errorsToCatch: def.errorsToCatch === true,
            prepare,
            succeed(msg, data) {
                const iotId = iotIdOf(data);
                msg.payload = isPlainObject(data) ? data : { iotId };
                Object.assign(msg, { iotId });
            },
            statusText(data) {
                const iotId = iotIdOf(data) ?? '';
                // Platform iotIds share their last characters; the head tells devices apart.
                return RED._('face-guard-add.status.ok', { head: iotId.slice(0, 8) });
            },
        });

        node.on('input', (msg, send, done) => runner.handle(msg, send, done));
        node.on('close', (done: () => void) => {
            void runner.close().then(done, done);
        });
    }

    RED.nodes.registerType('face-guard-add', FaceGuardAdd);
};
