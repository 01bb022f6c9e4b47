// Runs the throughput contenders side by side: each warmed up once, then measured in
// interleaved rounds (ours, diy, sdk, raw, ours, ...) so that a slow patch of the machine
// hurts every contender alike instead of whichever happened to run then.
'use strict';

const { summarise } = require('./stats');

/** Long enough for the slowest contender at its worst, short enough to stop a hang. */
function deadlineFor(count) {
    return 30000 + count * 20;
}

async function measuredRun(session, emulator, request) {
    await emulator.reset();
    const before = await emulator.cpuMs();
    const figures = await session.run(request);
    figures.emulatorCpuMs = (await emulator.cpuMs()) - before;
    if (figures.back < figures.count || figures.failed > 0) {
        const { back, count, failed } = figures;
        const codes = JSON.stringify(figures.codes);
        process.stderr.write(`  warning: ${back}/${count} back, ${failed} failed ${codes}\n`);
    }
    return figures;
}

/** `sessions`: { name: session }; resolves with { name: summary }. */
async function measureThroughput(sessions, emulator, settings, log) {
    const window = settings.concurrency;
    const names = Object.keys(sessions);

    for (const name of names) {
        log(`  warming up ${name}`);
        const count = settings.warmup;
        await measuredRun(sessions[name], emulator, {
            count,
            window,
            deadlineMs: deadlineFor(count),
        });
    }

    const rounds = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < settings.rounds; round += 1) {
        for (const name of names) {
            const count = settings.messages;
            const figures = await measuredRun(sessions[name], emulator, {
                count,
                window,
                offset: round * count,
                deadlineMs: deadlineFor(count),
            });
            rounds[name].push(figures);
            const rate = Math.round(figures.back / (figures.wallMs / 1000));
            log(`  round ${round + 1} ${name}: ${rate} msgs/s`);
        }
    }
    return Object.fromEntries(names.map((name) => [name, summarise(rounds[name])]));
}

module.exports = { deadlineFor, measureThroughput };
