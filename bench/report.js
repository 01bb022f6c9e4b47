// The figures as the issue asks for them: a table on stdout, the JSON document for
// --json, and each target marked met or missed. Targets are reported, never enforced.
'use strict';

const { ratio, round } = require('./stats');

const NAMES = ['ours', 'diy', 'sdk', 'raw'];

function ratios(contenders) {
    const ours = contenders.ours;
    const over = (field) => ({
        oursOverDiy: ratio(ours[field], contenders.diy[field]),
        oursOverSdk: ratio(ours[field], contenders.sdk[field]),
        oursOverRaw: ratio(ours[field], contenders.raw[field]),
    });
    return { msgsPerSec: over('msgsPerSec'), cpuMsPerMsg: over('cpuMsPerMsg') };
}

function targets(result) {
    const { msgsPerSec } = result.ratios;
    const { ours } = result.throttled;
    const bulk = ours.seconds <= 1.1 * ours.idealSeconds;
    return [
        ['ours >= 1.0 x sdk msgs/s', msgsPerSec.oursOverSdk >= 1.0],
        ['ours >= 2 x diy msgs/s', msgsPerSec.oursOverDiy >= 2],
        ['ours >= 0.75 x raw msgs/s', msgsPerSec.oursOverRaw >= 0.75],
        ['signing <= 15 us', result.signUs <= 15],
        ['10k queued <= 50 MB RSS growth', result.queue10kRssMb <= 50],
        ['throttled bulk <= 1.1 x ideal', bulk],
        [
            'throttled bulk: 0 lost, 0 surfaced',
            ours.lost === 0 && ours.surfacedThrottleErrors === 0,
        ],
    ].map(([target, met]) => ({ target, met }));
}

/** The JSON document; extra fields beside the ones the issue names are for reading. */
function buildResult({ settings, contenders, diagnostics, signUs, queue, throttled }) {
    const result = {
        contenders,
        ratios: ratios(contenders),
        signUs: round(signUs, 2),
        queue10kRssMb: round(queue.growthMb, 1),
        queue10kHeapMb: round(queue.heapGrowthMb, 1),
        queue10kYoungGenMb: round(queue.youngGenGrowthMb, 1),
        queue10kRssSamplesMb: queue.samplesMb.map((mb) => round(mb, 1)),
        throttled,
        diagnostics: {
            ...diagnostics,
            oursOverFloor: ratio(
                contenders.ours.msgsPerSec,
                diagnostics.nodeRedFloor.msgsPerSec,
            ),
        },
        run: {
            quick: settings.quick,
            messages: settings.messages,
            rounds: settings.rounds,
            warmup: settings.warmup,
            concurrency: settings.concurrency,
            queued: settings.queued,
            throttledDevices: settings.throttled.devices,
            throttledRatePerSecond: settings.throttled.ratePerSecond,
            node: process.version,
        },
    };
    result.targets = targets(result);
    return result;
}

function table(rows) {
    const widths = rows[0].map((_, column) =>
        Math.max(...rows.map((row) => String(row[column]).length)),
    );
    return rows
        .map((row) =>
            row
                .map((cell, column) => {
                    const text = String(cell);
                    return column === 0
                        ? text.padEnd(widths[column])
                        : text.padStart(widths[column]);
                })
                .join('  '),
        )
        .join('\n');
}

function ratioLine(ratios) {
    const { oursOverDiy, oursOverSdk, oursOverRaw } = ratios;
    return `ours/diy ${oursOverDiy}  ours/sdk ${oursOverSdk}  ours/raw ${oursOverRaw}`;
}

function formatResult(result) {
    const { run } = result;
    const header = ['contender', 'msgs/s', 'p50 ms', 'p99 ms', 'CPU ms/msg', 'peak RSS MB'];
    const row = (name, c) => [name, c.msgsPerSec, c.p50Ms, c.p99Ms, c.cpuMsPerMsg, c.rssMb];
    const rows = NAMES.map((name) => row(name, result.contenders[name]));
    // Not a contender: what the least possible Node-RED node costs, to read ours against.
    rows.push(row('(floor)', result.diagnostics.nodeRedFloor));
    const { msgsPerSec, cpuMsPerMsg } = result.ratios;
    const bulkHeader = ['throttled bulk', 'seconds', 'ideal s', 'lost', 'surfaced throttling'];
    const bulkRows = ['ours', 'diy'].map((name) => {
        const t = result.throttled[name];
        return [name, t.seconds, t.idealSeconds, t.lost, t.surfacedThrottleErrors];
    });

    return [
        `${run.messages} messages x ${run.rounds} round(s) per contender, ` +
            `${run.concurrency} in flight, after ${run.warmup} warm-up (Node ${run.node})`,
        '',
        table([header, ...rows]),
        '',
        `ratios msgs/s:   ${ratioLine(msgsPerSec)}`,
        `ratios CPU/msg:  ${ratioLine(cpuMsPerMsg)}`,
        `(floor) is raw's signing and http inside one Node-RED function node, the least ` +
            `a node can cost here; ours/(floor) msgs/s ${result.diagnostics.oursOverFloor}`,
        `signing: ${result.signUs} us per request`,
        `${run.queued} queued messages: +${result.queue10kRssMb} MB RSS ` +
            `(V8 heap +${result.queue10kHeapMb} MB; young generation room ` +
            `+${result.queue10kYoungGenMb} MB)`,
        '',
        `${run.throttledDevices} devices at once, gateway admits ${run.throttledRatePerSecond}/s:`,
        table([bulkHeader, ...bulkRows]),
        '',
        'targets:',
        ...result.targets.map(({ target, met }) => `  ${met ? 'met   ' : 'MISSED'}  ${target}`),
    ].join('\n');
}

module.exports = { buildResult, formatResult };
