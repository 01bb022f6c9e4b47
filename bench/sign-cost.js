// What signing one attempt costs: our signRequest on the body of a typical add-device
// envelope, many times over, with fresh timestamp and nonce as the client passes them.
// Nonces are made up front so their generation is not billed to the signature.
'use strict';

const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');

const { signRequest } = require('../dist/signature');
const { ADD_PATH, envelope, makeDevice } = require('./devices');

function signInputs(key, count) {
    return Array.from({ length: count }, (_, i) => ({
        method: 'POST',
        path: ADD_PATH,
        body: Buffer.from(envelope(randomUUID(), makeDevice(i))),
        appKey: key.appKey,
        appSecret: key.appSecret,
        timestamp: Date.now(),
        nonce: randomUUID(),
    }));
}

/** Mean microseconds per signRequest over `iterations`, after a warm-up of a tenth. */
function measureSignUs(key, iterations) {
    const inputs = signInputs(key, 1024);
    let sink = 0;
    const sign = (i) => {
        sink += signRequest(inputs[i & 1023]).headers['x-ca-signature'].length;
    };

    for (let i = 0; i < iterations / 10; i += 1) sign(i);
    const startedAt = performance.now();
    for (let i = 0; i < iterations; i += 1) sign(i);
    const elapsedMs = performance.now() - startedAt;

    // Using the result keeps the optimiser from dropping the calls.
    if (sink === 0) throw new Error('signRequest produced no signatures');
    return (elapsedMs * 1000) / iterations;
}

module.exports = { measureSignUs };
