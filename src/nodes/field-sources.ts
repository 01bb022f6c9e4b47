// Where each API field of a node comes from: a typed input (msg, flow, global, env, str)
// that defaults to msg.payload.<field>, so a flow JSON that leaves it out behaves exactly
// like a node freshly dropped from the palette.
import type { Node, NodeAPI, NodeMessage } from 'node-red';

export interface FieldSource {
    name: string;
    value: string;
    type: string;
}

export const FIELD_TYPES = ['msg', 'flow', 'global', 'env', 'str'] as const;

type NodeDefValues = Record<string, unknown>;

export function fieldSources(def: NodeDefValues, names: readonly string[]): FieldSource[] {
    return names.map((name) => {
        const value = def[name];
        const type = def[`${name}Type`];
        return {
            name,
            value: typeof value === 'string' ? value : `payload.${name}`,
            type: typeof type === 'string' && type !== '' ? type : 'msg',
        };
    });
}

/** True when some field reads from inside msg.payload, which then has to be an object. */
export function readsPayload(sources: readonly FieldSource[]): boolean {
    return sources.some((source) => source.type === 'msg' && /^payload[.[]/.test(source.value));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        !Buffer.isBuffer(value)
    );
}

function evaluate(
    RED: NodeAPI,
    node: Node,
    msg: NodeMessage,
    source: FieldSource,
): Promise<unknown> {
    // An emptied msg field in the editor means "not set", not "the whole message".
    if (source.type === 'msg' && source.value.trim() === '') return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
        RED.util.evaluateNodeProperty(source.value, source.type, node, msg, (err, result) =>
            err ? reject(err) : resolve(result ?? withByteOrderMark(msg, source)),
        );
    });
}

/**
 * A CSV saved by Excel as "CSV UTF-8" starts with a byte-order mark, which the csv node
 * keeps in the first column's name: `\uFEFFdeviceIp`. Read that column as the field.
 */
function withByteOrderMark(msg: NodeMessage, source: FieldSource): unknown {
    const match = /^payload\.(\w+)$/.exec(source.value);
    if (source.type !== 'msg' || !match || !isPlainObject(msg.payload)) return undefined;
    return msg.payload[`\uFEFF${match[1]}`];
}

/** Property types Node-RED evaluates synchronously: no promise needed per field. */
const SYNC_TYPES = new Set(['msg', 'str', 'env']);

function evaluateNow(RED: NodeAPI, node: Node, msg: NodeMessage, source: FieldSource): unknown {
    if (source.type === 'msg' && source.value.trim() === '') return undefined;
    const result: unknown = RED.util.evaluateNodeProperty(source.value, source.type, node, msg);
    return result ?? withByteOrderMark(msg, source);
}

/** Reads every field; rejects only when a context store or expression fails. */
export async function readFields(
    RED: NodeAPI,
    node: Node,
    msg: NodeMessage,
    sources: readonly FieldSource[],
): Promise<Record<string, unknown>> {
    const fields: Record<string, unknown> = {};
    const pending: Promise<void>[] = [];
    for (const source of sources) {
        if (SYNC_TYPES.has(source.type)) {
            fields[source.name] = evaluateNow(RED, node, msg, source);
        } else {
            pending.push(
                evaluate(RED, node, msg, source).then((value) => {
                    fields[source.name] = value;
                }),
            );
        }
    }
    if (pending.length > 0) await Promise.all(pending);
    return fields;
}
