// The emulator's HTTPS: a certificate that verifies for 127.0.0.1 and localhost against its
// own CA, and fails without it, so clients never need to turn verification off.
'use strict';

const https = require('node:https');
const { X509Certificate } = require('node:crypto');

const h = require('./helpers');

function get(options) {
    return new Promise((resolve, reject) => {
        https
            .get({ path: '/__emulator/stats', agent: false, ...options }, (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode));
            })
            .on('error', reject);
    });
}

describe('emulator: HTTPS', function () {
    let emulator;

    before(async function () {
        emulator = await h.startEmulator();
    });
    after(() => emulator.close());

    it('serves HTTPS by default at the URL it reports', function () {
        emulator.url.should.equal(`https://127.0.0.1:${emulator.port}`);
    });

    it('verifies for 127.0.0.1 and localhost against emulator.ca', async function () {
        for (const host of ['127.0.0.1', 'localhost']) {
            (await get({ host, port: emulator.port, ca: emulator.ca })).should.equal(200);
        }
    });

    it('fails verification for a client that does not trust the CA', async function () {
        await get({ host: '127.0.0.1', port: emulator.port }).should.be.rejectedWith({
            code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        });
    });

    it('is a CA certificate naming 127.0.0.1 and localhost', function () {
        const cert = new X509Certificate(emulator.ca);
        cert.ca.should.be.true();
        cert.subjectAltName.should.containEql('IP Address:127.0.0.1');
        cert.subjectAltName.should.containEql('DNS:localhost');
    });

    it('reuses a given certificate so a trusted CA stays valid', async function () {
        const { createCertificate } = require('../../dist/emulator');
        const certificate = await createCertificate('127.0.0.1');
        const again = await h.startEmulator({ certificate });
        try {
            again.ca.should.equal(certificate.cert);
            (await h.addDevice(again)).status.should.equal(200);
        } finally {
            await again.close();
        }
    });
});
