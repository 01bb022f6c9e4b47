'use strict';

const should = require('should');

const {
    addFlow,
    collect,
    credentials,
    device,
    helper,
    nodes,
    startEmulator,
    useEmulator,
} = require('../support/fixtures');

const quick = { timeout: 600, maxAttempts: 3 };

describe('face-guard-add when the gateway or the network misbehaves', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    async function sendOne(config = quick, payload = { ...device }) {
        await helper.load(nodes, addFlow(emulator, { config }), credentials(emulator));
        const answers = collect(1);
        helper.getNode('add').receive({ payload });
        const { ok, err } = await answers;
        return ok[0] || err[0];
    }

    function nonces() {
        return emulator.requestLog.map((record) => record.nonce).filter(Boolean);
    }

    for (const fault of ['http-503', 'http-500', 'api-500', 'api-20056', 'reset']) {
        it(`retries ${fault} with a fresh signature and succeeds`, async function () {
            emulator.setFaults({ next: [{ fault, count: 2 }] });
            const msg = await sendOne();
            should.exist(msg.iotId, JSON.stringify(msg.error));
            msg.faceGuard.attempts.should.equal(3);
        });
    }

    it('never reuses a nonce across attempts', async function () {
        emulator.setFaults({ next: [{ fault: 'http-503', count: 2 }] });
        await sendOne();
        const seen = nonces();
        if (seen.length > 0) new Set(seen).size.should.equal(seen.length);
        emulator.requestLog.length.should.equal(3);
    });

    it('gives up after maxAttempts and reports the attempts', async function () {
        emulator.setFaults({ next: [{ fault: 'http-503', count: 5 }] });
        const msg = await sendOne();
        msg.error.code.should.equal('GATEWAY_UNAVAILABLE');
        msg.error.source.should.equal('gateway');
        msg.error.retryable.should.be.true();
        msg.error.attempts.should.equal(3);
    });

    for (const fault of ['throttle', 'api-429']) {
        it(`waits out ${fault} without spending attempts, then succeeds`, async function () {
            emulator.setFaults({ next: [{ fault, count: 3 }] });
            const msg = await sendOne({ ...quick, maxAttempts: 1 });
            should.exist(msg.iotId, JSON.stringify(msg.error));
            msg.faceGuard.attempts.should.equal(4);
        });
    }

    it('reports a server that never answers as TIMEOUT after the configured time', async function () {
        emulator.setFaults({ next: [{ fault: 'hang', count: 1 }] });
        const started = Date.now();
        const msg = await sendOne({ timeout: 400, maxAttempts: 1 });
        msg.error.code.should.equal('TIMEOUT');
        msg.error.source.should.equal('timeout');
        (Date.now() - started).should.be.below(3000);
    });

    it('reports headers followed by a stalled body as TIMEOUT, not a hang', async function () {
        emulator.setFaults({ next: [{ fault: 'stall-body', count: 1 }] });
        const msg = await sendOne({ timeout: 400, maxAttempts: 1 });
        msg.error.code.should.equal('TIMEOUT');
    });

    it('reports an HTML error page as BAD_RESPONSE', async function () {
        emulator.setFaults({ next: [{ fault: 'html', count: 5 }] });
        const msg = await sendOne({ ...quick, maxAttempts: 1 });
        msg.error.code.should.equal('BAD_RESPONSE');
        msg.error.httpStatus.should.equal(502);
    });

    it('sends a 460 from the API to output 2 with its code, untouched payload, no retry', async function () {
        emulator.setFaults({ next: [{ fault: 'api-460', count: 1 }] });
        const msg = await sendOne();
        msg.error.code.should.equal('API_INVALID_PARAM');
        msg.error.source.should.equal('api');
        msg.error.apiCode.should.equal(460);
        msg.error.httpStatus.should.equal(200);
        msg.error.localizedMsg.should.equal('请求参数错误');
        msg.error.attempts.should.equal(1);
        msg.payload.should.eql(device);
    });

    it('reports malformed JSON in an HTTP 200 as BAD_RESPONSE', async function () {
        emulator.setFaults({ next: [{ fault: 'bad-json', count: 1 }] });
        const msg = await sendOne();
        msg.error.code.should.equal('BAD_RESPONSE');
        msg.error.attempts.should.equal(1);
    });

    it('reports a reset connection as NETWORK once attempts run out', async function () {
        emulator.setFaults({ next: [{ fault: 'reset', count: 3 }] });
        const msg = await sendOne();
        msg.error.code.should.equal('NETWORK');
        msg.error.source.should.equal('network');
    });

    it('refuses an untrusted certificate with a TLS error instead of going on', async function () {
        const msg = await sendOne({ ...quick, tls: '' });
        msg.error.code.should.equal('TLS');
        msg.error.retryable.should.be.false();
    });
});

describe('face-guard-add and a wrong clock', function () {
    let emulator;

    before(async function () {
        // The gateway's clock runs 20 minutes ahead of ours.
        emulator = await startEmulator({ clock: () => Date.now() + 20 * 60 * 1000 });
    });

    after(async function () {
        await emulator.close();
        await helper.unload();
    });

    it('reports Timestamp Expired as a clock problem with the server time, once', async function () {
        await helper.load(nodes, addFlow(emulator, { config: quick }), credentials(emulator));
        const answers = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        const { err } = await answers;
        const { error } = err[0];
        error.code.should.equal('GATEWAY_TIMESTAMP');
        error.serverTime.should.be.a.String();
        error.attempts.should.equal(1);
    });
});
