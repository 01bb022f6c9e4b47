#!/usr/bin/env node
// face-guard-emulator: runs the emulator from a shell for offline flows and manual tests,
// prints where it listens and which CA to trust, and shuts down cleanly on SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs';

import { parseCli, USAGE, UsageError, type CliSettings } from './cli-args';
import { createEmulator, type Emulator } from './server';

function isLoopbackHost(host: string): boolean {
    return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** One write, so a reader of stdout never sees half the banner. */
function printStart(emulator: Emulator, settings: CliSettings): void {
    const lines = [`face-guard emulator listening on ${emulator.url}`];
    lines.push(`  AppKeys: ${settings.options.keys.map((key) => key.appKey).join(', ')}`);
    if (emulator.ca && settings.caOut) {
        lines.push(
            `  CA certificate: ${settings.caOut} (e.g. NODE_EXTRA_CA_CERTS=${settings.caOut})`,
        );
    } else if (emulator.ca) {
        lines.push(
            `  CA certificate: ${emulator.url}/__emulator/ca.pem (or pass --ca-out <file>)`,
        );
    }
    lines.push(`  control: ${emulator.url}/__emulator/ (loopback only)`);
    process.stdout.write(`${lines.join('\n')}\n`);
}

function stopOnSignals(emulator: Emulator): void {
    let stopping = false;
    const stop = (signal: string): void => {
        // A second signal means "now": do not wait for sockets to close.
        if (stopping) process.exit(1);
        stopping = true;
        process.stdout.write(`face-guard emulator stopping (${signal})\n`);
        void emulator.close().then(() => process.exit(0));
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(): Promise<void> {
    const settings = parseCli(process.argv.slice(2), process.env);
    if (settings.help) {
        process.stdout.write(USAGE);
        return;
    }
    const host = settings.options.host ?? '127.0.0.1';
    if (!isLoopbackHost(host)) {
        process.stderr.write(
            `warning: bound to ${host}; the emulator is for local use and accepts any ` +
                'request its keys sign. The control endpoint still answers loopback only.\n',
        );
    }

    const log = settings.quiet ? false : (line: string) => process.stdout.write(`${line}\n`);
    const emulator = await createEmulator({ ...settings.options, log });
    if (emulator.ca && settings.caOut) writeFileSync(settings.caOut, emulator.ca, 'utf8');
    printStart(emulator, settings);
    stopOnSignals(emulator);
}

main().catch((error: Error) => {
    const usage = error instanceof UsageError ? `\n\n${USAGE}` : '';
    process.stderr.write(`face-guard-emulator: ${error.message}${usage}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
});
