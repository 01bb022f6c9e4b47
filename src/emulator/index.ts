// Public face of the emulator: start one in-process, or read its types and building blocks.
export {
    createEmulator,
    type Emulator,
    type EmulatorKey,
    type EmulatorOptions,
} from './server';
export {
    AUTHENTICATED_FAULTS,
    parseFaultPlan,
    TRANSPORT_FAULTS,
    type FaultMix,
    type FaultName,
    type FaultPlan,
    type FaultStep,
} from './fault-plan';
export { createCertificate, type Certificate } from './certificate';
export type { Device } from './device-store';
export type { EmulatorStats, Outcome, RequestRecord } from './request-log';
export { API_ROUTES, type ApiRoute } from './face-guard-api';
