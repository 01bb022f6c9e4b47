// Public face of the HTTP client layer.
export type { TlsOptions } from './agents';
export { checkEndpoint, isLoopbackHost } from './endpoint';
export {
    DEFAULTS,
    LivingPlatformClient,
    type ApiCall,
    type CallOutcome,
    type ClientOptions,
} from './living-platform-client';
export { proxyFor, type ProxySettings } from './proxy';
