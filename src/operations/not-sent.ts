// The outcome of a call that validation stopped before anything was signed or sent.
import type { CallOutcome } from '../client';
import type { Failure } from '../errors';

export function notSent(failure: Failure): CallOutcome {
    return { ok: false, failure, envelopeId: '', attempts: 0, durationMs: 0 };
}
