'use strict';

require('should');
const fc = require('fast-check');

const {
    addFlow,
    collect,
    credentials,
    device,
    helper,
    nodes,
    startEmulator,
    useEmulator,
} = require('../support/fixtures');

const FIELDS = [
    'deviceIp',
    'edgeGwIotId',
    'productKey',
    'imageOssBucketName',
    'deviceName',
    'imageOssEndPoint',
    'extInfo',
];

/** Values no field accepts: wrong types, unsafe numbers, and strings no rule allows. */
const badValue = fc.oneof(
    fc.boolean(),
    fc.double({ noInteger: true, noNaN: false }),
    fc.bigInt(),
    fc.constant(2 ** 53 + 2),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }),
    fc.constant(Buffer.from('gw')),
);

/** Whole payloads that are not device objects at all. */
const badPayload = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.constant(Buffer.from('{"deviceIp":"1.2.3.4"}')),
);

describe('face-guard-add with generated bad input (fast-check)', function () {
    this.timeout(60000);
    let emulator;

    before(async function () {
        emulator = await startEmulator();
        await helper.load(nodes, addFlow(emulator), credentials(emulator));
    });

    after(async function () {
        await helper.unload();
        await emulator.close();
    });

    async function answer(payload) {
        const answers = collect(1);
        helper.getNode('add').receive({ payload });
        return answers;
    }

    it('answers 200+ bad fields each with one validation message and sends nothing', async function () {
        let runs = 0;
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...FIELDS), badValue, async (field, value) => {
                runs += 1;
                const { ok, err } = await answer({ ...device, [field]: value });
                return (
                    ok.length === 0 && err.length === 1 && err[0].error.source === 'validation'
                );
            }),
            { numRuns: 250 },
        );
        runs.should.be.aboveOrEqual(200);
        emulator.requestLog.should.have.length(0);
    });

    it('answers whole payloads that are not objects with INVALID_PAYLOAD', async function () {
        await fc.assert(
            fc.asyncProperty(badPayload, async (payload) => {
                const { err } = await answer(payload);
                return err.length === 1 && err[0].error.code === 'INVALID_PAYLOAD';
            }),
            { numRuns: 50 },
        );
        emulator.requestLog.should.have.length(0);
    });
});

describe('face-guard-add under bursts', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    it('sends 50 messages of the same millisecond with 50 distinct nonces', async function () {
        await helper.load(
            nodes,
            addFlow(emulator, { config: { concurrency: 50 } }),
            credentials(emulator),
        );
        const answers = collect(50);
        const add = helper.getNode('add');
        for (let i = 0; i < 50; i += 1) {
            add.receive({ payload: { ...device, deviceName: `burst-door-${i}` } });
        }
        const { ok } = await answers;
        ok.should.have.length(50);
        const nonces = emulator.requestLog.map((record) => record.nonce);
        new Set(nonces).size.should.equal(50);
    });

    it("keeps to the config node's requests-per-second limit", async function () {
        const flow = addFlow(emulator, { config: { ratePerSecond: 10, concurrency: 8 } });
        await helper.load(nodes, flow, credentials(emulator));
        const answers = collect(12);
        const started = Date.now();
        for (let i = 0; i < 12; i += 1) {
            helper
                .getNode('add')
                .receive({ payload: { ...device, deviceName: `rate-door-${i}` } });
        }
        const { ok } = await answers;
        ok.should.have.length(12);
        // 12 starts at 10 per second need at least 1.1 s between the first and the last.
        (Date.now() - started).should.be.aboveOrEqual(1000);
    });
});
