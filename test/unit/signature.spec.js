'use strict';

const should = require('should');

const { sharedFile } = require('../support/shared');
const {
    canonicalUrl,
    contentMd5,
    signRequest,
    signedHeaderNames,
} = require('../../dist/signature');

const { vectors } = require(sharedFile('api/vectors/signature-vectors.json'));

function signVector(vector) {
    const url = new URL(vector.url);
    return signRequest({
        method: vector.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: vector.headers_in,
        body: Buffer.from(vector.body, 'utf8'),
        appKey: vector.appKey,
        appSecret: vector.appSecret,
        timestamp: vector.timestamp,
        nonce: vector.nonce,
    });
}

describe('signature: the official SDK vectors', function () {
    it('has vectors to check', function () {
        vectors.length.should.be.aboveOrEqual(5);
    });

    for (const vector of vectors) {
        describe(vector.name, function () {
            it('computes Content-MD5 over the exact body bytes', function () {
                const bytes = Buffer.from(vector.body, 'utf8');
                bytes.length.should.equal(vector.body_utf8_length);
                contentMd5(bytes).should.equal(vector.expected_content_md5);
            });

            it('builds the same StringToSign byte for byte', function () {
                signVector(vector).stringToSign.should.equal(vector.expected_string_to_sign);
            });

            it('produces the same signature and signed-header list', function () {
                const { headers } = signVector(vector);
                headers['x-ca-signature'].should.equal(vector.expected_signature);
                const expected = vector.expected_headers_out;
                headers['x-ca-signature-headers'].should.equal(expected['x-ca-signature-headers']);
            });

            it('sends exactly the header values it signed', function () {
                const { headers } = signVector(vector);
                for (const [name, value] of Object.entries(vector.expected_headers_out)) {
                    should(headers[name]).equal(value, name);
                }
            });
        });
    }
});

describe('signature: canonical pieces', function () {
    it('signs the bare path when there is no query (no "?" and no trailing slash)', function () {
        canonicalUrl('/face/paas/edge/guard/device/add').should.equal(
            '/face/paas/edge/guard/device/add',
        );
    });

    it('sorts query keys and writes a bare key for an empty value', function () {
        canonicalUrl('/p', { z: 'last', a: 'hello world', m: '' }).should.equal(
            '/p?a=hello world&m&z=last',
        );
    });

    it('signs mixed-case x-ca headers in lower case, sorted, never the signature itself', function () {
        const names = signedHeaderNames({
            'X-Ca-Foo': '1',
            'x-ca-key': 'k',
            'X-Ca-Signature': 's',
            'X-Ca-Signature-Headers': 'h',
            Accept: 'a',
        });
        names.should.eql(['x-ca-foo', 'x-ca-key']);
    });

    it('gives every attempt its own nonce and timestamp in what it signs', function () {
        const base = {
            method: 'POST',
            path: '/p',
            body: Buffer.from('{}'),
            appKey: 'k',
            appSecret: 's',
        };
        const first = signRequest({ ...base, timestamp: 1, nonce: 'a' });
        const second = signRequest({ ...base, timestamp: 2, nonce: 'b' });
        first.headers['x-ca-signature'].should.not.equal(second.headers['x-ca-signature']);
        second.headers['x-ca-timestamp'].should.equal('2');
    });

    it('writes the timestamp as 13-digit epoch milliseconds', function () {
        const now = Date.now();
        const { headers } = signRequest({
            method: 'POST',
            path: '/p',
            body: Buffer.from(''),
            appKey: 'k',
            appSecret: 's',
            timestamp: now,
            nonce: 'n',
        });
        headers['x-ca-timestamp'].should.match(/^\d{13}$/);
    });
});
