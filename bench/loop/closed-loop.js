// The plain-loop harness for contenders without Node-RED: `concurrency` workers, each
// taking the next device as soon as its last one is answered, timed as the Node-RED
// harness times them, with the same figures out.
'use strict';

const { performance } = require('node:perf_hooks');

const { makeDevice } = require('../devices');

async function closedLoop(call, { count, window, offset = 0, deadlineMs }) {
    const figures = { count, sent: 0, back: 0, ok: 0, failed: 0, throttled: 0, codes: {} };
    const latencies = [];
    const cpu = process.cpuUsage();
    const startedAt = performance.now();

    // Past the deadline no worker takes another device, and the run answers without
    // waiting for any that hang: those count as lost.
    let late = false;
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => {
            late = true;
            resolve();
        }, deadlineMs);
    });

    async function worker() {
        while (figures.sent < count && !late) {
            const device = makeDevice(offset + figures.sent);
            figures.sent += 1;
            const sentAt = performance.now();
            const outcome = await call(device);
            latencies.push(performance.now() - sentAt);
            figures.back += 1;
            if (outcome.ok) figures.ok += 1;
            else {
                figures.failed += 1;
                figures.codes[outcome.code] = (figures.codes[outcome.code] || 0) + 1;
            }
        }
    }
    const workers = Array.from({ length: Math.min(window, count) }, worker);
    await Promise.race([Promise.all(workers), deadline]);
    clearTimeout(timer);

    const wallMs = performance.now() - startedAt;
    const { user, system } = process.cpuUsage(cpu);
    return {
        ...figures,
        wallMs,
        cpuMs: (user + system) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        latencies,
    };
}

module.exports = { closedLoop };
