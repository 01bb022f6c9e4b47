// Devices survive a restart when a state file is given, and the file is never half-written.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const h = require('./helpers');

describe('emulator: the state file', function () {
    let dir;
    let stateFile;

    beforeEach(function () {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'face-guard-emulator-'));
        stateFile = path.join(dir, 'state.json');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('keeps devices and their iotIds across a restart', async function () {
        const first = await h.startEmulator({ stateFile });
        const { iotId } = (await h.addDevice(first)).json.data;
        await first.close();

        const second = await h.startEmulator({ stateFile });
        try {
            (await h.call(second, h.GET, { iotId })).json.data.iotId.should.equal(iotId);
            (await h.addDevice(second)).json.data.iotId.should.equal(iotId);
            const gateway = h.validDevice().edgeGwIotId;
            (
                await h.call(second, h.QUERY, { edgeGwIotId: gateway })
            ).json.data.should.have.length(1);
        } finally {
            await second.close();
        }
    });

    it('writes valid JSON after each change and leaves no temp file behind', async function () {
        const emulator = await h.startEmulator({ stateFile });
        try {
            await h.addDevice(emulator);
            await h.addDevice(emulator, { deviceName: 'door-02' });
            JSON.parse(fs.readFileSync(stateFile, 'utf8')).devices.should.have.length(2);
            fs.readdirSync(dir).should.eql(['state.json']);
        } finally {
            await emulator.close();
        }
    });

    it('empties the file on reset', async function () {
        const emulator = await h.startEmulator({ stateFile });
        try {
            await h.addDevice(emulator);
            emulator.reset();
            JSON.parse(fs.readFileSync(stateFile, 'utf8')).devices.should.be.empty();
        } finally {
            await emulator.close();
        }
    });

    it('refuses to start on a corrupt state file rather than overwrite it', async function () {
        fs.writeFileSync(stateFile, '{"devices": [');
        await h.startEmulator({ stateFile }).should.be.rejectedWith(/not valid JSON/);
        fs.readFileSync(stateFile, 'utf8').should.equal('{"devices": [');
    });
});
