'use strict';

require('should');

const joinNode = require('@node-red/nodes/core/sequence/17-split.js');

const {
    allNodes,
    collect,
    credentials,
    device,
    helper,
    seedDevices,
    spyDone,
    workerFlow,
    useEmulator,
} = require('../support/fixtures');

const GATEWAY = device.edgeGwIotId;
const OTHER_GATEWAY = 'gwIotId0002';

describe('face-guard-query in a real Node-RED runtime against the HTTPS emulator', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    async function load(node = {}, extra = []) {
        const flow = workerFlow(emulator, 'face-guard-query', { node }).concat(extra);
        await helper.load([...allNodes, joinNode], flow, credentials(emulator));
        return helper.getNode('node');
    }

    /** Two terminals under GATEWAY and one under OTHER_GATEWAY; their iotIds in that order. */
    function seedThree() {
        return seedDevices(emulator, [
            device,
            { ...device, deviceName: 'door-west-01', extInfo: '出门' },
            { ...device, deviceName: 'door-lobby-01', edgeGwIotId: OTHER_GATEWAY },
        ]);
    }

    it('lists the devices of a gateway, each online, with statusName', async function () {
        const [east, west] = await seedThree();
        const query = await load();
        const answers = collect(1);
        query.receive({ payload: { edgeGwIotId: GATEWAY }, topic: 'lobby' });

        const { ok, err } = await answers;
        err.should.be.empty();
        ok[0].topic.should.equal('lobby');
        ok[0].should.not.have.property('parts');
        const devices = ok[0].payload;
        devices
            .map((d) => d.iotId)
            .sort()
            .should.eql([east, west].sort());
        for (const listed of devices) {
            listed.should.containEql({
                productKey: device.productKey,
                categoryName: '人脸识别门禁',
            });
            listed.should.containEql({ status: 1, statusName: 'online' });
        }
        ok[0].faceGuard.params.should.eql({ edgeGwIotId: GATEWAY });
    });

    it('split: one message per device with msg.parts, done() once', async function () {
        await seedThree();
        const query = await load({ split: true });
        const dones = spyDone('node');
        try {
            const answers = collect(2);
            query.receive({ payload: { edgeGwIotId: GATEWAY }, topic: 'lobby' });

            const { ok, err } = await answers;
            await new Promise((resolve) => setTimeout(resolve, 50));
            err.should.be.empty();
            ok.should.have.length(2);
            ok.map((m) => m.parts.index)
                .sort()
                .should.eql([0, 1]);
            ok[0].parts.id.should.equal(ok[1].parts.id);
            ok.forEach((m) => {
                m.parts.should.containEql({ count: 2, type: 'array' });
                m.payload.statusName.should.equal('online');
                m.topic.should.equal('lobby');
                m.faceGuard.params.should.eql({ edgeGwIotId: GATEWAY });
            });
            dones.should.have.length(1);
        } finally {
            dones.restore();
        }
    });

    it('split: a join node in automatic mode rebuilds the list', async function () {
        const [east, west] = await seedThree();
        const join = { id: 'rejoin', type: 'join', z: 'f1', mode: 'auto', wires: [['ok']] };
        const query = await load({ split: true, wires: [['rejoin'], ['err']] }, [join]);
        const answers = collect(1);
        query.receive({ payload: { edgeGwIotId: GATEWAY } });

        const { ok } = await answers;
        ok[0].payload
            .map((d) => d.iotId)
            .sort()
            .should.eql([east, west].sort());
    });

    it('split: keeps the msg.parts of the input nested inside', async function () {
        await seedThree();
        const query = await load({ split: true });
        const outer = { id: 'outer', index: 3, count: 5, type: 'array' };
        const answers = collect(2);
        query.receive({ payload: { edgeGwIotId: GATEWAY }, parts: outer });

        const { ok } = await answers;
        ok.forEach((m) => m.parts.parts.should.eql(outer));
    });

    it('answers an emptied gateway with one message, payload []', async function () {
        await seedDevices(emulator, [device, { ...device, edgeGwIotId: OTHER_GATEWAY }]);
        for (const split of [false, true]) {
            const query = await load({ split });
            const answers = collect(1);
            query.receive({ payload: { edgeGwIotId: GATEWAY } });
            const { ok, err } = await answers;
            await new Promise((resolve) => setTimeout(resolve, 50));
            err.should.be.empty();
            ok.should.have.length(1);
            ok[0].payload.should.eql([]);
            ok[0].should.not.have.property('parts');
            await helper.unload();
        }
    });

    it('sends the 460 for an unknown gateway to output 2 with its code', async function () {
        const query = await load({ split: true });
        const answers = collect(1);
        const payload = { edgeGwIotId: 'gwNeverSeen' };
        query.receive({ payload });

        const { ok, err } = await answers;
        ok.should.be.empty();
        err[0].error.should.containEql({ code: 'API_INVALID_PARAM', apiCode: 460 });
        err[0].payload.should.equal(payload);
    });

    it('refuses a missing or malformed gateway without sending', async function () {
        const query = await load();
        const answers = collect(3);
        query.receive({ payload: {} });
        query.receive({ payload: { edgeGwIotId: 'gw 01' } });
        query.receive({});

        const { ok, err } = await answers;
        ok.should.be.empty();
        err.map((m) => m.error.code)
            .sort()
            .should.eql(['INVALID_ID', 'MISSING_PARAM', 'MISSING_PARAM']);
        emulator.requestLog.should.be.empty();
    });

    it('reads the gateway from a fixed string when configured so', async function () {
        await seedThree();
        const query = await load({ edgeGwIotId: OTHER_GATEWAY, edgeGwIotIdType: 'str' });
        const answers = collect(1);
        query.receive({ payload: 'tick' });
        const { ok } = await answers;
        ok[0].payload.should.have.length(1);
    });

    it('sends data that is not a list to output 2 as BAD_RESPONSE', async function () {
        const query = await load();
        const client = helper.getNode('cfg').client;
        client.call = async () => ({
            ok: true,
            data: { total: 1 },
            requestId: 'req-1',
            envelopeId: 'env-1',
            attempts: 1,
            durationMs: 1,
        });
        const answers = collect(1);
        const payload = { edgeGwIotId: GATEWAY };
        query.receive({ payload });

        const { err } = await answers;
        err[0].error.should.containEql({ code: 'BAD_RESPONSE', requestId: 'req-1' });
        err[0].payload.should.equal(payload);
    });

    it('shows the number of devices in a green status', async function () {
        await seedThree();
        const query = await load();
        const statuses = [];
        query.on('call:status', (call) => statuses.push(call.args[0]));
        const answers = collect(1);
        query.receive({ payload: { edgeGwIotId: GATEWAY } });
        await answers;
        statuses[statuses.length - 1].should.containEql({
            fill: 'green',
            text: 'face-guard-query.status.ok',
        });
    });
});
