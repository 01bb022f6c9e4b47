// Child-process entry for the plain-loop contenders, so each gets a process of its own and
// its CPU and peak RSS are its own, as Node-RED's are. Argument: the contender's module
// name. Each JSON line on stdin is a run request; each answer is one JSON line on stdout.
'use strict';

const path = require('node:path');
const readline = require('node:readline');

const { closedLoop } = require('./closed-loop');

const name = process.argv[2];
const contender = require(path.join(__dirname, '..', 'contenders', `${name}.js`));
const context = JSON.parse(process.env.BENCH_CONTEXT);
const call = contender.caller(context);

let queue = Promise.resolve();
const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
    const request = JSON.parse(line);
    queue = queue
        .then(() => closedLoop(call, request))
        .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`));
});
input.on('close', () => {
    void queue.then(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
