// The emulator's TLS identity: one self-signed certificate that is also its own CA, so a
// client can trust exactly this file (NODE_EXTRA_CA_CERTS, a tls-config node) and nothing else.
import { isIP } from 'node:net';

import { generate } from 'selfsigned';

export interface Certificate {
    /** Private key, PEM. Never leaves the process unless the caller writes it out. */
    key: string;
    /** Certificate, PEM: the trust anchor clients must be given. */
    cert: string;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

type AltName = { type: 2; value: string } | { type: 7; ip: string };

function altName(host: string): AltName {
    return isIP(host) ? { type: 7, ip: host } : { type: 2, value: host };
}

/** Loopback names plus the bind host, unless it is a wildcard no client would dial. */
function subjectNames(host: string): string[] {
    const names = new Set(LOOPBACK_NAMES);
    if (host !== '0.0.0.0' && host !== '::' && host !== '') names.add(host);
    return [...names];
}

/**
 * Makes a fresh certificate. EC P-256 keeps start-up in tens of milliseconds; basicConstraints
 * CA lets strict clients accept it as a trust anchor; notBefore is back-dated an hour so a
 * client whose clock lags a little does not reject it as not yet valid.
 */
export async function createCertificate(host: string): Promise<Certificate> {
    const now = Date.now();
    const pems = await generate([{ name: 'commonName', value: 'face-guard emulator' }], {
        keyType: 'ec',
        algorithm: 'sha256',
        notBeforeDate: new Date(now - 3_600_000),
        notAfterDate: new Date(now + 365 * 86_400_000),
        extensions: [
            { name: 'basicConstraints', cA: true, critical: true },
            { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
            { name: 'extKeyUsage', serverAuth: true },
            { name: 'subjectAltName', altNames: subjectNames(host).map(altName) },
        ],
    });
    return { key: pems.private, cert: pems.cert };
}
