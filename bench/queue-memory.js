// Child-process entry (run with --expose-gc): how much RSS 10,000 calls waiting in one
// LivingPlatformClient's queue cost. The emulator holds every answer back, so the first
// `concurrency` calls stay in flight and the rest wait in the limiter, each with its own
// device params and the node's one abort signal, as face-guard-add queues them for a flow.
'use strict';

const v8 = require('node:v8');

const { LivingPlatformClient } = require('../dist/client');
const { ADD_PATH, makeDevice } = require('./devices');

const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const MB = 1024 * 1024;

/**
 * RSS, V8 heap and the young generation's share of RSS after a full collection, in MB. The
 * young generation is empty then, but V8 keeps the room it grew to: part of RSS growth.
 */
function memory() {
    global.gc();
    const { rss, heapUsed } = process.memoryUsage();
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    return { rss: rss / MB, heap: heapUsed / MB, young: young.physical_space_size / MB };
}

async function main() {
    const { url, key, queued, concurrency } = JSON.parse(process.env.BENCH_CONTEXT);
    const client = new LivingPlatformClient({
        endpoint: url,
        ...key,
        concurrency,
        queueLimit: queued,
        // Longer than the emulator holds its answers back: nothing may time out meanwhile.
        timeoutMs: 120000,
    });
    await settle(100);
    const before = memory();

    const calls = [];
    // face-guard-add passes one signal for the node's lifetime, aborted on close.
    const lifetime = new AbortController();
    require('node:events').setMaxListeners(0, lifetime.signal);
    for (let i = 0; i < queued + concurrency; i += 1) {
        // Parsed, as a payload from a CSV or JSON node is: flat strings, not template pieces.
        const params = JSON.parse(JSON.stringify(makeDevice(i)));
        const call = { path: ADD_PATH, apiVer: '1.0.0', params };
        calls.push(client.call(call, lifetime.signal));
    }
    await settle(500);
    const waiting = client.queued;
    const after = memory();

    client.close();
    const outcomes = await Promise.all(calls);
    const refused = outcomes.filter((outcome) => !outcome.ok).length;
    const answer = {
        waiting,
        refused,
        growthMb: after.rss - before.rss,
        heapGrowthMb: after.heap - before.heap,
        youngGenGrowthMb: after.young - before.young,
        beforeMb: before.rss,
    };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
}

main().catch((err) => {
    process.stderr.write(`queue-memory failed: ${err.stack || err}\n`);
    process.exit(1);
});
