// face-guard-get: reads the stored configuration of one face access-control terminal by
// its iotId, typically right after face-guard-add to confirm what the platform kept.
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';

import { failure } from '../errors';
import { GET_DEVICE, validateGetDevice } from '../operations';
import type { FaceGuardConfigNode } from './config-types';
import { fieldSources, isPlainObject } from './field-sources';
import { readSource } from './read-source';
import { RequestRunner, type Prepared } from './request-runner';

interface FaceGuardGetDef extends NodeDef {
    server?: string;
    errorsToCatch?: boolean;
    [field: string]: unknown;
}

function iotIdOf(data: unknown): string | undefined {
    if (!isPlainObject(data)) return undefined;
    return typeof data.iotId === 'string' ? data.iotId : undefined;
}

export = function register(RED: NodeAPI): void {
    function FaceGuardGet(this: Node, def: FaceGuardGetDef): void {
        RED.nodes.createNode(this, def);
        const node = this;
        const config = def.server
            ? ((RED.nodes.getNode(def.server) as FaceGuardConfigNode | null) ?? undefined)
            : undefined;
        const sources = fieldSources(def, ['iotId']);
        // face-guard-add answers with msg.iotId as well as payload.iotId; a flow that has
        // replaced the payload in between (a change or template node) still has msg.iotId.
        const fallsBackToMsgIotId =
            sources[0].type === 'msg' && sources[0].value === 'payload.iotId';

        async function prepare(msg: NodeMessage): Promise<Prepared> {
            const fields: Record<string, unknown> = {};
            try {
                fields.iotId = await readSource(RED, node, msg, sources[0]);
            } catch (err) {
                const reason = err instanceof Error ? err.message : String(err);
                const detail = { field: 'iotId', reason };
                return { ok: false, failure: failure('INVALID_PARAM', { detail }) };
            }
            if (fallsBackToMsgIotId && (fields.iotId === undefined || fields.iotId === null)) {
                fields.iotId = (msg as NodeMessage & { iotId?: unknown }).iotId;
            }

            const checked = validateGetDevice(fields);
            if (!checked.ok) return checked;
            return { ok: true, call: { ...GET_DEVICE, params: checked.params } };
        }

        const runner = new RequestRunner(RED, node, config, {
            prefix: 'face-guard-get',
            bulk: false,
            errorsToCatch: def.errorsToCatch === true,
            prepare,
            succeed(msg, data) {
                msg.payload = data;
                const iotId = iotIdOf(data);
                if (iotId !== undefined) Object.assign(msg, { iotId });
            },
            statusText(data) {
                const iotId = iotIdOf(data) ?? '';
                return RED._('face-guard-get.status.ok', { head: iotId.slice(0, 8) });
            },
        });

        node.on('input', (msg, send, done) => runner.handle(msg, send, done));
        node.on('close', (done: () => void) => {
            void runner.close().then(done, done);
        });
    }

    RED.nodes.registerType('face-guard-get', FaceGuardGet);
};
