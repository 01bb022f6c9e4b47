// The parent's side of the queue-memory measurement: an emulator of its own that holds
// every answer back, and a fresh child process to fill the queue, so neither the earlier
// contenders' heaps nor their sockets blur the figure.
'use strict';

const path = require('node:path');

const { startChild } = require('./child');
const { startEmulatorProcess } = require('./emulator/spawn');

const HOLD_ANSWERS_MS = 60000;

async function measureOnce(settings) {
    const emulator = await startEmulatorProcess({ keys: [settings.key] });
    let child;
    try {
        await emulator.setFaults({ latencyMs: HOLD_ANSWERS_MS });
        const context = {
            url: emulator.url,
            key: settings.key,
            queued: settings.queued,
            concurrency: settings.concurrency,
        };
        child = startChild(path.join(__dirname, 'queue-memory.js'), {
            nodeArgs: ['--expose-gc'],
            env: { BENCH_CONTEXT: JSON.stringify(context) },
        });
        const answer = await child.next(30000);
        if (answer.waiting !== settings.queued) {
            throw new Error(`queue held ${answer.waiting}, not ${settings.queued}`);
        }
        return answer;
    } finally {
        await child?.stop();
        await emulator.stop();
    }
}

/**
 * RSS moves with the allocator and the collector as much as with what is held: the median
 * of `queueRepeats` fresh processes, with the V8 heap growth beside it as the steadier view.
 */
async function measureQueueGrowth(settings) {
    const answers = [];
    for (let i = 0; i < settings.queueRepeats; i += 1)
        answers.push(await measureOnce(settings));
    answers.sort((a, b) => a.growthMb - b.growthMb);
    const median = answers[Math.floor(answers.length / 2)];
    return { ...median, samplesMb: answers.map((answer) => answer.growthMb) };
}

module.exports = { measureQueueGrowth };
