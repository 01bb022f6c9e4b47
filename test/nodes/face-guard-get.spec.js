'use strict';

require('should');

const {
    addFlow,
    allNodes,
    collect,
    credentials,
    device,
    helper,
    seedDevices,
    spyDone,
    startEmulator,
    workerFlow,
    useEmulator,
} = require('../support/fixtures');

describe('face-guard-get in a real Node-RED runtime against the HTTPS emulator', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    async function load(node = {}) {
        const flow = workerFlow(emulator, 'face-guard-get', { node });
        await helper.load(allNodes, flow, credentials(emulator));
        return helper.getNode('node');
    }

    /** Sends each message and resolves what came out, once `count` answers arrived. */
    async function answersTo(node, messages, count = messages.length) {
        const answers = collect(count);
        for (const msg of messages) node.receive(msg);
        return answers;
    }

    it('sends the stored configuration of a device to output 1', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load();
        const { ok, err } = await answersTo(get, [{ payload: { iotId }, topic: 'door-east' }]);

        err.should.be.empty();
        ok[0].payload.should.eql({ ...device, iotId });
        ok[0].iotId.should.equal(iotId);
        ok[0].topic.should.equal('door-east');
        ok[0].faceGuard.params.should.eql({ iotId });
        ok[0].faceGuard.requestId.should.be.a.String();
    });

    it('follows face-guard-add directly: the iotId it returns is found by get', async function () {
        const flow = addFlow(emulator);
        flow.find((n) => n.id === 'add').wires = [['node'], ['err']];
        flow.push({
            id: 'node',
            type: 'face-guard-get',
            z: 'f1',
            server: 'cfg',
            wires: [['ok'], ['err']],
        });
        await helper.load(allNodes, flow, credentials(emulator));
        const answers = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });

        const { ok, err } = await answers;
        err.should.be.empty();
        ok[0].payload.should.containEql({ deviceName: device.deviceName, extInfo: '进门' });
        ok[0].payload.iotId.should.equal(emulator.devices()[0].iotId);
    });

    it('falls back to msg.iotId when msg.payload has no iotId', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load();
        const { ok, err } = await answersTo(get, [
            { payload: 'from a template', iotId },
            { iotId },
        ]);
        err.should.be.empty();
        ok.map((m) => m.payload.iotId).should.eql([iotId, iotId]);
    });

    it('prefers msg.payload.iotId over msg.iotId when both are there', async function () {
        const [first, second] = await seedDevices(emulator, [
            device,
            { ...device, deviceName: 'door-west-01' },
        ]);
        const get = await load();
        const { ok } = await answersTo(get, [{ payload: { iotId: second }, iotId: first }]);
        ok[0].payload.iotId.should.equal(second);
    });

    it('reads a configured source, without the msg.iotId fallback', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load({ iotId: 'door.iotId', iotIdType: 'msg' });
        const { ok, err } = await answersTo(get, [{ door: { iotId } }, { iotId }]);

        ok.should.have.length(1);
        ok[0].payload.iotId.should.equal(iotId);
        err[0].error.code.should.equal('MISSING_PARAM');
    });

    it('reads a fixed iotId from a string property', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load({ iotId, iotIdType: 'str' });
        const { ok } = await answersTo(get, [{ payload: 'tick' }]);
        ok[0].payload.iotId.should.equal(iotId);
    });

    it('sends the 460 for an unknown iotId to output 2, coded', async function () {
        const get = await load();
        const payload = { iotId: 'NoSuchDevice0000000000000100' };
        const { ok, err } = await answersTo(get, [{ payload }]);

        ok.should.be.empty();
        const { error } = err[0];
        error.should.containEql({ code: 'API_INVALID_PARAM', source: 'api', apiCode: 460 });
        error.localizedMsg.should.containEql('不存在');
        error.requestId.should.be.a.String();
        err[0].payload.should.equal(payload);
    });

    it('refuses a missing or malformed iotId without sending', async function () {
        const get = await load();
        const { ok, err } = await answersTo(get, [
            { payload: {} },
            { payload: { iotId: 'has spaces in it' } },
            { payload: { iotId: { nested: true } } },
            {},
        ]);

        ok.should.be.empty();
        err.map((m) => m.error.code)
            .sort()
            .should.eql(['INVALID_ID', 'INVALID_TYPE', 'MISSING_PARAM', 'MISSING_PARAM']);
        err.forEach((m) => m.error.source.should.equal('validation'));
        emulator.requestLog.should.be.empty();
    });

    it('shows a green status with the iotId tail after a success', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load();
        const statuses = [];
        get.on('call:status', (call) => statuses.push(call.args[0]));
        await answersTo(get, [{ payload: { iotId } }]);

        statuses[0].should.containEql({ fill: 'blue', shape: 'dot' });
        statuses[statuses.length - 1].should.containEql({
            fill: 'green',
            text: 'face-guard-get.status.ok',
        });
    });

    it('calls done() exactly once per input, success or failure', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load();
        const dones = spyDone('node');
        try {
            await answersTo(get, [
                { payload: { iotId } },
                { payload: { iotId: 'NoSuchDevice0000000000000100' } },
                { payload: {} },
            ]);
            await new Promise((resolve) => setTimeout(resolve, 50));
            dones.should.have.length(3);
            dones.forEach((call) => (call.error === undefined).should.be.true());
        } finally {
            dones.restore();
        }
    });
});

describe('face-guard-get after an emulator restart with a state file', function () {
    const fs = require('node:fs');
    const os = require('node:os');
    const path = require('node:path');

    let dir;

    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-state-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('still finds a device added before the restart, so a demo survives it', async function () {
        const stateFile = path.join(dir, 'devices.json');
        const first = await startEmulator({ stateFile });
        const [iotId] = await seedDevices(first, [device]);
        await first.close();

        const second = await startEmulator({ stateFile });
        try {
            const flow = workerFlow(second, 'face-guard-get');
            await helper.load(allNodes, flow, credentials(second));
            const answers = collect(1);
            helper.getNode('node').receive({ payload: { iotId } });
            const { ok, err } = await answers;
            err.should.be.empty();
            ok[0].payload.should.eql({ ...device, iotId });
        } finally {
            await helper.unload();
            await second.close();
        }
    });
});
