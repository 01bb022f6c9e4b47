'use strict';

const should = require('should');

const { LivingPlatformClient, addDevice } = require('../../dist');
const { createEmulator } = require('../../dist/emulator');

const APP_KEY = 'client-key';
const APP_SECRET = 'client-secret-1234';

const device = {
    deviceIp: '10.0.0.8',
    edgeGwIotId: 'gwIotId0002',
    productKey: 'a1FaceGuard',
    imageOssBucketName: 'face-images',
};

function wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function sockets() {
    return process.getActiveResourcesInfo().filter((kind) => /TCP|TLS/.test(kind)).length;
}

describe('LivingPlatformClient without Node-RED', function () {
    let emulator;
    let client;

    before(async function () {
        emulator = await createEmulator({
            keys: [{ appKey: APP_KEY, appSecret: APP_SECRET }],
            log: false,
            keepAliveTimeoutMs: 500,
        });
    });

    after(async function () {
        await emulator.close();
    });

    beforeEach(function () {
        client = new LivingPlatformClient({
            endpoint: emulator.url,
            appKey: APP_KEY,
            appSecret: APP_SECRET,
            tls: { ca: emulator.ca },
        });
    });

    afterEach(function () {
        client.close();
        emulator.reset();
    });

    it('reuses nothing stale: a call after the server closed the idle socket succeeds', async function () {
        this.timeout(10000);
        (await addDevice(client, device)).ok.should.be.true();
        // Node closes idle sockets about a second after keepAliveTimeoutMs.
        await wait(2000);
        const second = await addDevice(client, device);
        should(second.ok).be.true(JSON.stringify(second.failure));
        second.attempts.should.equal(1);
    });

    it('does not grow sockets or abort listeners over 500 sequential calls', async function () {
        this.timeout(60000);
        const signal = new AbortController().signal;
        await addDevice(client, device, signal);
        const before = sockets();
        for (let i = 0; i < 500; i += 1) {
            const outcome = await addDevice(
                client,
                { ...device, deviceName: `seq-door-${i}` },
                signal,
            );
            outcome.ok.should.be.true();
        }
        sockets().should.be.belowOrEqual(before + 1);
        // Each call removes the listeners it added to the caller's signal.
        const { getEventListeners } = require('node:events');
        getEventListeners(signal, 'abort').should.have.length(0);
    });

    it('refuses plain http to anything but a loopback host, before sending', async function () {
        const remote = new LivingPlatformClient({
            endpoint: 'http://api.link.aliyun.com',
            appKey: APP_KEY,
            appSecret: APP_SECRET,
        });
        const outcome = await addDevice(remote, device);
        remote.close();
        outcome.ok.should.be.false();
        outcome.failure.code.should.equal('INVALID_API_ENDPOINT');
        outcome.attempts.should.equal(0);
    });

    it('refuses an endpoint carrying a path or query, so the signed path is the one sent', async function () {
        for (const endpoint of [`${emulator.url}/x`, `${emulator.url}/?a=1`]) {
            const odd = new LivingPlatformClient({
                endpoint,
                appKey: APP_KEY,
                appSecret: APP_SECRET,
            });
            const outcome = await addDevice(odd, device);
            odd.close();
            outcome.failure.code.should.equal('INVALID_API_ENDPOINT');
        }
    });

    it('answers calls queued behind a closed client as CANCELLED', async function () {
        emulator.setFaults({ next: [{ fault: 'hang', count: 5 }] });
        const calls = [1, 2, 3].map(() => addDevice(client, device));
        await wait(100);
        client.close();
        const outcomes = await Promise.all(calls);
        outcomes.map((o) => o.failure.code).should.eql(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    });
});
