// The path of one API request: route, transport faults, gateway checks, flow control,
// gateway/backend faults, then the face-guard API itself.
import { readEnvelope } from './api-envelope';
import type { EmulatorCore } from './core';
import type { Exchange } from './exchange';
import { findRoute, serveApi } from './face-guard-api';
import { authenticatedFault, THROTTLED, transportFault } from './fault-actions';
import { checkGateway, flatHeaders } from './gateway-check';
import { BodyTooLarge, readBody, splitUrl, writeGatewayError, writeJson } from './http-io';

/** The face-guard APIs are published on the RELEASE stage only; no header means RELEASE. */
function onPublishedStage(stage: string | undefined): boolean {
    return stage === undefined || stage === 'RELEASE';
}

async function reject(
    core: EmulatorCore,
    exchange: Exchange,
    status: number,
    message: string,
): Promise<void> {
    await core.timers.sleep(core.faults.responseDelayMs());
    writeGatewayError(exchange.res, status, message);
    // The log keeps the reason only: the StringToSign after the comma is for the client.
    const error = message.split(',')[0];
    exchange.end(status === 403 ? 'throttled' : 'rejected', status, { error });
}

async function readOrRefuse(
    core: EmulatorCore,
    exchange: Exchange,
): Promise<Buffer | undefined> {
    try {
        return await readBody(exchange.req);
    } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        exchange.res.setHeader('Connection', 'close');
        await reject(core, exchange, 413, 'Request Body Too Large');
        return undefined;
    }
}

export async function handleApi(core: EmulatorCore, exchange: Exchange): Promise<void> {
    const { req, res } = exchange;
    const headers = flatHeaders(req.headers);
    exchange.appKey = headers['x-ca-key'];
    exchange.nonce = headers['x-ca-nonce'];

    const body = await readOrRefuse(core, exchange);
    if (!body) return;
    const { path, rawQuery } = splitUrl(req.url);
    const route = findRoute(path);
    if (!route || !onPublishedStage(headers['x-ca-stage'])) {
        return reject(core, exchange, 404, 'Invalid Url');
    }
    if (req.method !== 'POST') return reject(core, exchange, 400, 'Invalid HttpMethod');

    const arrival = core.faults.onArrival();
    if (arrival.now && !(await transportFault(core, exchange, arrival.now))) return;

    const request = { method: req.method, path, rawQuery, headers: req.headers, body };
    const verdict = checkGateway(request, core);
    if (!verdict.ok) return reject(core, exchange, verdict.status, verdict.message);
    if (!core.throttle.admit(verdict.appKey)) return reject(core, exchange, 403, THROTTLED);

    const fault = core.faults.onAuthenticated(arrival.later);
    if (fault) {
        const read = readEnvelope(body);
        const id = 'envelope' in read ? read.envelope.id : read.id;
        return authenticatedFault(core, exchange, fault, id);
    }

    const { reply, id } = serveApi(route, body, core.store);
    await core.timers.sleep(core.faults.responseDelayMs());
    writeJson(res, 200, { ...(id === undefined ? {} : { id }), ...reply });
    exchange.end(reply.code === 200 ? 'ok' : 'api-error', 200, { code: reply.code });
}
