#!/usr/bin/env node
// The main job: the emulator on 127.0.0.1 (HTTPS, its CA trusted by Node-RED), a real
// Node-RED with this package and the CSV example flow pointed at it, and each device's
// iotId printed here. Runs until Ctrl-C; `--exit` stops once every device is answered.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { createEmulator } = require('../dist/emulator');
const { freePort, packageRoot, prepareUserDir, startNodeRed } = require('./lib/node-red-process');

const EXAMPLE = path.join(packageRoot, 'examples', '02-bulk-from-csv.json');
const DEVICES_CSV = path.join(packageRoot, 'examples', 'devices.csv');
const RESULT_MARK = 'FACE-GUARD-RESULT';
const exitWhenDone = process.argv.includes('--exit');

function countDevices(csvFile) {
    const lines = fs.readFileSync(csvFile, 'utf8').split(/\r?\n/).filter((line) => line.trim());
    return lines.length - 1;
}

/** Debug output as one marked line per answer, so this script can read it from the log. */
const OK_LINE = `"${RESULT_MARK} ok " & faceGuard.params.deviceIp & " " & iotId`;
const ERROR_LINE = `"${RESULT_MARK} error " & $string(payload.deviceIp) & " " & error.code`;

function demoFlows(endpoint) {
    const flows = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    const add = flows.find((node) => node.type === 'face-guard-add');
    const config = flows.find((node) => node.type === 'face-guard-config');
    const inject = flows.find((node) => node.type === 'inject');
    if (!add || !config || !inject) throw new Error(`${EXAMPLE} lacks add, config or inject`);

    config.endpoint = endpoint;
    config.region = 'custom';
    Object.assign(inject, { once: true, onceDelay: 0.5 });
    add.wires.forEach((targets, output) => {
        for (const id of targets) {
            const debug = flows.find((node) => node.id === id && node.type === 'debug');
            if (!debug) continue;
            const expression = output === 0 ? OK_LINE : ERROR_LINE;
            Object.assign(debug, { console: true, complete: expression, targetType: 'jsonata' });
        }
    });
    return { flows, configId: config.id };
}

function reportLine(line, state) {
    const at = line.indexOf(RESULT_MARK);
    if (at < 0) return;
    const [outcome, deviceIp, value] = line.slice(at + RESULT_MARK.length).trim().split(' ');
    state.answered += 1;
    if (outcome === 'ok') state.ok += 1;
    const label = outcome === 'ok' ? 'iotId' : 'error';
    console.log(`  device ${deviceIp.padEnd(15)} ${label} ${value}`);
}

async function main() {
    const appKey = 'demo-app-key';
    const appSecret = crypto.randomBytes(18).toString('base64url');
    const emulator = await createEmulator({ keys: [{ appKey, appSecret }], log: false });
    const port = await freePort();

    const { flows, configId } = demoFlows(emulator.url);
    const credentials = { [configId]: { appKey, appSecret } };
    const userDir = prepareUserDir({ flows, credentials, port });
    const caFile = path.join(userDir, 'emulator-ca.pem');
    fs.writeFileSync(caFile, emulator.ca);

    const expected = countDevices(DEVICES_CSV);
    const state = { answered: 0, ok: 0 };
    let finish;
    const allAnswered = new Promise((resolve) => (finish = resolve));

    console.log(`Emulator: ${emulator.url} (AppKey ${appKey}; CA ${caFile})`);
    console.log(`Registering ${expected} devices from ${path.relative(packageRoot, DEVICES_CSV)}:`);
    const nodeRed = startNodeRed({
        userDir,
        port,
        env: { NODE_EXTRA_CA_CERTS: caFile, FACE_GUARD_DEVICES_CSV: DEVICES_CSV },
        onLine: (line) => {
            if (process.env.FACE_GUARD_VERBOSE) console.log(`  [node-red] ${line}`);
            reportLine(line, state);
            if (state.answered === expected) finish();
        },
    });

    const shutdown = async (code) => {
        await nodeRed.stop();
        await emulator.close();
        fs.rmSync(userDir, { recursive: true, force: true });
        process.exit(code);
    };
    process.once('SIGINT', () => void shutdown(0));
    process.once('SIGTERM', () => void shutdown(0));

    await nodeRed.started;
    const waited = await Promise.race([
        allAnswered.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 60000).unref()),
    ]);
    if (!waited) console.log(`Only ${state.answered} of ${expected} devices answered in 60 s.`);
    console.log(`${state.ok} of ${expected} devices registered.`);
    if (exitWhenDone) return shutdown(state.ok === expected ? 0 : 1);
    console.log(`Node-RED editor: ${nodeRed.url}  (Ctrl-C to stop)`);
}

main().catch((err) => {
    console.error(`npm start failed: ${err.message}`);
    process.exit(1);
});
