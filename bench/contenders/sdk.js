// Contender "sdk": the official aliyun-api-gateway client, called as its README and the
// Living Platform Node sample call it. No Node-RED: the floor of what a script would cost.
'use strict';

const { randomUUID } = require('node:crypto');

const { Client } = require('aliyun-api-gateway');

const { ADD_PATH } = require('../devices');

/** A caller: device in, `{ ok, code? }` out, never throws. */
function sdkCaller({ url, key }) {
    const client = new Client(key.appKey, key.appSecret);
    const target = `${url}${ADD_PATH}`;

    return async (device) => {
        const data = { id: randomUUID(), version: '1.0', request: { apiVer: '1.0.0' } };
        data.params = device;
        try {
            const reply = await client.post(target, {
                data,
                headers: { accept: 'application/json' },
            });
            return reply.code === 200 ? { ok: true } : { ok: false, code: String(reply.code) };
        } catch (err) {
            // The SDK throws on any non-2xx, with the HTTP status as err.code.
            return { ok: false, code: String(err.code) };
        }
    };
}

module.exports = { name: 'sdk', caller: sdkCaller };
