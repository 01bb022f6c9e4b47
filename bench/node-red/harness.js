// The measuring part every Node-RED contender flow shares: POST /bench/run starts a run,
// the pace function feeds the contender and collects its answers, and the same HTTP
// request is answered with the figures once every device is back (or the deadline hit).
'use strict';

const { paceSource } = require('./pace');

const RUN_PATH = '/bench/run';

/**
 * Harness nodes for tab `z`: the pace node sends devices to `entry` and must get every
 * answer back, so wire the contender's outputs to `PACE_ID`.
 */
const PACE_ID = 'bench-pace';

function harnessNodes(z, entry) {
    return [
        {
            id: 'bench-in',
            type: 'http in',
            z,
            url: RUN_PATH,
            method: 'post',
            upload: false,
            wires: [[PACE_ID]],
        },
        {
            id: PACE_ID,
            type: 'function',
            z,
            name: 'bench pace',
            func: paceSource(),
            outputs: 2,
            // Built-in modules only: the clock and the process figures the sandbox hides.
            libs: [
                { var: 'perf_hooks', module: 'perf_hooks' },
                { var: 'proc', module: 'process' },
            ],
            wires: [[entry], ['bench-out']],
        },
        { id: 'bench-out', type: 'http response', z, statusCode: '200', wires: [] },
    ];
}

module.exports = { PACE_ID, RUN_PATH, harnessNodes };
