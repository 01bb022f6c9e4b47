// The control endpoint under /__emulator/: faults, reset, devices, CA and stats. It needs no
// signature, so it answers loopback callers only, whatever address the server is bound to.
import type { EmulatorCore } from './core';
import type { Exchange } from './exchange';
import { BodyTooLarge, isLoopback, readBody, splitUrl, writeJson } from './http-io';

export const CONTROL_PREFIX = '/__emulator/';

interface ControlAnswer {
    status: number;
    /** JSON-encoded unless `type` says otherwise. */
    body: unknown;
    type?: string;
}

type ControlAction = (core: EmulatorCore, body: Buffer) => ControlAnswer;

function setFaults(core: EmulatorCore, body: Buffer): ControlAnswer {
    try {
        core.faults.setPlan(JSON.parse(body.toString('utf8') || '{}'));
        return { status: 200, body: { plan: core.faults.currentPlan() } };
    } catch (error) {
        return { status: 400, body: { error: (error as Error).message } };
    }
}

function caPem(core: EmulatorCore): ControlAnswer {
    if (core.ca === undefined) return { status: 404, body: { error: 'plain HTTP: no CA' } };
    return { status: 200, body: core.ca, type: 'application/x-pem-file' };
}

const ACTIONS: Record<string, ControlAction> = {
    'POST faults': setFaults,
    'GET faults': (core) => ({ status: 200, body: { plan: core.faults.currentPlan() } }),
    'POST reset': (core) => {
        core.reset();
        return { status: 200, body: { reset: true } };
    },
    'GET devices': (core) => ({ status: 200, body: core.store.all() }),
    'GET ca.pem': caPem,
    'GET stats': (core) => ({ status: 200, body: core.log.stats() }),
    'GET requests': (core) => ({ status: 200, body: core.log.records() }),
};

function write(exchange: Exchange, answer: ControlAnswer): void {
    if (answer.type === undefined) return writeJson(exchange.res, answer.status, answer.body);
    const body = Buffer.from(String(answer.body), 'utf8');
    exchange.res.writeHead(answer.status, {
        'Content-Type': answer.type,
        'Content-Length': body.length,
    });
    exchange.res.end(body);
}

async function answer(core: EmulatorCore, exchange: Exchange): Promise<ControlAnswer> {
    const { req } = exchange;
    if (!isLoopback(req.socket.remoteAddress)) {
        return {
            status: 403,
            body: { error: 'the control endpoint answers loopback callers only' },
        };
    }
    const name = splitUrl(req.url).path.slice(CONTROL_PREFIX.length);
    const action = ACTIONS[`${req.method} ${name}`];
    if (!action)
        return { status: 404, body: { error: `no control route ${req.method} ${name}` } };

    try {
        return action(core, await readBody(req));
    } catch (error) {
        if (error instanceof BodyTooLarge)
            return { status: 413, body: { error: error.message } };
        throw error;
    }
}

export async function handleControl(core: EmulatorCore, exchange: Exchange): Promise<void> {
    const result = await answer(core, exchange);
    write(exchange, result);
    exchange.end('control', result.status);
}
