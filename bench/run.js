#!/usr/bin/env node
// npm run bench: every contender against the same emulator process on 127.0.0.1, with the
// same messages and the same concurrency, then the queue-memory and throttled-bulk cases.
// Flags: --quick (a smaller run, under 45 s), --json <file>, --verbose (Node-RED's log).
'use strict';

const fs = require('node:fs');
const { parseArgs } = require('node:util');

const { runBench } = require('./bench');
const { formatResult } = require('./report');
const { settingsFor } = require('./settings');

// A run that overstays this is stuck somewhere; exiting kills every child with it.
const WATCHDOG_MS = { quick: 90000, full: 600000 };

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
    const { values } = parseArgs({
        options: {
            quick: { type: 'boolean' },
            json: { type: 'string' },
            verbose: { type: 'boolean' },
        },
    });
    const settings = {
        ...settingsFor(values.quick === true),
        verbose: values.verbose === true,
    };
    const watchdog = WATCHDOG_MS[settings.quick ? 'quick' : 'full'];
    setTimeout(() => {
        log(`bench: still running after ${watchdog / 1000} s, giving up`);
        process.exit(2);
    }, watchdog).unref();

    const result = await runBench(settings, log);
    process.stdout.write(`\n${formatResult(result)}\n`);
    if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err) => {
    log(`bench failed: ${err.stack || err}`);
    process.exit(1);
});
