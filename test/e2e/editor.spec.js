// The editor as an integrator meets it, in a real Chromium against a real Node-RED that has
// this package installed and the emulator as its Living Platform: the palette, both edit
// dialogs, the "Test credentials" button, a deploy that adds a device, the help sidebar,
// once with an en-US and once with a zh-CN browser. Screenshots go to test/artifacts/.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const should = require('should');

const { createEmulator } = require('../../dist/emulator');
const {
    freePort,
    prepareUserDir,
    startNodeRed,
} = require('../../scripts/lib/node-red-process');
const {
    LANGS,
    ROOT,
    catalogOf,
    flatten,
    helpOf,
    nodeSets,
} = require('../support/package-nodes');
const { browserAvailability, launchChromium } = require('./browser');

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const MODULE = require('../../package.json').name;
const APP_KEY = 'e2e-app-key';
const APP_SECRET = 'E2e-Secret-Never-Shown-4b1d';
const TAB = 'e2e-tab';
const CONFIG = 'e2e-config';
const DEVICE_FIELDS = [
    'deviceIp',
    'edgeGwIotId',
    'productKey',
    'imageOssBucketName',
    'deviceName',
    'imageOssEndPoint',
    'extInfo',
];

const SETS = nodeSets();
const TYPES = SETS.flatMap((s) => s.types.map((t) => ({ ...t, nodeSet: s })));

/** The flattened catalog of the node set that registers `type`, in `lang`. */
function textsOf(type, lang) {
    const { nodeSet } = TYPES.find((t) => t.type === type);
    return flatten(catalogOf(nodeSet, lang));
}

/** Visible text of a help block: tags dropped, whitespace collapsed, entities left alone. */
function plainHelp(html) {
    return html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}

/**
 * Text that is a catalog key shown raw: our namespace (`<module>/<set>:`), a key of one of
 * our types (`face-guard-add.label.x`), or an untranslated core key (`node-red:…`).
 */
const RAW_KEY = new RegExp(
    [
        `${MODULE.replace(/[-/]/g, '\\$&')}/`,
        '\\bnode-red:[a-z]',
        `\\b(${TYPES.map((t) => t.type.replace(/[-]/g, '\\-')).join('|')})\\.[A-Za-z]`,
    ].join('|'),
);

const device = (lang) => ({
    deviceIp: lang === 'en-US' ? '192.168.1.31' : '192.168.1.32',
    edgeGwIotId: 'gwIotIdE2E01',
    productKey: 'a1FaceGuard',
    imageOssBucketName: 'face-images',
    deviceName: `e2e-door-${lang.toLowerCase()}`,
    imageOssEndPoint: 'http://oss-cn-shanghai.aliyuncs.com',
    extInfo: lang === 'en-US' ? 'entry' : '进门',
});

/** Everything the page shows: visible text, placeholders, titles and SVG labels. */
function visibleTexts() {
    const texts = [document.body.innerText];
    for (const el of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
        if (el.offsetParent === null && el.tagName !== 'svg') continue;
        for (const attr of ['placeholder', 'title', 'aria-label']) {
            if (el.getAttribute(attr)) texts.push(el.getAttribute(attr));
        }
    }
    for (const el of document.querySelectorAll('svg text')) texts.push(el.textContent);
    return texts.join('\n');
}

async function rawKeysOn(page) {
    const text = await page.evaluate(visibleTexts);
    return text.split('\n').filter((line) => RAW_KEY.test(line));
}

async function shouldShowNoRawKey(page, where) {
    (await rawKeysOn(page)).should.eql([], `raw catalog keys visible in ${where}`);
}

/**
 * The data-i18n elements of the open dialog with what they show: each must show its own
 * catalog's text for the page's language, never the key.
 */
async function shouldShowCatalogTexts(page, type, lang) {
    const texts = textsOf(type, lang);
    // Only the node's own form: the tray around it has core texts with keys of its own.
    const shown = await page.evaluate(() =>
        [
            ...document.querySelectorAll(
                '.red-ui-tray #dialog-form [data-i18n], ' +
                    '.red-ui-tray #node-config-dialog-edit-form [data-i18n]',
            ),
        ].map((el) => ({
            keys: el.getAttribute('data-i18n'),
            text: el.textContent.trim(),
            placeholder: el.getAttribute('placeholder'),
        })),
    );
    shown.length.should.be.above(0, `${type} dialog has no translated element`);
    for (const element of shown) {
        for (const entry of element.keys.split(';')) {
            const attr = /^\[([^\]]+)\]/.exec(entry);
            const key = entry.replace(/^\[[^\]]+\]/, '');
            if (key.includes(':')) continue; // a core key, e.g. node-red:common.label.name
            should.exist(texts[key], `${lang} ${type}: no catalog text for ${key}`);
            const value = attr ? element[attr[1]] : element.text;
            if (attr && attr[1] !== 'placeholder') continue;
            if (attr && attr[1] === 'html') continue;
            should(value).equal(texts[key], `${lang} ${type}: ${entry}`);
        }
    }
}

async function screenshot(page, name) {
    await page.screenshot({ path: path.join(ARTIFACTS, name) });
}

/** Opens a node's edit dialog the way a double-click does, and waits for it to settle. */
async function openEditor(page, id, isConfig, type) {
    await page.evaluate(
        ({ id, isConfig, type }) => {
            if (isConfig) RED.editor.editConfig('', type, id);
            else RED.editor.edit(RED.nodes.node(id));
        },
        { id, isConfig, type },
    );
    await page.waitForSelector('.red-ui-tray .red-ui-tray-body', { state: 'visible' });
    // The tray slides in; screenshots and visibility checks want it in place.
    await page.waitForFunction(() => !document.querySelector('.red-ui-tray.ui-animating'));
    await page.waitForTimeout(400);
}

async function closeEditor(page, button) {
    await page.click(button);
    await page.waitForFunction(() => document.querySelectorAll('.red-ui-tray').length === 0);
}

/** Nodes with their type's editor defaults, as the palette would create them. */
function withDefaults(nodes) {
    return nodes.map((props) => {
        const def = RED.nodes.getType(props.type);
        const node = {};
        for (const [name, spec] of Object.entries(def.defaults || {})) {
            node[name] = JSON.parse(JSON.stringify(spec.value === undefined ? '' : spec.value));
        }
        return Object.assign(node, props);
    });
}

/** Pastes nodes into the workspace and drops them with a click, as a user does. */
async function pasteAndDrop(page, nodes, at) {
    await page.mouse.move(at.x, at.y);
    await page.evaluate(
        ({ nodes, withDefaults }) => {
            const complete = new Function(`return (${withDefaults})`)()(nodes);
            RED.view.importNodes(complete, {
                generateIds: false,
                addFlow: false,
                notify: false,
            });
        },
        { nodes, withDefaults: withDefaults.toString() },
    );
    await page.mouse.click(at.x, at.y);
}

describe('the editor in a real browser', function () {
    this.timeout(60000);
    const availability = browserAvailability();
    const log = [];
    let emulator;
    let nodeRed;
    let userDir;

    before(async function () {
        if (!availability.ok) {
            if (availability.mustFail) {
                throw new Error(`${availability.reason}; CI must install it (.ci/run)`);
            }
            console.log(`      SKIPPED: ${availability.reason}.`);
            this.skip();
        }
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        emulator = await createEmulator({
            keys: [{ appKey: APP_KEY, appSecret: APP_SECRET }],
            log: false,
        });
        const port = await freePort();
        // The config node starts without credentials: the en-US run types them in the
        // dialog, deploys them, and the zh-CN run finds them stored.
        const flows = [
            { id: TAB, type: 'tab', label: 'E2E' },
            {
                id: CONFIG,
                type: 'face-guard-config',
                name: '',
                endpoint: emulator.url,
                region: 'custom',
                timeout: 5000,
            },
        ];
        userDir = prepareUserDir({ flows, port });
        const caFile = path.join(userDir, 'emulator-ca.pem');
        fs.writeFileSync(caFile, emulator.ca);
        nodeRed = startNodeRed({
            userDir,
            port,
            env: { NODE_EXTRA_CA_CERTS: caFile },
            onLine: (line) => log.push(line),
        });
        await nodeRed.started;
    });

    after(async function () {
        if (nodeRed) await nodeRed.stop();
        if (emulator) await emulator.close();
        if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
    });

    it('finds the node types of this package in its node sets', function () {
        TYPES.map((t) => t.type).should.containDeep(['face-guard-config', 'face-guard-add']);
    });

    for (const lang of LANGS) {
        describe(`with a ${lang} browser`, function () {
            const tag = lang.toLowerCase();
            const ids = {
                inject: `e2e-inject-${tag}`,
                add: `e2e-add-${tag}`,
                ok: `e2e-ok-${tag}`,
                error: `e2e-error-${tag}`,
            };
            let browser;
            let page;

            before(async function () {
                browser = await launchChromium({
                    locale: lang,
                    viewport: { width: 1400, height: 900 },
                });
                page = browser.context.pages()[0] || (await browser.context.newPage());
                await page.goto(nodeRed.url);
                await page.waitForFunction(
                    (config) =>
                        window.RED &&
                        RED.nodes &&
                        RED.nodes.node(config) &&
                        document.querySelector('.red-ui-palette-node'),
                    CONFIG,
                    { timeout: 30000 },
                );
            });

            // A failed step must not leave its dialog over the next step's buttons.
            afterEach(async function () {
                if (!page || this.currentTest.state !== 'failed') return;
                const name = this.currentTest.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
                await screenshot(page, `failed-${lang}-${name}.png`).catch(() => {});
                for (let open = 0; open < 3; open += 1) {
                    const cancel = page.locator(
                        '#node-config-dialog-cancel, #node-dialog-cancel',
                    );
                    if ((await cancel.count()) === 0) break;
                    await cancel
                        .last()
                        .click({ timeout: 2000 })
                        .catch(() => {});
                    await page.waitForTimeout(300);
                }
            });

            after(async function () {
                if (browser) await browser.close();
            });

            it('shows every non-config type in the palette with its label', async function () {
                for (const { type, isConfig } of TYPES.map((t) => ({
                    ...t,
                    isConfig: t.category === 'config',
                }))) {
                    if (isConfig) continue;
                    const entry = page.locator(
                        `.red-ui-palette-node[data-palette-type="${type}"]`,
                    );
                    (await entry.count()).should.equal(1, `${type} in the palette`);
                    // A long label wraps onto two lines in the palette.
                    const label = (await entry.locator('.red-ui-palette-label').innerText())
                        .replace(/\s+/g, ' ')
                        .trim();
                    label.should.not.match(RAW_KEY);
                    const texts = textsOf(type, lang);
                    if (texts[`${type}.paletteLabel`]) {
                        label.should.equal(texts[`${type}.paletteLabel`], `${lang} ${type}`);
                    }
                }
                const header = await page
                    .locator('.red-ui-palette-header', { hasText: 'Aliyun IoT' })
                    .count();
                header.should.equal(1, 'the "Aliyun IoT" palette category');
                const category = page.locator('#red-ui-palette-container-Aliyun_IoT');
                await category.scrollIntoViewIfNeeded();
                await category.screenshot({
                    path: path.join(ARTIFACTS, `${lang}-palette.png`),
                });
            });

            it('opens the config dialog translated, with the region choice', async function () {
                const texts = textsOf('face-guard-config', lang);
                await openEditor(page, CONFIG, true, 'face-guard-config');
                await shouldShowCatalogTexts(page, 'face-guard-config', lang);

                // The config in flows.json leaves most properties out, as a hand-written or
                // older flow does: it is valid, and the dialog shows the runtime's defaults.
                (
                    await page.evaluate((id) => RED.nodes.node(id).valid, CONFIG)
                ).should.be.true();
                (await page.inputValue('#node-config-input-maxAttempts')).should.equal('3');
                (await page.inputValue('#node-config-input-imageOssEndPoint')).should.equal(
                    'http://oss-cn-shanghai.aliyuncs.com',
                );

                // The emulator is neither region, so the dialog shows it as a custom URL.
                (await page.inputValue('#node-config-input-region')).should.equal('custom');
                (await page.inputValue('#node-config-input-endpoint')).should.equal(
                    emulator.url,
                );
                const tabs = await page.locator('#face-guard-config-tabs li').allInnerTexts();
                tabs.map((t) => t.trim()).should.eql(
                    ['connection', 'credentials', 'defaults', 'delivery'].map(
                        (tab) => texts[`face-guard-config.tabs.${tab}`],
                    ),
                );
                await shouldShowNoRawKey(page, `${lang} face-guard-config dialog`);
                await screenshot(page, `${lang}-face-guard-config-connection.png`);
                await closeEditor(page, '#node-config-dialog-cancel');
            });

            it('hides the AppSecret and tests credentials on the emulator', async function () {
                const texts = textsOf('face-guard-config', lang);
                await openEditor(page, CONFIG, true, 'face-guard-config');
                await page.click(
                    '#face-guard-config-tabs a[href="#face-guard-config-tab-credentials"]',
                );
                const result = page.locator('#face-guard-config-test-result');

                if (lang === LANGS[0]) {
                    // First a wrong secret: the gateway's refusal comes back as its code.
                    await page.fill('#node-config-input-appKey', APP_KEY);
                    await page.fill('#node-config-input-appSecret', 'not-the-secret');
                    await page.click('#face-guard-config-test');
                    await result.filter({ hasText: 'GATEWAY_SIGNATURE' }).waitFor();
                    (await result.innerText()).should.containEql(
                        texts['face-guard-config.test.failed'].replace(
                            '__code__',
                            'GATEWAY_SIGNATURE',
                        ),
                    );
                    await page.fill('#node-config-input-appSecret', APP_SECRET);
                } else {
                    // Deployed before: the editor learns only that a secret is set.
                    (await page.inputValue('#node-config-input-appKey')).should.equal(APP_KEY);
                    (await page.inputValue('#node-config-input-appSecret')).should.equal(
                        '__PWRD__',
                    );
                    (await page.content()).should.not.containEql(APP_SECRET);
                }

                await page.click('#face-guard-config-test');
                await result.filter({ hasText: texts['face-guard-config.test.ok'] }).waitFor();
                await shouldShowNoRawKey(page, `${lang} credentials tab`);
                await screenshot(page, `${lang}-face-guard-config-credentials.png`);
                await closeEditor(page, '#node-config-dialog-ok');
            });

            it('pastes a flow whose face-guard-add ports are labelled', async function () {
                const texts = textsOf('face-guard-add', lang);
                await pasteAndDrop(
                    page,
                    [
                        {
                            id: ids.inject,
                            type: 'inject',
                            z: TAB,
                            x: 140,
                            y: 200 + (tag === 'en-us' ? 0 : 160),
                            props: [{ p: 'payload' }],
                            payload: JSON.stringify(device(lang)),
                            payloadType: 'json',
                            wires: [[ids.add]],
                        },
                        {
                            id: ids.add,
                            type: 'face-guard-add',
                            z: TAB,
                            x: 360,
                            y: 200 + (tag === 'en-us' ? 0 : 160),
                            server: CONFIG,
                            wires: [[ids.ok], [ids.error]],
                        },
                        {
                            id: ids.ok,
                            type: 'debug',
                            z: TAB,
                            x: 580,
                            y: 180 + (tag === 'en-us' ? 0 : 160),
                            wires: [],
                        },
                        {
                            id: ids.error,
                            type: 'debug',
                            z: TAB,
                            x: 580,
                            y: 240 + (tag === 'en-us' ? 0 : 160),
                            wires: [],
                        },
                    ],
                    { x: 320, y: tag === 'en-us' ? 260 : 420 },
                );
                await page.waitForSelector(`[id="${ids.add}"]`);

                const ports = page.locator(`[id="${ids.add}"] .red-ui-flow-port-output`);
                (await ports.count()).should.equal(2);
                const expected = [
                    texts['face-guard-add.outputs.ok'],
                    texts['face-guard-add.outputs.error'],
                ];
                for (const [index, label] of expected.entries()) {
                    await ports.nth(index).hover();
                    const tooltip = page.locator('g.red-ui-flow-port-tooltip text');
                    await tooltip.waitFor();
                    (await tooltip.textContent()).should.equal(label);
                    await page.mouse.move(10, 880);
                    await tooltip.waitFor({ state: 'detached' });
                }
            });

            it('opens the add dialog translated, a typed input per field', async function () {
                const texts = textsOf('face-guard-add', lang);
                await openEditor(page, ids.add, false, 'face-guard-add');
                await shouldShowCatalogTexts(page, 'face-guard-add', lang);

                for (const field of DEVICE_FIELDS) {
                    const typed = await page.evaluate((field) => {
                        const $input = $(`#node-input-${field}`);
                        return {
                            wrapped: $input
                                .parent()
                                .find('.red-ui-typedInput-container:visible').length,
                            type: $input.typedInput('type'),
                            value: $input.typedInput('value'),
                        };
                    }, field);
                    typed.should.eql(
                        { wrapped: 1, type: 'msg', value: `payload.${field}` },
                        field,
                    );
                }
                (await page.isChecked('#node-input-errorsToCatch')).should.be.false();
                await shouldShowNoRawKey(page, `${lang} face-guard-add dialog`);
                await screenshot(page, `${lang}-face-guard-add.png`);

                // A fixed IP that is no dotted quad, and extInfo typed in: both get a hint.
                await page.evaluate(() => {
                    $('#node-input-deviceIp').typedInput('type', 'str');
                    $('#node-input-deviceIp')
                        .typedInput('value', '192.168.1.300')
                        .trigger('change');
                    $('#node-input-extInfo').typedInput('type', 'str');
                    $('#node-input-extInfo').typedInput('value', '进门').trigger('change');
                });
                const ipHint = page.locator('#face-guard-add-deviceIp-hint');
                await ipHint.waitFor({ state: 'visible' });
                (await ipHint.innerText())
                    .trim()
                    .should.equal(texts['face-guard-add.hint.invalidDeviceIp']);
                (await page.innerText('#face-guard-add-extInfo-count')).should.equal(
                    texts['face-guard-add.hint.extInfoCount']
                        .replace('__count__', '2')
                        .replace('__max__', '127'),
                );
                await shouldShowNoRawKey(page, `${lang} face-guard-add hints`);
                await screenshot(page, `${lang}-face-guard-add-hints.png`);
                // Cancel keeps the node as pasted: fields from msg.payload.
                await closeEditor(page, '#node-dialog-cancel');
            });

            it('deploys, adds the device on the emulator, shows green', async function () {
                await page.click('#red-ui-header-button-deploy');
                await page.waitForFunction(() => !RED.nodes.dirty(), null, { timeout: 15000 });
                // Deploy restarts the flows; the inject button answers once they run again.
                await page.waitForFunction(() => RED.runtime && RED.runtime.started !== false);
                await page.click(`[id="${ids.inject}"] .red-ui-flow-node-button-button`);

                const dot = page.locator(
                    `[id="${ids.add}"] .red-ui-flow-node-status-dot-green`,
                );
                await dot.waitFor({ timeout: 15000 });
                const status = await page.evaluate((id) => RED.nodes.node(id).status, ids.add);
                status.fill.should.equal('green');
                // The emulator now holds the device, and the status ends with its iotId.
                const added = emulator
                    .devices()
                    .find((d) => d.deviceName === device(lang).deviceName);
                should.exist(added, `${device(lang).deviceName} on the emulator`);
                const label = (
                    await page
                        .locator(`[id="${ids.add}"] .red-ui-flow-node-status-label`)
                        .textContent()
                ).trim();
                label.should.equal(`iotId ${added.iotId.slice(0, 8)}…`);
                label.should.not.match(RAW_KEY);
                await shouldShowNoRawKey(page, `${lang} workspace after deploy`);
                // Both pasted flows in view, below the deploy notification.
                await page.evaluate(() => {
                    RED.view.select('');
                    $('#red-ui-workspace-chart').scrollTop(0).scrollLeft(0);
                });
                await screenshot(page, `${lang}-deployed.png`);
            });

            it('shows the help of every node type in this language', async function () {
                for (const { type, nodeSet } of TYPES) {
                    await page.evaluate((type) => RED.sidebar.help.show(type), type);
                    const help = page.locator('.red-ui-sidebar-help-stack .red-ui-help').last();
                    await help.waitFor();
                    const shown = (await help.innerText()).replace(/\s+/g, ' ');
                    const source =
                        helpOf(nodeSet, type, lang) || helpOf(nodeSet, type, 'en-US');
                    should.exist(source, `${type} has no help in locales/`);
                    const opening = plainHelp(source).slice(0, 30);
                    shown.should.containEql(opening, `${lang} help of ${type}`);
                    await shouldShowNoRawKey(page, `${lang} help of ${type}`);
                    if (type === 'face-guard-add') await screenshot(page, `${lang}-help.png`);
                }
                if (lang === 'zh-CN') {
                    const help = helpOf(
                        SETS.find((s) => s.set === 'face-guard-add'),
                        'face-guard-add',
                        lang,
                    );
                    help.should.match(/[\u4e00-\u9fff]/);
                }
            });

            it('opens the dialog of every other node type without raw keys', async function () {
                const known = ['face-guard-config', 'face-guard-add'];
                for (const { type, category } of TYPES) {
                    if (known.includes(type)) continue;
                    const id = `e2e-${type}-${tag}`.replace(/[^A-Za-z0-9-]/g, '-');
                    if (category === 'config') {
                        await openEditor(page, '', true, type);
                        await shouldShowCatalogTexts(page, type, lang);
                        await shouldShowNoRawKey(page, `${lang} ${type} dialog`);
                        await screenshot(page, `${lang}-${type}.png`);
                        await closeEditor(page, '#node-config-dialog-cancel');
                        continue;
                    }
                    await pasteAndDrop(page, [{ id, type, z: TAB, x: 800, y: 80, wires: [] }], {
                        x: 900,
                        y: 500,
                    });
                    await openEditor(page, id, false, type);
                    await shouldShowCatalogTexts(page, type, lang);
                    await shouldShowNoRawKey(page, `${lang} ${type} dialog`);
                    await screenshot(page, `${lang}-${type}.png`);
                    await closeEditor(page, '#node-dialog-cancel');
                }
            });
        });
    }

    describe('after both languages', function () {
        it('left no warning or error about this package in the Node-RED log', function () {
            const ours = log.filter(
                (line) => /\[(warn|error)\]/.test(line) && /face-guard|aliyun/i.test(line),
            );
            ours.should.eql([]);
        });
    });
});
