// The body of the harness function node that runs inside Node-RED, identical for every
// contender flow. It keeps `window` devices in flight (so Node-RED contenders see the same
// concurrency as the plain loops), times each from send to return with the runtime's own
// clock, and measures CPU and peak RSS of the runtime process around the run. Kept as real
// code here, turned into a string for the flow, so it can be read and linted as code.
'use strict';

const { makeDevice } = require('../devices');

// The function node sandbox globals, plus perf_hooks and proc from the node's libs.
/* global msg, node, context, perf_hooks, proc, setTimeout, clearTimeout */
function pace() {
    let run = context.get('run');

    function figures(current) {
        const { user, system } = proc.cpuUsage(current.cpu);
        return {
            count: current.count,
            sent: current.sent,
            back: current.back,
            ok: current.ok,
            failed: current.failed,
            throttled: current.throttled,
            codes: current.codes,
            wallMs: current.endedAt - current.startedAt,
            cpuMs: (user + system) / 1000,
            // Peak since the runtime started: what a gateway has to have free for it.
            maxRssMb: proc.resourceUsage().maxRSS / 1024,
            latencies: current.latencies,
            // The profiler's clock, so a --cpu-prof of the runtime can be cut to this run.
            hrStartUs: current.hrStartUs,
            hrEndUs: Number(proc.hrtime.bigint() / 1000n),
        };
    }

    function finish(current) {
        if (current.finished) return;
        current.finished = true;
        current.endedAt = perf_hooks.performance.now();
        clearTimeout(current.timer);
        current.reply.payload = figures(current);
        node.send([null, current.reply]);
    }

    function next(current) {
        const index = current.sent;
        current.sent += 1;
        return {
            payload: makeDevice(current.offset + index),
            benchRun: current.id,
            benchAt: perf_hooks.performance.now(),
        };
    }

    if (msg.benchRun === undefined) {
        // A run request from the http-in node: { count, window, offset, deadlineMs }.
        const { count, window, offset = 0, deadlineMs } = msg.payload;
        run = {
            id: `${Date.now()}-${Math.random()}`,
            count,
            offset,
            sent: 0,
            back: 0,
            ok: 0,
            failed: 0,
            throttled: 0,
            codes: {},
            latencies: [],
            reply: msg,
            finished: false,
            cpu: proc.cpuUsage(),
            hrStartUs: Number(proc.hrtime.bigint() / 1000n),
            startedAt: perf_hooks.performance.now(),
        };
        // Whatever has not come back by the deadline counts as lost; the run still answers.
        run.timer = setTimeout(() => finish(run), deadlineMs);
        context.set('run', run);
        const first = [];
        while (run.sent < Math.min(window, count)) first.push(next(run));
        node.send([first, null]);
        return null;
    }

    // A late answer from an earlier run must not count in this one.
    if (!run || msg.benchRun !== run.id || run.finished) return null;
    run.back += 1;
    run.latencies.push(perf_hooks.performance.now() - msg.benchAt);
    if (msg.error) {
        run.failed += 1;
        const code = String(msg.error.code);
        run.codes[code] = (run.codes[code] || 0) + 1;
        if (/THROTTL/.test(code)) run.throttled += 1;
    } else {
        run.ok += 1;
    }
    if (run.back === run.count) finish(run);
    else if (run.sent < run.count) node.send([next(run), null]);
    return null;
}

/** The function node's source: the device maker, then the body of pace(). */
function paceSource() {
    const body = pace.toString();
    const inner = body.slice(body.indexOf('{') + 1, body.lastIndexOf('}'));
    return `const makeDevice = ${makeDevice.toString()};\n${inner}`;
}

module.exports = { paceSource };
