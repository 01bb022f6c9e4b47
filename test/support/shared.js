// Locates ../shared (the API facts and vectors) beside this checkout, as CI lays it out.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const candidates = [
    process.env.FACE_GUARD_SHARED,
    path.resolve(__dirname, '../../../shared'),
    path.resolve(__dirname, '../../shared'),
].filter(Boolean);

function sharedFile(relative) {
    for (const dir of candidates) {
        const file = path.join(dir, relative);
        if (fs.existsSync(file)) return file;
    }
    throw new Error(`cannot find shared/${relative}; set FACE_GUARD_SHARED`);
}

module.exports = { sharedFile };
