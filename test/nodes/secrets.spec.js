'use strict';

require('should');

const {
    APP_SECRET,
    addFlow,
    collect,
    credentials,
    device,
    helper,
    nodes,
    startEmulator,
} = require('../support/fixtures');
const secretWatch = require('../support/secret-watch');

describe('the AppSecret stays secret', function () {
    let emulator;

    before(async function () {
        emulator = await startEmulator();
    });

    after(async function () {
        await emulator.close();
    });

    it('appears in no log, status or message, even when every kind of failure happens', async function () {
        emulator.setFaults({
            next: [
                { fault: 'http-503', count: 3 },
                { fault: 'bad-json', count: 1 },
                { fault: 'api-460', count: 1 },
            ],
        });
        const flow = addFlow(emulator, { config: { timeout: 500 } });
        await helper.load(nodes, flow, credentials(emulator, { appSecret: `${APP_SECRET}` }));
        const answers = collect(4);
        const add = helper.getNode('add');
        for (let i = 0; i < 3; i += 1) add.receive({ payload: { ...device } });
        add.receive({ payload: 'bad' });
        await answers;
        await helper.unload();

        await helper.load(
            nodes,
            addFlow(emulator),
            credentials(emulator, { appKey: 'nobody' }),
        );
        const rejected = collect(1);
        helper.getNode('add').receive({ payload: { ...device } });
        await rejected;
        await helper.unload();

        secretWatch.recordedCount().should.be.above(0);
        secretWatch.leaksOf(APP_SECRET).should.have.length(0);
    });

    it('notices a leak when there is one (the watch is not blind)', function () {
        secretWatch.leaksOf('GATEWAY_APPKEY').length.should.be.above(0);
        secretWatch.leaksOf(device.deviceIp).length.should.be.above(0);
    });
});
