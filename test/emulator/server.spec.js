// Server-level behaviour: body size limit and the keep-alive idle timeout a client's agent
// must live with.
'use strict';

const net = require('node:net');

const h = require('./helpers');

describe('emulator: the server', function () {
    it('answers 413 Request Body Too Large to a body over 1 MiB', async function () {
        const emulator = await h.startEmulator({ http: true });
        try {
            const body = Buffer.alloc(1024 * 1024 + 1, 0x20);
            const res = await h.send(emulator, {
                headers: { 'content-length': body.length },
                body,
            });
            res.status.should.equal(413);
            res.headers['x-ca-error-message'].should.equal('Request Body Too Large');
        } finally {
            await emulator.close();
        }
    });

    it('closes an idle keep-alive socket after keepAliveTimeoutMs', async function () {
        const emulator = await h.startEmulator({ http: true, keepAliveTimeoutMs: 150 });
        try {
            // A raw socket, because Node's agent would close it first on the keep-alive hint.
            const idleMs = await new Promise((resolve, reject) => {
                const socket = net.connect(emulator.port, '127.0.0.1');
                let answeredAt;
                socket.on('data', () => (answeredAt ??= Date.now()));
                socket.on('close', () => resolve(Date.now() - answeredAt));
                socket.on('error', reject);
                socket.write('GET /__emulator/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
            });
            idleMs.should.be.within(100, 2000);
        } finally {
            await emulator.close();
        }
    });
});
