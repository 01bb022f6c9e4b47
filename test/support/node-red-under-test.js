// Lets the same specs run against another Node-RED release (scripts/matrix.js). With
// FACE_GUARD_NODE_RED_PATH set to a folder holding node_modules/node-red, every require of
// node-red or @node-red/* from this repository (fixtures, specs, core nodes they load)
// resolves inside that folder. Unset, nothing changes. Loaded with mocha --require.
'use strict';

const Module = require('node:module');
const path = require('node:path');

const base = process.env.FACE_GUARD_NODE_RED_PATH;

if (base) {
    const inside = path.join(path.resolve(base), 'node_modules') + path.sep;
    const redirected = /^(node-red|@node-red\/[^/]+)(\/|$)/;
    const original = Module._resolveFilename;

    Module._resolveFilename = function (request, parent, isMain, options) {
        const fromInside = parent && parent.filename && parent.filename.startsWith(inside);
        if (!redirected.test(request) || fromInside) {
            return original.call(this, request, parent, isMain, options);
        }
        const found = original.call(this, request, parent, isMain, { paths: [inside] });
        // Node would fall back to this repository's copy: that must never pass silently.
        if (!found.startsWith(inside)) {
            throw new Error(`${request} is not installed under ${inside} (found ${found})`);
        }
        return found;
    };

    const version = require('node-red/package.json').version;
    console.log(`  Node-RED under test: ${version} on Node ${process.versions.node}`);
}
