// The benchmark's plumbing, end to end with a handful of messages: every contender in its
// own process against the emulator process, and the result document in the shape the
// README and `--json` promise. No timing is asserted: this machine's speed is not a spec.
'use strict';

require('should');

const { runBench } = require('../bench/bench');
const { formatResult } = require('../bench/report');
const { settingsFor } = require('../bench/settings');

const TINY = {
    warmup: 10,
    messages: 20,
    rounds: 1,
    signIterations: 1000,
    queued: 200,
    queueRepeats: 1,
    throttled: { devices: 6, ratePerSecond: 3 },
};

const CONTENDER_FIELDS = ['msgsPerSec', 'p50Ms', 'p99Ms', 'cpuMsPerMsg', 'rssMb'];
const THROTTLED_FIELDS = ['seconds', 'idealSeconds', 'lost', 'surfacedThrottleErrors'];

describe('bench: npm run bench with a handful of messages', function () {
    this.timeout(60000);
    let result;

    before(async function () {
        result = await runBench({ ...settingsFor(true), ...TINY });
    });

    it('measures ours, diy, sdk and raw, each answering every message', function () {
        Object.keys(result.contenders).should.eql(['ours', 'diy', 'sdk', 'raw']);
        result.diagnostics.nodeRedFloor.should.have.properties(CONTENDER_FIELDS);
        for (const contender of Object.values(result.contenders)) {
            contender.should.have.properties(CONTENDER_FIELDS);
            for (const field of CONTENDER_FIELDS) contender[field].should.be.above(0);
            contender.failed.should.equal(0);
        }
    });

    it('gives ours over each peer as ratios', function () {
        result.ratios.msgsPerSec.should.have.properties([
            'oursOverDiy',
            'oursOverSdk',
            'oursOverRaw',
        ]);
    });

    it('prices signing and the queued messages', function () {
        result.signUs.should.be.above(0);
        result.queue10kRssMb.should.be.a.Number();
    });

    it('runs the throttled bulk for ours and diy, with nothing lost by ours', function () {
        for (const name of ['ours', 'diy']) {
            result.throttled[name].should.have.properties(THROTTLED_FIELDS);
        }
        result.throttled.ours.lost.should.equal(0);
        result.throttled.ours.surfacedThrottleErrors.should.equal(0);
    });

    it('prints a table naming every contender and target', function () {
        const text = formatResult(result);
        for (const name of ['ours', 'diy', 'sdk', 'raw', 'targets:'])
            text.should.containEql(name);
    });
});
