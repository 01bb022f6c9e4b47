// Chooses the forward proxy for each request the way curl and Node-RED's http request node
// do: an explicit proxy first, then HTTPS_PROXY/HTTP_PROXY, with NO_PROXY matched without
// regard to case and by domain suffix. Resolved per request, never cached at start-up.

export interface ProxySettings {
    /** Proxy URL from an `http proxy` config node; overrides the environment. */
    url?: string;
    /** Hosts that bypass the explicit proxy. */
    noProxy?: readonly string[];
    /** Proxy credentials from the config node; put into the proxy URL. */
    username?: string;
    password?: string;
}

type Env = Record<string, string | undefined>;

function envValue(env: Env, name: string): string | undefined {
    return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

function defaultPort(protocol: string): string {
    return protocol === 'https:' ? '443' : '80';
}

/** One NO_PROXY entry against a target: `*`, a suffix `.example.com`, a host, host:port. */
function bypasses(entry: string, host: string, port: string): boolean {
    const rule = entry.trim().toLowerCase();
    if (rule === '') return false;
    if (rule === '*') return true;

    const [ruleHost, rulePort] = rule.split(/:(?=\d+$)/);
    if (rulePort && rulePort !== port) return false;

    const bare = ruleHost.replace(/^\*?\./, '');
    return host === bare || host.endsWith(`.${bare}`);
}

export function isBypassed(target: URL, rules: readonly string[]): boolean {
    const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = target.port || defaultPort(target.protocol);
    return rules.some((rule) => bypasses(rule, host, port));
}

function withCredentials(proxyUrl: string, settings: ProxySettings): string {
    if (!settings.username) return proxyUrl;
    const url = new URL(proxyUrl);
    url.username = encodeURIComponent(settings.username);
    url.password = encodeURIComponent(settings.password ?? '');
    return url.toString();
}

/** The proxy URL to use for `target`, or undefined to connect directly. */
export function proxyFor(
    target: URL,
    settings: ProxySettings = {},
    env: Env = process.env,
): string | undefined {
    if (settings.url) {
        if (isBypassed(target, settings.noProxy ?? [])) return undefined;
        return withCredentials(settings.url, settings);
    }

    const fromEnv =
        target.protocol === 'https:'
            ? (envValue(env, 'https_proxy') ?? envValue(env, 'http_proxy'))
            : envValue(env, 'http_proxy');
    if (!fromEnv) return undefined;

    const noProxy = (envValue(env, 'no_proxy') ?? '').split(/[,\s]+/);
    return isBypassed(target, noProxy) ? undefined : fromEnv;
}
