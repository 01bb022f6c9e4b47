// Small HTTP helpers shared by the API and control paths: reading a bounded body, writing
// the gateway's empty-bodied rejections and JSON answers, and telling loopback callers apart.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Larger bodies get 413 unbuffered; a face-guard envelope is a few hundred bytes. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

/** Reads the whole body as the exact bytes sent, which is what Content-MD5 covers. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                req.removeAllListeners('data');
                req.pause();
                reject(new BodyTooLarge(`body over ${limit} bytes`));
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

/** Splits `req.url` into the raw path and the raw query text. */
export function splitUrl(url: string | undefined): { path: string; rawQuery: string } {
    const text = url ?? '/';
    const mark = text.indexOf('?');
    return mark < 0
        ? { path: text, rawQuery: '' }
        : { path: text.slice(0, mark), rawQuery: text.slice(mark + 1) };
}

/** The gateway answers its own rejections with headers only: the body stays empty. */
export function writeGatewayError(res: ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'X-Ca-Error-Message': message, 'Content-Length': '0' });
    res.end();
}

export function writeJson(res: ServerResponse, status: number, value: unknown): void {
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    res.writeHead(status, {
        'Content-Type': 'application/json; charset=UTF-8',
        'Content-Length': String(body.length),
    });
    res.end(body);
}

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 spelling. */
export function isLoopback(address: string | undefined): boolean {
    if (!address) return false;
    const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
    return v4.startsWith('127.') || address === '::1';
}
