// Contender "diy": what integrators build today without this package. A core function node
// signs the request with Node's crypto as the API Gateway documents it, a core http request
// node sends it (keep-alive on, its best setting), and a second function node routes the
// answer: success to output 1, gateway or API faults to output 2 with msg.error.
'use strict';

const { ADD_PATH } = require('../devices');
const { PACE_ID, harnessNodes } = require('../node-red/harness');

const TAB = 'bench-tab';

// Runs in the function node sandbox, where these are the globals it is given.
/* global msg, env, crypto */
function sign() {
    // AppKey signature: HMAC-SHA256 over method, Accept, Content-MD5, Content-Type, Date,
    // the x-ca-* headers (sorted) and the path. A fresh nonce and timestamp every time.
    const appKey = env.get('BENCH_APP_KEY');
    const appSecret = env.get('BENCH_APP_SECRET');
    const path = '__ADD_PATH__';
    const body = JSON.stringify({
        id: crypto.randomUUID(),
        version: '1.0',
        request: { apiVer: '1.0.0' },
        params: msg.payload,
    });
    const headers = {
        accept: 'application/json',
        'content-type': 'application/json',
        'content-md5': crypto.createHash('md5').update(body, 'utf8').digest('base64'),
        'x-ca-key': appKey,
        'x-ca-nonce': crypto.randomUUID(),
        'x-ca-stage': 'RELEASE',
        'x-ca-timestamp': String(Date.now()),
    };
    const signed = ['x-ca-key', 'x-ca-nonce', 'x-ca-stage', 'x-ca-timestamp'];
    const stringToSign = [
        'POST',
        headers.accept,
        headers['content-md5'],
        headers['content-type'],
        '',
        ...signed.map((name) => `${name}:${headers[name]}`),
        path,
    ].join('\n');
    headers['x-ca-signature-headers'] = signed.join(',');
    headers['x-ca-signature'] = crypto
        .createHmac('sha256', appSecret)
        .update(stringToSign, 'utf8')
        .digest('base64');

    msg.device = msg.payload;
    msg.method = 'POST';
    msg.url = env.get('BENCH_ENDPOINT') + path;
    msg.headers = headers;
    msg.payload = body;
    return msg;
}

function route() {
    // Gateway faults: a 4xx/5xx with X-Ca-Error-Message. API faults: 200 with code != 200.
    const answer = msg.payload;
    if (msg.statusCode === 200 && answer && answer.code === 200) {
        msg.payload = answer.data;
        msg.iotId = answer.data && answer.data.iotId;
        return [msg, null];
    }
    const said = (msg.headers && msg.headers['x-ca-error-message']) || '';
    msg.error = {
        code: /Throttled/.test(said)
            ? 'THROTTLED'
            : String((answer && answer.code) || msg.statusCode),
        message: said || (answer && answer.message) || String(answer),
    };
    msg.payload = msg.device;
    return [null, msg];
}

function bodyOf(fn) {
    const text = fn.toString();
    return text.slice(text.indexOf('{') + 1, text.lastIndexOf('}'));
}

function diyFlows() {
    return [
        { id: TAB, type: 'tab', label: 'bench: function + http request' },
        {
            id: 'diy-sign',
            type: 'function',
            z: TAB,
            name: 'sign',
            func: bodyOf(sign).replace('__ADD_PATH__', ADD_PATH),
            outputs: 1,
            libs: [{ var: 'crypto', module: 'crypto' }],
            wires: [['diy-request']],
        },
        {
            id: 'diy-request',
            type: 'http request',
            z: TAB,
            method: 'use',
            ret: 'obj',
            paytoqs: 'ignore',
            url: '',
            persist: true,
            wires: [['diy-route']],
        },
        {
            id: 'diy-route',
            type: 'function',
            z: TAB,
            name: 'route',
            func: bodyOf(route),
            outputs: 2,
            wires: [[PACE_ID], [PACE_ID]],
        },
        ...harnessNodes(TAB, 'diy-sign'),
    ];
}

module.exports = {
    name: 'diy',
    flows: diyFlows,
    credentials: () => ({}),
    // Integrators keep keys out of the flow file the same way: environment variables.
    env: ({ url, key }) => ({
        BENCH_ENDPOINT: url,
        BENCH_APP_KEY: key.appKey,
        BENCH_APP_SECRET: key.appSecret,
    }),
};
