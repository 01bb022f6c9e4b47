// face-guard-query: lists the face access-control terminals under one edge gateway, each
// with a stable statusName beside the platform's numeric status; either as one message
// with the whole list, or (split) as one message per terminal that a join node can rebuild.
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';

import { failure } from '../errors';
import { QUERY_DEVICES, validateQueryDevices, withStatusName } from '../operations';
import type { FaceGuardConfigNode } from './config-types';
import { fieldSources } from './field-sources';
import { readSource } from './read-source';
import { RequestRunner, type Prepared } from './request-runner';

interface FaceGuardQueryDef extends NodeDef {
    server?: string;
    split?: boolean;
    errorsToCatch?: boolean;
    [field: string]: unknown;
}

/** The documented data is an array; an answer without data is read as an empty gateway. */
function devicesOf(data: unknown): unknown[] {
    return Array.isArray(data) ? data : [];
}

export = function register(RED: NodeAPI): void {
    function FaceGuardQuery(this: Node, def: FaceGuardQueryDef): void {
        RED.nodes.createNode(this, def);
        const node = this;
        const config = def.server
            ? ((RED.nodes.getNode(def.server) as FaceGuardConfigNode | null) ?? undefined)
            : undefined;
        const sources = fieldSources(def, ['edgeGwIotId']);
        const split = def.split === true;

        async function prepare(msg: NodeMessage): Promise<Prepared> {
            const fields: Record<string, unknown> = {};
            try {
                fields.edgeGwIotId = await readSource(RED, node, msg, sources[0]);
            } catch (err) {
                const reason = err instanceof Error ? err.message : String(err);
                const detail = { field: 'edgeGwIotId', reason };
                return { ok: false, failure: failure('INVALID_PARAM', { detail }) };
            }

            const checked = validateQueryDevices(fields);
            if (!checked.ok) return checked;
            return { ok: true, call: { ...QUERY_DEVICES, params: checked.params } };
        }

        /**
         * One message per device, each with msg.parts as a split node would set them (the
         * input's own parts kept inside), so a join node in automatic mode rebuilds the list.
         */
        function perDevice(msg: NodeMessage): NodeMessage[] {
            const devices = msg.payload as unknown[];
            const { payload: _payload, ...rest } = msg;
            const id = RED.util.generateId();
            return devices.map((device, index) => {
                const item = RED.util.cloneMessage(rest as NodeMessage);
                item.payload = device;
                Object.assign(item, {
                    parts: {
                        id,
                        index,
                        count: devices.length,
                        type: 'array',
                        len: 1,
                        parts: msg.parts,
                    },
                });
                return item;
            });
        }

        const runner = new RequestRunner(RED, node, config, {
            prefix: 'face-guard-query',
            bulk: false,
            errorsToCatch: def.errorsToCatch === true,
            prepare,
            // A success whose data is neither a list nor absent is not the documented API
            // (a proxy's JSON, a paged answer): better a coded failure than a wrong list.
            check(data) {
                if (data === undefined || data === null || Array.isArray(data)) {
                    return undefined;
                }
                return failure('BAD_RESPONSE', {
                    detail: { httpStatus: 200 },
                    httpStatus: 200,
                });
            },
            succeed(msg, data) {
                msg.payload = devicesOf(data).map(withStatusName);
            },
            // An empty gateway still answers with one message (payload []) and no parts of
            // ours, so that a flow sees the query ran; a join has nothing to wait for.
            expand: split ? perDevice : undefined,
            statusText(data) {
                return RED._('face-guard-query.status.ok', { count: devicesOf(data).length });
            },
        });

        node.on('input', (msg, send, done) => runner.handle(msg, send, done));
        node.on('close', (done: () => void) => {
            void runner.close().then(done, done);
        });
    }

    RED.nodes.registerType('face-guard-query', FaceGuardQuery);
};
