// Contender "ours": face-guard-add in a real Node-RED, fed by the harness. Everything at
// the defaults a user gets from the palette, except the endpoint and the concurrency the
// whole benchmark shares.
'use strict';

const { PACE_ID, harnessNodes } = require('../node-red/harness');

const TAB = 'bench-tab';

function oursFlows({ url, concurrency }) {
    return [
        { id: TAB, type: 'tab', label: 'bench: face-guard-add' },
        {
            id: 'bench-config',
            type: 'face-guard-config',
            name: 'emulator',
            endpoint: url,
            concurrency,
        },
        {
            id: 'bench-add',
            type: 'face-guard-add',
            z: TAB,
            server: 'bench-config',
            // Both outputs come back to the harness: it counts failures, it does not drop them.
            wires: [[PACE_ID], [PACE_ID]],
        },
        ...harnessNodes(TAB, 'bench-add'),
    ];
}

module.exports = {
    name: 'ours',
    flows: oursFlows,
    credentials: ({ key }) => ({ 'bench-config': { ...key } }),
    env: () => ({}),
};
