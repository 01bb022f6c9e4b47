// One record and one log line per request, and the counts behind GET /__emulator/stats.
// Records carry what an operator needs (request id, AppKey, outcome, codes), never a secret
// or a signature.

export type Outcome =
    'ok' | 'api-error' | 'rejected' | 'throttled' | `fault:${string}` | 'control';

export interface RequestRecord {
    /** ISO time the request arrived. */
    time: string;
    requestId: string;
    appKey?: string;
    method: string;
    path: string;
    outcome: Outcome;
    /** HTTP status sent; null when none was (hang, reset). */
    status: number | null;
    /** Business code of an HTTP 200 body. */
    code?: number;
    /** Gateway rejection, up to the first comma (no StringToSign). */
    error?: string;
    nonce?: string;
    ms: number;
}

export interface EmulatorStats {
    total: number;
    byOutcome: Record<string, number>;
    byStatus: Record<string, number>;
    byCode: Record<string, number>;
    byError: Record<string, number>;
}

/** Enough history for a test to inspect a burst; old records drop off first. */
const CAPACITY = 1000;

function bump(counts: Record<string, number>, key: string | number | undefined | null): void {
    if (key === undefined || key === null) return;
    counts[String(key)] = (counts[String(key)] ?? 0) + 1;
}

export function formatLine(record: RequestRecord): string {
    const parts = [
        record.time,
        record.requestId,
        `appKey=${record.appKey ?? '-'}`,
        record.method,
        record.path,
        record.outcome,
        `status=${record.status ?? '-'}`,
        `code=${record.code ?? '-'}`,
    ];
    if (record.error) parts.push(`error="${record.error}"`);
    parts.push(`${record.ms}ms`);
    return parts.join(' ');
}

export function emptyStats(): EmulatorStats {
    return { total: 0, byOutcome: {}, byStatus: {}, byCode: {}, byError: {} };
}

export class RequestLog {
    private entries: RequestRecord[] = [];
    private counts = emptyStats();

    constructor(private readonly sink: ((line: string) => void) | undefined) {}

    /** Control calls are logged as lines but kept out of records and stats. */
    add(record: RequestRecord): void {
        this.sink?.(formatLine(record));
        if (record.outcome === 'control') return;

        this.entries.push(record);
        if (this.entries.length > CAPACITY) this.entries.shift();
        this.counts.total += 1;
        bump(this.counts.byOutcome, record.outcome);
        bump(this.counts.byStatus, record.status);
        bump(this.counts.byCode, record.code);
        bump(this.counts.byError, record.error);
    }

    records(): RequestRecord[] {
        return this.entries.map((record) => ({ ...record }));
    }

    stats(): EmulatorStats {
        return JSON.parse(JSON.stringify(this.counts)) as EmulatorStats;
    }

    clear(): void {
        this.entries = [];
        this.counts = emptyStats();
    }
}
