// Shared fixtures for the node specs: a real emulator on 127.0.0.1 over HTTPS, and flows
// whose config node trusts the emulator's CA through a core tls-config node.
'use strict';

const helper = require('node-red-node-test-helper');

const { createEmulator } = require('../../dist/emulator');
const { LivingPlatformClient, addDevice } = require('../../dist');
const secretWatch = require('./secret-watch');

helper.init(require.resolve('node-red'));

// Every unload first hands the spies' calls to the secret watch (see secret-watch.js).
const unload = helper.unload.bind(helper);
helper.unload = function () {
    secretWatch.record(helper);
    return unload();
};

const configNode = require('../../dist/nodes/face-guard-config.js');
const addNode = require('../../dist/nodes/face-guard-add.js');
const getNode = require('../../dist/nodes/face-guard-get.js');
const queryNode = require('../../dist/nodes/face-guard-query.js');
const apiNode = require('../../dist/nodes/aliyun-iot-api.js');
const tlsNode = require('@node-red/nodes/core/network/05-tls.js');

const APP_KEY = 'test-app-key';
const APP_SECRET = 'Secret-Do-Not-Leak-7f3a9c';

const device = Object.freeze({
    deviceIp: '192.168.1.20',
    edgeGwIotId: 'gwIotId0001',
    productKey: 'a1FaceGuard',
    imageOssBucketName: 'face-images',
    deviceName: 'door-east-01',
    imageOssEndPoint: 'http://oss-cn-shanghai.aliyuncs.com',
    extInfo: '进门',
});

async function startEmulator(options = {}) {
    return createEmulator({ keys: [{ appKey: APP_KEY, appSecret: APP_SECRET }], log: false, ...options });
}

/**
 * A tab with a config node (trusting `emulator`), one face-guard-add and two helper nodes
 * on its outputs. `add` and `config` override properties.
 */
function addFlow(emulator, { add = {}, config = {} } = {}) {
    return [
        { id: 'f1', type: 'tab' },
        {
            id: 'cfg',
            type: 'face-guard-config',
            endpoint: emulator.url,
            timeout: 5000,
            tls: emulator.ca ? 'tls' : '',
            ...config,
        },
        { id: 'tls', type: 'tls-config', name: '', cert: '', key: '', ca: '', verifyservercert: true },
        { id: 'add', type: 'face-guard-add', z: 'f1', server: 'cfg', wires: [['ok'], ['err']], ...add },
        { id: 'ok', type: 'helper', z: 'f1' },
        { id: 'err', type: 'helper', z: 'f1' },
    ];
}

function credentials(emulator, { appKey = APP_KEY, appSecret = APP_SECRET } = {}) {
    const creds = { cfg: { appKey, appSecret } };
    if (emulator.ca) creds.tls = { cadata: emulator.ca };
    return creds;
}

/** Collects what arrives at the two outputs, and resolves when `count` messages came. */
function collect(count) {
    const ok = [];
    const err = [];
    let resolve;
    const all = new Promise((r) => (resolve = r));
    const check = () => ok.length + err.length >= count && resolve({ ok, err });
    helper.getNode('ok').on('input', (msg) => {
        ok.push(msg);
        check();
    });
    helper.getNode('err').on('input', (msg) => {
        err.push(msg);
        check();
    });
    return all;
}

/**
 * The usual hooks of a node suite: one emulator for the suite (handed to `use`), flows
 * unloaded and the emulator reset after each test, the emulator closed at the end.
 */
function useEmulator(use, options = {}) {
    let emulator;
    before(async function () {
        emulator = await startEmulator(options);
        use(emulator);
    });
    afterEach(async function () {
        await helper.unload();
        emulator.reset();
    });
    after(async function () {
        await emulator.close();
    });
}

/**
 * Records every done() a node calls, by wrapping Node-RED's own completion hook: a Complete
 * node cannot show this across a redeploy, because Node-RED restarts it too.
 */
function spyDone(nodeId) {
    const proto = helper._NodePrototype;
    const original = proto._complete;
    const calls = [];
    proto._complete = function (msg, error) {
        if (this.id === nodeId) calls.push({ msg, error });
        return original.call(this, msg, error);
    };
    calls.restore = () => {
        proto._complete = original;
    };
    return calls;
}

/**
 * The same tab as addFlow with a node of `type` (id 'node', wired to 'ok' and 'err') in
 * place of face-guard-add; `node` and `config` override properties.
 */
function workerFlow(emulator, type, { node = {}, config = {} } = {}) {
    return addFlow(emulator, { config }).map((n) =>
        n.id === 'add'
            ? { id: 'node', type, z: 'f1', server: 'cfg', wires: [['ok'], ['err']], ...node }
            : n,
    );
}

/**
 * Registers devices on the emulator with a real signed client, outside any flow, and
 * resolves their iotIds in order; a spec then starts from a platform that knows them.
 */
async function seedDevices(emulator, devices) {
    const client = new LivingPlatformClient({
        endpoint: emulator.url,
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        tls: emulator.ca ? { ca: emulator.ca } : undefined,
    });
    try {
        const iotIds = [];
        for (const fields of devices) {
            const outcome = await addDevice(client, fields);
            if (!outcome.ok) throw new Error(`seeding failed: ${outcome.failure.code}`);
            iotIds.push(outcome.data.iotId);
        }
        return iotIds;
    } finally {
        client.close();
    }
}

const nodes = [configNode, addNode, tlsNode];
/** Every node set of the package, for flows chaining add, get, query and the generic call. */
const allNodes = [...nodes, getNode, queryNode, apiNode];

module.exports = {
    APP_KEY,
    APP_SECRET,
    addFlow,
    allNodes,
    collect,
    credentials,
    device,
    helper,
    nodes,
    seedDevices,
    spyDone,
    startEmulator,
    useEmulator,
    workerFlow,
};
