/**
 * Preloaded with --require (through NODE_OPTIONS) by offline.test.ts: any attempt to reach the
 * network throws, so a process that needs it fails loudly. Stdio pipes do not go through these.
 * Plain JavaScript outside out/, so that mocha never loads it as a test file.
 */
'use strict';
const dns = require('dns');
const http = require('http');
const https = require('https');
const net = require('net');
const tls = require('tls');

const deny = (what) => function denied() { throw new Error(`network access blocked in this test: ${what}`); };
const block = (obj, key, what) => Object.defineProperty(obj, key, { value: deny(what), configurable: true, writable: true });
block(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(tls, 'connect', 'tls.connect');
block(dns, 'lookup', 'dns.lookup');
block(dns, 'resolve', 'dns.resolve');
block(dns.promises, 'lookup', 'dns.promises.lookup');
for (const m of [http, https]) { block(m, 'request', 'http(s).request'); block(m, 'get', 'http(s).get'); }
block(globalThis, 'fetch', 'fetch');
