// What this package gives Node-RED, read the way Node-RED and node-red-dev read it: the
// node sets of package.json "node-red".nodes, the editor html beside each compiled .js, the
// types each html registers (with their category), and the catalogs and help beside them.
// The browser, pack and catalog specs use it, so a node set added to package.json is
// checked by all of them without editing a list.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const acorn = require('acorn');

const ROOT = path.resolve(__dirname, '..', '..');
const LANGS = ['en-US', 'zh-CN'];

function packageJson(root = ROOT) {
    return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/** The text/javascript blocks of an editor html, found as node-red-dev finds them. */
function editorScripts(html) {
    const pattern = /<script.+?type=['"]text\/javascript['"].*?>([\S\s]*?)<\/script>/gi;
    return [...html.matchAll(pattern)].map((m) => m[1]);
}

function walk(node, visit) {
    if (!node || typeof node.type !== 'string') return;
    visit(node);
    for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
        else if (value && typeof value === 'object') walk(value, visit);
    }
}

/** `RED.nodes.registerType('<literal>', {...})` calls: [{ type, category }]. */
function registeredTypes(html) {
    const found = [];
    for (const script of editorScripts(html)) {
        walk(acorn.parse(script, { ecmaVersion: 'latest' }), (node) => {
            const callee = node.type === 'CallExpression' && node.callee.property;
            if (!callee || callee.name !== 'registerType') return;
            const [typeArg, def] = node.arguments;
            if (!typeArg || typeArg.type !== 'Literal') return;
            const category = (def && def.type === 'ObjectExpression' ? def.properties : [])
                .filter((p) => p.key && (p.key.name || p.key.value) === 'category')
                .map((p) => (p.value.type === 'Literal' ? p.value.value : undefined))[0];
            found.push({ type: typeArg.value, category });
        });
    }
    return found;
}

/**
 * Every node set of the package: { set, js, html, dir, basename, types: [{type, category}] }
 * with absolute paths. `html` is null when the file is missing (as after a failed build).
 */
function nodeSets(root = ROOT) {
    const nodes = (packageJson(root)['node-red'] || {}).nodes || {};
    return Object.entries(nodes).map(([set, file]) => {
        const js = path.join(root, file);
        const htmlFile = js.replace(/\.c?js$/, '.html');
        const html = fs.existsSync(htmlFile) ? fs.readFileSync(htmlFile, 'utf8') : null;
        return {
            set,
            js,
            html: html === null ? null : htmlFile,
            dir: path.dirname(js),
            basename: path.basename(js).replace(/\.c?js$/, ''),
            types: html === null ? [] : registeredTypes(html),
        };
    });
}

/** [{ type, category, set, isConfig }] over all node sets. */
function nodeTypes(root = ROOT) {
    return nodeSets(root).flatMap((s) =>
        s.types.map((t) => ({ ...t, set: s.set, isConfig: t.category === 'config' })),
    );
}

/** The catalog a node set ships for `lang`, beside its .js, or null. */
function catalogOf(nodeSet, lang) {
    const file = path.join(nodeSet.dir, 'locales', lang, `${nodeSet.basename}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

/** The help html a node set ships for `type` in `lang` (the data-help-name block), or null. */
function helpOf(nodeSet, type, lang) {
    const file = path.join(nodeSet.dir, 'locales', lang, `${nodeSet.basename}.html`);
    if (!fs.existsSync(file)) return null;
    const escaped = type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(
        `<script[^>]*data-help-name=["']${escaped}["'][^>]*>([\\S\\s]*?)</script>`,
    );
    const match = pattern.exec(fs.readFileSync(file, 'utf8'));
    return match ? match[1] : null;
}

/** Flattens a catalog to { 'a.b.c': 'text' }. */
function flatten(tree, prefix = '', out = {}) {
    for (const [key, value] of Object.entries(tree || {})) {
        const full = prefix ? `${prefix}.${key}` : key;
        if (value !== null && typeof value === 'object') flatten(value, full, out);
        else out[full] = value;
    }
    return out;
}

module.exports = {
    LANGS,
    ROOT,
    catalogOf,
    editorScripts,
    flatten,
    helpOf,
    nodeSets,
    nodeTypes,
    packageJson,
    registeredTypes,
    walk,
};
