// Fails the run if anything rejects or throws outside a test's reach: Node-RED dies on those
// in production, so a test suite that tolerates them would hide the worst class of bug.
'use strict';

const stray = [];

function record(kind) {
    return (reason) => stray.push(`${kind}: ${(reason && reason.stack) || reason}`);
}

exports.mochaHooks = {
    beforeAll() {
        process.on('unhandledRejection', record('unhandledRejection'));
        process.on('uncaughtException', record('uncaughtException'));
    },
    afterAll() {
        if (stray.length > 0) {
            throw new Error(`stray errors during the suite:\n${stray.join('\n')}`);
        }
    },
};
