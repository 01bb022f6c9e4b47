// The official npm SDK (aliyun-api-gateway@1.1.6) must be accepted as the real gateway
// accepts it. Plain HTTP here: the SDK turns TLS verification off by itself, so HTTPS would
// prove nothing about trust and we do not want to lean on that behaviour.
'use strict';

const { randomUUID } = require('node:crypto');
const { Client, CONTENT_TYPE_JSON } = require('aliyun-api-gateway');

const h = require('./helpers');

describe('emulator: the official aliyun-api-gateway SDK', function () {
    let emulator;
    let client;

    before(async function () {
        emulator = await h.startEmulator({ http: true });
        client = new Client(h.KEY.appKey, h.KEY.appSecret);
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    function data(params, apiVer = '1.0.0') {
        return { id: randomUUID(), version: '1.0', request: { apiVer }, params };
    }

    it('adds a device as the Living Platform Node sample does', async function () {
        const reply = await client.post(`${emulator.url}${h.ADD}`, {
            data: data(h.validDevice({ extInfo: '{"direction":"入口"}' })),
            headers: { accept: 'application/json' },
        });
        reply.code.should.equal(200);
        reply.data.iotId.should.match(/000100$/);
    });

    it('is accepted with Content-Type application/json; charset=UTF-8', async function () {
        const reply = await client.post(`${emulator.url}${h.ADD}`, {
            data: data(h.validDevice()),
            headers: { accept: 'application/json', 'content-type': CONTENT_TYPE_JSON },
        });
        reply.code.should.equal(200);
    });

    it('is accepted with an unsorted query string, which it signs sorted', async function () {
        const url = `${emulator.url}${h.ADD}?z=last&a=hello%20world&m=&b=2`;
        const reply = await client.post(url, { data: data(h.validDevice()) });
        reply.code.should.equal(200);
    });

    it('gets and queries the device it added', async function () {
        const added = await client.post(`${emulator.url}${h.ADD}`, {
            data: data(h.validDevice()),
        });
        const { iotId } = added.data;
        const got = await client.post(`${emulator.url}${h.GET}`, { data: data({ iotId }) });
        got.data.deviceName.should.equal('door-01');
        const edgeGwIotId = h.validDevice().edgeGwIotId;
        const list = await client.post(`${emulator.url}${h.QUERY}`, {
            data: data({ edgeGwIotId }),
        });
        list.data.should.have.length(1);
    });

    it('is accepted with a form body, whose fields it signs in the Url line', async function () {
        const reply = await client.post(`${emulator.url}${h.ADD}`, {
            data: { deviceIp: '192.168.1.2', note: '' },
            headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        });
        // Past the gateway; the API then refuses a body that is not the JSON envelope.
        reply.code.should.equal(460);
    });

    it('surfaces a wrong secret as an SDK error 400 with the StringToSign', async function () {
        const wrong = new Client(h.KEY.appKey, 'not-the-secret');
        const error = await wrong
            .post(`${emulator.url}${h.ADD}`, { data: data(h.validDevice()) })
            .then(
                () => null,
                (err) => err,
            );
        error.code.should.equal(400);
        error.message.should.containEql(
            'Invalid Signature, Server StringToSign:POST#application/json#',
        );
        error.data.headers['x-ca-request-id'].should.match(/^[0-9A-F-]{36}$/);
    });
});
