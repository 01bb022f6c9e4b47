'use strict';

require('should');

const { buildEnvelope, serializeEnvelope } = require('../../dist/envelope');
const { sharedFile } = require('../support/shared');

const { vectors } = require(sharedFile('api/vectors/signature-vectors.json'));

describe('envelope', function () {
    it('serializes the documented example to the SDK vector body byte for byte', function () {
        const vector = vectors.find((v) => v.name === 'seed_example_body');
        const { id, request, params } = vector.body_object;
        const envelope = buildEnvelope({ id, apiVer: request.apiVer, params });
        serializeEnvelope(envelope).toString('utf8').should.equal(vector.body);
    });

    it('keeps empty string, 0 and false; drops only undefined and null', function () {
        const envelope = buildEnvelope({
            id: '1',
            apiVer: '1.0.0',
            params: { deviceName: '', extInfo: 0, flag: false, gone: undefined, none: null },
        });
        envelope.params.should.eql({ deviceName: '', extInfo: 0, flag: false });
    });

    it('puts cloudToken into request only when given', function () {
        buildEnvelope({ id: '1', apiVer: '1.0.0', params: {} }).request.should.eql({
            apiVer: '1.0.0',
        });
        const withToken = buildEnvelope({ id: '1', apiVer: '1.0.0', params: {}, cloudToken: 't' });
        withToken.request.should.eql({ apiVer: '1.0.0', cloudToken: 't' });
    });

    it('never shares the caller params object', function () {
        const params = { a: '1' };
        const envelope = buildEnvelope({ id: '1', apiVer: '1.0.0', params });
        envelope.params.should.not.equal(params);
    });

    it('encodes Chinese text as UTF-8 so Content-MD5 sees the real bytes', function () {
        const body = serializeEnvelope(
            buildEnvelope({ id: '1', apiVer: '1.0.0', params: { extInfo: '进门' } }),
        );
        body.toString('utf8').should.containEql('"extInfo":"进门"');
        body.length.should.equal(Buffer.byteLength(body.toString('utf8')));
    });
});
