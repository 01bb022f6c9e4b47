'use strict';

require('should');

const {
    allNodes,
    collect,
    credentials,
    device,
    helper,
    seedDevices,
    spyDone,
    startEmulator,
    workerFlow,
} = require('../support/fixtures');

const ADD = '/face/paas/edge/guard/device/add';
const GET = '/face/paas/edge/guard/device/get';
const QUERY = '/face/paas/edge/guard/device/query';

describe('aliyun-iot-api in a real Node-RED runtime against the HTTPS emulator', function () {
    let emulator;

    before(async function () {
        emulator = await startEmulator();
    });

    after(async function () {
        await emulator.close();
    });

    afterEach(async function () {
        await helper.unload();
        emulator.reset();
        delete process.env.FACE_GUARD_TEST_PARAMS;
    });

    async function load(node = {}) {
        const props = { path: GET, apiVer: '1.0.0', ...node };
        const flow = workerFlow(emulator, 'aliyun-iot-api', { node: props });
        await helper.load(allNodes, flow, credentials(emulator));
        return helper.getNode('node');
    }

    /** Sends each message and resolves what came out, once one answer per message arrived. */
    async function answersTo(node, messages) {
        const answers = collect(messages.length);
        for (const msg of messages) node.receive(msg);
        return answers;
    }

    /** Records every ApiCall the config node's client is asked to make, then makes it. */
    function recordCalls() {
        const client = helper.getNode('cfg').client;
        const calls = [];
        const call = client.call.bind(client);
        client.call = (apiCall, signal) => {
            calls.push(apiCall);
            return call(apiCall, signal);
        };
        return calls;
    }

    it('registers a device through the add path, data on output 1', async function () {
        const api = await load({ path: ADD });
        const { ok, err } = await answersTo(api, [{ payload: { ...device }, topic: 't' }]);

        err.should.be.empty();
        ok[0].payload.iotId.should.equal(emulator.devices()[0].iotId);
        ok[0].topic.should.equal('t');
        ok[0].faceGuard.params.should.eql(device);
        ok[0].faceGuard.attempts.should.equal(1);
    });

    it('gets and queries through the generic paths what add registered', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const get = await load({ path: GET });
        (await answersTo(get, [{ payload: { iotId } }])).ok[0].payload.should.eql({
            ...device,
            iotId,
        });
        await helper.unload();

        const query = await load({ path: QUERY });
        const { ok } = await answersTo(query, [
            { payload: { edgeGwIotId: device.edgeGwIotId } },
        ]);
        ok[0].payload.should.have.length(1);
        ok[0].payload[0].should.containEql({ iotId, status: 1 });
    });

    it('takes params from JSON, JSONata, flow context or env', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const cases = [
            { params: JSON.stringify({ iotId }), paramsType: 'json' },
            { params: '{"iotId": door}', paramsType: 'jsonata' },
            { params: 'request', paramsType: 'flow' },
            { params: 'FACE_GUARD_TEST_PARAMS', paramsType: 'env' },
        ];
        process.env.FACE_GUARD_TEST_PARAMS = JSON.stringify({ iotId });
        for (const props of cases) {
            const api = await load(props);
            api.context().flow.set('request', { iotId });
            const { ok, err } = await answersTo(api, [{ payload: 'ignored', door: iotId }]);
            err.should.be.empty(props.paramsType);
            ok[0].payload.iotId.should.equal(iotId, props.paramsType);
            await helper.unload();
        }
    });

    it('puts iotToken and cloudToken in the request, not in msg', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const api = await load({
            iotToken: 'session.iotToken',
            iotTokenType: 'msg',
            cloudToken: 'cloudToken',
            cloudTokenType: 'global',
        });
        api.context().global.set('cloudToken', 'ct-from-global');
        const calls = recordCalls();
        const { ok, err } = await answersTo(api, [
            { payload: { iotId }, session: { iotToken: 'it-from-msg' } },
        ]);

        err.should.be.empty();
        calls.should.have.length(1);
        calls[0].should.containEql({ iotToken: 'it-from-msg', cloudToken: 'ct-from-global' });
        JSON.stringify(ok[0].faceGuard).should.not.containEql('it-from-msg');
        JSON.stringify(ok[0].faceGuard).should.not.containEql('ct-from-global');
    });

    it('sends no token when its field is empty or its source absent', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const api = await load({ iotToken: 'session.iotToken', iotTokenType: 'msg' });
        const calls = recordCalls();
        const { ok } = await answersTo(api, [{ payload: { iotId } }]);

        ok.should.have.length(1);
        calls[0].should.not.have.property('iotToken');
        calls[0].should.not.have.property('cloudToken');
    });

    it('uses the editor defaults for properties the flow JSON leaves out', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const flow = workerFlow(emulator, 'aliyun-iot-api', { node: { path: GET } });
        await helper.load(allNodes, flow, credentials(emulator));
        const calls = recordCalls();
        const { ok } = await answersTo(helper.getNode('node'), [{ payload: { iotId } }]);

        ok[0].payload.iotId.should.equal(iotId);
        calls[0].should.eql({ path: GET, apiVer: '1.0.0', params: { iotId } });
    });

    it('refuses a bad path or apiVer on output 2 before anything is sent', async function () {
        const cases = [
            [{ path: '/face/paas/../admin' }, 'INVALID_PARAM'],
            [{ path: `${GET}/` }, 'INVALID_PARAM'],
            [{ path: `${GET}?debug=1` }, 'INVALID_PARAM'],
            [{ path: '' }, 'MISSING_PARAM'],
            [{ apiVer: '1.0' }, 'INVALID_PARAM'],
        ];
        for (const [props, code] of cases) {
            const api = await load(props);
            const { err } = await answersTo(api, [{ payload: { iotId: 'x' } }]);
            err[0].error.should.containEql({ code, source: 'validation', attempts: 0 });
            await helper.unload();
        }
        emulator.requestLog.should.be.empty();
    });

    it('refuses params JSON cannot carry exactly, without sending', async function () {
        const api = await load();
        const circular = { iotId: 'x' };
        circular.self = circular;
        const { ok, err } = await answersTo(api, [
            { payload: { iotId: 10n } },
            { payload: circular },
            { payload: { iotId: 'x', at: new Date(0) } },
            { payload: { id: 2 ** 60 } },
            { payload: ['not', 'an', 'object'] },
            { payload: 'text' },
            {},
        ]);

        ok.should.be.empty();
        err.map((m) => m.error.code)
            .sort()
            .should.eql([
                'INVALID_PARAM',
                'INVALID_PARAM',
                'INVALID_PARAM',
                'INVALID_PARAM',
                'INVALID_PARAM',
                'MISSING_PARAM',
                'UNSAFE_NUMBER',
            ]);
        emulator.requestLog.should.be.empty();
    });

    it('refuses an environment variable that is not JSON text', async function () {
        process.env.FACE_GUARD_TEST_PARAMS = 'iotId=x';
        const api = await load({ params: 'FACE_GUARD_TEST_PARAMS', paramsType: 'env' });
        const { err } = await answersTo(api, [{}]);
        err[0].error.code.should.equal('INVALID_PARAM');
        emulator.requestLog.should.be.empty();
    });

    it('reports a wrong apiVer (20003) and an unknown path (404)', async function () {
        let api = await load({ apiVer: '9.9.9' });
        (await answersTo(api, [{ payload: { iotId: 'x' } }])).err[0].error.should.containEql({
            code: 'API_ROUTE_NOT_FOUND',
            apiCode: 20003,
        });
        await helper.unload();

        api = await load({ path: '/face/paas/image/save', apiVer: '1.1.1' });
        const { err } = await answersTo(api, [{ payload: { userType: 'OPEN', userId: 'u1' } }]);
        err[0].error.should.containEql({ code: 'GATEWAY_NOT_FOUND', httpStatus: 404 });
    });

    it('sends the API code of a failure to output 2, payload untouched', async function () {
        const api = await load();
        const payload = { iotId: 'NoSuchDevice0000000000000100' };
        const { err } = await answersTo(api, [{ payload }]);
        err[0].error.should.containEql({ code: 'API_INVALID_PARAM', apiCode: 460 });
        err[0].payload.should.equal(payload);
    });

    it('calls done() exactly once per input, whatever the outcome', async function () {
        const [iotId] = await seedDevices(emulator, [device]);
        const api = await load();
        const dones = spyDone('node');
        try {
            await answersTo(api, [
                { payload: { iotId } },
                { payload: { iotId: 'NoSuchDevice0000000000000100' } },
                { payload: 'text' },
            ]);
            await new Promise((resolve) => setTimeout(resolve, 50));
            dones.should.have.length(3);
        } finally {
            dones.restore();
        }
    });
});

describe('aliyun-iot-api catalog', function () {
    const { GENERIC_CALL_REASONS } = require('../../dist/operations');
    const catalogs = ['en-US', 'zh-CN'].map((lang) =>
        require(`../../locales/${lang}/aliyun-iot-api.json`),
    );

    it('has a text for every refusal reason, in both languages', function () {
        for (const catalog of catalogs) {
            const reasons = catalog['aliyun-iot-api'].reason;
            for (const reason of [...GENERIC_CALL_REASONS, 'notJson']) {
                reasons.should.have.property(reason);
                reasons[reason].should.not.match(/__\w+__/);
            }
        }
    });
});
