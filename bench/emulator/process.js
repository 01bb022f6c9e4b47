// Child-process entry: one emulator (plain HTTP, signature checks on) on 127.0.0.1, so the
// gateway's work never shares an event loop with the contender being measured. Reads its
// options from BENCH_EMULATOR, prints its URL as one JSON line, and answers "usage" lines
// on stdin with its own CPU time so the parent can tell client cost from server cost.
'use strict';

const readline = require('node:readline');

const { createEmulator } = require('../../dist/emulator');

async function main() {
    const options = JSON.parse(process.env.BENCH_EMULATOR || '{}');
    const emulator = await createEmulator({
        ...options,
        http: true,
        host: '127.0.0.1',
        log: false,
    });
    const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
    say({ url: emulator.url });

    const input = readline.createInterface({ input: process.stdin });
    input.on('line', (line) => {
        if (line.trim() !== 'usage') return;
        const { user, system } = process.cpuUsage();
        say({ cpuMs: (user + system) / 1000 });
    });
    // The parent closing our stdin, on purpose or by dying, is the signal to go.
    input.on('close', () => {
        void emulator.close().then(() => process.exit(0));
    });
}

main().catch((err) => {
    process.stderr.write(`bench emulator failed: ${err.stack || err}\n`);
    process.exit(1);
});
