// One whole benchmark from a settings object to the result document, so the command line
// and the smoke test run exactly the same steps (the test with tiny counts).
'use strict';

const diy = require('./contenders/diy');
const floor = require('./contenders/floor');
const ours = require('./contenders/ours');
const { startEmulatorProcess } = require('./emulator/spawn');
const { startLoopSession } = require('./loop/session');
const { measureThroughput } = require('./measure');
const { startFlowSession } = require('./node-red/session');
const { measureQueueGrowth } = require('./queue-growth');
const { buildResult } = require('./report');
const { measureSignUs } = require('./sign-cost');
const { measureThrottled } = require('./throttled');

async function throughput(settings, log) {
    const emulator = await startEmulatorProcess({ keys: [settings.key] });
    const context = { url: emulator.url, key: settings.key, concurrency: settings.concurrency };
    const sessions = {};
    try {
        log('starting contenders');
        sessions.ours = await startFlowSession(ours, context, settings);
        sessions.diy = await startFlowSession(diy, context, settings);
        sessions.floor = await startFlowSession(floor, context, settings);
        sessions.sdk = await startLoopSession('sdk', context);
        sessions.raw = await startLoopSession('raw', context);
        return await measureThroughput(sessions, emulator, settings, log);
    } finally {
        for (const session of Object.values(sessions)) await session.stop();
        await emulator.stop();
    }
}

async function runBench(settings, log = () => {}) {
    log('signing cost');
    const signUs = measureSignUs(settings.key, settings.signIterations);
    log('throughput');
    const { floor: nodeRedFloor, ...contenders } = await throughput(settings, log);
    log(`${settings.queued} queued calls`);
    const queue = await measureQueueGrowth(settings);
    log('throttled bulk');
    const throttled = await measureThrottled([ours, diy], settings, log);
    const diagnostics = { nodeRedFloor };
    return buildResult({ settings, contenders, diagnostics, signUs, queue, throttled });
}

module.exports = { runBench };
