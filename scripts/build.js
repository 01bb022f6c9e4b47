#!/usr/bin/env node
// Builds the package: TypeScript to CommonJS in dist/, then places the editor html, the
// catalogs and help, and the icons beside the compiled node files, where Node-RED looks.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const nodesOut = path.join(dist, 'nodes');

function copyTree(from, to) {
    if (!fs.existsSync(from)) return;
    fs.cpSync(from, to, { recursive: true });
}

function compile() {
    const tsc = require.resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], {
        stdio: 'inherit',
    });
}

function placeEditorFiles() {
    const editor = path.join(root, 'editor');
    if (fs.existsSync(editor)) {
        for (const file of fs.readdirSync(editor).filter((name) => name.endsWith('.html'))) {
            fs.copyFileSync(path.join(editor, file), path.join(nodesOut, file));
        }
    }
    copyTree(path.join(root, 'locales'), path.join(nodesOut, 'locales'));
    copyTree(path.join(root, 'icons'), path.join(nodesOut, 'icons'));
}

function markExecutable() {
    const cli = path.join(dist, 'emulator', 'cli.js');
    if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

fs.rmSync(dist, { recursive: true, force: true, maxRetries: 5 });
compile();
placeEditorFiles();
markExecutable();
