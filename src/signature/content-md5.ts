// Content-MD5 as the API Gateway checks it: base64 of the raw 16-byte digest, never hex.
import { createHash } from 'node:crypto';

/** Content-MD5 of the exact bytes that go on the wire. */
export function contentMd5(body: Buffer | string): string {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return createHash('md5').update(bytes).digest('base64');
}
