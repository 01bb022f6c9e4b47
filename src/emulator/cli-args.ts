// Turns the command line and FACE_GUARD_EMULATOR_KEYS into emulator options, so the CLI
// itself only starts, prints and stops. Kept apart so it can be tested without a process.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import type { FaultName, FaultPlan, FaultStep } from './fault-plan';
import { parseFaultPlan } from './fault-plan';
import type { EmulatorKey, EmulatorOptions } from './server';

export const USAGE = `Usage: face-guard-emulator [options]

A local stand-in for Alibaba Cloud API Gateway and the Living Platform face-guard APIs
(/face/paas/edge/guard/device/add, /get, /query). For tests and offline flows only.

  --port <n>              port to listen on (default 0: a free port, printed at start)
  --host <addr>           address to bind (default 127.0.0.1; others print a warning)
  --http                  plain HTTP instead of HTTPS
  --app-key <k>           an accepted AppKey; repeat with --app-secret for more pairs
  --app-secret <s>        its AppSecret (prefer FACE_GUARD_EMULATOR_KEYS: argv is visible
                          to other users of this machine)
  --rate <n>              requests per rolling second per AppKey before 403 Throttled
  --state <file>          keep devices in this JSON file across restarts
  --ca-out <file>         write the CA certificate (PEM) clients must trust
  --tls-cert <file>       serve this certificate (PEM) instead of a fresh one...
  --tls-key <file>        ...with this private key, so a CA you trusted stays valid
  --fault <name[:count]>  inject a fault into the next <count> requests (default 1);
                          repeat to queue more
  --mix <name,name>       faults to draw at random...
  --mix-probability <p>   ...with this chance per request (default 0.1)
  --seed <n>              make the random draws repeatable
  --latency <ms>          delay every API response
  --jitter <ms>           add a random delay in [0, ms) so responses come back out of order
  --quiet                 no per-request log lines
  -h, --help              this text

Faults: hang, stall-body, reset, html, latency (transport: act before the gateway checks);
http-500, http-503, throttle, api-429, api-20056, api-500, api-460, bad-json (act only on
requests that pass the gateway checks).

Keys from the environment: FACE_GUARD_EMULATOR_KEYS="key1:secret1,key2:secret2".
Control endpoint (loopback callers only): POST /__emulator/faults, POST /__emulator/reset,
GET /__emulator/devices, /__emulator/stats, /__emulator/requests, /__emulator/ca.pem.
`;

export class UsageError extends Error {}

export interface CliSettings {
    help: boolean;
    quiet: boolean;
    caOut?: string;
    options: EmulatorOptions;
}

const SPEC = {
    port: { type: 'string' },
    host: { type: 'string' },
    http: { type: 'boolean' },
    'app-key': { type: 'string', multiple: true },
    'app-secret': { type: 'string', multiple: true },
    rate: { type: 'string' },
    state: { type: 'string' },
    'ca-out': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    fault: { type: 'string', multiple: true },
    mix: { type: 'string', multiple: true },
    'mix-probability': { type: 'string' },
    seed: { type: 'string' },
    latency: { type: 'string' },
    jitter: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof SPEC }>>['values'];

function number(flag: string, text: string | undefined): number | undefined {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
        throw new UsageError(`--${flag} needs a non-negative number, got "${text}"`);
    }
    return value;
}

/** `k1:s1,k2:s2`; only the first colon splits, so a secret may contain colons. */
export function keysFromEnv(text: string | undefined): EmulatorKey[] {
    if (!text) return [];
    return text
        .split(',')
        .filter((pair) => pair.trim() !== '')
        .map((pair) => {
            const colon = pair.indexOf(':');
            if (colon <= 0 || colon === pair.length - 1) {
                throw new UsageError(
                    'FACE_GUARD_EMULATOR_KEYS must look like key1:secret1,key2:secret2',
                );
            }
            return {
                appKey: pair.slice(0, colon).trim(),
                appSecret: pair.slice(colon + 1).trim(),
            };
        });
}

function keys(values: Values, env: NodeJS.ProcessEnv): EmulatorKey[] {
    const appKeys = values['app-key'] ?? [];
    const appSecrets = values['app-secret'] ?? [];
    if (appKeys.length !== appSecrets.length) {
        throw new UsageError('give one --app-secret for each --app-key, in the same order');
    }
    const all = appKeys.map((appKey, i) => ({ appKey, appSecret: appSecrets[i] }));
    all.push(...keysFromEnv(env.FACE_GUARD_EMULATOR_KEYS));
    if (all.length === 0) {
        throw new UsageError(
            'no keys: pass --app-key/--app-secret or set FACE_GUARD_EMULATOR_KEYS',
        );
    }
    return all;
}

function faultStep(text: string): FaultStep {
    const [fault, count] = text.split(':');
    return { fault: fault as FaultName, count: count === undefined ? 1 : Number(count) };
}

function faultPlan(values: Values): FaultPlan {
    const plan: Record<string, unknown> = {};
    if (values.fault) plan.next = values.fault.map(faultStep);
    if (values.mix) {
        plan.mix = {
            faults: values.mix.flatMap((list) => list.split(',')).filter((name) => name),
            probability: number('mix-probability', values['mix-probability']) ?? 0.1,
            ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
        };
    }
    if (values.latency !== undefined) plan.latencyMs = number('latency', values.latency);
    if (values.jitter !== undefined) plan.jitterMs = number('jitter', values.jitter);
    try {
        return parseFaultPlan(plan);
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}

function certificate(values: Values): EmulatorOptions['certificate'] {
    const certFile = values['tls-cert'];
    const keyFile = values['tls-key'];
    if (certFile === undefined && keyFile === undefined) return undefined;
    if (certFile === undefined || keyFile === undefined) {
        throw new UsageError('--tls-cert and --tls-key go together');
    }
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliSettings {
    let values: Values;
    try {
        values = parseArgs({ args: argv, options: SPEC, strict: true }).values;
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    if (values.help) return { help: true, quiet: false, options: { keys: [] } };

    const options: EmulatorOptions = {
        port: number('port', values.port) ?? 0,
        host: values.host ?? '127.0.0.1',
        http: values.http ?? false,
        keys: keys(values, env),
        faults: faultPlan(values),
        ratePerSecondPerAppKey: number('rate', values.rate),
        stateFile: values.state,
        certificate: certificate(values),
    };
    return { help: false, quiet: values.quiet ?? false, caOut: values['ca-out'], options };
}
