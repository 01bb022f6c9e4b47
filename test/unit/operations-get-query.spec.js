// face-guard get and query: which API each calls, what each refuses before sending, and
// what a queried device's status means.
'use strict';

const should = require('should');

const {
    GET_DEVICE,
    QUERY_DEVICES,
    deviceStatusName,
    getDevice,
    queryDevices,
    validateGetDevice,
    validateQueryDevices,
    withStatusName,
} = require('../../dist/operations');

/** A client that records each call and answers success, or fails the test if called. */
function recordingClient() {
    const calls = [];
    return {
        calls,
        async call(apiCall) {
            calls.push(apiCall);
            return { ok: true, data: null, envelopeId: 'e', attempts: 1, durationMs: 1 };
        },
    };
}

const IOT_ID = 'Xk9wAbCdEfGhIjKlMnOp000100';

describe('get-device', function () {
    it('calls the get API, apiVer 1.0.0, with the iotId alone', async function () {
        const client = recordingClient();
        const outcome = await getDevice(client, { iotId: IOT_ID });
        outcome.ok.should.be.true();
        client.calls.should.eql([
            {
                path: '/face/paas/edge/guard/device/get',
                apiVer: '1.0.0',
                params: { iotId: IOT_ID },
            },
        ]);
        GET_DEVICE.should.eql({ path: '/face/paas/edge/guard/device/get', apiVer: '1.0.0' });
    });

    it('refuses a missing or empty iotId with MISSING_PARAM and sends nothing', async function () {
        for (const iotId of [undefined, null, '']) {
            const client = recordingClient();
            const outcome = await getDevice(client, { iotId });
            outcome.should.containEql({ ok: false, attempts: 0 });
            outcome.failure.code.should.equal('MISSING_PARAM');
            outcome.failure.detail.field.should.equal('iotId');
            client.calls.should.be.empty();
        }
    });

    it('refuses an iotId with spaces, control characters or over 64 characters', function () {
        for (const iotId of ['a b', ' abc', 'abc\n', 'x'.repeat(65), '设备']) {
            const result = validateGetDevice({ iotId });
            result.ok.should.be.false(JSON.stringify(iotId));
            result.failure.code.should.equal('INVALID_ID');
            result.failure.detail.field.should.equal('iotId');
        }
    });

    it('refuses an object iotId with INVALID_TYPE, never sending [object Object]', function () {
        validateGetDevice({ iotId: { id: 'x' } }).failure.code.should.equal('INVALID_TYPE');
    });

    it('sends only the iotId, whatever else the input holds', function () {
        validateGetDevice({ iotId: IOT_ID, deviceIp: '1.2.3.4' }).params.should.eql({
            iotId: IOT_ID,
        });
    });
});

describe('query-devices', function () {
    it('calls the query API, apiVer 1.0.0, with the gateway iotId', async function () {
        const client = recordingClient();
        await queryDevices(client, { edgeGwIotId: 'gw-01' });
        client.calls.should.eql([
            {
                path: '/face/paas/edge/guard/device/query',
                apiVer: '1.0.0',
                params: { edgeGwIotId: 'gw-01' },
            },
        ]);
        QUERY_DEVICES.apiVer.should.equal('1.0.0');
    });

    it('refuses a missing gateway with MISSING_PARAM and sends nothing', async function () {
        const client = recordingClient();
        const outcome = await queryDevices(client, {});
        outcome.failure.code.should.equal('MISSING_PARAM');
        outcome.failure.detail.field.should.equal('edgeGwIotId');
        client.calls.should.be.empty();
    });

    it('refuses a gateway iotId that is not an identifier', function () {
        validateQueryDevices({ edgeGwIotId: 'gw 01' }).failure.code.should.equal('INVALID_ID');
        validateQueryDevices({ edgeGwIotId: 2 ** 60 }).failure.code.should.equal(
            'UNSAFE_NUMBER',
        );
    });
});

describe('device status names', function () {
    const documented = { 0: 'notActivated', 1: 'online', 3: 'offline', 8: 'disabled' };

    for (const [status, name] of Object.entries(documented)) {
        it(`names status ${status} "${name}", as a number or as numeric text`, function () {
            deviceStatusName(Number(status)).should.equal(name);
            deviceStatusName(status).should.equal(name);
        });
    }

    it('calls every undocumented or malformed status "unknown" instead of guessing', function () {
        for (const status of [
            2,
            4,
            -1,
            1.5,
            null,
            undefined,
            '',
            ' 1',
            'online',
            {},
            [1],
            NaN,
        ]) {
            deviceStatusName(status).should.equal('unknown', String(status));
        }
    });

    it('does not read inherited properties as status names', function () {
        deviceStatusName('constructor').should.equal('unknown');
        deviceStatusName('toString').should.equal('unknown');
    });

    it('adds statusName to a copy of the device and keeps the numeric status', function () {
        const device = { iotId: IOT_ID, status: 3 };
        withStatusName(device).should.eql({ iotId: IOT_ID, status: 3, statusName: 'offline' });
        device.should.not.have.property('statusName');
    });

    it('passes an element that is not an object through unchanged', function () {
        should(withStatusName(null)).be.null();
        withStatusName('x').should.equal('x');
        withStatusName([1]).should.eql([1]);
    });
});
