// The fault plan: what the emulator should break, typed, and checked when it arrives as JSON
// from the control endpoint or the CLI, so a typo fails loudly instead of injecting nothing.

/**
 * Transport-level faults act on any request to an API path, before the gateway checks,
 * because they stand for the network or a proxy in front of the gateway, which know nothing
 * of signatures. `latency` delays once, then the request is served normally.
 */
export const TRANSPORT_FAULTS = ['hang', 'stall-body', 'reset', 'html', 'latency'] as const;

/**
 * Gateway and API faults act only on requests that passed every gateway check (signature,
 * timestamp, nonce), because the real gateway rejects a bad request before it reaches its
 * own flow control or the backend.
 */
export const AUTHENTICATED_FAULTS = [
    'http-500',
    'http-503',
    'throttle',
    'api-429',
    'api-20056',
    'api-500',
    'api-460',
    'bad-json',
] as const;

export type TransportFault = (typeof TRANSPORT_FAULTS)[number];
export type AuthenticatedFault = (typeof AUTHENTICATED_FAULTS)[number];
export type FaultName = TransportFault | AuthenticatedFault;

export interface FaultStep {
    fault: FaultName;
    /** How many matching requests this step hits; default 1. */
    count?: number;
    /** Delay of a `latency` step in ms; default 1000. Ignored by other faults. */
    ms?: number;
}

export interface FaultMix {
    /** Chance, 0..1, that a request draws one of `faults` (uniformly). */
    probability: number;
    faults: FaultName[];
    /** Makes the draws (and the jitter) repeatable. */
    seed?: number;
}

export interface FaultPlan {
    /** Consumed in order; a step waits at the head until a request of its stage arrives. */
    next?: FaultStep[];
    /** Random faults for requests that no `next` step hit. */
    mix?: FaultMix;
    /** Added before every API response, gateway rejections included. */
    latencyMs?: number;
    /** Extra random delay in [0, jitterMs), so concurrent responses come back out of order. */
    jitterMs?: number;
}

const FAULT_NAMES: readonly string[] = [...TRANSPORT_FAULTS, ...AUTHENTICATED_FAULTS];
const PLAN_KEYS = ['next', 'mix', 'latencyMs', 'jitterMs'];
const STEP_KEYS = ['fault', 'count', 'ms'];
const MIX_KEYS = ['probability', 'faults', 'seed'];

export function isTransportFault(fault: FaultName): fault is TransportFault {
    return (TRANSPORT_FAULTS as readonly string[]).includes(fault);
}

function fail(message: string): never {
    throw new TypeError(`invalid fault plan: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: string[], where: string): void {
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length > 0) fail(`${where} has unknown key(s) ${unknown.join(', ')}`);
}

function faultName(value: unknown, where: string): FaultName {
    if (typeof value !== 'string' || !FAULT_NAMES.includes(value)) {
        fail(`${where} must be one of ${FAULT_NAMES.join(', ')}`);
    }
    return value as FaultName;
}

function nonNegative(value: unknown, where: string): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        fail(`${where} must be a non-negative number`);
    }
    return value;
}

function step(value: unknown, index: number): FaultStep {
    const where = `next[${index}]`;
    if (!isRecord(value)) fail(`${where} must be an object`);
    checkKeys(value, STEP_KEYS, where);

    const count = value.count ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        fail(`${where}.count must be a positive integer`);
    }
    const ms = nonNegative(value.ms, `${where}.ms`);
    return {
        fault: faultName(value.fault, `${where}.fault`),
        count,
        ...(ms === undefined ? {} : { ms }),
    };
}

function mix(value: unknown): FaultMix {
    if (!isRecord(value)) fail('mix must be an object');
    checkKeys(value, MIX_KEYS, 'mix');

    const probability = value.probability;
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
        fail('mix.probability must be a number from 0 to 1');
    }
    if (!Array.isArray(value.faults) || value.faults.length === 0) {
        fail('mix.faults must be a non-empty array');
    }
    const faults = value.faults.map((name, index) => faultName(name, `mix.faults[${index}]`));
    if (value.seed !== undefined && !Number.isInteger(value.seed))
        fail('mix.seed must be an integer');

    const seed = value.seed as number | undefined;
    return { probability, faults, ...(seed === undefined ? {} : { seed }) };
}

/** Checks an untrusted value and returns a clean copy of it as a FaultPlan. */
export function parseFaultPlan(value: unknown): FaultPlan {
    if (!isRecord(value)) fail('the plan must be a JSON object');
    checkKeys(value, PLAN_KEYS, 'the plan');
    if (value.next !== undefined && !Array.isArray(value.next)) fail('next must be an array');

    const plan: FaultPlan = {};
    if (Array.isArray(value.next)) plan.next = value.next.map(step);
    if (value.mix !== undefined) plan.mix = mix(value.mix);
    const latencyMs = nonNegative(value.latencyMs, 'latencyMs');
    const jitterMs = nonNegative(value.jitterMs, 'jitterMs');
    if (latencyMs !== undefined) plan.latencyMs = latencyMs;
    if (jitterMs !== undefined) plan.jitterMs = jitterMs;
    return plan;
}
