'use strict';

const fs = require('node:fs');
const path = require('node:path');

require('should');

const { ERROR_CODES } = require('../../dist/errors');

const root = path.join(__dirname, '..', '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');

describe('every error code is documented', function () {
    const codes = Object.keys(ERROR_CODES);

    for (const file of [
        'README.md',
        'locales/en-US/face-guard-config.html',
        'locales/zh-CN/face-guard-config.html',
    ]) {
        it(`in ${file}, with its source`, function () {
            const text = read(file);
            for (const code of codes) {
                // A table row: the code, then (past markup) its source.
                const between = '[^A-Za-z_]*(</code></td><td>)?[^A-Za-z_]*';
                const row = new RegExp(`${code}${between}${ERROR_CODES[code]}\\b`);
                row.test(text).should.be.true(`${code} (${ERROR_CODES[code]}) in ${file}`);
            }
        });
    }
});
