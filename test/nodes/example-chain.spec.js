// The add → get → query → generic-call example, run as shipped against the emulator: only
// the endpoint, its CA and the credentials change, as a user would change them.
'use strict';

require('should');

const path = require('node:path');

const injectNode = require('@node-red/nodes/core/common/20-inject.js');
const commentNode = require('@node-red/nodes/core/common/90-comment.js');
const changeNode = require('@node-red/nodes/core/function/15-change.js');

const { APP_KEY, APP_SECRET, allNodes, helper, useEmulator } = require('../support/fixtures');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '04-add-get-query-chain.json');

/** The example with its config pointed at `emulator` and its debug nodes made helpers. */
function exampleAgainst(emulator) {
    const flow = require(EXAMPLE).map((node) => ({ ...node }));
    const config = flow.find((node) => node.type === 'face-guard-config');
    Object.assign(config, { endpoint: emulator.url, region: 'custom', tls: 'fg-tls' });
    flow.push({
        id: 'fg-tls',
        type: 'tls-config',
        cert: '',
        key: '',
        ca: '',
        verifyservercert: true,
    });
    for (const node of flow.filter((n) => n.type === 'debug')) node.type = 'helper';
    const credentials = {
        [config.id]: { appKey: APP_KEY, appSecret: APP_SECRET },
        'fg-tls': { cadata: emulator.ca },
    };
    return { flow, credentials };
}

describe('example 04: add → get → query → aliyun-iot-api against the emulator', function () {
    let emulator;
    useEmulator((started) => (emulator = started));

    it('registers the sample terminal and lists it online under its gateway', async function () {
        const { flow, credentials } = exampleAgainst(emulator);
        await helper.load(
            [...allNodes, injectNode, commentNode, changeNode],
            flow,
            credentials,
        );
        const errors = [];
        helper.getNode('fg-debug-chain4-err').on('input', (msg) => errors.push(msg.error));
        const listed = new Promise((resolve) =>
            helper.getNode('fg-debug-chain4-ok').on('input', resolve),
        );

        helper.getNode('fg-inject-chain4').receive({});
        const msg = await listed;

        errors.should.be.empty();
        const [stored] = emulator.devices();
        msg.payload.should.have.length(1);
        msg.payload[0].should.containEql({ iotId: stored.iotId, status: 1 });
        // The generic node hands over the API's data as it came: no statusName added.
        msg.payload[0].should.not.have.property('statusName');
        msg.edgeGwIotId.should.equal(stored.edgeGwIotId);
        emulator.requestLog
            .map((r) => r.path)
            .should.eql([
                '/face/paas/edge/guard/device/add',
                '/face/paas/edge/guard/device/get',
                '/face/paas/edge/guard/device/query',
                '/face/paas/edge/guard/device/query',
            ]);
    });
});
