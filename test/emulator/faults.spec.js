// Fault injection: each fault as a client would meet it, counts, the stage a fault acts at,
// random mixes, latency and jitter, and a close() that ends even hung sockets.
'use strict';

const https = require('node:https');
const should = require('should');

const h = require('./helpers');

describe('emulator: fault injection', function () {
    let emulator;

    before(async function () {
        emulator = await h.startEmulator();
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    const once = (fault) => emulator.setFaults({ next: [{ fault }] });

    async function gatewayFault(fault, status, message) {
        once(fault);
        const res = await h.addDevice(emulator);
        res.status.should.equal(status);
        res.headers['x-ca-error-message'].should.equal(message);
        res.text.should.equal('');
        should.exist(res.headers['x-ca-request-id']);
        (await h.addDevice(emulator)).status.should.equal(200);
    }

    it('http-500 answers 500 Internal Error once, then serves normally', function () {
        return gatewayFault('http-500', 500, 'Internal Error');
    });

    it('http-503 answers 503 Service Unavailable', function () {
        return gatewayFault('http-503', 503, 'Service Unavailable');
    });

    it('throttle answers 403 Throttled by APP Flow Control', function () {
        return gatewayFault('throttle', 403, 'Throttled by APP Flow Control');
    });

    for (const [fault, code] of [
        ['api-429', 429],
        ['api-20056', 20056],
        ['api-500', 500],
    ]) {
        it(`${fault} answers HTTP 200 with code ${code} and the envelope id`, async function () {
            once(fault);
            const res = await h.call(emulator, h.ADD, h.validDevice(), { id: 'env-7' });
            res.status.should.equal(200);
            res.json.should.have.properties({ id: 'env-7', code });
            res.json.message.should.be.a.String();
            res.json.localizedMsg.should.be.a.String();
            emulator.devices().should.be.empty();
        });
    }

    it('html answers 502 with a text/html page and no JSON', async function () {
        once('html');
        const res = await h.addDevice(emulator);
        res.status.should.equal(502);
        res.headers['content-type'].should.startWith('text/html');
        res.text.should.containEql('502 Bad Gateway');
    });

    it('bad-json answers HTTP 200 application/json whose body does not parse', async function () {
        once('bad-json');
        const res = await h.addDevice(emulator);
        res.status.should.equal(200);
        res.headers['content-type'].should.startWith('application/json');
        should(() => JSON.parse(res.text)).throw(SyntaxError);
    });

    it('hang accepts the request and never answers', async function () {
        once('hang');
        const error = await h.call(emulator, h.ADD, h.validDevice(), { timeoutMs: 300 }).then(
            () => null,
            (err) => err,
        );
        error.code.should.equal('TIMEOUT');
    });

    it('reset destroys the socket mid-request', async function () {
        once('reset');
        const error = await h.addDevice(emulator).then(
            () => null,
            (err) => err,
        );
        should.exist(error);
        error.code.should.equal('ECONNRESET');
    });

    it('stall-body sends the headers and part of the body, then stalls', async function () {
        once('stall-body');
        const request = h.signed({ body: h.envelope(h.validDevice()) });
        const seen = await new Promise((resolve, reject) => {
            const req = https.request(new URL(h.ADD, emulator.url), {
                method: 'POST',
                headers: request.headers,
                ca: emulator.ca,
                agent: false,
            });
            req.on('error', () => {});
            req.on('response', (res) => {
                let received = 0;
                let ended = false;
                res.on('data', (chunk) => (received += chunk.length));
                res.on('end', () => (ended = true));
                res.on('error', () => {});
                setTimeout(() => {
                    resolve({
                        status: res.statusCode,
                        length: Number(res.headers['content-length']),
                        received,
                        ended,
                    });
                    req.destroy();
                }, 300);
            });
            req.end(h.envelope(h.validDevice()));
            setTimeout(() => reject(new Error('no headers')), 3000);
        });
        seen.status.should.equal(200);
        seen.received.should.be.above(0).and.below(seen.length);
        seen.ended.should.be.false();
    });

    it('a latency step delays one answer, then serves it normally', async function () {
        emulator.setFaults({ next: [{ fault: 'latency', ms: 200 }] });
        const started = Date.now();
        (await h.addDevice(emulator)).json.code.should.equal(200);
        (Date.now() - started).should.be.aboveOrEqual(190);
    });

    it('latencyMs with jitterMs brings concurrent answers back out of order', async function () {
        emulator.setFaults({ latencyMs: 20, jitterMs: 300 });
        const finished = [];
        await Promise.all(
            Array.from({ length: 8 }, (_, i) =>
                h
                    .addDevice(emulator, { deviceName: `door-0${i}` })
                    .then(() => finished.push(i)),
            ),
        );
        finished.should.have.length(8);
        finished.should.not.eql([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it('hits exactly count requests, in the order the steps were given', async function () {
        emulator.setFaults({ next: [{ fault: 'http-503', count: 2 }, { fault: 'api-429' }] });
        const outcomes = [];
        for (let i = 0; i < 4; i += 1) {
            const res = await h.addDevice(emulator);
            outcomes.push(`${res.status}/${res.json ? res.json.code : '-'}`);
        }
        outcomes.should.eql(['503/-', '503/-', '200/429', '200/200']);
    });

    it('keeps gateway faults for requests that pass the signature checks', async function () {
        once('http-503');
        const forged = { ...h.KEY, appSecret: 'not-the-secret' };
        const rejected = await h.call(emulator, h.ADD, h.validDevice(), { key: forged });
        rejected.headers['x-ca-error-message'].should.startWith('Invalid Signature');
        (await h.addDevice(emulator)).status.should.equal(503);
    });

    it('applies transport faults before any check, even to unsigned requests', async function () {
        once('html');
        const res = await h.send(emulator, { headers: {}, body: h.envelope({}) });
        res.status.should.equal(502);
    });

    it('a mix with probability 1 hits every request with one of its faults', async function () {
        emulator.setFaults({
            mix: { probability: 1, faults: ['http-503', 'api-500'], seed: 42 },
        });
        for (let i = 0; i < 6; i += 1) {
            const res = await h.addDevice(emulator);
            (res.status === 503 || (res.json && res.json.code === 500)).should.be.true();
        }
    });

    it('a seeded mix draws the same faults on every run', async function () {
        const plan = { mix: { probability: 0.5, faults: ['http-500', 'http-503'], seed: 3 } };
        const run = async () => {
            emulator.reset();
            emulator.setFaults(plan);
            const statuses = [];
            for (let i = 0; i < 8; i += 1) statuses.push((await h.addDevice(emulator)).status);
            return statuses;
        };
        const first = await run();
        (await run()).should.eql(first);
        first.should.containEql(200);
    });

    it('refuses a plan with an unknown fault, keeping the old one', function () {
        once('http-503');
        should(() => emulator.setFaults({ next: [{ fault: 'http-504' }] })).throw(TypeError, {
            message: /next\[0\]\.fault/,
        });
        emulator.faults().next.should.eql([{ fault: 'http-503', count: 1 }]);
    });

    it('takes its first plan from the faults option', async function () {
        const faulty = await h.startEmulator({ faults: { next: [{ fault: 'http-500' }] } });
        try {
            (await h.addDevice(faulty)).status.should.equal(500);
        } finally {
            await faulty.close();
        }
    });

    it('close() ends hung and stalled requests at once', async function () {
        const doomed = await h.startEmulator({
            faults: { next: [{ fault: 'hang' }, { fault: 'stall-body' }] },
        });
        const hung = h.addDevice(doomed).then(
            () => null,
            (err) => err,
        );
        const stalled = h.addDevice(doomed).then(
            () => null,
            (err) => err,
        );
        await new Promise((resolve) => setTimeout(resolve, 100));

        const started = Date.now();
        await doomed.close();
        (Date.now() - started).should.be.below(1000);
        const errors = await Promise.all([hung, stalled]);
        errors.forEach((error) => should.exist(error));
        errors.forEach((error) => error.code.should.not.equal('TIMEOUT'));
    });
});
