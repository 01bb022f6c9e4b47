// The parent's handle on a plain-loop contender: one child process per contender, kept for
// the whole run so warm-up and rounds share one JIT-warmed process, as Node-RED's do.
'use strict';

const path = require('node:path');

const { startChild } = require('../child');

const PROCESS = path.join(__dirname, 'process.js');

async function startLoopSession(name, context) {
    const child = startChild(PROCESS, {
        args: [name],
        env: { BENCH_CONTEXT: JSON.stringify(context) },
    });
    try {
        await child.next(15000);
    } catch (err) {
        await child.stop();
        throw err;
    }
    return {
        pid: child.child.pid,
        async run(request) {
            child.send(JSON.stringify(request));
            return child.next(request.deadlineMs + 10000);
        },
        stop: child.stop,
    };
}

module.exports = { startLoopSession };
