// A real Node-RED in its own process, running one contender's flow with the harness, on
// 127.0.0.1 only. Reuses the project's launcher so the package is installed the way a user
// installs it (a symlink in the user directory's node_modules).
'use strict';

const fs = require('node:fs');

const {
    freePort,
    prepareUserDir,
    startNodeRed,
} = require('../../scripts/lib/node-red-process');
const { track } = require('../child');
const { RUN_PATH } = require('./harness');

const START_TIMEOUT_MS = 30000;

function withTimeout(promise, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts the runtime; resolves once its flows are started. */
/** `nodeBinary`: another node executable (or wrapper script) to run Node-RED with. */
async function startFlowRuntime({ flows, credentials = {}, env = {}, verbose, nodeBinary }) {
    const port = await freePort();
    const userDir = prepareUserDir({ flows, credentials, port });
    const log = [];
    const red = startNodeRed({
        userDir,
        port,
        env,
        nodeBinary,
        onLine: (line) => {
            // The tail of the log explains a failed start; a verbose run shows all of it.
            log.push(line);
            if (log.length > 50) log.shift();
            if (verbose) process.stderr.write(`  [node-red] ${line}\n`);
        },
    });
    track(red.child);

    const stop = async () => {
        await red.stop();
        fs.rmSync(userDir, { recursive: true, force: true });
    };

    try {
        await withTimeout(red.started, START_TIMEOUT_MS, 'Node-RED start');
    } catch (err) {
        await stop();
        throw new Error(`${err.message}\n${log.join('\n')}`);
    }

    /** One harness run: { count, window, offset, deadlineMs } in, figures out. */
    async function run(request) {
        const answer = fetch(`${red.url.replace(/\/$/, '')}${RUN_PATH}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(request),
        }).then((response) => {
            if (!response.ok) throw new Error(`harness run: HTTP ${response.status}`);
            return response.json();
        });
        return withTimeout(answer, request.deadlineMs + 10000, 'harness run');
    }

    return { run, stop, pid: red.child.pid };
}

module.exports = { startFlowRuntime };
