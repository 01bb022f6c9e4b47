// Field rules of the face-guard APIs, each with its English and Chinese wording, and the
// readers that turn a broken field into the platform's 460 reply.
import { paramError, type ApiReply } from './api-reply';

/** Thrown by the readers below; the route turns it into its reply. */
export class ParamError extends Error {
    constructor(readonly reply: ApiReply) {
        super(reply.message ?? 'request parameter error');
    }
}

export interface ParamRule {
    test(value: string): boolean;
    english: string;
    chinese: string;
}

// 0-255 without leading zeros: `192.168.01.2` would be read as octal by some stacks.
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const OSS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const DEVICE_NAME = /^[A-Za-z0-9_@.:-]{4,32}$/;

function isHttpUrl(value: string): boolean {
    if (/\s/.test(value)) return false;
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
        return false;
    }
}

export const RULES = {
    deviceIp: {
        test: (value: string) => IPV4.test(value),
        english: 'must be a dotted-quad IPv4 address such as 192.168.1.2',
        chinese: '必须是点分十进制 IPv4 地址，例如 192.168.1.2',
    },
    imageOssBucketName: {
        test: (value: string) => OSS_BUCKET.test(value),
        english:
            'must be 3-63 lower-case letters, digits or hyphens, starting and ending ' +
            'with a letter or digit',
        chinese: '必须为 3-63 个小写字母、数字或连字符，且以字母或数字开头和结尾',
    },
    deviceName: {
        test: (value: string) => DEVICE_NAME.test(value),
        english: 'must be 4-32 characters of letters, digits and -_@.:',
        chinese: '必须为 4-32 个字母、数字或 -_@.: 字符',
    },
    imageOssEndPoint: {
        test: isHttpUrl,
        english: 'must be an http:// or https:// URL',
        chinese: '必须是以 http:// 或 https:// 开头的 URL',
    },
    extInfo: {
        // Characters (code points), not UTF-8 bytes and not UTF-16 units: 127 汉字 pass.
        test: (value: string) => [...value].length < 128,
        english: 'must be fewer than 128 characters',
        chinese: '必须少于 128 个字符',
    },
} satisfies Record<string, ParamRule>;

function reject(field: string, english: string, chinese: string): never {
    throw new ParamError(paramError(`${field} ${english}`, `${field} ${chinese}`));
}

/** Types are not coerced: a number where the API wants a string is refused, not rounded. */
function checked(field: string, value: unknown, rule?: ParamRule): string {
    if (typeof value !== 'string') reject(field, 'must be a string', '必须是字符串');
    if (rule && !rule.test(value)) reject(field, rule.english, rule.chinese);
    return value;
}

export function requiredString(
    params: Record<string, unknown>,
    field: string,
    rule?: ParamRule,
): string {
    const value = params[field];
    if (value === undefined || value === null || value === '') {
        reject(field, 'is required', '不能为空');
    }
    return checked(field, value, rule);
}

/**
 * undefined when the field is absent (undefined or null). With `emptyIsAbsent`, '' counts
 * as absent too: the platform generates a deviceName and defaults the endpoint for it.
 */
export function optionalString(
    params: Record<string, unknown>,
    field: string,
    rule: ParamRule,
    emptyIsAbsent: boolean,
): string | undefined {
    const value = params[field];
    if (value === undefined || value === null) return undefined;
    if (emptyIsAbsent && value === '') return undefined;
    return checked(field, value, rule);
}
