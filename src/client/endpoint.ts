// Checks the configured API endpoint: HTTPS always, plain HTTP only towards this machine
// (the local emulator), and nothing but an origin, so the signed path is the path sent.

/** Why an endpoint is refused; each is a key of the `reasons` catalog. */
export type EndpointProblem =
    'notUrl' | 'httpsOnly' | 'httpLoopbackOnly' | 'notOrigin' | 'hasPath';

export type EndpointCheck =
    { ok: true; origin: string } | { ok: false; reason: EndpointProblem };

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
    return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkEndpoint(endpoint: string): EndpointCheck {
    let url: URL;
    try {
        url = new URL(endpoint.trim());
    } catch {
        return { ok: false, reason: 'notUrl' };
    }

    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { ok: false, reason: 'httpsOnly' };
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return { ok: false, reason: 'httpLoopbackOnly' };
    }
    if (url.username || url.password || url.search || url.hash) {
        return { ok: false, reason: 'notOrigin' };
    }
    if (url.pathname !== '/' && url.pathname !== '') {
        return { ok: false, reason: 'hasPath' };
    }
    return { ok: true, origin: url.origin };
}
