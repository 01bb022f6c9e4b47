// Starts a real Node-RED in its own process with a throw-away user directory that has this
// package installed (a symlink, as `npm install <folder>` makes), for the demo, the browser
// tests and the benchmark. Everything listens on 127.0.0.1 only.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const packageRoot = path.resolve(__dirname, '..', '..');
const packageName = require(path.join(packageRoot, 'package.json')).name;

/** A free TCP port on loopback. */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

function settingsSource(port, extra) {
    const settings = {
        uiHost: '127.0.0.1',
        uiPort: port,
        flowFile: 'flows.json',
        // Plain credentials file: this user directory is thrown away on exit.
        credentialSecret: false,
        editorTheme: {
            tours: false,
            projects: { enabled: false },
            palette: { catalogues: [] },
        },
        telemetry: { enabled: false, updateNotification: false },
        diagnostics: { enabled: false },
        logging: { console: { level: 'info', metrics: false, audit: false } },
        ...extra,
    };
    return `module.exports = ${JSON.stringify(settings, null, 4)};\n`;
}

/**
 * Lays out a user directory: settings.js, flows.json, flows_cred.json (plain, see above)
 * and node_modules/<this package> as a symlink to the working tree.
 */
function prepareUserDir({ flows, credentials = {}, port, settings = {} }) {
    const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-nr-'));
    fs.writeFileSync(path.join(userDir, 'settings.js'), settingsSource(port, settings));
    fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows, null, 2));
    fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(credentials));
    fs.writeFileSync(
        path.join(userDir, 'package.json'),
        JSON.stringify({ name: 'face-guard-demo', private: true, dependencies: {} }),
    );
    fs.mkdirSync(path.join(userDir, 'node_modules'));
    fs.symlinkSync(packageRoot, path.join(userDir, 'node_modules', packageName), 'dir');
    return userDir;
}

/**
 * Spawns Node-RED and resolves once it reports "Started flows". `onLine` sees every log
 * line. The child gets `env` on top of this process's environment.
 */
function startNodeRed({ userDir, port, env = {}, onLine = () => {}, nodeBinary, redScript }) {
    const red = redScript || require.resolve('node-red/red.js');
    const args = [red, '-u', userDir, '-s', path.join(userDir, 'settings.js'), '-p', String(port)];
    const child = spawn(nodeBinary || process.execPath, args, {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });

    const started = new Promise((resolve, reject) => {
        let buffered = '';
        const read = (chunk) => {
            buffered += chunk.toString('utf8');
            const lines = buffered.split('\n');
            buffered = lines.pop();
            for (const line of lines) {
                onLine(line);
                if (line.includes('Started flows')) resolve();
            }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`Node-RED exited early (code ${code})`)));
    });

    const stop = () =>
        new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGINT');
            setTimeout(() => child.kill('SIGKILL'), 8000).unref();
        });

    return { child, started, stop, url: `http://127.0.0.1:${port}/` };
}

module.exports = { freePort, packageRoot, prepareUserDir, startNodeRed };
