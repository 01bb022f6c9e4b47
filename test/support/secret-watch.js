// Keeps everything the runtime logged, every status it showed and every message a node sent
// during the suite, then fails the run if the AppSecret appears anywhere in it.
'use strict';

const seen = [];

function flatten(value) {
    const visited = new WeakSet();
    return JSON.stringify(value, (key, item) => {
        if (item instanceof Error) return { message: item.message, stack: item.stack };
        if (typeof item === 'bigint') return String(item);
        if (item && typeof item === 'object') {
            if (visited.has(item)) return undefined;
            visited.add(item);
        }
        return item;
    });
}

const SPIED = ['log', 'warn', 'error', 'debug', 'trace', 'status', 'send'];

/** Called by the fixtures before each unload, while the spies still hold their calls. */
function record(helper) {
    const proto = helper._NodePrototype;
    for (const method of SPIED) {
        const spy = proto && proto[method];
        if (spy && Array.isArray(spy.args)) seen.push(flatten(spy.args));
    }
    if (helper._logSpy) seen.push(flatten(helper._logSpy.args));
}

function leaksOf(secret) {
    return seen.filter((text) => text && text.includes(secret));
}

exports.record = record;
exports.recordedCount = () => seen.length;
exports.leaksOf = leaksOf;
exports.mochaHooks = {
    afterAll() {
        const fixtures = require.cache[require.resolve('./fixtures')];
        if (!fixtures) return;
        const leaks = leaksOf(fixtures.exports.APP_SECRET);
        if (leaks.length > 0) {
            throw new Error(`the AppSecret leaked into logs, status or messages:\n${leaks[0]}`);
        }
    },
};
