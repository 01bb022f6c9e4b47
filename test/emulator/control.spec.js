// The control endpoint under /__emulator/: no signature, loopback callers only.
'use strict';

const { X509Certificate } = require('node:crypto');
const should = require('should');

const h = require('./helpers');
const { isLoopback } = require('../../dist/emulator/http-io');

describe('emulator: the control endpoint', function () {
    let emulator;

    before(async function () {
        emulator = await h.startEmulator();
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    it('answers a loopback caller without any signature', async function () {
        const res = await h.control(emulator, 'GET', 'stats');
        res.status.should.equal(200);
        should.exist(res.headers['x-ca-request-id']);
    });

    it('POST /__emulator/faults sets the plan the next request meets', async function () {
        const set = await h.control(emulator, 'POST', 'faults', {
            next: [{ fault: 'http-503' }],
        });
        set.status.should.equal(200);
        set.json.plan.next.should.eql([{ fault: 'http-503', count: 1 }]);
        (await h.addDevice(emulator)).status.should.equal(503);
        (await h.control(emulator, 'GET', 'faults')).json.plan.next.should.be.empty();
    });

    it('POST /__emulator/faults answers 400 and why to a bad plan', async function () {
        const res = await h.control(emulator, 'POST', 'faults', { nxt: [] });
        res.status.should.equal(400);
        res.json.error.should.containEql('nxt');
    });

    it('GET /__emulator/devices lists the devices added so far', async function () {
        const { iotId } = (await h.addDevice(emulator)).json.data;
        const res = await h.control(emulator, 'GET', 'devices');
        res.json.map((device) => device.iotId).should.eql([iotId]);
    });

    it('POST /__emulator/reset forgets devices and nonces', async function () {
        const nonce = 'fixed-nonce-for-reset';
        await h.call(emulator, h.ADD, h.validDevice(), { nonce });
        (await h.control(emulator, 'POST', 'reset')).status.should.equal(200);
        emulator.devices().should.be.empty();
        (await h.call(emulator, h.ADD, h.validDevice(), { nonce })).status.should.equal(200);
    });

    it('GET /__emulator/ca.pem serves the CA clients must trust', async function () {
        const res = await h.control(emulator, 'GET', 'ca.pem');
        res.status.should.equal(200);
        res.text.should.equal(emulator.ca);
        new X509Certificate(res.text).ca.should.be.true();
    });

    it('GET /__emulator/stats counts by outcome, status, code and error', async function () {
        await h.addDevice(emulator);
        await h.addDevice(emulator, { deviceIp: 'nope' });
        await h.send(emulator, { headers: {}, body: h.envelope({}) });
        const stats = (await h.control(emulator, 'GET', 'stats')).json;
        stats.total.should.equal(3);
        stats.byOutcome.should.eql({ ok: 1, 'api-error': 1, rejected: 1 });
        stats.byCode.should.eql({ 200: 1, 460: 1 });
        stats.byError.should.eql({ 'Empty Signature': 1 });
    });

    it('GET /__emulator/requests lists requests with nonce and id', async function () {
        const res = await h.call(emulator, h.ADD, h.validDevice(), { nonce: 'nonce-to-find' });
        const [record] = (await h.control(emulator, 'GET', 'requests')).json;
        record.should.have.properties({
            requestId: res.headers['x-ca-request-id'],
            appKey: h.KEY.appKey,
            nonce: 'nonce-to-find',
            outcome: 'ok',
            status: 200,
            code: 200,
        });
    });

    it('answers 404 to an unknown control route', async function () {
        (await h.control(emulator, 'GET', 'secrets')).status.should.equal(404);
    });

    it('tells loopback callers from others', function () {
        ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].forEach((address) =>
            isLoopback(address).should.be.true(address),
        );
        ['10.0.0.1', '::ffff:192.168.1.2', '::', undefined].forEach((address) =>
            isLoopback(address).should.be.false(String(address)),
        );
    });

    it('answers 404 for ca.pem over plain HTTP, where there is no CA', async function () {
        const plain = await h.startEmulator({ http: true });
        try {
            should(plain.ca).be.undefined();
            plain.url.should.startWith('http://127.0.0.1:');
            (await h.control(plain, 'GET', 'ca.pem')).status.should.equal(404);
        } finally {
            await plain.close();
        }
    });
});
