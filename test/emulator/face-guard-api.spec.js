// The face-guard device APIs behind the gateway: add-or-update, get, query, and the coded
// failures (460, 20003) that arrive inside an HTTP 200.
'use strict';

const should = require('should');

const h = require('./helpers');

describe('emulator: the face-guard device APIs', function () {
    let emulator;

    before(async function () {
        emulator = await h.startEmulator();
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    async function ok(res) {
        res.status.should.equal(200);
        res.headers['content-type'].should.startWith('application/json');
        res.json.code.should.equal(200, JSON.stringify(res.json));
        return res.json.data;
    }

    function coded(res, code) {
        res.status.should.equal(200);
        res.json.code.should.equal(code);
        should(res.json.data).be.null();
        return res.json;
    }

    describe('add', function () {
        it('answers a platform-shaped iotId and echoes the envelope id', async function () {
            const res = await h.call(emulator, h.ADD, h.validDevice(), { id: 'req-42' });
            const data = await ok(res);
            data.iotId.should.match(/^[A-Za-z0-9]{20}000100$/);
            res.json.id.should.equal('req-42');
            res.json.should.have.properties({ message: 'success', localizedMsg: null });
        });

        it('updates the same productKey + deviceName, keeping its iotId', async function () {
            const first = await ok(await h.addDevice(emulator));
            const second = await ok(await h.addDevice(emulator, { deviceIp: '10.1.2.3' }));
            second.iotId.should.equal(first.iotId);
            emulator.devices().should.have.length(1);
            emulator.devices()[0].deviceIp.should.equal('10.1.2.3');
        });

        it('creates a second device for another deviceName or productKey', async function () {
            const a = await ok(await h.addDevice(emulator));
            const b = await ok(await h.addDevice(emulator, { deviceName: 'door-02' }));
            const c = await ok(await h.addDevice(emulator, { productKey: 'a1OtherPk' }));
            new Set([a.iotId, b.iotId, c.iotId]).size.should.equal(3);
        });

        it('generates a deviceName when it is absent or empty', async function () {
            await ok(await h.addDevice(emulator, { deviceName: undefined }));
            await ok(await h.addDevice(emulator, { deviceName: '' }));
            const names = emulator.devices().map((device) => device.deviceName);
            names.should.have.length(2);
            names.forEach((name) => name.should.match(/^[A-Za-z0-9]{20}$/));
        });

        it('keeps an empty extInfo as a real value', async function () {
            const { iotId } = await ok(await h.addDevice(emulator, { extInfo: '' }));
            const device = await ok(await h.call(emulator, h.GET, { iotId }));
            device.extInfo.should.equal('');
        });

        it('counts extInfo in characters: 127 汉字 pass, 128 do not', async function () {
            await ok(await h.addDevice(emulator, { extInfo: '入'.repeat(127) }));
            coded(await h.addDevice(emulator, { extInfo: '入'.repeat(128) }), 460);
            await ok(await h.addDevice(emulator, { extInfo: '🚪'.repeat(127) }));
        });

        const badParams = [
            ['deviceIp', { deviceIp: undefined }],
            ['deviceIp', { deviceIp: '192.168.01.2' }],
            ['deviceIp', { deviceIp: '256.1.1.1' }],
            ['deviceIp', { deviceIp: '192.168.1' }],
            ['deviceIp', { deviceIp: 3232235778 }],
            ['edgeGwIotId', { edgeGwIotId: '' }],
            ['productKey', { productKey: undefined }],
            ['productKey', { productKey: 12345 }],
            ['imageOssBucketName', { imageOssBucketName: 'Face-Images' }],
            ['imageOssBucketName', { imageOssBucketName: 'ab' }],
            ['imageOssBucketName', { imageOssBucketName: '-images' }],
            ['deviceName', { deviceName: 'abc' }],
            ['deviceName', { deviceName: 'door 01' }],
            ['deviceName', { deviceName: 17169973925117969 }],
            ['imageOssEndPoint', { imageOssEndPoint: 'oss-cn-shanghai.aliyuncs.com' }],
            ['imageOssEndPoint', { imageOssEndPoint: 'ftp://oss-cn-shanghai.aliyuncs.com' }],
            ['extInfo', { extInfo: 'x'.repeat(128) }],
            ['extInfo', { extInfo: 0 }],
        ];
        for (const [field, overrides] of badParams) {
            it(`answers 460 naming ${field} for ${JSON.stringify(overrides)}`, async function () {
                const reply = coded(await h.addDevice(emulator, overrides), 460);
                reply.message.should.containEql(field);
                reply.localizedMsg.should.containEql(field);
                reply.localizedMsg.should.match(/[\u4e00-\u9fff]/);
                emulator.devices().should.be.empty();
            });
        }

        it('accepts an https endpoint and 0.0.0.0 / 255.255.255.255 addresses', async function () {
            await ok(
                await h.addDevice(emulator, { imageOssEndPoint: 'https://oss.example.test' }),
            );
            await ok(
                await h.addDevice(emulator, { deviceIp: '0.0.0.0', deviceName: 'door-00' }),
            );
            await ok(await h.addDevice(emulator, { deviceIp: '255.255.255.255' }));
        });
    });

    describe('get', function () {
        it('answers every field of the device, with the default endpoint', async function () {
            const { iotId } = await ok(await h.addDevice(emulator));
            const device = await ok(await h.call(emulator, h.GET, { iotId }));
            device.should.eql({
                ...h.validDevice(),
                iotId,
                imageOssEndPoint: 'http://oss-cn-shanghai.aliyuncs.com',
                extInfo: null,
            });
        });

        it('answers 460 saying the device does not exist for an unknown iotId', async function () {
            const reply = coded(
                await h.call(emulator, h.GET, { iotId: 'NoSuchDevice000000000000100' }),
                460,
            );
            reply.message.should.containEql('does not exist');
        });

        it('answers 460 naming iotId when it is missing', async function () {
            coded(await h.call(emulator, h.GET, {}), 460).message.should.containEql('iotId');
        });
    });

    describe('query', function () {
        it('lists the devices under a gateway with their category and status', async function () {
            const gateway = h.validDevice().edgeGwIotId;
            const a = await ok(await h.addDevice(emulator));
            const b = await ok(await h.addDevice(emulator, { deviceName: 'door-02' }));
            await h.addDevice(emulator, { deviceName: 'door-03', edgeGwIotId: 'OtherGateway' });

            const list = await ok(await h.call(emulator, h.QUERY, { edgeGwIotId: gateway }));
            list.map((item) => item.iotId).should.eql([a.iotId, b.iotId]);
            list[0].should.eql({
                iotId: a.iotId,
                productKey: 'a1FacePk001',
                deviceName: 'door-01',
                categoryKey: 'FaceRecognitionAccessControl',
                categoryName: '人脸识别门禁',
                status: 1,
            });
        });

        it('answers 460 gateway not found for a gateway with no devices', async function () {
            const reply = coded(
                await h.call(emulator, h.QUERY, { edgeGwIotId: 'Nowhere' }),
                460,
            );
            reply.message.should.containEql('gateway Nowhere not found');
        });
    });

    describe('the envelope', function () {
        it('answers 460 to a body that is not JSON', async function () {
            const res = await h.call(emulator, h.ADD, null, {
                body: Buffer.from('deviceIp=1.2.3.4'),
            });
            coded(res, 460);
            should(res.json.id).be.undefined();
        });

        it('answers 460 when request.apiVer is missing', async function () {
            const body = Buffer.from(
                JSON.stringify({ id: '1', version: '1.0', params: h.validDevice() }),
            );
            const reply = coded(await h.call(emulator, h.ADD, null, { body }), 460);
            reply.message.should.containEql('apiVer');
            reply.id.should.equal('1');
        });

        it('answers 20003 to an apiVer the route does not have', async function () {
            const res = await h.call(emulator, h.ADD, h.validDevice(), { apiVer: '1.0.1' });
            coded(res, 20003).message.should.match(/backend route not found/);
            emulator.devices().should.be.empty();
        });
    });
});
