// Throttled bulk provisioning: an emulator that admits `ratePerSecond` requests per second
// per AppKey and answers the rest with the gateway's 403 throttling response, and every
// device handed to the flow at once, as a CSV import would. The ideal is devices / rate.
'use strict';

const { startEmulatorProcess } = require('./emulator/spawn');
const { startFlowSession } = require('./node-red/session');
const { round } = require('./stats');

/** The flow gets three times the ideal, then whatever has not come back counts as lost. */
function deadlineFor(idealSeconds) {
    return Math.round(idealSeconds * 3000) + 10000;
}

async function measureThrottled(contenders, settings, log) {
    const { devices, ratePerSecond } = settings.throttled;
    const idealSeconds = devices / ratePerSecond;
    const emulator = await startEmulatorProcess({
        keys: [settings.key],
        ratePerSecondPerAppKey: ratePerSecond,
    });
    const context = { url: emulator.url, key: settings.key, concurrency: settings.concurrency };
    const results = {};
    try {
        for (const contender of contenders) {
            log(
                `  throttled bulk: ${contender.name}, ${devices} devices at ${ratePerSecond}/s`,
            );
            const session = await startFlowSession(contender, context, settings);
            try {
                await emulator.reset();
                const figures = await session.run({
                    count: devices,
                    window: devices,
                    deadlineMs: deadlineFor(idealSeconds),
                });
                results[contender.name] = {
                    seconds: round(figures.wallMs / 1000, 2),
                    idealSeconds,
                    lost: figures.count - figures.back,
                    surfacedThrottleErrors: figures.throttled,
                    otherErrors: figures.failed - figures.throttled,
                };
            } finally {
                await session.stop();
            }
        }
    } finally {
        await emulator.stop();
    }
    return results;
}

module.exports = { measureThrottled };
