// The API's rules for each face-guard field, as plain predicates on strings.

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

/** Dotted-quad IPv4, each octet 0-255 written without leading zeros or junk. */
export function isDottedQuad(value: string): boolean {
    return IPV4.test(value);
}

/** OSS bucket names: 3-63 of a-z 0-9 and '-', starting and ending with a letter or digit. */
export function isBucketName(value: string): boolean {
    return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(value);
}

/** IoT platform device names: 4-32 of letters, digits and - _ @ . : */
export function isDeviceName(value: string): boolean {
    return /^[A-Za-z0-9\-_@.:]{4,32}$/.test(value);
}

/** Identifiers such as iotId and productKey: 1-64 visible ASCII characters, no spaces. */
export function isIdentifier(value: string): boolean {
    return /^[\x21-\x7e]{1,64}$/.test(value);
}

/** An OSS endpoint: an http(s) URL with a host and nothing after it. */
export function isOssEndpoint(value: string): boolean {
    if (!/^https?:\/\/[^\s/?#]+\/?$/i.test(value)) return false;
    try {
        const url = new URL(value);
        return url.hostname.length > 0 && !url.username && !url.password;
    } catch {
        return false;
    }
}

/** Length in characters as a person counts them: code points, not UTF-16 units or bytes. */
export function characterCount(value: string): number {
    return [...value].length;
}

export const EXT_INFO_MAX_CHARACTERS = 127;
