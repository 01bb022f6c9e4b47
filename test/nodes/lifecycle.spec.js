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
    spyDone,
    startEmulator,
    useEmulator,
} = require('../support/fixtures');

/** The most requests the emulator was serving at one time, from its request log. */
function maxOverlap(records) {
    const edges = [];
    for (const record of records) {
        const start = Date.parse(record.time);
        edges.push([start, 1], [start + record.ms, -1]);
    }
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let open = 0;
    let most = 0;
    for (const [, step] of edges) {
        open += step;
        most = Math.max(most, open);
    }
    return most;
}

/** Counts of the event loop's live resources by kind (sockets, timers). */
function resources() {
    const counts = {};
    for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] || 0) + 1;
    return counts;
}

function wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('face-guard-add on redeploy, queues and limits', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    it('answers in-flight and queued messages as CANCELLED on redeploy, one done() each', async function () {
        emulator.setFaults({ next: [{ fault: 'hang', count: 10 }] });
        const flow = addFlow(emulator, { config: { concurrency: 1, timeout: 60000 } });
        await helper.load(nodes, flow, credentials(emulator));
        const done = spyDone('add');
        const answers = collect(3);
        const add = helper.getNode('add');
        for (let i = 0; i < 3; i += 1) add.receive({ payload: { ...device }, topic: `t${i}` });
        await wait(200);

        // Redeploy only the changed node, as the editor's default deploy does: the helpers
        // downstream keep running and must see every message answered.
        const changed = flow.map((node) =>
            node.id === 'add' ? { ...node, name: 'v2' } : node,
        );
        const closing = Date.now();
        await helper.setFlows(changed, 'nodes', credentials(emulator));
        (Date.now() - closing).should.be.below(5000);

        const { ok, err } = await answers;
        done.restore();
        ok.should.have.length(0);
        err.map((m) => m.error.code).should.eql(['CANCELLED', 'CANCELLED', 'CANCELLED']);
        err.map((m) => m.topic)
            .sort()
            .should.eql(['t0', 't1', 't2']);
        err.forEach((m) => m.error.source.should.equal('cancelled'));
        done.map((call) => call.msg.topic)
            .sort()
            .should.eql(['t0', 't1', 't2']);
        done.forEach((call) => should.not.exist(call.error));
    });

    it('leaves no socket or timer behind after two redeploys while a request hangs', async function () {
        // Warm up first: the emulator's server starts its own connection-tracking timer on
        // its first connection, and that one is not ours to count.
        await helper.load(nodes, addFlow(emulator), credentials(emulator));
        const warmUp = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        await warmUp;
        await helper.unload();
        await wait(100);
        const baseline = resources();

        emulator.setFaults({ next: [{ fault: 'hang', count: 10 }] });
        const flow = addFlow(emulator, { config: { timeout: 60000 } });
        await helper.load(nodes, flow, credentials(emulator));
        const answers = collect(2);
        helper.getNode('add').receive({ payload: { ...device } });
        await wait(100);
        const v2 = flow.map((node) => (node.id === 'add' ? { ...node, name: 'v2' } : node));
        await helper.setFlows(v2, 'nodes', credentials(emulator));
        helper.getNode('add').receive({ payload: { ...device } });
        await wait(100);
        const v3 = flow.map((node) => (node.id === 'cfg' ? { ...node, name: 'v3' } : node));
        await helper.setFlows(v3, 'nodes', credentials(emulator));

        const { err } = await answers;
        err.map((m) => m.error.code).should.eql(['CANCELLED', 'CANCELLED']);
        await helper.unload();
        await wait(100);
        const after = resources();
        for (const kind of ['TCPSocketWrap', 'TLSWrap', 'Timeout']) {
            (after[kind] || 0).should.be.belowOrEqual(baseline[kind] || 0, kind);
        }
    });

    it('overflows a full queue into output 2 with QUEUE_FULL, never silently', async function () {
        emulator.setFaults({ next: [{ fault: 'latency', ms: 300, count: 1 }] });
        const flow = addFlow(emulator, { config: { concurrency: 1, queueLimit: 1 } });
        await helper.load(nodes, flow, credentials(emulator));
        const answers = collect(3);
        const add = helper.getNode('add');
        for (let i = 0; i < 3; i += 1) {
            add.receive({ payload: { ...device, deviceName: `door-q-0${i}` }, topic: `q${i}` });
            await wait(20);
        }

        const { ok, err } = await answers;
        ok.should.have.length(2);
        err.should.have.length(1);
        err[0].error.code.should.equal('QUEUE_FULL');
        err[0].error.source.should.equal('queue');
        err[0].topic.should.equal('q2');
    });

    it('shares one concurrency limit between every node of a config node', async function () {
        emulator.setFaults({ latencyMs: 50 });
        const flow = addFlow(emulator, { config: { concurrency: 2 } });
        flow.push({
            id: 'add2',
            type: 'face-guard-add',
            z: 'f1',
            server: 'cfg',
            wires: [['ok'], ['err']],
        });
        await helper.load(nodes, flow, credentials(emulator));
        const answers = collect(8);
        for (let i = 0; i < 4; i += 1) {
            helper
                .getNode('add')
                .receive({ payload: { ...device, deviceName: `door-a-0${i}` } });
            helper
                .getNode('add2')
                .receive({ payload: { ...device, deviceName: `door-b-0${i}` } });
        }
        const { ok } = await answers;
        ok.should.have.length(8);
        maxOverlap(emulator.requestLog).should.be.belowOrEqual(2);
    });

    it('never leaves the status on "requesting" after a timeout followed by a success', async function () {
        emulator.setFaults({ next: [{ fault: 'hang', count: 1 }] });
        const flow = addFlow(emulator, { config: { timeout: 300, maxAttempts: 1 } });
        await helper.load(nodes, flow, credentials(emulator));
        const add = helper.getNode('add');
        const statuses = [];
        add.on('call:status', (call) => statuses.push(call.args[0]));

        let answers = collect(1);
        add.receive({ payload: { ...device } });
        await answers;
        statuses[statuses.length - 1].should.containEql({ fill: 'red', text: 'TIMEOUT' });

        answers = collect(1);
        add.receive({ payload: { ...device } });
        await answers;
        statuses[statuses.length - 1].should.containEql({ fill: 'green', shape: 'dot' });
    });

    it('clears its status on close', async function () {
        const flow = addFlow(emulator);
        await helper.load(nodes, flow, credentials(emulator));
        const add = helper.getNode('add');
        const statuses = [];
        add.on('call:status', (call) => statuses.push(call.args[0]));
        const answers = collect(1);
        add.receive({ payload: { ...device } });
        await answers;
        const changed = flow.map((node) =>
            node.id === 'add' ? { ...node, name: 'v2' } : node,
        );
        await helper.setFlows(changed, 'nodes', credentials(emulator));
        await wait(20);
        statuses[statuses.length - 1].should.eql({});
    });

    it('reports errors to Catch nodes as well when asked to', async function () {
        const flow = addFlow(emulator, { add: { errorsToCatch: true } });
        flow.push(
            {
                id: 'catcher',
                type: 'catch',
                z: 'f1',
                scope: ['add'],
                uncaught: false,
                wires: [['caught']],
            },
            { id: 'caught', type: 'helper', z: 'f1' },
        );
        await helper.load(nodes, flow, credentials(emulator));
        const caught = new Promise((resolve) => helper.getNode('caught').on('input', resolve));
        const answers = collect(1);
        helper.getNode('add').receive({ payload: 'nope' });
        const { err } = await answers;
        const msg = await caught;
        err[0].error.code.should.equal('INVALID_PAYLOAD');
        should.exist(msg.error.message);
    });

    it('keeps the AppSecret out of every log, status and message of the suite so far', function () {
        const logged = JSON.stringify(helper.log().args);
        logged.should.not.containEql(APP_SECRET);
    });
});
