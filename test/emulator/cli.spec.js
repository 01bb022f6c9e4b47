// The face-guard-emulator command: starts, prints its URL and CA, serves signed requests,
// logs without secrets, and stops cleanly on SIGTERM.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const should = require('should');

const h = require('./helpers');
const { parseCli, UsageError } = require('../../dist/emulator/cli-args');

const CLI = path.resolve(__dirname, '../../dist/emulator/cli.js');

/** Starts the CLI and resolves with its URL once the whole banner is out. */
function startCli(args, env = {}) {
    const child = spawn(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const ready = new Promise((resolve, reject) => {
        child.stdout.on('data', () => {
            const match = /listening on (\S+)[\s\S]*control: /.exec(stdout);
            if (match) resolve(match[1]);
        });
        exited.then((code) => reject(new Error(`CLI exited ${code}: ${stderr}`)));
    });
    return { child, ready, exited, output: () => stdout, errors: () => stderr };
}

function runToExit(args, env = {}) {
    const run = startCli(args, env);
    run.ready.catch(() => {});
    return run.exited.then((code) => ({ code, stdout: run.output(), stderr: run.errors() }));
}

describe('emulator: the face-guard-emulator command', function () {
    let dir;

    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-cli-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('prints its URL, writes --ca-out, serves, stops on SIGTERM', async function () {
        const caOut = path.join(dir, 'ca.pem');
        const run = startCli([
            '--port',
            '0',
            '--app-key',
            h.KEY.appKey,
            '--app-secret',
            h.KEY.appSecret,
            '--ca-out',
            caOut,
        ]);
        try {
            const url = await run.ready;
            url.should.match(/^https:\/\/127\.0\.0\.1:\d+$/);
            const emulator = { url, ca: fs.readFileSync(caOut, 'utf8') };
            run.output().should.containEql(caOut);

            (await h.addDevice(emulator)).json.code.should.equal(200);
            await new Promise((resolve) => setTimeout(resolve, 50));
            run.output().should.match(
                /appKey=24841931 POST \/face\/\S+\/device\/add ok status=200 code=200/,
            );
            run.output().should.not.containEql(h.KEY.appSecret);
        } finally {
            run.child.kill('SIGTERM');
        }
        (await run.exited).should.equal(0);
    });

    it('takes keys from FACE_GUARD_EMULATOR_KEYS; --http serves HTTP', async function () {
        const keys = `${h.OTHER_KEY.appKey}:${h.OTHER_KEY.appSecret},k2:s2:with:colons`;
        const run = startCli(['--http', '--quiet'], { FACE_GUARD_EMULATOR_KEYS: keys });
        try {
            const url = await run.ready;
            url.should.startWith('http://127.0.0.1:');
            const res = await h.call({ url }, h.ADD, h.validDevice(), { key: h.OTHER_KEY });
            res.json.code.should.equal(200);
            const colons = { appKey: 'k2', appSecret: 's2:with:colons' };
            (
                await h.call({ url }, h.ADD, h.validDevice(), { key: colons })
            ).status.should.equal(200);
        } finally {
            run.child.kill('SIGINT');
        }
        (await run.exited).should.equal(0);
    });

    it('injects --fault steps from the command line', async function () {
        const run = startCli(['--http', '--quiet', '--fault', 'http-503:2'], {
            FACE_GUARD_EMULATOR_KEYS: `${h.KEY.appKey}:${h.KEY.appSecret}`,
        });
        try {
            const emulator = { url: await run.ready };
            (await h.addDevice(emulator)).status.should.equal(503);
            (await h.addDevice(emulator)).status.should.equal(503);
            (await h.addDevice(emulator)).status.should.equal(200);
        } finally {
            run.child.kill('SIGTERM');
        }
        await run.exited;
    });

    it('prints its usage on --help and exits 0', async function () {
        const { code, stdout } = await runToExit(['--help']);
        code.should.equal(0);
        stdout.should.containEql('Usage: face-guard-emulator');
    });

    it('exits 2 with the usage when no keys are given', async function () {
        const { code, stderr } = await runToExit(['--http']);
        code.should.equal(2);
        stderr.should.containEql('no keys');
        stderr.should.containEql('Usage:');
    });
});

describe('emulator: command-line parsing', function () {
    const env = { FACE_GUARD_EMULATOR_KEYS: 'k:s' };

    it('defaults to 127.0.0.1, HTTPS and an ephemeral port', function () {
        const { options } = parseCli([], env);
        options.should.have.properties({ host: '127.0.0.1', http: false, port: 0 });
        options.keys.should.eql([{ appKey: 'k', appSecret: 's' }]);
    });

    it('pairs --app-key and --app-secret in order', function () {
        const { options } = parseCli(
            ['--app-key', 'a', '--app-secret', '1', '--app-key', 'b', '--app-secret', '2'],
            {},
        );
        options.keys.should.eql([
            { appKey: 'a', appSecret: '1' },
            { appKey: 'b', appSecret: '2' },
        ]);
        should(() => parseCli(['--app-key', 'a'], {})).throw(UsageError);
    });

    it('builds a fault plan from --fault, --mix, --latency and --jitter', function () {
        const { options } = parseCli(
            [
                '--fault',
                'reset',
                '--fault',
                'http-503:3',
                '--mix',
                'hang,api-429',
                '--mix-probability',
                '0.2',
                '--seed',
                '5',
                '--latency',
                '50',
                '--jitter',
                '10',
            ],
            env,
        );
        options.faults.should.eql({
            next: [
                { fault: 'reset', count: 1 },
                { fault: 'http-503', count: 3 },
            ],
            mix: { probability: 0.2, faults: ['hang', 'api-429'], seed: 5 },
            latencyMs: 50,
            jitterMs: 10,
        });
    });

    it('refuses an unknown fault, an unknown flag and a bad number', function () {
        should(() => parseCli(['--fault', 'http-504'], env)).throw(UsageError, {
            message: /fault/,
        });
        should(() => parseCli(['--prot', '80'], env)).throw(UsageError);
        should(() => parseCli(['--rate', 'fast'], env)).throw(UsageError, {
            message: /--rate/,
        });
    });
});
