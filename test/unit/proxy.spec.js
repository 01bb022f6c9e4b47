'use strict';

const should = require('should');

const { proxyFor } = require('../../dist/client');

const api = new URL('https://api.link.aliyun.com/face/paas/edge/guard/device/add');

describe('proxy choice, per request', function () {
    it('uses HTTPS_PROXY for an https target', function () {
        proxyFor(api, {}, { HTTPS_PROXY: 'http://p:3128' }).should.equal('http://p:3128');
    });

    it('reads the lower-case spelling too, and falls back to HTTP_PROXY', function () {
        proxyFor(api, {}, { https_proxy: 'http://a:1' }).should.equal('http://a:1');
        proxyFor(api, {}, { http_proxy: 'http://b:2' }).should.equal('http://b:2');
    });

    it('connects directly without any proxy setting', function () {
        should(proxyFor(api, {}, {})).be.undefined();
    });

    it('matches NO_PROXY by domain suffix, with or without the leading dot', function () {
        const env = { HTTPS_PROXY: 'http://p:3128' };
        should(proxyFor(api, {}, { ...env, NO_PROXY: '.aliyun.com' })).be.undefined();
        should(proxyFor(api, {}, { ...env, NO_PROXY: 'aliyun.com' })).be.undefined();
        proxyFor(api, {}, { ...env, NO_PROXY: 'notaliyun.com' }).should.equal('http://p:3128');
    });

    it('matches no_proxy without regard to case', function () {
        const env = { https_proxy: 'http://p:3128', no_proxy: 'API.LINK.ALIYUN.COM' };
        should(proxyFor(api, {}, env)).be.undefined();
    });

    it('honours a port in NO_PROXY and the wildcard', function () {
        const env = { HTTPS_PROXY: 'http://p:3128' };
        should(proxyFor(api, {}, { ...env, NO_PROXY: 'api.link.aliyun.com:443' })).be.undefined();
        proxyFor(api, {}, { ...env, NO_PROXY: 'api.link.aliyun.com:8443' }).should.be.a.String();
        should(proxyFor(api, {}, { ...env, NO_PROXY: '*' })).be.undefined();
    });

    it('prefers an explicit proxy node over the environment, with its credentials', function () {
        const chosen = proxyFor(
            api,
            { url: 'http://node-proxy:8080', username: 'u@x', password: 'p:w' },
            { HTTPS_PROXY: 'http://env:1' },
        );
        chosen.should.equal('http://u%40x:p%3Aw@node-proxy:8080/');
    });

    it("applies the proxy node's own bypass list", function () {
        const settings = { url: 'http://node-proxy:8080', noProxy: ['.aliyun.com'] };
        should(proxyFor(api, settings, {})).be.undefined();
    });
});
