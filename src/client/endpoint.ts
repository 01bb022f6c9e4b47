// Checks the configured API endpoint: HTTPS always, plain HTTP only towards this machine
// (the local emulator), and nothing but an origin, so the signed path is the path sent.

export type EndpointCheck = { ok: true; origin: string } | { ok: false; reason: string };

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
    return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkEndpoint(endpoint: string): EndpointCheck {
    let url: URL;
    try {
        url = new URL(endpoint.trim());
    } catch {
        return { ok: false, reason: 'not a URL' };
    }

    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { ok: false, reason: 'only https is allowed' };
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return { ok: false, reason: 'plain http is allowed only for a loopback emulator' };
    }
    if (url.username || url.password || url.search || url.hash) {
        return { ok: false, reason: 'the endpoint must be a bare origin' };
    }
    if (url.pathname !== '/' && url.pathname !== '') {
        return { ok: false, reason: 'the endpoint must not carry a path' };
    }
    return { ok: true, origin: url.origin };
}
