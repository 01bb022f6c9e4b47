// What each injected fault does to the exchange. Transport faults imitate the network or a
// proxy; the others imitate the gateway's own errors and the backend's coded failures.
import { FAULT_REPLIES } from './api-reply';
import type { EmulatorCore } from './core';
import type { Exchange } from './exchange';
import type { FaultDecision } from './faults';
import { writeGatewayError, writeJson } from './http-io';

export const THROTTLED = 'Throttled by APP Flow Control';

const GATEWAY_FAULTS: Record<string, [number, string]> = {
    'http-500': [500, 'Internal Error'],
    'http-503': [503, 'Service Unavailable'],
    throttle: [403, THROTTLED],
};

// What a front proxy (Tengine on Alibaba Cloud) shows when the gateway behind it is down.
const HTML_PAGE =
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
    '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n' +
    '</body>\r\n</html>\r\n';

// A reply that looks like success but breaks off inside data: a parser must not accept it.
const STALLED_REPLY = JSON.stringify({
    code: 200,
    message: 'success',
    localizedMsg: null,
    data: { iotId: 'StalledBodyNeverEnds0000100' },
});

function writeRaw(exchange: Exchange, status: number, type: string, text: string): void {
    const body = Buffer.from(text, 'utf8');
    exchange.res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
    exchange.res.end(body);
}

/**
 * Acts on a transport fault. Returns true when the request should then be served as usual
 * (latency), false when the fault was its whole answer.
 */
export async function transportFault(
    core: EmulatorCore,
    exchange: Exchange,
    decision: FaultDecision,
): Promise<boolean> {
    const outcome = `fault:${decision.fault}` as const;
    switch (decision.fault) {
        case 'latency':
            await core.timers.sleep(decision.ms ?? 0);
            return true;
        case 'hang':
            // Accepted and read, never answered: only the client's timeout or close() ends it.
            exchange.end(outcome, null);
            return false;
        case 'reset':
            exchange.req.socket.destroy();
            exchange.end(outcome, null);
            return false;
        case 'stall-body':
            await core.timers.sleep(core.faults.responseDelayMs());
            stallBody(exchange);
            exchange.end(outcome, 200);
            return false;
        case 'html':
            await core.timers.sleep(core.faults.responseDelayMs());
            writeRaw(exchange, 502, 'text/html', HTML_PAGE);
            exchange.end(outcome, 502);
            return false;
        default:
            // Not a transport fault: the gateway checks come first, the fault acts later.
            return true;
    }
}

/** Headers promise the whole reply; half of it is sent, then nothing more. */
function stallBody(exchange: Exchange): void {
    const body = Buffer.from(STALLED_REPLY, 'utf8');
    exchange.res.writeHead(200, {
        'Content-Type': 'application/json; charset=UTF-8',
        'Content-Length': body.length,
    });
    exchange.res.write(body.subarray(0, Math.floor(body.length / 2)));
}

/** Acts on a fault drawn for a request that passed the gateway checks. */
export async function authenticatedFault(
    core: EmulatorCore,
    exchange: Exchange,
    decision: FaultDecision,
    envelopeId: string | undefined,
): Promise<void> {
    const outcome = `fault:${decision.fault}` as const;
    await core.timers.sleep(core.faults.responseDelayMs());

    const gateway = GATEWAY_FAULTS[decision.fault];
    if (gateway) {
        writeGatewayError(exchange.res, gateway[0], gateway[1]);
        exchange.end(outcome, gateway[0], { error: gateway[1] });
        return;
    }
    if (decision.fault === 'bad-json') {
        writeRaw(
            exchange,
            200,
            'application/json; charset=UTF-8',
            '{"code":200,"data":{"iotId":',
        );
        exchange.end(outcome, 200);
        return;
    }

    const reply = FAULT_REPLIES[decision.fault as keyof typeof FAULT_REPLIES];
    const id = envelopeId === undefined ? {} : { id: envelopeId };
    writeJson(exchange.res, 200, { ...id, ...reply, data: null });
    exchange.end(outcome, 200, { code: reply.code });
}
