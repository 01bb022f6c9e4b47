// The devices every contender registers, identical across contenders so that each one
// sends the same bytes of work. Names cycle over a small set: the emulator looks devices up
// by a linear scan, and a growing store would slow it down for whoever runs last.
'use strict';

/**
 * Device number `i` as a face-guard-add payload. Self-contained on purpose: its source is
 * also pasted into the Node-RED harness function, which cannot require this file.
 */
function makeDevice(i) {
    // 200 names: enough to look like a site, few enough to keep the store small.
    const slot = i % 200;
    return {
        deviceIp: `10.20.${Math.floor(slot / 250)}.${(slot % 250) + 1}`,
        edgeGwIotId: 'BenchEdgeGw0000000001000100',
        productKey: 'a1BenchFace',
        imageOssBucketName: 'face-bench-images',
        deviceName: `bench-door-${slot}`,
        imageOssEndPoint: 'http://oss-cn-shanghai.aliyuncs.com',
        extInfo: '{"direction":"in"}',
    };
}

const ADD_PATH = '/face/paas/edge/guard/device/add';

/** The request envelope the API wants around the params; `id` unique per request. */
function envelope(id, params) {
    return JSON.stringify({ id, version: '1.0', request: { apiVer: '1.0.0' }, params });
}

module.exports = { ADD_PATH, envelope, makeDevice };
