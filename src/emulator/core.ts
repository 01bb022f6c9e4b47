// The state one emulator instance shares between its API path and its control endpoint.
import type { DeviceStore } from './device-store';
import type { FaultInjector } from './faults';
import type { NonceCache } from './nonce-cache';
import type { RequestLog } from './request-log';
import type { Throttle } from './throttle';
import type { Timers } from './timers';

export interface EmulatorCore {
    /** AppKey to AppSecret; the secrets never leave this map. */
    secrets: ReadonlyMap<string, string>;
    nonces: NonceCache;
    throttle: Throttle;
    faults: FaultInjector;
    store: DeviceStore;
    log: RequestLog;
    timers: Timers;
    clock: () => number;
    /** PEM of the certificate clients must trust; undefined over plain HTTP. */
    ca: string | undefined;
    reset(): void;
}
