// The emulated API Gateway: every rejection the real gateway gives, in the gateway's order.
'use strict';

const should = require('should');
const { createHmac, randomUUID } = require('node:crypto');

const { buildStringToSign, contentMd5, hmacSignature } = require('../../dist/signature');
const { sharedFile } = require('../support/shared');
const h = require('./helpers');

const MINUTE = 60 * 1000;

describe('emulator: the API Gateway checks', function () {
    let emulator;

    before(async function () {
        emulator = await h.startEmulator();
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    function rejection(res, status, message) {
        res.status.should.equal(status);
        res.headers['x-ca-error-message'].should.equal(message);
        res.text.should.equal('');
    }

    it('passes a request signed by our signRequest through to the API', async function () {
        const res = await h.addDevice(emulator);
        res.status.should.equal(200);
        res.json.code.should.equal(200);
    });

    it('puts a unique X-Ca-Request-Id and a Date header on every response', async function () {
        const ok = await h.addDevice(emulator);
        const rejected = await h.send(emulator, { headers: {}, body: h.envelope({}) });
        const ids = [ok, rejected].map((res) => res.headers['x-ca-request-id']);
        ids[0].should.match(/^[0-9A-F-]{36}$/);
        ids[0].should.not.equal(ids[1]);
        new Date(ok.headers.date).getTime().should.be.approximately(Date.now(), 5000);
        should.exist(rejected.headers.date);
    });

    it('answers 401 Empty Signature when X-Ca-Signature is missing', async function () {
        const request = h.signed({ body: h.envelope(h.validDevice()) });
        delete request.headers['x-ca-signature'];
        const res = await h.send(emulator, { headers: request.headers, body: h.envelope({}) });
        rejection(res, 401, 'Empty Signature');
    });

    it('answers 400 Invalid AppKey to an AppKey it does not know', async function () {
        const stranger = { appKey: '12345678', appSecret: 'whatever' };
        const res = await h.call(emulator, h.ADD, h.validDevice(), { key: stranger });
        rejection(res, 400, 'Invalid AppKey');
    });

    it('answers 400 Invalid AppKey when X-Ca-Key is missing', async function () {
        const body = h.envelope(h.validDevice());
        const request = h.signed({ body });
        delete request.headers['x-ca-key'];
        rejection(
            await h.send(emulator, { headers: request.headers, body }),
            400,
            'Invalid AppKey',
        );
    });

    it('answers 400 Invalid Timestamp to a timestamp in seconds', async function () {
        const timestamp = Math.floor(Date.now() / 1000);
        const res = await h.call(emulator, h.ADD, h.validDevice(), { timestamp });
        rejection(res, 400, 'Invalid Timestamp');
    });

    it('answers 400 Timestamp Expired 16 minutes behind or ahead of its clock', async function () {
        for (const skew of [-16 * MINUTE, 16 * MINUTE]) {
            const res = await h.call(emulator, h.ADD, h.validDevice(), {
                timestamp: Date.now() + skew,
            });
            rejection(res, 400, 'Timestamp Expired');
        }
    });

    it('accepts a timestamp 14 minutes old', async function () {
        const res = await h.call(emulator, h.ADD, h.validDevice(), {
            timestamp: Date.now() - 14 * MINUTE,
        });
        res.status.should.equal(200);
    });

    it('judges timestamps by its clock option (a gateway 20 min ahead)', async function () {
        const ahead = await h.startEmulator({ clock: () => Date.now() + 20 * MINUTE });
        try {
            rejection(await h.addDevice(ahead), 400, 'Timestamp Expired');
        } finally {
            await ahead.close();
        }
    });

    it('answers 400 Nonce Used to a replayed nonce', async function () {
        const nonce = randomUUID();
        (await h.call(emulator, h.ADD, h.validDevice(), { nonce })).status.should.equal(200);
        rejection(await h.call(emulator, h.ADD, h.validDevice(), { nonce }), 400, 'Nonce Used');
    });

    it('keeps nonces apart per AppKey', async function () {
        const nonce = randomUUID();
        await h.call(emulator, h.ADD, h.validDevice(), { nonce });
        const res = await h.call(emulator, h.ADD, h.validDevice(), { nonce, key: h.OTHER_KEY });
        res.status.should.equal(200);
    });

    it('does not burn a nonce on a request whose signature is wrong', async function () {
        const nonce = randomUUID();
        const forged = { ...h.KEY, appSecret: 'not-the-secret' };
        const first = await h.call(emulator, h.ADD, h.validDevice(), { nonce, key: forged });
        first.status.should.equal(400);
        (await h.call(emulator, h.ADD, h.validDevice(), { nonce })).status.should.equal(200);
    });

    it('answers 400 Invalid Content-MD5 to a body other than the signed one', async function () {
        const request = h.signed({ body: h.envelope(h.validDevice()) });
        const other = h.envelope(h.validDevice({ deviceIp: '10.0.0.9' }));
        const res = await h.send(emulator, { headers: request.headers, body: other });
        rejection(res, 400, 'Invalid Content-MD5');
    });

    it('answers 400 Invalid Signature with its StringToSign, newlines as #', async function () {
        const forged = { ...h.KEY, appSecret: 'not-the-secret' };
        const body = h.envelope(h.validDevice());
        const request = h.signed({ body, key: forged });
        const res = await h.send(emulator, { headers: request.headers, body });
        const expected = request.stringToSign.replace(/\n/g, '#');
        rejection(res, 400, `Invalid Signature, Server StringToSign:${expected}`);
    });

    it('answers 400 Invalid Signature when Accept changes after signing', async function () {
        const body = h.envelope(h.validDevice());
        const request = h.signed({ body });
        request.headers['x-ca-stage'] = 'RELEASE ';
        request.headers.accept = 'application/json; charset=UTF-8';
        const res = await h.send(emulator, { headers: request.headers, body });
        res.status.should.equal(400);
        res.headers['x-ca-error-message'].should.startWith(
            'Invalid Signature, Server StringToSign:POST#application/json; charset=UTF-8#',
        );
    });

    it('checks the signature before Content-MD5', async function () {
        const nonce = randomUUID();
        const forged = { ...h.KEY, appSecret: 'not-the-secret' };
        const request = h.signed({ body: h.envelope(h.validDevice()), key: forged, nonce });
        const res = await h.send(emulator, {
            headers: request.headers,
            body: Buffer.from('{}'),
        });
        res.headers['x-ca-error-message'].should.startWith('Invalid Signature');
    });

    it('signs the query in sorted key order with decoded values', async function () {
        const query = { z: 'last', a: 'hello world', m: '', b: '2' };
        const res = await h.call(emulator, h.ADD, h.validDevice(), { query });
        res.status.should.equal(200);
    });

    it('answers 404 Invalid Url to an unknown path and to a trailing slash', async function () {
        for (const path of ['/face/paas/edge/guard/device/remove', `${h.ADD}/`]) {
            const res = await h.call(emulator, path, h.validDevice());
            rejection(res, 404, 'Invalid Url');
        }
    });

    it('answers 404 Invalid Url on a stage the API is not published to', async function () {
        const res = await h.call(emulator, h.ADD, h.validDevice(), { stage: 'TEST' });
        rejection(res, 404, 'Invalid Url');
    });

    it('answers 400 Invalid HttpMethod to a GET', async function () {
        rejection(
            await h.send(emulator, { method: 'GET', path: h.ADD }),
            400,
            'Invalid HttpMethod',
        );
    });

    it('accepts no X-Ca-Timestamp and no X-Ca-Nonce: both are optional', async function () {
        const body = h.envelope(h.validDevice());
        const headers = {
            accept: 'application/json',
            'content-type': 'application/json',
            'content-md5': contentMd5(body),
            'x-ca-key': h.KEY.appKey,
            'x-ca-signature-headers': 'x-ca-key',
        };
        const stringToSign = buildStringToSign({
            method: 'POST',
            headers,
            signedHeaders: ['x-ca-key'],
            url: h.ADD,
        });
        headers['x-ca-signature'] = hmacSignature(h.KEY.appSecret, stringToSign);
        (await h.send(emulator, { headers, body })).status.should.equal(200);
    });

    it('verifies HmacSHA1 when X-Ca-Signature-Method asks for it', async function () {
        const body = h.envelope(h.validDevice());
        const request = h.signed({ body, headers: { 'x-ca-signature-method': 'HmacSHA1' } });
        request.headers['x-ca-signature'] = createHmac('sha1', h.KEY.appSecret)
            .update(request.stringToSign)
            .digest('base64');
        (await h.send(emulator, { headers: request.headers, body })).status.should.equal(200);
    });

    it('passes every signature vector captured from the official SDK', async function () {
        const { vectors } = require(sharedFile('api/vectors/signature-vectors.json'));
        for (const vector of vectors) {
            const pinned = await h.startEmulator({
                keys: [{ appKey: vector.appKey, appSecret: vector.appSecret }],
                clock: () => Number(vector.timestamp),
                http: true,
            });
            try {
                const headers = Object.fromEntries(
                    vector.all_headers_on_wire.filter(([name]) => name !== 'Content-Length'),
                );
                const res = await h.send(pinned, {
                    path: vector.wire_path,
                    headers,
                    body: Buffer.from(vector.body, 'utf8'),
                });
                should(res.headers['x-ca-error-message']).be.undefined();
                res.status.should.equal(200, vector.name);
            } finally {
                await pinned.close();
            }
        }
    });
});

describe('emulator: APP flow control', function () {
    it('answers 403 Throttled by APP Flow Control beyond the rate', async function () {
        const emulator = await h.startEmulator({ ratePerSecondPerAppKey: 2 });
        try {
            const statuses = [];
            for (let i = 0; i < 3; i += 1) statuses.push((await h.addDevice(emulator)).status);
            statuses.should.eql([200, 200, 403]);

            const throttled = await h.addDevice(emulator);
            throttled.headers['x-ca-error-message'].should.equal(
                'Throttled by APP Flow Control',
            );
            throttled.text.should.equal('');

            const other = await h.call(emulator, h.ADD, h.validDevice(), { key: h.OTHER_KEY });
            other.status.should.equal(200);
        } finally {
            await emulator.close();
        }
    });

    it('admits again once the rolling second has passed', async function () {
        let now = 1_800_000_000_000;
        const emulator = await h.startEmulator({ ratePerSecondPerAppKey: 1, clock: () => now });
        try {
            const at = (time) => h.call(emulator, h.ADD, h.validDevice(), { timestamp: time });
            (await at(now)).status.should.equal(200);
            (await at(now)).status.should.equal(403);
            now += 1000;
            (await at(now)).status.should.equal(200);
        } finally {
            await emulator.close();
        }
    });
});
