// Debian's Chromium for the editor specs, started the way this machine allows: headless, no
// sandbox (we run as root), no background networking or component updates (the network is
// closed, and Chromium would otherwise try Google's hosts at every start), and a fresh
// profile that is removed afterwards.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-gpu',
    // /dev/shm is small in containers; Chromium crashes rather than wait for it.
    '--disable-dev-shm-usage',
];

/**
 * Whether the editor specs can run. Without a browser a developer gets a skip with the
 * reason; CI installs Chromium in .ci/run, so there a missing browser is a failure.
 */
function browserAvailability() {
    if (fs.existsSync(CHROMIUM)) return { ok: true };
    const reason =
        `${CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk); ` +
        'the editor specs need it';
    return { ok: false, reason, mustFail: Boolean(process.env.CI) };
}

/**
 * Launches Chromium with a profile of its own for one browser context (one language);
 * close() ends the browser and removes the profile.
 */
async function launchChromium(contextOptions = {}) {
    const { chromium } = require('playwright-core');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        ...contextOptions,
    });
    return {
        context,
        close: async () => {
            await context.close();
            fs.rmSync(profile, { recursive: true, force: true });
        },
    };
}

module.exports = { CHROMIUM, browserAvailability, launchChromium };
