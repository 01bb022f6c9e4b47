'use strict';

const should = require('should');

const {
    addFlow,
    collect,
    credentials,
    device,
    helper,
    nodes,
    startEmulator,
} = require('../support/fixtures');
const { startConnectProxy } = require('../support/connect-proxy');

const proxyNode = require('@node-red/nodes/core/network/06-httpproxy.js');

const PROXY_ENV = [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'NO_PROXY',
    'no_proxy',
];

describe('face-guard-add through a forward proxy', function () {
    let emulator;
    let proxy;
    const savedEnv = {};

    before(async function () {
        emulator = await startEmulator();
        proxy = await startConnectProxy({ username: 'fg-user', password: 'fg-pass' });
        for (const name of PROXY_ENV) savedEnv[name] = process.env[name];
    });

    after(async function () {
        await emulator.close();
        await proxy.close();
    });

    afterEach(async function () {
        await helper.unload();
        for (const name of PROXY_ENV) {
            if (savedEnv[name] === undefined) delete process.env[name];
            else process.env[name] = savedEnv[name];
        }
        proxy.tunnels.length = 0;
        proxy.refused.length = 0;
    });

    async function addOne(flow) {
        await helper.load([...nodes, proxyNode], flow, {
            ...credentials(emulator),
            px: { username: 'fg-user', password: 'fg-pass' },
        });
        const answers = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        const { ok, err } = await answers;
        return ok[0] || err[0];
    }

    it('tunnels through HTTPS_PROXY with its credentials, read per request', async function () {
        for (const name of PROXY_ENV) delete process.env[name];
        const flow = addFlow(emulator);
        await helper.load(nodes, flow, credentials(emulator));

        // Set after the node started: the proxy is chosen per request, not at start-up.
        process.env.HTTPS_PROXY = `http://fg-user:fg-pass@127.0.0.1:${proxy.port}`;
        const answers = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        const { ok, err } = await answers;
        should.exist(ok[0], JSON.stringify(err[0] && err[0].error));
        proxy.tunnels.should.eql([`127.0.0.1:${emulator.port}`]);
    });

    it('goes direct when NO_PROXY names the host, in any case', async function () {
        for (const name of PROXY_ENV) delete process.env[name];
        process.env.https_proxy = `http://fg-user:fg-pass@127.0.0.1:${proxy.port}`;
        process.env.no_proxy = 'LOCALHOST,127.0.0.1';
        const msg = await addOne(addFlow(emulator));
        should.exist(msg.iotId);
        proxy.tunnels.should.have.length(0);
    });

    it('uses an http proxy config node, with its credentials, over the environment', async function () {
        for (const name of PROXY_ENV) delete process.env[name];
        process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
        const flow = addFlow(emulator, { config: { proxy: 'px' } });
        flow.push({ id: 'px', type: 'http proxy', url: proxy.url, noproxy: [] });
        const msg = await addOne(flow);
        should.exist(msg.iotId, JSON.stringify(msg.error));
        proxy.tunnels.should.have.length(1);
    });

    it('reports a proxy that refuses our credentials as a coded error, not a crash', async function () {
        for (const name of PROXY_ENV) delete process.env[name];
        process.env.HTTPS_PROXY = `http://fg-user:wrong@127.0.0.1:${proxy.port}`;
        const msg = await addOne(addFlow(emulator, { config: { maxAttempts: 1 } }));
        should.exist(msg.error);
        msg.error.source.should.equal('network');
        proxy.refused.should.have.length(1);
    });
});
