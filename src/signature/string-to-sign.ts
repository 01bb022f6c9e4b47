// The API Gateway's canonical StringToSign: pure text building, no clock and no secrets.

/** Headers never placed in the signed-header block: they have lines of their own or are output. */
const UNSIGNABLE = new Set([
    'x-ca-signature',
    'x-ca-signature-headers',
    'accept',
    'content-md5',
    'content-type',
    'date',
]);

/** Lower-case every header name; the gateway compares names without regard to case. */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
    const lowered: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        lowered[name.toLowerCase()] = value;
    }
    return lowered;
}

/**
 * Names of the headers to sign: every x-ca-* header (bar the signature's own) plus any
 * extra names the caller asks for, lower-cased and sorted as the gateway sorts them.
 */
export function signedHeaderNames(
    headers: Record<string, string>,
    extra: readonly string[] = [],
): string[] {
    const names = new Set<string>();
    for (const name of Object.keys(headers)) {
        const lower = name.toLowerCase();
        if (lower.startsWith('x-ca-')) names.add(lower);
    }
    for (const name of extra) names.add(name.toLowerCase());
    for (const name of UNSIGNABLE) names.delete(name);
    return [...names].sort();
}

/**
 * The Url line: the path, then the query keys in sorted order with their decoded values
 * (`key=value`, or a bare `key` when the value is empty). No `?` when there is no query.
 */
export function canonicalUrl(path: string, query: Record<string, string> = {}): string {
    const keys = Object.keys(query).sort();
    if (keys.length === 0) return path;

    const pairs = keys.map((key) => (query[key] === '' ? key : `${key}=${query[key]}`));
    return `${path}?${pairs.join('&')}`;
}

export interface StringToSignInput {
    method: string;
    /** Request headers; names in any case. */
    headers: Record<string, string>;
    /** Lower-case, sorted names of the headers to put in the signed block. */
    signedHeaders: readonly string[];
    /** Output of canonicalUrl(). */
    url: string;
}

/** METHOD, Accept, Content-MD5, Content-Type, Date, the signed headers, then the Url. */
export function buildStringToSign(input: StringToSignInput): string {
    const headers = lowerCaseHeaders(input.headers);
    const line = (name: string): string => headers[name] ?? '';

    const head = [
        input.method.toUpperCase(),
        line('accept'),
        line('content-md5'),
        line('content-type'),
        line('date'),
    ].join('\n');
    const block = input.signedHeaders.map((name) => `${name}:${line(name)}\n`).join('');

    return `${head}\n${block}${input.url}`;
}
