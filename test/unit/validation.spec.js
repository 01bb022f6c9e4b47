'use strict';

require('should');
const fc = require('fast-check');

const { validateAddDevice, fieldRules } = require('../../dist/operations');

const good = Object.freeze({
    deviceIp: '192.168.1.2',
    edgeGwIotId: 'gwIotId0001',
    productKey: 'a1FaceGuard',
    imageOssBucketName: 'face-images',
    deviceName: 'door-east-01',
    imageOssEndPoint: 'http://oss-cn-shanghai.aliyuncs.com',
    extInfo: '进门',
});

function codeOf(fields) {
    const result = validateAddDevice(fields);
    return result.ok ? 'OK' : result.failure.code;
}

describe('add-device validation', function () {
    it('accepts the documented example and sends the seven fields as strings', function () {
        const result = validateAddDevice({ ...good });
        result.ok.should.be.true();
        result.params.should.eql(good);
    });

    it('names the missing required field', function () {
        for (const field of ['deviceIp', 'edgeGwIotId', 'productKey', 'imageOssBucketName']) {
            const fields = { ...good, [field]: undefined };
            const result = validateAddDevice(fields);
            result.failure.code.should.equal('MISSING_PARAM');
            result.failure.detail.field.should.equal(field);
            result.failure.source.should.equal('validation');
        }
    });

    it('leaves out absent optional fields and keeps empty ones', function () {
        const result = validateAddDevice({
            ...good,
            deviceName: '',
            extInfo: undefined,
            imageOssEndPoint: null,
        });
        result.params.should.have.property('deviceName', '');
        result.params.should.not.have.property('extInfo');
        result.params.should.not.have.property('imageOssEndPoint');
    });

    describe('deviceIp', function () {
        const valid = ['0.0.0.0', '10.0.0.1', '192.168.1.2', '255.255.255.255'];
        const invalid = [
            '256.1.1.1',
            '01.2.3.4',
            ' 192.168.1.2',
            '192.168.1.2 ',
            '192.168.1',
            '192.168.1.2.3',
            'a192.168.1.2',
            '192.168.1.2/24',
            '::1',
            '3232235778',
        ];
        for (const ip of valid) {
            it(`accepts ${ip}`, function () {
                codeOf({ ...good, deviceIp: ip }).should.equal('OK');
            });
        }
        for (const ip of invalid) {
            it(`refuses ${JSON.stringify(ip)} with INVALID_DEVICE_IP`, function () {
                codeOf({ ...good, deviceIp: ip }).should.equal('INVALID_DEVICE_IP');
            });
        }
        it('refuses an integer address rather than guessing its dotted form', function () {
            codeOf({ ...good, deviceIp: 3232235778 }).should.equal('INVALID_DEVICE_IP');
        });
    });

    describe('extInfo counts characters, not bytes', function () {
        for (const [length, code] of [
            [127, 'OK'],
            [128, 'EXTINFO_TOO_LONG'],
            [129, 'EXTINFO_TOO_LONG'],
        ]) {
            it(`${length} Chinese characters → ${code}`, function () {
                codeOf({ ...good, extInfo: '门'.repeat(length) }).should.equal(code);
            });
        }
        it('counts an emoji (two UTF-16 units) as one character', function () {
            codeOf({ ...good, extInfo: '😀'.repeat(127) }).should.equal('OK');
        });
        it('reports the length and the limit', function () {
            const { failure } = validateAddDevice({ ...good, extInfo: 'x'.repeat(200) });
            failure.detail.should.containEql({ length: 200, max: 127 });
        });
    });

    describe('types', function () {
        it('turns safe integers into strings on purpose', function () {
            const result = validateAddDevice({ ...good, productKey: 12345, extInfo: 0 });
            result.params.productKey.should.equal('12345');
            result.params.extInfo.should.equal('0');
        });
        it('refuses a number past 2^53 with UNSAFE_NUMBER instead of sending it rounded', function () {
            codeOf({ ...good, deviceName: 17169973925117969 }).should.equal('UNSAFE_NUMBER');
        });
        for (const [label, value] of [
            ['a BigInt', 10n],
            ['a fraction', 1.5],
            ['a boolean', true],
            ['an array', ['a']],
            ['an object', { a: 1 }],
            ['a Buffer', Buffer.from('gw')],
            ['NaN', NaN],
        ]) {
            it(`refuses ${label} with INVALID_TYPE`, function () {
                codeOf({ ...good, edgeGwIotId: value }).should.equal('INVALID_TYPE');
            });
        }
    });

    it('checks OSS bucket names, device names and endpoints', function () {
        codeOf({ ...good, imageOssBucketName: 'Face_Images' }).should.equal('INVALID_BUCKET_NAME');
        codeOf({ ...good, imageOssBucketName: 'ab' }).should.equal('INVALID_BUCKET_NAME');
        codeOf({ ...good, deviceName: 'a b' }).should.equal('INVALID_DEVICE_NAME');
        codeOf({ ...good, deviceName: 'abc' }).should.equal('INVALID_DEVICE_NAME');
        codeOf({ ...good, imageOssEndPoint: 'oss-cn-shanghai.aliyuncs.com' }).should.equal(
            'INVALID_OSS_ENDPOINT',
        );
        codeOf({ ...good, imageOssEndPoint: 'https://oss-cn-hangzhou.aliyuncs.com' }).should.equal(
            'OK',
        );
    });

    it('never changes the object it is given', function () {
        const fields = { ...good, productKey: 12345, meta: { keep: true } };
        const copy = JSON.parse(JSON.stringify(fields));
        validateAddDevice(fields);
        fields.should.eql(copy);
    });
});

describe('add-device validation, property-based', function () {
    const octet = fc.integer({ min: 0, max: 255 });

    it('accepts every dotted quad', function () {
        fc.assert(
            fc.property(fc.tuple(octet, octet, octet, octet), (parts) =>
                fieldRules.isDottedQuad(parts.join('.')),
            ),
            { numRuns: 300 },
        );
    });

    it('refuses every string that is not the canonical dotted quad of its numbers', function () {
        fc.assert(
            fc.property(fc.string({ maxLength: 20 }), (text) => {
                const parts = text.split('.');
                const canonical =
                    parts.length === 4 &&
                    parts.every((p) => /^\d+$/.test(p) && String(Number(p)) === p && +p <= 255);
                return fieldRules.isDottedQuad(text) === canonical;
            }),
            { numRuns: 500 },
        );
    });

    const badValue = fc.oneof(
        fc.constant(null),
        fc.boolean(),
        fc.double({ noInteger: true }),
        fc.bigInt(),
        fc.integer({ min: 2 ** 53, max: 2 ** 60 }).map((n) => n * 1.0),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        fc.string().filter((s) => !fieldRules.isDottedQuad(s)),
    );

    it('answers at least 200 bad payloads each with one validation code, never a throw', function () {
        let checked = 0;
        fc.assert(
            fc.property(
                fc.constantFrom('deviceIp', 'edgeGwIotId', 'productKey', 'imageOssBucketName'),
                badValue,
                (field, value) => {
                    const result = validateAddDevice({ ...good, [field]: value });
                    checked += 1;
                    if (result.ok) return field !== 'deviceIp' && typeof value === 'string';
                    return result.failure.source === 'validation';
                },
            ),
            { numRuns: 400 },
        );
        checked.should.be.aboveOrEqual(200);
    });
});
