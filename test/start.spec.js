'use strict';

const { execFile } = require('node:child_process');
const path = require('node:path');

require('should');

describe('npm start (the main job)', function () {
    this.timeout(90000);

    it('registers every device of examples/devices.csv through a real Node-RED', function (done) {
        const script = path.join(__dirname, '..', 'scripts', 'start.js');
        execFile(process.execPath, [script, '--exit'], { timeout: 80000 }, (err, stdout) => {
            if (err) return done(new Error(`${err.message}\n${stdout}`));
            stdout.should.match(/6 of 6 devices registered\./);
            stdout.match(/iotId \S+/g).should.have.length(6);
            done();
        });
    });
});
