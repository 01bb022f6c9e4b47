// createEmulator: binds the HTTP(S) server, wires the gateway, the API and the control
// endpoint to one shared state, and hands back a handle that can close it without leaks.
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { handleApi } from './api-handler';
import { createCertificate, type Certificate } from './certificate';
import { CONTROL_PREFIX, handleControl } from './control';
import type { EmulatorCore } from './core';
import { DeviceStore, type Device } from './device-store';
import { Exchange } from './exchange';
import type { FaultPlan } from './fault-plan';
import { FaultInjector } from './faults';
import { writeGatewayError } from './http-io';
import { NonceCache } from './nonce-cache';
import { RequestLog, type EmulatorStats, type RequestRecord } from './request-log';
import { Throttle } from './throttle';
import { Timers } from './timers';

export interface EmulatorKey {
    appKey: string;
    appSecret: string;
}

export interface EmulatorOptions {
    /** 0 (the default) picks a free port. */
    port?: number;
    /** Default 127.0.0.1. */
    host?: string;
    /** Plain HTTP instead of HTTPS. */
    http?: boolean;
    /** AppKey/AppSecret pairs the gateway accepts; at least one. */
    keys: EmulatorKey[];
    faults?: FaultPlan;
    /** Requests per rolling second per AppKey before 403 Throttled; unset = no limit. */
    ratePerSecondPerAppKey?: number;
    /** JSON file the devices are loaded from and saved to. */
    stateFile?: string;
    /** One line per request; default stdout, false for silence. */
    log?: ((line: string) => void) | false;
    /** Epoch ms the timestamp, nonce and throttle windows are judged by; default Date.now. */
    clock?: () => number;
    /** A certificate to reuse instead of a fresh one, so a trusted CA stays valid. */
    certificate?: Certificate;
    /**
     * Idle keep-alive sockets are closed after this (default Node's 5000 ms). Recent Node
     * versions add their own buffer of about 1 s before the socket actually closes.
     */
    keepAliveTimeoutMs?: number;
}

export interface Emulator {
    /** e.g. https://127.0.0.1:12345, no trailing slash. */
    readonly url: string;
    readonly port: number;
    readonly host: string;
    /** PEM clients must trust; undefined over plain HTTP. */
    readonly ca: string | undefined;
    /** Destroys every socket, hung and stalled ones included, then stops listening. */
    close(): Promise<void>;
    /** Forgets devices, nonces, throttle windows, faults, stats and the request log. */
    reset(): void;
    /** Replaces the fault plan; throws TypeError on an invalid one. */
    setFaults(plan: FaultPlan): void;
    /** The fault plan still to come. */
    faults(): FaultPlan;
    devices(): Device[];
    stats(): EmulatorStats;
    /** The latest requests (up to 1000), oldest first; a copy. */
    readonly requestLog: RequestRecord[];
}

const DEFAULT_HOST = '127.0.0.1';

function checkKeys(keys: EmulatorKey[] | undefined): Map<string, string> {
    if (!Array.isArray(keys) || keys.length === 0) {
        throw new TypeError('createEmulator needs at least one {appKey, appSecret}');
    }
    const secrets = new Map<string, string>();
    for (const { appKey, appSecret } of keys) {
        if (
            typeof appKey !== 'string' ||
            appKey === '' ||
            typeof appSecret !== 'string' ||
            appSecret === ''
        ) {
            throw new TypeError('every key needs a non-empty appKey and appSecret');
        }
        secrets.set(appKey, appSecret);
    }
    return secrets;
}

function logSink(log: EmulatorOptions['log']): ((line: string) => void) | undefined {
    if (log === false) return undefined;
    return log ?? ((line: string) => process.stdout.write(`${line}\n`));
}

function buildCore(options: EmulatorOptions, ca: string | undefined): EmulatorCore {
    const clock = options.clock ?? Date.now;
    const core: EmulatorCore = {
        secrets: checkKeys(options.keys),
        nonces: new NonceCache(clock),
        throttle: new Throttle(options.ratePerSecondPerAppKey, clock),
        faults: new FaultInjector(options.faults),
        store: new DeviceStore(options.stateFile),
        log: new RequestLog(logSink(options.log)),
        timers: new Timers(),
        clock,
        ca,
        reset: () => {
            core.store.clear();
            core.nonces.clear();
            core.throttle.clear();
            core.faults.setPlan({});
            core.log.clear();
        },
    };
    return core;
}

/** Any throw is turned into the gateway's 500 so one bad request cannot crash the process. */
function requestHandler(core: EmulatorCore) {
    return (req: IncomingMessage, res: ServerResponse): void => {
        const exchange = new Exchange(req, res, core.log);
        const control = (req.url ?? '').startsWith(CONTROL_PREFIX);
        const work = control ? handleControl(core, exchange) : handleApi(core, exchange);
        work.catch(() => {
            if (!res.headersSent && !res.destroyed)
                writeGatewayError(res, 500, 'Internal Error');
            exchange.end('rejected', 500, { error: 'Internal Error' });
        });
    };
}

function trackSockets(server: Server): Set<Socket> {
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    return sockets;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve(server.address() as AddressInfo);
        });
    });
}

function urlHost(host: string): string {
    if (host === '0.0.0.0' || host === '::') return DEFAULT_HOST;
    return host.includes(':') ? `[${host}]` : host;
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
    const host = options.host ?? DEFAULT_HOST;
    const certificate = options.http
        ? undefined
        : (options.certificate ?? (await createCertificate(host)));
    const core = buildCore(options, certificate?.cert);

    const handler = requestHandler(core);
    const server: Server = certificate
        ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler)
        : createHttpServer(handler);
    if (options.keepAliveTimeoutMs !== undefined)
        server.keepAliveTimeout = options.keepAliveTimeoutMs;
    const sockets = trackSockets(server);
    const address = await listen(server, options.port ?? 0, host);

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
        closing ??= new Promise((resolve) => {
            core.timers.cancelAll();
            server.close(() => resolve());
            for (const socket of sockets) socket.destroy();
        });
        return closing;
    };

    const scheme = certificate ? 'https' : 'http';
    return {
        url: `${scheme}://${urlHost(host)}:${address.port}`,
        port: address.port,
        host,
        ca: certificate?.cert,
        close,
        reset: core.reset,
        setFaults: (plan) => core.faults.setPlan(plan),
        faults: () => core.faults.currentPlan(),
        devices: () => core.store.all(),
        stats: () => core.log.stats(),
        get requestLog() {
            return core.log.records();
        },
    };
}
