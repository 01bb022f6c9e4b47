// The package as the flow library and an integrator get it: package.json read the way
// `node-red-dev validate` reads it (checks P01–P07, N02, D01, done here offline), then the
// `npm pack` tarball installed into a fresh Node-RED user directory, started, and asked
// for its nodes, catalogs and help in zh-CN, en-US and an unsupported language (B16, B17).
'use strict';

const { execFile } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const should = require('should');

const { freePort, prepareUserDir, startNodeRed } = require('../scripts/lib/node-red-process');
const {
    LANGS,
    ROOT,
    catalogOf,
    helpOf,
    nodeSets,
    nodeTypes,
    packageJson,
} = require('./support/package-nodes');

const run = promisify(execFile);
const PACKAGE = packageJson();
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every *.json below examples/, as node-red-dev N02 reads them. */
function exampleFlows(dir = path.join(ROOT, 'examples')) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return exampleFlows(full);
        if (!entry.name.endsWith('.json')) return [];
        return [{ file: full, nodes: JSON.parse(fs.readFileSync(full, 'utf8')) }];
    });
}

/** `>=3.1.0` → [3, 1, 0]; anything but a plain lower bound → null. */
function lowerBound(range) {
    const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(range).trim());
    return match ? match.slice(1).map((n) => Number(n || 0)) : null;
}

function atLeast(version, bound) {
    const parts = String(version).split(/[.-]/).map(Number);
    for (let i = 0; i < 3; i += 1) {
        if (parts[i] !== bound[i]) return parts[i] > bound[i];
    }
    return true;
}

function get(url, headers = {}) {
    return new Promise((resolve, reject) => {
        http.get(url, { headers }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode, body }));
        }).on('error', reject);
    });
}

describe('package.json, as the flow library scores it', function () {
    const types = nodeTypes();

    it('names the package node-red-contrib-* or scoped (P04)', function () {
        PACKAGE.name.should.match(/^(@[a-z0-9-~][a-z0-9-._~]*\/|node-red-contrib-)/);
    });

    it('declares a license (P01) and a repository or bug tracker (P03)', function () {
        PACKAGE.license.should.be.a.String().and.not.be.empty();
        should(PACKAGE.repository || PACKAGE.bugs).be.ok();
    });

    it('has the keyword node-red, which the flow library indexes (P05)', function () {
        PACKAGE.keywords.should.containEql('node-red');
    });

    it('declares node-red.version as a lower bound Node-RED 3.1 to 5 meet (P06)', function () {
        // "^4.0.0" would exclude Node-RED 5, the current release.
        const bound = lowerBound(PACKAGE['node-red'].version);
        should.exist(bound, `node-red.version "${PACKAGE['node-red'].version}" is not >=x.y.z`);
        atLeast('3.1.0', bound).should.be.true('Node-RED 3.1 must be allowed');
        atLeast('5.0.0', bound).should.be.true();
        atLeast(require('node-red/package.json').version, bound).should.be.true();
    });

    it('declares engines.node as a lower bound that Node-RED 5 meets (P07)', function () {
        // Node-RED 5 needs Node 22.9; our range must include that minimum.
        const bound = lowerBound(PACKAGE.engines.node);
        should.exist(bound, `engines.node "${PACKAGE.engines.node}" is not >=x`);
        atLeast('22.9.0', bound).should.be.true();
        atLeast(process.versions.node, bound).should.be.true();
    });

    it('has at most 6 production dependencies (D01)', function () {
        Object.keys(PACKAGE.dependencies || {}).length.should.be.belowOrEqual(6);
    });

    it('ships a .js and an .html for every node set after the build (B16)', function () {
        const sets = nodeSets();
        sets.length.should.be.above(1);
        for (const set of sets) {
            fs.existsSync(set.js).should.be.true(`${set.set}: ${set.js}`);
            should.exist(set.html, `${set.set}: no .html beside ${set.js}`);
            set.types.length.should.be.above(0, `${set.set} registers no type literally`);
        }
    });

    it('ships every icon an editor definition names beside the node files', function () {
        for (const set of nodeSets()) {
            const html = fs.readFileSync(set.html, 'utf8');
            for (const [, icon] of html.matchAll(/\bicon:\s*['"]([^'"]+)['"]/g)) {
                // Core icons ("file.svg", "font-awesome/fa-…") come with Node-RED.
                if (icon.startsWith('font-awesome/')) continue;
                const own = path.join(set.dir, 'icons', icon);
                const core = path.join(
                    path.dirname(require.resolve('@node-red/nodes/package.json')),
                    'icons',
                    icon,
                );
                (fs.existsSync(own) || fs.existsSync(core)).should.be.true(
                    `${set.set}: icon ${icon}`,
                );
            }
        }
    });

    it('registers each type once, under a name no core node uses', function () {
        const names = types.map((t) => t.type);
        new Set(names).size.should.equal(names.length);
        for (const name of names) name.should.match(/^(face-guard|aliyun-iot)-/);
    });

    it('has an example flow with every non-config node type (N02)', function () {
        const used = new Set(exampleFlows().flatMap((f) => f.nodes.map((n) => n.type)));
        for (const { type } of types.filter((t) => !t.isConfig)) {
            used.has(type).should.be.true(`no example under examples/ uses ${type}`);
        }
    });

    it('has at least three examples, each explained in English and Chinese', function () {
        const flows = exampleFlows();
        flows.length.should.be.aboveOrEqual(3);
        for (const { file, nodes } of flows) {
            const text = nodes
                .filter((n) => n.type === 'comment')
                .map((n) => `${n.name}\n${n.info}`)
                .join('\n');
            text.should.match(/[A-Za-z]{4,} [A-Za-z]{4,}/, path.basename(file));
            text.should.match(/[\u4e00-\u9fff]/, path.basename(file));
        }
    });
});

describe('the npm pack tarball, installed into a fresh Node-RED', function () {
    this.timeout(120000);
    const log = [];
    let workDir;
    let tarball;
    let files;
    let installed;
    let nodeRed;
    let userDir;

    before(async function () {
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-pack-'));
        // dist/ is already built (npm test builds first), so the prepare script is skipped.
        const { stdout } = await run(
            NPM,
            ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir],
            { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
        );
        const [packed] = JSON.parse(stdout);
        tarball = path.join(workDir, packed.filename);
        files = packed.files.map((f) => f.path);

        const port = await freePort();
        const types = nodeTypes();
        const config = types.find((t) => t.isConfig);
        // One node of each type, so Node-RED would say "missing types" if one did not load.
        const flows = [
            { id: 'pack-tab', type: 'tab', label: 'pack' },
            ...types.map((t, i) => ({
                id: `pack-node-${i}`,
                type: t.type,
                ...(t.isConfig ? {} : { z: 'pack-tab', x: 200, y: 60 + 60 * i, wires: [] }),
                ...(t.isConfig || !config
                    ? {}
                    : { server: `pack-node-${types.indexOf(config)}` }),
            })),
        ];
        userDir = prepareUserDir({ flows, port });
        // Replace the symlink to the working tree by a real install of the tarball.
        fs.rmSync(path.join(userDir, 'node_modules', PACKAGE.name));
        await run(
            NPM,
            [
                'install',
                tarball,
                '--omit=dev',
                '--no-audit',
                '--no-fund',
                '--prefer-offline',
                '--no-package-lock',
            ],
            { cwd: userDir, maxBuffer: 16 * 1024 * 1024 },
        );
        installed = path.join(userDir, 'node_modules', PACKAGE.name);
        fs.lstatSync(installed).isSymbolicLink().should.be.false();

        nodeRed = startNodeRed({ userDir, port, onLine: (line) => log.push(line) });
        await nodeRed.started;
    });

    after(async function () {
        if (nodeRed) await nodeRed.stop();
        if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
        if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
    });

    it('holds built nodes, catalogs, help, icons, examples; no sources or tests', function () {
        for (const set of nodeSets()) {
            const rel = path.relative(ROOT, set.js);
            files.should.containEql(rel);
            files.should.containEql(rel.replace(/\.js$/, '.html'));
            for (const lang of LANGS) {
                const dir = path.relative(ROOT, path.join(set.dir, 'locales', lang));
                files.should.containEql(`${dir}/${set.basename}.json`);
                files.should.containEql(`${dir}/${set.basename}.html`);
            }
        }
        files.filter((f) => /^dist\/nodes\/icons\/.+\.svg$/.test(f)).should.not.be.empty();
        files.filter((f) => f.startsWith('examples/')).length.should.be.aboveOrEqual(3);
        files.filter((f) => /^(src|test|bench|scripts|\.tmp|\.ci)\//.test(f)).should.eql([]);
    });

    it('loads every node type of the package, enabled and without error', async function () {
        const res = await get(nodeRed.url + 'nodes', { Accept: 'application/json' });
        res.status.should.equal(200);
        const ours = JSON.parse(res.body).filter((set) => set.module === PACKAGE.name);
        const expected = nodeTypes(installed).map((t) => t.type);
        ours.flatMap((set) => set.types)
            .sort()
            .should.eql(expected.slice().sort());
        for (const set of ours) {
            set.enabled.should.be.true(set.id);
            should.not.exist(set.err, set.id);
            set.version.should.equal(PACKAGE.version);
        }
    });

    it('pulls no known-bad package into the production tree (D02: agent-base < 6)', function () {
        const versions = [];
        const visit = (dir) => {
            if (!fs.existsSync(dir)) return;
            for (const name of fs.readdirSync(dir)) {
                const full = path.join(dir, name);
                if (name.startsWith('@')) visit(full);
                else if (name === 'agent-base') versions.push(packageJson(full).version);
                visit(path.join(full, 'node_modules'));
            }
        };
        visit(path.join(userDir, 'node_modules'));
        for (const version of versions) Number(version.split('.')[0]).should.be.aboveOrEqual(6);
    });

    it('logs no warning or error about the package, its types or its catalogs', function () {
        const pattern = new RegExp(
            [
                PACKAGE.name,
                ...nodeTypes().map((t) => t.type),
                'missing types',
                'Error loading',
                'node-version-mismatch',
                'locale',
                'i18n',
            ].join('|'),
            'i',
        );
        const warnings = log.filter((line) => /\[(warn|error)\]/.test(line));
        warnings.filter((line) => pattern.test(line)).should.eql([]);
        log.some((line) => /Started flows/.test(line)).should.be.true();
    });

    describe('catalogs and help from the running Node-RED (B17)', function () {
        // For a language we do not ship, Node-RED serves an empty catalog and the editor
        // uses the en-US one it always loads as well; help falls back to en-US on the server.
        const cases = [
            ['zh-CN', 'zh-CN'],
            ['en-US', 'en-US'],
            ['fr', 'en-US'],
        ];

        for (const [asked, expected] of cases) {
            const ours = LANGS.includes(asked) ? 'our' : 'no';
            it(`GET /nodes/messages?lng=${asked} gives ${ours} ${asked} texts`, async function () {
                const res = await get(`${nodeRed.url}nodes/messages?lng=${asked}`);
                res.status.should.equal(200);
                const catalogs = JSON.parse(res.body);
                for (const set of nodeSets(installed)) {
                    const id = `${PACKAGE.name}/${set.set}`;
                    if (LANGS.includes(asked)) {
                        should(catalogs[id]).eql(catalogOf(set, asked), `${asked}: ${id}`);
                    } else {
                        // Empty, or the en-US texts: never another language's.
                        const served = catalogs[id] || {};
                        if (Object.keys(served).length > 0) {
                            served.should.eql(catalogOf(set, 'en-US'), `${asked}: ${id}`);
                        }
                    }
                }
            });

            it(`GET /nodes, Accept-Language ${asked}: ${expected} help`, async function () {
                const res = await get(nodeRed.url + 'nodes', {
                    Accept: 'text/html',
                    'Accept-Language': asked,
                });
                res.status.should.equal(200);
                for (const set of nodeSets(installed)) {
                    for (const { type } of set.types) {
                        const help = helpOf(set, type, expected);
                        should.exist(help, `${set.set} ships no ${expected} help for ${type}`);
                        res.body.should.containEql(help.trim(), `${asked}: help of ${type}`);
                        if (expected === 'zh-CN') help.should.match(/[\u4e00-\u9fff]/);
                    }
                }
            });
        }
    });
});
