// Diagnostic, not a contender: the least any Node-RED node can cost here. One function
// node signs inline and sends with Node's own http and a keep-alive agent, as raw does,
// with no validation, status, retries or limits. Whatever separates it from raw is Node-RED's
// own price per message; whatever separates ours from it is ours.
'use strict';

const { ADD_PATH } = require('../devices');
const { PACE_ID, harnessNodes } = require('../node-red/harness');

const TAB = 'bench-tab';

// Runs in the function node sandbox: msg, node, env and context, plus its libs.
/* global msg, node, env, context, http, crypto */
function send() {
    const appKey = env.get('BENCH_APP_KEY');
    const path = '__ADD_PATH__';
    let agent = context.get('agent');
    if (!agent) {
        agent = new http.Agent({
            keepAlive: true,
            maxSockets: Number(env.get('BENCH_SOCKETS')),
        });
        context.set('agent', agent);
    }

    const body = Buffer.from(
        JSON.stringify({
            id: crypto.randomUUID(),
            version: '1.0',
            request: { apiVer: '1.0.0' },
            params: msg.payload,
        }),
    );
    const md5 = crypto.createHash('md5').update(body).digest('base64');
    const nonce = crypto.randomUUID();
    const timestamp = String(Date.now());
    const block =
        `x-ca-key:${appKey}\nx-ca-nonce:${nonce}\n` +
        `x-ca-stage:RELEASE\nx-ca-timestamp:${timestamp}\n`;
    const signature = crypto
        .createHmac('sha256', env.get('BENCH_APP_SECRET'))
        .update(`POST\napplication/json\n${md5}\napplication/json\n\n${block}${path}`)
        .digest('base64');

    const answer = (error, data) => {
        if (error) msg.error = error;
        else msg.payload = data;
        node.send(msg);
        node.done();
    };
    const url = new URL(env.get('BENCH_ENDPOINT'));
    const request = http.request(
        {
            host: url.hostname,
            port: url.port,
            path,
            method: 'POST',
            agent,
            headers: {
                accept: 'application/json',
                'content-type': 'application/json',
                'content-md5': md5,
                'content-length': body.length,
                'x-ca-key': appKey,
                'x-ca-nonce': nonce,
                'x-ca-stage': 'RELEASE',
                'x-ca-timestamp': timestamp,
                'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp',
                'x-ca-signature': signature,
            },
        },
        (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => {
                const reply = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
                if (reply.code === 200) answer(null, reply.data);
                else answer({ code: String(reply.code || response.statusCode) });
            });
        },
    );
    request.on('error', (error) => answer({ code: error.code || 'NETWORK' }));
    request.end(body);
    return null;
}

function floorFlows() {
    const text = send.toString();
    const func = text
        .slice(text.indexOf('{') + 1, text.lastIndexOf('}'))
        .replace('__ADD_PATH__', ADD_PATH);
    return [
        { id: TAB, type: 'tab', label: 'bench: the Node-RED floor' },
        {
            id: 'floor-send',
            type: 'function',
            z: TAB,
            name: 'sign and send',
            func,
            outputs: 1,
            libs: [
                { var: 'http', module: 'http' },
                { var: 'crypto', module: 'crypto' },
            ],
            wires: [[PACE_ID]],
        },
        ...harnessNodes(TAB, 'floor-send'),
    ];
}

module.exports = {
    name: 'floor',
    flows: floorFlows,
    credentials: () => ({}),
    env: ({ url, key, concurrency }) => ({
        BENCH_ENDPOINT: url,
        BENCH_APP_KEY: key.appKey,
        BENCH_APP_SECRET: key.appSecret,
        BENCH_SOCKETS: String(concurrency),
    }),
};
