// The knobs of one benchmark run: how many messages, how many in flight, and the key pair
// the emulator accepts. Quick keeps the same shape with smaller counts so it fits in 45 s.
'use strict';

const crypto = require('node:crypto');

// Warm-up matters: the runtimes need a few thousand messages before the JIT settles, and
// measuring earlier would mostly measure compilation.
const FULL = {
    warmup: 4000,
    messages: 10000,
    rounds: 3,
    concurrency: 4,
    signIterations: 200000,
    queued: 10000,
    queueRepeats: 3,
    throttled: { devices: 400, ratePerSecond: 20 },
};

const QUICK = {
    warmup: 1500,
    messages: 2000,
    rounds: 1,
    concurrency: 4,
    signIterations: 50000,
    queued: 10000,
    queueRepeats: 1,
    throttled: { devices: 60, ratePerSecond: 20 },
};

/** A fresh pair per run: nothing here is a real credential, and nothing is reused. */
function benchKey() {
    return {
        appKey: `bench-${crypto.randomBytes(4).toString('hex')}`,
        appSecret: crypto.randomBytes(24).toString('base64url'),
    };
}

function settingsFor(quick) {
    return { quick, ...(quick ? QUICK : FULL), key: benchKey() };
}

module.exports = { settingsFor };
