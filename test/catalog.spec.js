// Checks the editor side without a browser: message catalogs, help, editor definitions and
// example flows. In test-helper RED._ returns keys unchanged, so a missing or mistyped
// catalog entry would only show up as raw key text in a user's editor (known failure B17).
'use strict';

const fs = require('fs');
const path = require('path');
const should = require('should');
// acorn is what node-red-dev parses editor scripts with; it comes with node-red's nodes.
const acorn = require('acorn');

const {
    catalogOf,
    editorScripts: scriptsOf,
    helpOf,
    nodeSets,
    walk: walkAst,
} = require('./support/package-nodes');

/** A key of one of our catalogs shown as text, e.g. `face-guard-add.label.name`. */
const RAW_TEXT_KEY = /\b(face-guard|aliyun-iot)-[a-z-]+\.(label|status|errors|placeholder)\./;

const ROOT = path.join(__dirname, '..');
const LANGS = ['en-US', 'zh-CN'];
const TYPES = ['face-guard-config', 'face-guard-add'];
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const DEVICE_FIELDS = [
    'deviceIp',
    'edgeGwIotId',
    'productKey',
    'imageOssBucketName',
    'deviceName',
    'imageOssEndPoint',
    'extInfo',
];

// The interpolation variables the runtime may pass for each error code (the contract with
// src/). A text may use fewer, never others: i18next leaves an unknown __name__ in place.
const ERROR_VARS = {
    INVALID_PAYLOAD: ['type'],
    MISSING_PARAM: ['field'],
    INVALID_TYPE: ['field', 'type'],
    UNSAFE_NUMBER: ['field'],
    INVALID_DEVICE_IP: ['field'],
    INVALID_BUCKET_NAME: ['field'],
    INVALID_DEVICE_NAME: ['field'],
    INVALID_OSS_ENDPOINT: ['field'],
    EXTINFO_TOO_LONG: ['length', 'max'],
    INVALID_PARAM: ['field', 'reason'],
    INVALID_ID: ['field'],
    CONFIG_MISSING: [],
    MISSING_CREDENTIALS: [],
    INVALID_API_ENDPOINT: ['endpoint', 'reason'],
    GATEWAY_SIGNATURE: ['apiMessage'],
    GATEWAY_APPKEY: ['apiMessage'],
    GATEWAY_TIMESTAMP: ['serverTime'],
    GATEWAY_NONCE: [],
    GATEWAY_CONTENT_MD5: [],
    GATEWAY_UNAUTHORIZED: ['apiMessage'],
    GATEWAY_THROTTLED: ['attempts'],
    GATEWAY_NOT_FOUND: ['apiMessage'],
    GATEWAY_UNAVAILABLE: ['httpStatus', 'attempts'],
    GATEWAY_REJECTED: ['httpStatus', 'apiMessage'],
    API_INVALID_PARAM: ['apiMessage'],
    API_FORBIDDEN: ['apiCode', 'apiMessage'],
    API_THROTTLED: ['attempts'],
    API_ROUTE_NOT_FOUND: ['apiMessage'],
    API_BACKEND_ERROR: ['apiCode', 'apiMessage'],
    API_BACKEND_TIMEOUT: ['attempts'],
    API_SERVER_ERROR: ['apiCode', 'attempts'],
    API_ERROR: ['apiCode', 'apiMessage'],
    NETWORK: ['reason'],
    TLS: ['reason'],
    BAD_RESPONSE: ['httpStatus'],
    TIMEOUT: ['timeout', 'attempts'],
    CANCELLED: [],
    QUEUE_FULL: ['limit'],
    INTERNAL: ['reason'],
};

// Keys the runtime sets as node status, with the variables it passes.
const STATUS_VARS = {
    requesting: [],
    requestingCount: ['count'],
    ok: ['head'],
    missingConfig: [],
    missingCredentials: [],
    error: ['code'],
    closing: [],
};

// The property names src/ reads from each node's config: renaming one breaks saved flows.
const CONTRACT_DEFAULTS = {
    'face-guard-config': {
        name: '',
        endpoint: 'https://api.link.aliyun.com',
        region: 'cn-shanghai',
        timeout: 10000,
        imageOssBucketName: '',
        imageOssEndPoint: 'http://oss-cn-shanghai.aliyuncs.com',
        maxAttempts: 3,
        concurrency: 4,
        ratePerSecond: 0,
        queueLimit: 1000,
        tls: undefined,
        proxy: undefined,
    },
    'face-guard-add': (() => {
        const defaults = { name: '', server: undefined, errorsToCatch: false };
        for (const field of DEVICE_FIELDS) {
            defaults[field] = `payload.${field}`;
            defaults[`${field}Type`] = 'msg';
        }
        return defaults;
    })(),
};

function read(...parts) {
    return fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
}

function catalog(lang, type) {
    return JSON.parse(read('locales', lang, `${type}.json`));
}

/** Flattens a catalog to { 'a.b.c': 'text' }. */
function flatten(tree, prefix = '', out = {}) {
    for (const [key, value] of Object.entries(tree)) {
        const full = prefix ? `${prefix}.${key}` : key;
        if (value !== null && typeof value === 'object') {
            flatten(value, full, out);
        } else {
            out[full] = value;
        }
    }
    return out;
}

function variables(text) {
    const names = (String(text).match(/__([A-Za-z0-9_]+?)__/g) || []).map((v) =>
        v.slice(2, -2),
    );
    return [...new Set(names)].sort();
}

/** The text/javascript blocks, found the way node-red-dev finds them. */
function editorScripts(type) {
    const html = read('editor', `${type}.html`);
    const pattern = /<script.+?type=['"]text\/javascript['"].*?>([\S\s]*?)<\/script>/gi;
    return [...html.matchAll(pattern)].map((m) => m[1]);
}

function walk(node, visit) {
    if (!node || typeof node.type !== 'string') {
        return;
    }
    visit(node);
    for (const value of Object.values(node)) {
        if (Array.isArray(value)) {
            value.forEach((child) => walk(child, visit));
        } else if (value && typeof value === 'object') {
            walk(value, visit);
        }
    }
}

function registerCalls(type) {
    const calls = [];
    for (const script of editorScripts(type)) {
        const ast = acorn.parse(script, { ecmaVersion: 'latest' });
        walk(ast, (node) => {
            if (
                node.type === 'CallExpression' &&
                node.callee.property &&
                node.callee.property.name === 'registerType'
            ) {
                calls.push(node);
            }
        });
    }
    return calls;
}

function propertyOf(objectExpression, name) {
    return objectExpression.properties.find(
        (p) => p.key && (p.key.name === name || p.key.value === name),
    );
}

function literalOf(node) {
    return node && node.type === 'Literal' ? node.value : undefined;
}

/** Every string literal in the editor scripts, e.g. to find catalog keys passed to helpers. */
function stringLiterals(type) {
    const found = [];
    for (const script of editorScripts(type)) {
        walk(acorn.parse(script, { ecmaVersion: 'latest' }), (node) => {
            if (node.type === 'Literal' && typeof node.value === 'string') {
                found.push(node.value);
            }
        });
    }
    return found;
}

function helpBlock(lang, type) {
    const html = read('locales', lang, `${type}.html`);
    const pattern = new RegExp(
        `<script type="text/html" data-help-name="${type}">([\\S\\s]*?)</script>`,
    );
    const match = pattern.exec(html);
    return match && match[1];
}

describe('message catalogs', function () {
    for (const type of TYPES) {
        describe(type, function () {
            it('has the node type as its only top-level key in every language', function () {
                for (const lang of LANGS) {
                    Object.keys(catalog(lang, type)).should.eql([type], lang);
                }
            });

            it('has the same keys in zh-CN as in en-US', function () {
                const en = Object.keys(flatten(catalog('en-US', type))).sort();
                const zh = Object.keys(flatten(catalog('zh-CN', type))).sort();
                zh.should.eql(en);
            });

            it('has no empty or non-string value', function () {
                for (const lang of LANGS) {
                    for (const [key, value] of Object.entries(flatten(catalog(lang, type)))) {
                        should(typeof value).equal('string', `${lang} ${key}`);
                        value.trim().should.not.equal('', `${lang} ${key} is empty`);
                    }
                }
            });

            it('uses the same interpolation variables in both languages', function () {
                const en = flatten(catalog('en-US', type));
                const zh = flatten(catalog('zh-CN', type));
                for (const key of Object.keys(en)) {
                    variables(zh[key]).should.eql(variables(en[key]), key);
                }
            });
        });
    }

    it('names every code of src/errors/codes.ts, plus INTERNAL, in both languages', function () {
        const source = read('src', 'errors', 'codes.ts');
        const body = /export const ERROR_CODES = \{([\S\s]*?)\n\}/.exec(source);
        should.exist(body, 'ERROR_CODES not found in src/errors/codes.ts');
        const codes = [...body[1].matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)].map((m) => m[1]);
        codes.length.should.be.above(0);
        for (const lang of LANGS) {
            const errors = catalog(lang, 'face-guard-config')['face-guard-config'].errors;
            for (const code of [...codes, 'INTERNAL']) {
                should.exist(errors[code], `${lang} face-guard-config.errors.${code}`);
            }
        }
    });

    it('uses in each error text only the variables the runtime passes for it', function () {
        for (const lang of LANGS) {
            const errors = catalog(lang, 'face-guard-config')['face-guard-config'].errors;
            for (const [code, text] of Object.entries(errors)) {
                should.exist(ERROR_VARS[code], `${lang}: unknown error code ${code}`);
                for (const name of variables(text)) {
                    ERROR_VARS[code].should.containEql(
                        name,
                        `${lang} ${code} uses __${name}__`,
                    );
                }
            }
        }
    });

    it('mentions the code-specific variables a user needs to act on', function () {
        const en = catalog('en-US', 'face-guard-config')['face-guard-config'].errors;
        en.GATEWAY_TIMESTAMP.should.match(/__serverTime__/).and.match(/clock/);
        en.TLS.should.match(/TLS config/);
        en.EXTINFO_TOO_LONG.should.match(/__length__/).and.match(/__max__/);
        en.QUEUE_FULL.should.match(/__limit__/);
        en.TIMEOUT.should.match(/__timeout__/);
    });

    it('has every status text the runtime sets, with its variables', function () {
        for (const lang of LANGS) {
            const status = catalog(lang, 'face-guard-add')['face-guard-add'].status;
            for (const [key, names] of Object.entries(STATUS_VARS)) {
                should.exist(status[key], `${lang} face-guard-add.status.${key}`);
                variables(status[key]).should.eql(names.slice().sort(), `${lang} ${key}`);
            }
        }
    });

    it('has every key that src/ passes literally to RED._', function () {
        const files = [];
        const collect = (dir) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) collect(full);
                else if (entry.name.endsWith('.ts')) files.push(full);
            }
        };
        collect(path.join(ROOT, 'src'));
        for (const file of files) {
            const source = fs.readFileSync(file, 'utf8');
            for (const match of source.matchAll(
                /\b_\(\s*'(face-guard-(add|config)\.[^']+)'/g,
            )) {
                const key = match[1];
                for (const lang of LANGS) {
                    const keys = flatten(catalog(lang, key.split('.')[0]));
                    should.exist(keys[key], `${path.relative(ROOT, file)} uses ${lang} ${key}`);
                }
            }
        }
    });

    it('labels the outputs iotId and error, and translates error in zh-CN', function () {
        catalog('en-US', 'face-guard-add')['face-guard-add'].outputs.should.eql({
            ok: 'iotId',
            error: 'error',
        });
        catalog('zh-CN', 'face-guard-add')['face-guard-add'].outputs.should.eql({
            ok: 'iotId',
            error: '错误',
        });
    });
});

describe('editor definitions', function () {
    for (const type of TYPES) {
        describe(type, function () {
            const own = () => flatten(catalog('en-US', type));

            it('registers its type with a literal call that node-red-dev can read', function () {
                const calls = registerCalls(type);
                calls.length.should.equal(1);
                const [typeArg, def] = calls[0].arguments;
                typeArg.type.should.equal('Literal');
                typeArg.value.should.equal(type);
                def.type.should.equal('ObjectExpression');
                for (const name of ['category', 'color', 'inputs', 'outputs', 'icon']) {
                    const prop = propertyOf(def, name);
                    if (prop) {
                        prop.value.type.should.equal('Literal', `${name} must be a literal`);
                    }
                }
                for (const name of ['defaults', 'credentials']) {
                    const prop = propertyOf(def, name);
                    if (prop) {
                        prop.value.type.should.equal('ObjectExpression', `${name} inline`);
                    }
                }
            });

            it('declares exactly the properties and defaults the runtime reads', function () {
                const def = registerCalls(type)[0].arguments[1];
                const defaults = propertyOf(def, 'defaults').value;
                const found = {};
                for (const prop of defaults.properties) {
                    const value = propertyOf(prop.value, 'value');
                    found[prop.key.name] = value ? literalOf(value.value) : undefined;
                }
                found.should.eql(CONTRACT_DEFAULTS[type]);
            });

            it('links to config nodes of the types the runtime looks up', function () {
                const defaults = propertyOf(
                    registerCalls(type)[0].arguments[1],
                    'defaults',
                ).value;
                const links = {};
                for (const prop of defaults.properties) {
                    const linked = propertyOf(prop.value, 'type');
                    if (linked) {
                        links[prop.key.name] = literalOf(linked.value);
                    }
                }
                links.should.eql(
                    type === 'face-guard-add'
                        ? { server: 'face-guard-config' }
                        : { tls: 'tls-config', proxy: 'http proxy' },
                );
            });

            it('is listed in package.json node-red.nodes beside its runtime', function () {
                PACKAGE['node-red'].nodes[type].should.equal(`dist/nodes/${type}.js`);
            });

            it('has an edit template and no inline help', function () {
                const html = read('editor', `${type}.html`);
                html.should.match(new RegExp(`data-template-name="${type}"`));
                html.should.not.match(/data-help-name=/);
            });

            it('finds every data-i18n key of its template in its own catalog', function () {
                const html = read('editor', `${type}.html`);
                const attrs = [...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]);
                attrs.length.should.be.above(0);
                for (const attr of attrs) {
                    for (const entry of attr.split(';')) {
                        const key = entry.replace(/^\[[^\]]+\]/, '');
                        // A key without a namespace is looked up in this node set's catalog.
                        key.should.not.match(/:/, `${key}: use this node's own catalog`);
                        should.exist(own()[key], `${type}.html uses missing key ${key}`);
                    }
                }
            });

            it('finds every catalog key its script uses in its own catalog', function () {
                const keys = stringLiterals(type).filter((s) =>
                    /^face-guard-(add|config)(\.[A-Za-z0-9_-]+)+$/.test(s),
                );
                keys.length.should.be.above(0);
                for (const key of keys) {
                    // this._ and the namespaced helper both resolve in this node set only.
                    key.split('.')[0].should.equal(type, `${key} is outside ${type}'s catalog`);
                    should.exist(own()[key], `${type}.html uses missing key ${key}`);
                }
            });

            it('translates through its own node set namespace', function () {
                for (const literal of stringLiterals(type).filter((s) => s.includes('/'))) {
                    if (/^node-red-contrib-/.test(literal)) {
                        literal.should.equal(`${PACKAGE.name}/${type}:`);
                    }
                }
            });

            it('has a help text for its type in every language', function () {
                const def = registerCalls(type)[0].arguments[1];
                const inputs = literalOf((propertyOf(def, 'inputs') || {}).value) || 0;
                const outputs = literalOf((propertyOf(def, 'outputs') || {}).value) || 0;
                const headings = {
                    'en-US': { inputs: 'Inputs', outputs: 'Outputs', details: 'Details' },
                    'zh-CN': { inputs: '输入', outputs: '输出', details: '详细' },
                };
                for (const lang of LANGS) {
                    const help = helpBlock(lang, type);
                    should.exist(help, `${lang}/${type}.html has no data-help-name="${type}"`);
                    const h = headings[lang];
                    help.should.match(new RegExp(`^\\s*<p>`), `${lang}: starts with a summary`);
                    help.should.containEql(`<h3>${h.details}</h3>`, lang);
                    // A config node has neither inputs nor outputs to describe.
                    if (inputs > 0) {
                        help.should.containEql(`<h3>${h.inputs}</h3>`, lang);
                        help.should.containEql('class="message-properties"', lang);
                    }
                    if (outputs > 0) {
                        help.should.containEql(`<h3>${h.outputs}</h3>`, lang);
                    }
                    if (outputs > 1) {
                        help.should.containEql('<ol class="node-ports">', lang);
                    }
                }
            });
        });
    }

    it('offers a region option for each region label in the catalog', function () {
        const html = read('editor', 'face-guard-config.html');
        const options = [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
        const regions = catalog('en-US', 'face-guard-config')['face-guard-config'].region;
        options.sort().should.eql(Object.keys(regions).sort());
    });

    it('keeps AppKey as a text credential and AppSecret as a password credential', function () {
        const def = registerCalls('face-guard-config')[0].arguments[1];
        const credentials = propertyOf(def, 'credentials').value;
        const types = {};
        for (const prop of credentials.properties) {
            types[prop.key.name] = literalOf(propertyOf(prop.value, 'type').value);
        }
        types.should.eql({ appKey: 'text', appSecret: 'password' });
    });

    it('gives face-guard-add one input, two outputs, a category and an icon', function () {
        const def = registerCalls('face-guard-add')[0].arguments[1];
        const value = (name) => literalOf(propertyOf(def, name).value);
        value('category').should.equal('Aliyun IoT');
        value('inputs').should.equal(1);
        value('outputs').should.equal(2);
        const icon = read('icons', value('icon'));
        icon.should.match(/viewBox="0 0 40 60"/);
        literalOf(
            propertyOf(registerCalls('face-guard-config')[0].arguments[1], 'category').value,
        ).should.equal('config');
    });
});

describe('example flows', function () {
    const files = fs
        .readdirSync(path.join(ROOT, 'examples'))
        .filter((f) => f.endsWith('.json'))
        .sort();

    it('include at least one face-guard-add node', function () {
        const types = files.flatMap((f) => JSON.parse(read('examples', f)).map((n) => n.type));
        types.should.containEql('face-guard-add');
    });

    for (const file of files) {
        describe(file, function () {
            const flow = () => JSON.parse(read('examples', file));

            it('is a flow export: an array of nodes with unique ids', function () {
                const nodes = flow();
                Array.isArray(nodes).should.be.true();
                const ids = nodes.map((n) => n.id);
                new Set(ids).size.should.equal(ids.length);
            });

            it('links each face-guard-add node to a config node in the file', function () {
                const nodes = flow();
                const configs = nodes.filter((n) => n.type === 'face-guard-config');
                for (const node of nodes.filter((n) => n.type === 'face-guard-add')) {
                    configs.map((c) => c.id).should.containEql(node.server);
                }
            });

            it('carries no credentials', function () {
                for (const node of flow()) {
                    node.should.not.have.property('credentials');
                    node.should.not.have.property('appKey');
                    node.should.not.have.property('appSecret');
                }
            });

            it('points its config at the public China endpoint, not a local address', function () {
                for (const node of flow().filter((n) => n.type === 'face-guard-config')) {
                    node.endpoint.should.equal('https://api.link.aliyun.com');
                    node.region.should.equal('cn-shanghai');
                }
            });

            it('sets every face-guard-add property, so an import needs no editing', function () {
                for (const node of flow().filter((n) => n.type === 'face-guard-add')) {
                    for (const name of Object.keys(CONTRACT_DEFAULTS['face-guard-add'])) {
                        node.should.have.property(name);
                    }
                }
            });

            it('wires only to nodes in the same file', function () {
                const nodes = flow();
                const ids = new Set(nodes.map((n) => n.id));
                for (const node of nodes) {
                    for (const target of (node.wires || []).flat()) {
                        ids.has(target).should.be.true(`${node.id} → ${target}`);
                    }
                }
            });

            it('explains itself in English and Chinese in a comment node', function () {
                const comments = flow().filter((n) => n.type === 'comment');
                comments.length.should.be.above(0);
                const text = comments.map((c) => `${c.name}\n${c.info}`).join('\n');
                text.should.match(/[A-Za-z]{4,} [A-Za-z]{4,}/);
                text.should.match(/[\u4e00-\u9fff]/);
            });
        });
    }

    it('keeps the node ids the start script rewires in the CSV example', function () {
        const ids = JSON.parse(read('examples', '02-bulk-from-csv.json')).map((n) => n.id);
        for (const id of ['fg-inject-csv', 'fg-add-csv', 'fg-debug-ok', 'fg-debug-err']) {
            ids.should.containEql(id);
        }
        ids.should.containEql('fg-config');
    });

    it('ships a devices.csv with the API field names as header and six devices', function () {
        const lines = read('examples', 'devices.csv').trim().split('\n');
        lines[0].split(',').should.eql(DEVICE_FIELDS);
        lines.length.should.equal(7);
        // A BOM would become part of the first column name after the csv node.
        read('examples', 'devices.csv').charCodeAt(0).should.not.equal(0xfeff);
    });
});

// The same promises for every node set package.json lists, so that a node added later is
// held to them without editing this file: both catalogs complete and alike, and every key
// that src/ or the editor html uses present in both languages.
describe('every node set of package.json', function () {
    const sets = nodeSets();
    const ownTypes = sets.flatMap((s) => s.types.map((t) => t.type));
    const setOfType = (type) => sets.find((s) => s.types.some((t) => t.type === type));
    const keysOf = (set, lang) => flatten(catalogOf(set, lang));

    /** src/**\/*.ts, read once. */
    const sources = (() => {
        const files = [];
        const collect = (dir) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) collect(full);
                else if (entry.name.endsWith('.ts')) files.push(full);
            }
        };
        collect(path.join(ROOT, 'src'));
        return files.map((file) => ({
            file: path.relative(ROOT, file),
            text: fs.readFileSync(file, 'utf8'),
        }));
    })();

    /** Which of our types a key belongs to: the part before the first dot. */
    const ownerOf = (key) => ownTypes.find((type) => key.startsWith(`${type}.`));

    it('lists node sets whose html registers at least one type', function () {
        sets.length.should.be.aboveOrEqual(2);
        for (const set of sets) set.types.length.should.be.above(0, set.set);
    });

    for (const set of sets) {
        describe(set.set, function () {
            it('ships an en-US and a zh-CN catalog with the same keys', function () {
                for (const lang of LANGS) should.exist(catalogOf(set, lang), `${lang}`);
                Object.keys(keysOf(set, 'zh-CN'))
                    .sort()
                    .should.eql(Object.keys(keysOf(set, 'en-US')).sort());
            });

            it('has a non-empty text with the same variables in both languages', function () {
                const en = keysOf(set, 'en-US');
                const zh = keysOf(set, 'zh-CN');
                for (const [key, text] of Object.entries(en)) {
                    for (const [lang, value] of [
                        ['en-US', text],
                        ['zh-CN', zh[key]],
                    ]) {
                        should(typeof value).equal('string', `${lang} ${key}`);
                        value.trim().should.not.equal('', `${lang} ${key} is empty`);
                    }
                    variables(zh[key]).should.eql(variables(text), key);
                }
            });

            it('has every data-i18n key of its editor html in its own catalog', function () {
                const html = fs.readFileSync(set.html, 'utf8');
                const keys = [...html.matchAll(/data-i18n="([^"]+)"/g)].flatMap((m) =>
                    m[1].split(';').map((entry) => entry.replace(/^\[[^\]]+\]/, '')),
                );
                for (const key of keys.filter((k) => !k.includes(':'))) {
                    for (const lang of LANGS) {
                        should.exist(keysOf(set, lang)[key], `${lang}: ${set.set} uses ${key}`);
                    }
                }
            });

            it('has every key its editor script names in the catalog it belongs to', function () {
                const literals = [];
                for (const script of scriptsOf(fs.readFileSync(set.html, 'utf8'))) {
                    walkAst(acorn.parse(script, { ecmaVersion: 'latest' }), (node) => {
                        if (node.type === 'Literal' && typeof node.value === 'string') {
                            literals.push(node.value);
                        }
                    });
                }
                const keys = literals.filter(
                    (s) =>
                        /^[\w-]+(\.[\w-]+)+$/.test(s) && ownerOf(s) && !/\.(svg|png)$/.test(s),
                );
                for (const key of keys) {
                    const owner = setOfType(ownerOf(key));
                    for (const lang of LANGS) {
                        should.exist(
                            keysOf(owner, lang)[key],
                            `${lang}: ${set.set} uses ${key}`,
                        );
                    }
                }
            });

            it('has help for each of its types in both languages', function () {
                for (const { type } of set.types) {
                    for (const lang of LANGS) {
                        const help = helpOf(set, type, lang);
                        should.exist(help, `${lang} help for ${type}`);
                        help.should.not.match(RAW_TEXT_KEY, `${lang} help of ${type}`);
                    }
                    helpOf(set, type, 'zh-CN').should.match(/[\u4e00-\u9fff]/);
                }
            });
        });
    }

    it('has every key src/ passes literally to RED._, in both languages', function () {
        let found = 0;
        for (const { file, text } of sources) {
            for (const [, key] of text.matchAll(/\b_\(\s*['"]([^'"]+)['"]/g)) {
                const bare = key.replace(/^[^:]*:/, '');
                const owner = ownerOf(bare);
                if (!owner) continue;
                found += 1;
                for (const lang of LANGS) {
                    should.exist(
                        keysOf(setOfType(owner), lang)[bare],
                        `${file} uses ${lang} ${bare}`,
                    );
                }
            }
        }
        found.should.be.above(0);
    });

    it('has texts under every key prefix src/ builds at run time, in both languages', function () {
        // `aliyun-iot-api.reason.${reason}` and the like: at least the branch must exist.
        for (const { file, text } of sources) {
            for (const [, stem] of text.matchAll(/\b_\(\s*`([\w-]+(?:\.[\w-]+)*\.)\$\{/g)) {
                const owner = ownerOf(stem);
                if (!owner) continue;
                for (const lang of LANGS) {
                    Object.keys(keysOf(setOfType(owner), lang))
                        .some((key) => key.startsWith(stem))
                        .should.be.true(`${file} builds ${stem}… but ${lang} has none`);
                }
            }
        }
    });

    it('has every status text that the shared status tracker sets, for each node', function () {
        // request-runner gives StatusTracker a prefix per node; the tracker then sets
        // `<prefix>.status.<key>` for requesting, requestingCount and each problem().
        const tracker = sources.find((s) => s.file.endsWith('status-tracker.ts'));
        should.exist(tracker, 'src/nodes/status-tracker.ts');
        const fixed = [...tracker.text.matchAll(/\.status\.(\w+)`/g)].map((m) => m[1]);
        const problems = sources.flatMap((s) =>
            [...s.text.matchAll(/\.problem\(\s*'(\w+)'\s*\)/g)].map((m) => m[1]),
        );
        const keys = [...new Set([...fixed, ...problems])];
        keys.should.containDeep(['requesting', 'requestingCount', 'missingConfig']);
        const prefixes = sources.flatMap((s) =>
            [...s.text.matchAll(/\bprefix:\s*'([\w-]+)'/g)].map((m) => m[1]),
        );
        prefixes.should.containEql('face-guard-add');
        for (const prefix of prefixes) {
            const owner = setOfType(prefix);
            should.exist(owner, `prefix ${prefix} is no node type of package.json`);
            for (const key of keys) {
                for (const lang of LANGS) {
                    should.exist(
                        keysOf(owner, lang)[`${prefix}.status.${key}`],
                        `${lang} ${prefix}.status.${key}`,
                    );
                }
            }
        }
    });
});
