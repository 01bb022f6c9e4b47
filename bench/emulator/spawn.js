// The parent's handle on an emulator child: its URL, its control endpoint (faults, reset)
// and its CPU time, all on 127.0.0.1.
'use strict';

const path = require('node:path');

const { startChild } = require('../child');

const PROCESS = path.join(__dirname, 'process.js');

async function control(url, route, body) {
    const response = await fetch(`${url}/__emulator/${route}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${route}: HTTP ${response.status}`);
    return response.json();
}

/** `options`: emulator options bar host, http and log, which the child fixes itself. */
async function startEmulatorProcess(options) {
    const child = startChild(PROCESS, { env: { BENCH_EMULATOR: JSON.stringify(options) } });
    try {
        const { url } = await child.next(15000);
        return {
            url,
            reset: () => control(url, 'reset', {}),
            setFaults: (plan) => control(url, 'faults', plan),
            stats: () => control(url, 'stats'),
            async cpuMs() {
                child.send('usage');
                return (await child.next(5000)).cpuMs;
            },
            stop: child.stop,
        };
    } catch (err) {
        await child.stop();
        throw err;
    }
}

module.exports = { startEmulatorProcess };
