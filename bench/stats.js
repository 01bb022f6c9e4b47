// Turns the raw figures of one contender's rounds into the numbers the report shows.
'use strict';

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
    if (sorted.length === 0) return NaN;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function round(value, digits) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

/**
 * Pools the rounds: messages per second over the summed wall time, latencies over every
 * message, CPU per answered message, and the highest peak RSS seen.
 */
function summarise(rounds) {
    const back = rounds.reduce((sum, r) => sum + r.back, 0);
    const wallMs = rounds.reduce((sum, r) => sum + r.wallMs, 0);
    const cpuMs = rounds.reduce((sum, r) => sum + r.cpuMs, 0);
    const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const emulatorCpuMs = rounds.reduce((sum, r) => sum + (r.emulatorCpuMs ?? 0), 0);
    return {
        msgsPerSec: round(back / (wallMs / 1000), 1),
        p50Ms: round(percentile(latencies, 50), 2),
        p99Ms: round(percentile(latencies, 99), 2),
        cpuMsPerMsg: round(cpuMs / back, 3),
        rssMb: round(Math.max(...rounds.map((r) => r.maxRssMb)), 1),
        failed: rounds.reduce((sum, r) => sum + r.failed + (r.count - r.back), 0),
        emulatorCpuMsPerMsg: round(emulatorCpuMs / back, 3),
        roundMsgsPerSec: rounds.map((r) => round(r.back / (r.wallMs / 1000), 1)),
    };
}

function ratio(a, b) {
    return round(a / b, 2);
}

module.exports = { percentile, ratio, round, summarise };
