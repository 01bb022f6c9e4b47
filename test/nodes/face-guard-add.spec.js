'use strict';

const should = require('should');

const {
    APP_SECRET,
    addFlow,
    collect,
    credentials,
    device,
    helper,
    nodes,
    startEmulator,
    useEmulator,
} = require('../support/fixtures');

describe('face-guard-add in a real Node-RED runtime against the HTTPS emulator', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    async function load(options, creds) {
        await helper.load(nodes, addFlow(emulator, options), creds ?? credentials(emulator));
        return helper.getNode('add');
    }

    it('registers a device and sends its iotId to output 1', async function () {
        const add = await load();
        const answers = collect(1);
        add.receive({ payload: { ...device }, topic: 'door-east' });

        const { ok, err } = await answers;
        err.should.have.length(0);
        const msg = ok[0];
        msg.iotId.should.be.a.String().and.not.be.empty();
        msg.payload.should.eql({ iotId: msg.iotId });
        msg.topic.should.equal('door-east');
        msg.faceGuard.attempts.should.equal(1);
        msg.faceGuard.requestId.should.be.a.String();
        msg.faceGuard.params.should.eql(device);
        emulator
            .devices()
            .map((d) => d.iotId)
            .should.eql([msg.iotId]);
    });

    it('gives the same iotId when the same device is added again (add-or-update)', async function () {
        const add = await load();
        const answers = collect(2);
        add.receive({ payload: { ...device } });
        add.receive({ payload: { ...device, deviceIp: '192.168.1.21' } });

        const { ok } = await answers;
        ok.should.have.length(2);
        ok[0].iotId.should.equal(ok[1].iotId);
        emulator.devices().should.have.length(1);
    });

    it('shows blue "requesting" while in flight and green with the iotId tail after', async function () {
        const add = await load();
        const statuses = [];
        add.on('call:status', (call) => statuses.push(call.args[0]));
        const answers = collect(1);
        add.receive({ payload: { ...device } });
        const { ok } = await answers;

        statuses[0].should.containEql({ fill: 'blue', shape: 'dot' });
        const last = statuses[statuses.length - 1];
        last.should.containEql({ fill: 'green', shape: 'dot' });
        last.text.should.equal('face-guard-add.status.ok');
        should.exist(ok[0].iotId);
    });

    it('never changes the incoming payload object', async function () {
        const add = await load();
        const payload = { ...device, productKey: 12345, meta: { batch: 7 } };
        const before = JSON.parse(JSON.stringify(payload));
        const answers = collect(1);
        add.receive({ payload });
        await answers;
        payload.should.eql(before);
    });

    it('sends a gateway rejection (wrong AppSecret) to output 2 with its code', async function () {
        const add = await load({}, credentials(emulator, { appSecret: 'not-the-secret' }));
        const answers = collect(1);
        add.receive({ payload: { ...device } });

        const { err } = await answers;
        const { error } = err[0];
        error.code.should.equal('GATEWAY_SIGNATURE');
        error.source.should.equal('gateway');
        error.httpStatus.should.equal(400);
        error.requestId.should.be.a.String();
        error.retryable.should.be.false();
        err[0].payload.should.eql(device);
    });

    it('sends an unknown AppKey to output 2 as GATEWAY_APPKEY', async function () {
        const add = await load({}, credentials(emulator, { appKey: 'someone-else' }));
        const answers = collect(1);
        add.receive({ payload: { ...device } });
        const { err } = await answers;
        err[0].error.code.should.equal('GATEWAY_APPKEY');
    });

    it('answers a bad payload on output 2 without sending any request', async function () {
        const add = await load();
        const answers = collect(4);
        add.receive({ payload: 'not a device' });
        add.receive({ payload: { ...device, deviceIp: '300.1.1.1' } });
        add.receive({ payload: { ...device, edgeGwIotId: undefined } });
        add.receive({});

        const { ok, err } = await answers;
        ok.should.have.length(0);
        err.map((m) => m.error.code)
            .sort()
            .should.eql([
                'INVALID_DEVICE_IP',
                'INVALID_PAYLOAD',
                'INVALID_PAYLOAD',
                'MISSING_PARAM',
            ]);
        err.forEach((m) => m.error.source.should.equal('validation'));
        const notObject = err.find((m) => m.payload === 'not a device');
        notObject.error.code.should.equal('INVALID_PAYLOAD');
        notObject.error.message.should.endWith(
            'face-guard-config:face-guard-config.errors.INVALID_PAYLOAD',
        );
        emulator.requestLog.should.have.length(0);
    });

    it('registers each element of an array payload and answers each on its own', async function () {
        const add = await load();
        const payload = [
            { ...device, deviceName: 'door-a-01' },
            { ...device, deviceIp: 'bad' },
            { ...device, deviceName: 'door-b-01' },
        ];
        const answers = collect(3);
        add.receive({ payload, _msgid: 'bulk-1' });

        const { ok, err } = await answers;
        ok.should.have.length(2);
        err.should.have.length(1);
        err[0].error.code.should.equal('INVALID_DEVICE_IP');
        err[0].parts.should.containEql({ id: 'bulk-1', index: 1, count: 3, type: 'array' });
        ok.map((m) => m.parts.index)
            .sort()
            .should.eql([0, 2]);
        payload.should.have.length(3);
    });

    it('reads fields from typed inputs and fills OSS fields from the config node', async function () {
        const add = await load({
            add: { edgeGwIotId: 'gw-from-node', edgeGwIotIdType: 'str' },
            config: { imageOssBucketName: 'cfg-bucket' },
        });
        const answers = collect(1);
        const { imageOssBucketName: _b, imageOssEndPoint: _e, ...partial } = device;
        add.receive({ payload: { ...partial, edgeGwIotId: 'ignored' } });

        const { ok } = await answers;
        ok[0].faceGuard.params.edgeGwIotId.should.equal('gw-from-node');
        ok[0].faceGuard.params.imageOssBucketName.should.equal('cfg-bucket');
        ok[0].faceGuard.params.imageOssEndPoint.should.equal(
            'http://oss-cn-shanghai.aliyuncs.com',
        );
    });

    it('reports a missing config node as CONFIG_MISSING and does not throw', async function () {
        const flow = addFlow(emulator, { add: { server: '' } });
        await helper.load(nodes, flow, credentials(emulator));
        const answers = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        const { err } = await answers;
        err[0].error.code.should.equal('CONFIG_MISSING');
        err[0].error.source.should.equal('config');
    });

    it('reports absent credentials as MISSING_CREDENTIALS without sending', async function () {
        const add = await load({}, {});
        const answers = collect(1);
        add.receive({ payload: { ...device } });
        const { err } = await answers;
        err[0].error.code.should.equal('MISSING_CREDENTIALS');
        emulator.requestLog.should.have.length(0);
    });

    it('calls done() exactly once per input, arrays included (Complete node count)', async function () {
        const flow = addFlow(emulator);
        flow.push(
            { id: 'cmp', type: 'complete', z: 'f1', scope: ['add'], wires: [['done']] },
            { id: 'done', type: 'helper', z: 'f1' },
        );
        await helper.load(nodes, flow, credentials(emulator));
        const completions = [];
        helper.getNode('done').on('input', (msg) => completions.push(msg));
        const answers = collect(4);
        const add = helper.getNode('add');
        add.receive({ payload: { ...device } });
        add.receive({ payload: [{ ...device }, { ...device, deviceName: 'door-x-01' }] });
        add.receive({ payload: 42 });
        await answers;
        await new Promise((resolve) => setTimeout(resolve, 50));
        completions.should.have.length(3);
    });

    it('behaves like the editor defaults when the flow JSON leaves properties out', async function () {
        const flow = [
            { id: 'f1', type: 'tab' },
            { id: 'cfg', type: 'face-guard-config', endpoint: emulator.url, tls: 'tls' },
            {
                id: 'tls',
                type: 'tls-config',
                cert: '',
                key: '',
                ca: '',
                verifyservercert: true,
            },
            {
                id: 'add',
                type: 'face-guard-add',
                z: 'f1',
                server: 'cfg',
                wires: [['ok'], ['err']],
            },
            { id: 'ok', type: 'helper', z: 'f1' },
            { id: 'err', type: 'helper', z: 'f1' },
        ];
        await helper.load(nodes, flow, credentials(emulator));
        const answers = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        const { ok } = await answers;
        ok[0].faceGuard.params.should.eql(device);
    });

    it('fills an OSS field left empty in the node with the config default', async function () {
        const add = await load({
            add: { imageOssBucketName: '', imageOssBucketNameType: 'str' },
            config: { imageOssBucketName: 'cfg-bucket' },
        });
        const answers = collect(1);
        add.receive({ payload: { ...device, imageOssEndPoint: '' } });
        const { ok } = await answers;
        ok[0].faceGuard.params.imageOssBucketName.should.equal('cfg-bucket');
        ok[0].faceGuard.params.imageOssEndPoint.should.equal(
            'http://oss-cn-shanghai.aliyuncs.com',
        );
    });

    it('drops a msg.error left from an earlier failure when the retry succeeds', async function () {
        const add = await load();
        const answers = collect(1);
        add.receive({ payload: { ...device }, error: { code: 'TIMEOUT' } });
        const { ok } = await answers;
        ok[0].should.not.have.property('error');
    });

    it('reads a CSV column whose name carries a byte-order mark', async function () {
        const add = await load();
        const { deviceIp, ...rest } = device;
        const answers = collect(1);
        add.receive({ payload: { '\uFEFFdeviceIp': deviceIp, ...rest } });
        const { ok } = await answers;
        ok[0].faceGuard.params.deviceIp.should.equal(deviceIp);
    });

    it('names an array element that is itself an array as an array', async function () {
        const add = await load();
        const answers = collect(1);
        add.receive({ payload: [['192.168.1.2']] });
        const { err } = await answers;
        err[0].error.code.should.equal('INVALID_PAYLOAD');
    });

    it('treats a ${VAR} credential whose variable is unset as missing, sending nothing', async function () {
        delete process.env.FG_UNSET_SECRET;
        const add = await load({}, credentials(emulator, { appSecret: '${FG_UNSET_SECRET}' }));
        const answers = collect(1);
        add.receive({ payload: { ...device } });
        const { err } = await answers;
        err[0].error.code.should.equal('MISSING_CREDENTIALS');
        emulator.requestLog.should.have.length(0);
    });

    it('shows a refused endpoint at deploy and answers with it, sending nothing', async function () {
        const statuses = [];
        const flow = addFlow(emulator, { config: { endpoint: `${emulator.url}/gw` } });
        await helper.load(nodes, flow, credentials(emulator));
        const add = helper.getNode('add');
        add.on('call:status', (call) => statuses.push(call.args[0]));
        const answers = collect(1);
        add.receive({ payload: { ...device } });
        const { err } = await answers;
        err[0].error.code.should.equal('INVALID_API_ENDPOINT');
        statuses.every((status) => status.fill !== 'blue').should.be.true();
        emulator.requestLog.should.have.length(0);
    });

    it('keeps the AppSecret out of the flow configuration', async function () {
        await load();
        const flows = helper._RED.nodes.getFlows();
        JSON.stringify(flows).should.not.containEql(APP_SECRET);
    });
});
