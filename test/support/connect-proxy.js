// A small forward proxy for the specs: answers HTTP CONNECT on 127.0.0.1, checks Basic
// proxy credentials when asked to, and tunnels only to loopback targets.
'use strict';

const http = require('node:http');
const net = require('node:net');

function startConnectProxy({ username, password } = {}) {
    const tunnels = [];
    const refused = [];
    const sockets = new Set();
    const expected = username
        ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
        : undefined;

    const server = http.createServer((req, res) => {
        res.writeHead(405).end();
    });
    server.on('connect', (req, client, head) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        const [host, port] = req.url.split(':');
        if (expected && req.headers['proxy-authorization'] !== expected) {
            refused.push(req.url);
            client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
            return;
        }
        if (host !== '127.0.0.1' && host !== 'localhost') {
            refused.push(req.url);
            client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
            return;
        }
        tunnels.push(req.url);
        const upstream = net.connect(Number(port), '127.0.0.1', () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            upstream.write(head);
            upstream.pipe(client);
            client.pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
    });

    return new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            resolve({
                port,
                url: `http://127.0.0.1:${port}`,
                tunnels,
                refused,
                close: () =>
                    new Promise((done) => {
                        for (const socket of sockets) socket.destroy();
                        server.close(() => done());
                    }),
            });
        });
    });
}

module.exports = { startConnectProxy };
