// Reads one typed input for the get, query and generic nodes. A msg path that runs through
// something absent (payload.iotId on a message without a payload) reads as absent, so the
// node reports the missing field rather than a JavaScript TypeError.
import type { Node, NodeAPI, NodeMessage } from 'node-red';

import { readFields, type FieldSource } from './field-sources';

/** Rejects only for a malformed msg path or a failing context store or expression. */
export async function readSource(
    RED: NodeAPI,
    node: Node,
    msg: NodeMessage,
    source: FieldSource,
): Promise<unknown> {
    if (source.type !== 'msg') {
        const fields = await readFields(RED, node, msg, [source]);
        return fields[source.name];
    }
    // An emptied msg field in the editor means "not set", not "the whole message".
    if (source.value.trim() === '') return undefined;

    // Syntax first, so that a typo in the path is still reported as one.
    RED.util.normalisePropertyExpression(source.value);
    try {
        // The value is any JSON-like thing a flow put there; callers check its type.
        return RED.util.getMessageProperty(msg, source.value) as unknown;
    } catch {
        return undefined;
    }
}
