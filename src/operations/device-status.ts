// What the numeric `status` of a queried face-guard device means, as a stable name a flow
// can switch on without knowing the platform's numbers (documented: 0, 1, 3, 8).

export type DeviceStatusName = 'notActivated' | 'online' | 'offline' | 'disabled' | 'unknown';

const NAMES: Readonly<Record<number, DeviceStatusName>> = {
    0: 'notActivated',
    1: 'online',
    3: 'offline',
    8: 'disabled',
};

/**
 * The name of a status code. The platform sends a number, but a numeric string is read the
 * same way; anything undocumented (2, null, 'x') is 'unknown' rather than a guess.
 */
export function deviceStatusName(status: unknown): DeviceStatusName {
    const code = typeof status === 'string' && /^\d+$/.test(status) ? Number(status) : status;
    if (typeof code !== 'number' || !Object.hasOwn(NAMES, code)) return 'unknown';
    return NAMES[code];
}

/**
 * A copy of one device of a query answer with `statusName` added; an element that is not an
 * object is returned as it came, since there is nothing to name.
 */
export function withStatusName(device: unknown): unknown {
    if (typeof device !== 'object' || device === null || Array.isArray(device)) return device;
    const fields = device as Record<string, unknown>;
    return { ...fields, statusName: deviceStatusName(fields.status) };
}
