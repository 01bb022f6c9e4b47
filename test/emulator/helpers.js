// Shared helpers for the emulator specs: start an emulator, sign like a client, and send
// real HTTP(S) requests on 127.0.0.1 that trust only the emulator's own CA.
'use strict';

const http = require('node:http');
const https = require('node:https');
const { randomUUID } = require('node:crypto');

const { signRequest } = require('../../dist/signature');
const { createEmulator } = require('../../dist/emulator');

const KEY = { appKey: '24841931', appSecret: 'TestAppSecret0123456789abcdef' };
const OTHER_KEY = { appKey: '99990001', appSecret: 'AnotherSecret-for-tests' };
const ADD = '/face/paas/edge/guard/device/add';
const GET = '/face/paas/edge/guard/device/get';
const QUERY = '/face/paas/edge/guard/device/query';

function startEmulator(options = {}) {
    return createEmulator({ keys: [KEY, OTHER_KEY], log: false, ...options });
}

function envelope(params, apiVer = '1.0.0', id = randomUUID()) {
    return Buffer.from(JSON.stringify({ id, version: '1.0', request: { apiVer }, params }));
}

function validDevice(overrides = {}) {
    return {
        deviceIp: '192.168.1.2',
        edgeGwIotId: 'GwIotId0000000000001000100',
        productKey: 'a1FacePk001',
        imageOssBucketName: 'face-images-01',
        deviceName: 'door-01',
        ...overrides,
    };
}

/** Signs a request; `query` is the decoded query object, also put on the wire path. */
function signed({ path = ADD, body, key = KEY, timestamp, nonce, query, headers, stage } = {}) {
    const { headers: out, stringToSign } = signRequest({
        method: 'POST',
        path,
        query,
        headers,
        body,
        appKey: key.appKey,
        appSecret: key.appSecret,
        timestamp: timestamp ?? Date.now(),
        nonce: nonce ?? randomUUID(),
        stage,
    });
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return { headers: out, stringToSign, wirePath: `${path}${search}` };
}

/**
 * Sends one request and resolves {status, headers, text, json}. A fresh connection per
 * request (agent: false) so one test's broken socket cannot leak into the next.
 */
function send(emulator, { method = 'POST', path = ADD, headers = {}, body, timeoutMs = 5000 }) {
    const url = new URL(path, emulator.url);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
        const req = transport.request(url, { method, headers, agent: false, ca: emulator.ca });
        req.setTimeout(timeoutMs, () =>
            req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
        );
        req.on('error', reject);
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let json;
                try {
                    json = JSON.parse(text);
                } catch {
                    json = undefined;
                }
                resolve({ status: res.statusCode, headers: res.headers, text, json });
            });
        });
        req.end(body);
    });
}

/** Signs and sends an API call with a valid envelope. */
function call(emulator, path, params, options = {}) {
    const body = options.body ?? envelope(params, options.apiVer, options.id);
    const request = signed({ path, body, ...options });
    const { timeoutMs } = options;
    return send(emulator, {
        path: request.wirePath,
        headers: request.headers,
        body,
        timeoutMs,
    });
}

const addDevice = (emulator, overrides) => call(emulator, ADD, validDevice(overrides));

function control(emulator, method, name, value) {
    const body = value === undefined ? undefined : Buffer.from(JSON.stringify(value));
    const headers = body ? { 'content-type': 'application/json' } : {};
    return send(emulator, { method, path: `/__emulator/${name}`, headers, body });
}

module.exports = {
    ADD,
    GET,
    KEY,
    OTHER_KEY,
    QUERY,
    addDevice,
    call,
    control,
    envelope,
    send,
    signed,
    startEmulator,
    validDevice,
};
