// Contender "raw": the ceiling. Node's own http with a keep-alive agent, the signature
// inlined with no abstraction, the JSON answer parsed and checked. Anything slower than
// this is overhead someone chose.
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');

const { ADD_PATH, envelope } = require('../devices');

const SIGNED = ['x-ca-key', 'x-ca-nonce', 'x-ca-stage', 'x-ca-timestamp'];

function rawCaller({ url, key, concurrency }) {
    const origin = new URL(url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

    function send(body) {
        const md5 = crypto.createHash('md5').update(body).digest('base64');
        const nonce = crypto.randomUUID();
        const timestamp = String(Date.now());
        const values = [key.appKey, nonce, 'RELEASE', timestamp];
        const block = SIGNED.map((name, i) => `${name}:${values[i]}\n`).join('');
        const text = `POST\napplication/json\n${md5}\napplication/json\n\n${block}${ADD_PATH}`;
        const signature = crypto
            .createHmac('sha256', key.appSecret)
            .update(text)
            .digest('base64');

        return new Promise((resolve) => {
            const request = http.request(
                {
                    host: origin.hostname,
                    port: origin.port,
                    path: ADD_PATH,
                    method: 'POST',
                    agent,
                    headers: {
                        accept: 'application/json',
                        'content-type': 'application/json',
                        'content-md5': md5,
                        'content-length': body.length,
                        'x-ca-key': key.appKey,
                        'x-ca-nonce': nonce,
                        'x-ca-stage': 'RELEASE',
                        'x-ca-timestamp': timestamp,
                        'x-ca-signature-headers': SIGNED.join(','),
                        'x-ca-signature': signature,
                    },
                },
                (response) => {
                    const chunks = [];
                    response.on('data', (chunk) => chunks.push(chunk));
                    response.on('end', () => resolve({ response, chunks }));
                    response.on('error', (error) => resolve({ error }));
                },
            );
            request.on('error', (error) => resolve({ error }));
            request.end(body);
        });
    }

    return async (device) => {
        const body = Buffer.from(envelope(crypto.randomUUID(), device));
        const { response, chunks, error } = await send(body);
        if (error) return { ok: false, code: error.code || 'NETWORK' };
        if (response.statusCode !== 200)
            return { ok: false, code: String(response.statusCode) };
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        return answer.code === 200 ? { ok: true } : { ok: false, code: String(answer.code) };
    };
}

module.exports = { name: 'raw', caller: rawCaller };
