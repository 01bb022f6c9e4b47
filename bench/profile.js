#!/usr/bin/env node
// Profiles one Node-RED contender under the benchmark's load with --cpu-prof and prints
// where the runtime's CPU went during the measured run only (start-up cut away): the
// heaviest functions by self time, and the same time summed per package.
// Usage: node bench/profile.js [ours|diy] [--messages 20000]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { startEmulatorProcess } = require('./emulator/spawn');
const { startFlowSession } = require('./node-red/session');
const { settingsFor } = require('./settings');

/** Self time per call frame, counted only for samples inside [fromUs, toUs]. */
function selfTimes(profile, fromUs, toUs) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const times = new Map();
    let at = profile.startTime;
    let total = 0;
    profile.samples.forEach((id, i) => {
        at += profile.timeDeltas[i];
        if (at < fromUs || at > toUs) return;
        const next = profile.timeDeltas[i + 1] ?? 0;
        const frame = byId.get(id).callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url}:${frame.lineNumber + 1}`;
        times.set(key, (times.get(key) ?? 0) + next);
        total += next;
    });
    return { times, total };
}

/** The package a frame belongs to, from its file URL. */
function packageOf(key) {
    const file = key.slice(key.indexOf(' ') + 1);
    if (file.startsWith(':')) return key.split(' ')[0]; // (garbage collector), (program)...
    if (file.startsWith('node:')) return 'node core';
    const modules = file.split('node_modules/');
    if (modules.length > 1) {
        const rest = modules[modules.length - 1].split('/');
        return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    }
    if (file.includes('/dist/')) return `face-guard ${file.split('/dist/')[1].split('/')[0]}`;
    return file || '(vm: function nodes)';
}

function top(map, total, count) {
    return [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}

async function main() {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: { messages: { type: 'string' } },
    });
    const contender = require(`./contenders/${positionals[0] || 'ours'}.js`);
    const settings = settingsFor(false);
    const count = Number(values.messages || 20000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-prof-'));

    const emulator = await startEmulatorProcess({ keys: [settings.key] });
    const context = { url: emulator.url, key: settings.key, concurrency: settings.concurrency };
    // Node refuses --cpu-prof in NODE_OPTIONS, so Node-RED is started through a wrapper.
    const nodeBinary = path.join(dir, 'node-cpu-prof');
    const flags = `--cpu-prof --cpu-prof-dir='${dir}'`;
    fs.writeFileSync(nodeBinary, `#!/bin/sh\nexec '${process.execPath}' ${flags} "$@"\n`);
    fs.chmodSync(nodeBinary, 0o755);
    const session = await startFlowSession(contender, context, { nodeBinary });
    let figures;
    try {
        const window = settings.concurrency;
        await session.run({ count: settings.warmup, window, deadlineMs: 60000 });
        figures = await session.run({ count, window, deadlineMs: 60000 + count * 20 });
    } finally {
        await session.stop();
        await emulator.stop();
    }

    const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const { times, total } = selfTimes(profile, figures.hrStartUs, figures.hrEndUs);
    const packages = new Map();
    for (const [key, us] of times) {
        const name = packageOf(key);
        packages.set(name, (packages.get(name) ?? 0) + us);
    }

    const rate = Math.round(figures.back / (figures.wallMs / 1000));
    console.log(`${contender.name}: ${count} messages, ${rate} msgs/s while profiled`);
    console.log(`profile: ${path.join(dir, file)}\n\nself time by package:`);
    console.log(top(packages, total, 20).join('\n'));
    console.log('\nheaviest functions (self time):');
    console.log(top(times, total, 40).join('\n'));
}

main().catch((err) => {
    console.error(`profile failed: ${err.stack || err}`);
    process.exit(1);
});
