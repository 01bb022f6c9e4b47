// The generic call: any path and apiVer, params that JSON carries exactly, optional tokens;
// everything refused with a code before anything is signed or sent.
'use strict';

const should = require('should');

const {
    GENERIC_CALL_REASONS,
    callApi,
    isApiPath,
    isApiVersion,
    validateGenericCall,
} = require('../../dist/operations');

const base = Object.freeze({
    path: '/face/paas/edge/guard/device/get',
    apiVer: '1.0.0',
    params: { iotId: 'Xk9wAbCdEfGhIjKlMnOp000100' },
});

function refusal(input) {
    const result = validateGenericCall({ ...base, ...input });
    result.ok.should.be.false();
    return result.failure;
}

describe('generic call: path and apiVer', function () {
    it('accepts the documented face and cloud API paths', function () {
        for (const path of [
            '/face/paas/edge/guard/device/add',
            '/face/paas/image/save',
            '/face/paas/permission/add',
            '/cloud/token',
            '/living/user/v1.2_beta-x',
        ]) {
            isApiPath(path).should.be.true(path);
        }
    });

    it('refuses paths the gateway would see differently from what is signed', function () {
        for (const path of [
            'face/paas/image/save',
            '/face/paas/image/save/',
            '/face/paas/image/save?x=1',
            '/face/paas/image/save#top',
            '/face/../admin',
            '/face/./paas',
            '/face/%2e%2e/admin',
            '/face//paas',
            '/',
            '//evil.example/face',
            'https://evil.example/face',
            '/face paas',
            '/face/paas\n',
            `/${'a'.repeat(300)}`,
        ]) {
            isApiPath(path).should.be.false(JSON.stringify(path));
        }
    });

    it('refuses a bad path with INVALID_PARAM, reason "path"', function () {
        refusal({ path: '/face/../admin' }).should.containEql({
            code: 'INVALID_PARAM',
            source: 'validation',
            detail: { field: 'path', reason: 'path' },
        });
    });

    it('refuses a missing path or apiVer with MISSING_PARAM', function () {
        refusal({ path: '' }).should.containEql({
            code: 'MISSING_PARAM',
            detail: { field: 'path' },
        });
        refusal({ apiVer: undefined }).detail.field.should.equal('apiVer');
    });

    it('accepts x.y.z versions and refuses anything else with reason "apiVer"', function () {
        for (const apiVer of ['1.0.0', '1.2.0', '10.20.300'])
            isApiVersion(apiVer).should.be.true();
        for (const apiVer of ['1.0', 'v1.0.0', '1.0.0 ', '1.0.0-beta', '1..0', '１.0.0']) {
            isApiVersion(apiVer).should.be.false(apiVer);
            refusal({ apiVer }).detail.should.eql({ field: 'apiVer', reason: 'apiVer' });
        }
    });

    it('refuses a non-string path with INVALID_TYPE', function () {
        refusal({ path: ['/a'] }).should.containEql({ code: 'INVALID_TYPE' });
    });
});

describe('generic call: params', function () {
    it('sends a JSON copy of the params, never the caller object', function () {
        const params = { userIdList: ['u1'], nested: { n: 1, ok: true, none: null } };
        const result = validateGenericCall({ ...base, params });
        result.ok.should.be.true();
        result.call.params.should.eql(params);
        result.call.params.should.not.equal(params);
        result.call.params.userIdList.should.not.equal(params.userIdList);
    });

    it('accepts an empty object for an API without params', function () {
        validateGenericCall({ ...base, params: {} }).ok.should.be.true();
    });

    it('leaves out an undefined property, as JSON does', function () {
        validateGenericCall({ ...base, params: { a: 1, b: undefined } }).call.params.should.eql(
            {
                a: 1,
            },
        );
    });

    it('refuses absent params with MISSING_PARAM', function () {
        refusal({ params: undefined }).should.containEql({ code: 'MISSING_PARAM' });
        refusal({ params: null }).detail.field.should.equal('params');
    });

    it('refuses params that are not an object with reason "notObject"', function () {
        for (const params of ['{"iotId":"x"}', 42, true, ['a']]) {
            refusal({ params }).detail.should.eql({ field: 'params', reason: 'notObject' });
        }
    });

    const cases = [
        ['a BigInt', { n: 10n }, 'params.n', 'bigint'],
        ['a function', { f() {} }, 'params.f', 'function'],
        ['a symbol', { s: Symbol('s') }, 'params.s', 'symbol'],
        ['NaN', { n: NaN }, 'params.n', 'notFinite'],
        ['Infinity deep inside', { a: [{ n: -Infinity }] }, 'params.a[0].n', 'notFinite'],
        ['a Date', { at: new Date(0) }, 'params.at', 'notPlain'],
        ['a Buffer', { image: Buffer.from('x') }, 'params.image', 'notPlain'],
        ['a Map', { m: new Map() }, 'params.m', 'notPlain'],
        ['a hole in a list', { list: [1, undefined] }, 'params.list[1]', 'undefinedInArray'],
    ];
    for (const [what, params, field, reason] of cases) {
        it(`refuses ${what} with INVALID_PARAM naming ${field}`, function () {
            refusal({ params }).should.containEql({
                code: 'INVALID_PARAM',
                detail: { field, reason },
            });
        });
    }

    it('refuses a circular structure instead of throwing', function () {
        const params = { a: { b: {} } };
        params.a.b.back = params;
        refusal({ params }).detail.should.eql({ field: 'params.a.b.back', reason: 'circular' });
    });

    it('accepts the same object twice when it is not a cycle', function () {
        const shared = { id: 'x' };
        validateGenericCall({
            ...base,
            params: { a: shared, b: [shared] },
        }).ok.should.be.true();
    });

    it('refuses nesting deeper than any API needs instead of exhausting the stack', function () {
        let params = {};
        const root = params;
        for (let i = 0; i < 10000; i += 1) params = params.next = {};
        refusal({ params: root }).detail.reason.should.equal('tooDeep');
    });

    it('refuses a whole number past 2^53 with UNSAFE_NUMBER, keeps safe ones', function () {
        refusal({ params: { id: 2 ** 60 } }).should.containEql({
            code: 'UNSAFE_NUMBER',
            detail: { field: 'params.id' },
        });
        validateGenericCall({
            ...base,
            params: { n: 2 ** 53 - 1, x: 0.5 },
        }).ok.should.be.true();
    });

    it('gives only reasons from GENERIC_CALL_REASONS', function () {
        const reasons = cases
            .map((c) => c[3])
            .concat('path', 'apiVer', 'notObject', 'circular');
        for (const reason of reasons) GENERIC_CALL_REASONS.should.containEql(reason);
    });
});

describe('generic call: tokens', function () {
    it('puts iotToken and cloudToken into the call when given', function () {
        const { call } = validateGenericCall({ ...base, iotToken: 'it-1', cloudToken: 'ct-1' });
        call.should.containEql({ iotToken: 'it-1', cloudToken: 'ct-1' });
    });

    it('leaves a token out when it is absent, null or empty', function () {
        for (const token of [undefined, null, '']) {
            const { call } = validateGenericCall({
                ...base,
                iotToken: token,
                cloudToken: token,
            });
            call.should.not.have.property('iotToken');
            call.should.not.have.property('cloudToken');
        }
    });

    it('refuses a token that is not a string with INVALID_TYPE', function () {
        refusal({ cloudToken: { token: 'x' } }).should.containEql({
            code: 'INVALID_TYPE',
            detail: { field: 'cloudToken', type: 'object' },
        });
    });
});

describe('callApi', function () {
    it('never calls the client for a refused input', async function () {
        const client = {
            call: () => should.fail('client called', 'not called'),
        };
        const outcome = await callApi(client, { ...base, path: '/x/' });
        outcome.should.containEql({ ok: false, attempts: 0 });
    });

    it('passes the validated call to the client', async function () {
        const calls = [];
        const client = { call: async (apiCall) => (calls.push(apiCall), { ok: true }) };
        await callApi(client, { ...base, cloudToken: 'ct' });
        calls.should.eql([{ ...base, cloudToken: 'ct' }]);
    });
});
