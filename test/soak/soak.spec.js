'use strict';

require('should');

const {
    addFlow,
    credentials,
    device,
    helper,
    nodes,
    startEmulator,
} = require('../support/fixtures');

const MESSAGES = 10000;

// Every fault except throttling, whose one-second pauses are specified elsewhere and would
// only stretch this run; jitter makes responses come back out of order.
const MIXED_FAULTS = {
    mix: {
        probability: 0.1,
        faults: ['reset', 'http-503', 'http-500', 'api-500', 'api-20056', 'api-460', 'html', 'bad-json'],
        seed: 20261204,
    },
    jitterMs: 4,
};

describe('soak: 10,000 messages through a real runtime with 10% mixed faults', function () {
    this.timeout(240000);
    let emulator;

    before(async function () {
        emulator = await startEmulator({ http: true });
    });

    after(async function () {
        await helper.unload();
        await emulator.close();
    });

    it('answers every message exactly once, each matched to its own input', async function () {
        emulator.setFaults(MIXED_FAULTS);
        const flow = addFlow(emulator, {
            config: { concurrency: 16, queueLimit: MESSAGES, timeout: 5000, tls: '' },
        });
        await helper.load(nodes, flow, credentials(emulator));

        const answers = new Map();
        let duplicates = 0;
        let okCount = 0;
        let errCount = 0;
        let finish;
        const finished = new Promise((resolve) => (finish = resolve));
        const record = (msg) => {
            const key = `${msg._msgid}|${msg.topic}`;
            if (answers.has(key)) duplicates += 1;
            answers.set(key, msg.error ? msg.error.code : msg.iotId);
            if (answers.size + duplicates >= MESSAGES) finish();
        };
        helper.getNode('ok').on('input', (msg) => {
            okCount += 1;
            record(msg);
        });
        helper.getNode('err').on('input', (msg) => {
            errCount += 1;
            record(msg);
        });

        const add = helper.getNode('add');
        const sent = [];
        for (let i = 0; i < MESSAGES; i += 1) {
            const msg = {
                _msgid: `soak-${i}`,
                topic: `device-${i}`,
                payload: { ...device, deviceName: `soak-door-${i}` },
            };
            sent.push(`${msg._msgid}|${msg.topic}`);
            add.receive(msg);
        }
        await finished;

        duplicates.should.equal(0);
        (okCount + errCount).should.equal(MESSAGES);
        answers.size.should.equal(MESSAGES);
        for (const key of sent) answers.has(key).should.be.true(key);
        okCount.should.be.above(MESSAGES * 0.9);
        errCount.should.be.above(0);
    });
});
