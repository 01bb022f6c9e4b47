// The parent's handle on a Node-RED contender: its flow, credentials and environment laid
// into a fresh runtime, with the same run() as the plain-loop sessions.
'use strict';

const { startFlowRuntime } = require('./runtime');

function startFlowSession(contender, context, { verbose = false, nodeBinary } = {}) {
    return startFlowRuntime({
        flows: contender.flows(context),
        credentials: contender.credentials(context),
        env: contender.env(context),
        verbose,
        nodeBinary,
    });
}

module.exports = { startFlowSession };
