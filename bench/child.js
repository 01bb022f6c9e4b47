// Spawns a bench child process that speaks in JSON lines on stdout, and hands back each
// line as it comes. Children always get a deadline: a hung contender must not hang the run.
'use strict';

const { spawn } = require('node:child_process');

// Every child still alive when this process exits, however it exits, is killed with it:
// a benchmark must not leave runtimes or emulators behind.
const live = new Set();
process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
});

/** Adds a child spawned elsewhere (the Node-RED launcher) to the ones killed on exit. */
function track(child) {
    live.add(child);
    child.once('exit', () => live.delete(child));
    return child;
}

/**
 * Starts `node <script> ...args`. `next()` resolves with the next JSON line (or rejects when
 * the child exits or `timeoutMs` passes first); `stop()` closes stdin, then kills.
 */
function startChild(script, { args = [], env = {}, nodeArgs = [] } = {}) {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
        env: { ...process.env, ...env },
        stdio: ['pipe', 'pipe', 'inherit'],
    });
    track(child);
    const lines = [];
    const waiters = [];
    let ended = false;
    let buffered = '';

    const deliver = () => {
        while (waiters.length > 0 && (lines.length > 0 || ended)) {
            const waiter = waiters.shift();
            if (lines.length > 0) waiter.resolve(lines.shift());
            else waiter.reject(new Error(`${script} exited (code ${child.exitCode})`));
        }
    };
    child.stdout.on('data', (chunk) => {
        buffered += chunk.toString('utf8');
        const parts = buffered.split('\n');
        buffered = parts.pop();
        for (const part of parts) {
            // Anything not JSON is a stray log line of the child: pass it on, do not parse.
            if (part.startsWith('{')) lines.push(JSON.parse(part));
            else if (part.trim()) process.stderr.write(`  [${script}] ${part}\n`);
        }
        deliver();
    });
    child.once('exit', () => {
        ended = true;
        deliver();
    });

    const next = (timeoutMs) =>
        new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                reject(new Error(`${script}: no answer within ${timeoutMs} ms`));
            }, timeoutMs);
            const settle = (fn) => (value) => {
                clearTimeout(timer);
                fn(value);
            };
            waiters.push({ resolve: settle(resolve), reject: settle(reject) });
            deliver();
        });

    const send = (line) => child.stdin.write(`${line}\n`);

    const stop = () =>
        new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.stdin.end();
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });

    return { child, next, send, stop };
}

module.exports = { startChild, track };
