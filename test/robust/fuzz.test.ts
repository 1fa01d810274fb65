/**
 * LSP fuzzing: spawns dist/server.js --stdio and sends it thousands of random and malformed
 * messages for a fixed time. Every request must get a result or a JSON-RPC error (well-formed
 * requests on well-formed documents: a result), the process must stay up and answer a final
 * hover, and its memory must stay bounded.
 *
 *   LINGO_FUZZ_SEED=123 LINGO_FUZZ_SECONDS=60 npx mocha out/test/robust/fuzz.test.js
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtin } from '../helpers';
import { HOSTILE, largeText, randomCodeUnits, randomText, Rng, TextGen } from './gen';
import { RawClient, Response } from './rawClient';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEED = Number(process.env.LINGO_FUZZ_SEED ?? 20240611) >>> 0;
const SECONDS = Number(process.env.LINGO_FUZZ_SECONDS ?? 20);
const RSS_LIMIT_MB = 500;

const URIS = [
  'file:///fz/a.md', 'file:///fz/b.sla.md', 'file:///fz/c.playbook.md', 'file:///fz/d.txt', 'untitled:Untitled-1',
  'file:///fz/%E0%A4%A.md', 'file:///fz/100%.md', 'file:///fz/sp%20ace.md', 'file:///fz/%C3%A5%C3%A4%C3%B6.md', 'file:///fz/名前.md',
  '', 'not a uri', `file:///fz/${'x'.repeat(5000)}.md`, 'vscode-notebook-cell:/fz/nb.ipynb#W0sZmlsZQ%3D%3D', 'git:/fz/a.md?%7B%22path%22%7D',
];
const LANGUAGE_IDS = ['markdown', 'markdown', 'plaintext', 'lingo-playbook', 'json', '', 'MARKDOWN'];

/** As the server applies changes: each range clamped to the document (see server.ts). */
function updateClamped(doc: TextDocument, changes: Json[], version: number) {
  for (const c of changes) {
    const r = c.range;
    TextDocument.update(doc, [r ? { ...c, range: { start: doc.positionAt(doc.offsetAt(r.start)), end: doc.positionAt(doc.offsetAt(r.end)) } } : c], version);
  }
}

interface DocModel {
  /** A mirror of the server's copy, kept with the same library; undefined once a malformed message touched it. */
  doc?: TextDocument;
}

describe('LSP fuzz', function () {
  this.timeout((SECONDS + 180) * 1000);

  it(`survives random and malformed messages for ${SECONDS} s (seed ${SEED})`, async () => {
    console.log(`      fuzz seed ${SEED} (LINGO_FUZZ_SEED), ${SECONDS} s (LINGO_FUZZ_SECONDS)`);
    const rng = new Rng(SEED);
    const g = builtin().glossary;
    const terms = [...new Set(g.terms.map((t) => t.text))];
    const gen: TextGen = { terms };

    const c = new RawClient();
    let config: Json = {};
    c.configuration = () => config;
    await c.initialize();

    const docs = new Map<string, DocModel>();
    /** Bumped for a URI whenever a message may change the server's copy of it. */
    const generation = new Map<string, number>();
    const touch = (u: unknown) => { if (typeof u === 'string') generation.set(u, (generation.get(u) ?? 0) + 1); };
    /** A malformed message may have reached this document: stop mirroring it until it is opened again. */
    const taint = (u: unknown) => { if (typeof u === 'string') { touch(u); if (docs.has(u)) docs.set(u, {}); } };
    const recent: string[] = []; // the last messages sent, to reproduce a failure
    const failures: string[] = [];
    const ops = new Map<string, number>();
    const answers = new Map<string, number>();
    let outstanding: Promise<void>[] = [];
    let requests = 0, hugeDocs = 0, nextId = 1;
    const inflight: (string | number)[] = [];

    const log = (what: string, m: Json) => {
      recent.push(`${what} ${JSON.stringify(m).slice(0, 400)}`);
      if (recent.length > 40) recent.shift();
    };
    const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

    const uri = () => (rng.chance(0.9) ? rng.pick(URIS) : `file:///fz/${randomCodeUnits(rng, rng.range(1, 8))}.md`);
    const openUri = () => (docs.size && rng.chance(0.85) ? rng.pick([...docs.keys()]) : uri());
    const textOf = (): string => {
      const r = rng.next();
      if (r < 0.05) return '';
      if (r < 0.85) return randomText(rng, gen, rng.range(1, 2000));
      if (r < 0.97) return randomText(rng, gen, rng.range(2000, 60000));
      return largeText(rng, gen, rng.range(100000, 400000), { binary: rng.chance(0.3) });
    };
    const int = () => rng.pick([0, 0, 1, 2, 5, 17, 100, 9999, 2147483647, -1, -2147483648, Number.MAX_SAFE_INTEGER]);
    const position = (u: string): Json => {
      const d = docs.get(u)?.doc;
      if (d && rng.chance(0.7)) {
        const line = rng.int(d.lineCount);
        const len = d.offsetAt({ line: line + 1, character: 0 }) - d.offsetAt({ line, character: 0 });
        return { line, character: rng.int(len + 3) };
      }
      return { line: int(), character: int() };
    };
    const range = (u: string): Json => {
      const a = position(u), b = position(u);
      return rng.chance(0.8) && (a.line > b.line || (a.line === b.line && a.character > b.character)) ? { start: b, end: a } : { start: a, end: b };
    };
    const junk = (): Json => rng.pick<Json>([null, 0, -1, 1.5, '', 'x', '0', [], [1, 2], {}, { line: '1' }, true, 'file:///fz/a.md', randomCodeUnits(rng, 5), { a: { b: { c: [null] } } }]);
    const mangle = (o: Json): Json => {
      // Replaces, removes or retypes one field somewhere in o.
      if (o === null || typeof o !== 'object') return junk();
      const copy = Array.isArray(o) ? [...o] : { ...o };
      const keys = Object.keys(copy);
      if (!keys.length) return junk();
      const k = rng.pick(keys);
      const r = rng.next();
      if (r < 0.3) delete (copy as Json)[k];
      else if (r < 0.6) (copy as Json)[k] = junk();
      else (copy as Json)[k] = mangle((copy as Json)[k]);
      return copy;
    };

    const randomSettings = (): Json => {
      const s: Json = {};
      const langs = ['auto', 'en', 'sv', 'nl', 'pl', 'zh-Hant', 'xx', 5, null];
      if (rng.chance(0.5)) s.language = rng.pick(langs);
      if (rng.chance(0.4)) s.preferredLanguage = rng.pick(langs);
      if (rng.chance(0.3)) s.languages = rng.pick<Json>([['en'], ['sv', 'zh-Hant'], [], ['xx', 3, null], 'en', null]);
      if (rng.chance(0.3)) s.rules = rng.pick<Json>([{ 'acronym-undefined': 'off' }, { 'inconsistent-term': 'error', mistranslation: 'hint' }, { bogus: 'error' }, 'off', []]);
      if (rng.chance(0.3)) s.ignoreWords = rng.pick<Json>([[rng.pick(terms)], ['', ' ', rng.pick(HOSTILE)], [3, null], 'MQL']);
      if (rng.chance(0.3)) s.fileLanguages = rng.pick<Json>([{ '*.md': 'sv' }, { '**': 'nl' }, { '[': 'en', '(': 'pl', '\\': 'en', '': 'sv' }, { '**/*.sla.md': 'nl' }, { '*.md': 'xx' }, null]);
      if (rng.chance(0.3)) s.maxFileSizeMB = rng.pick<Json>([0.0001, 0.01, 0.5, 5, 1e9, -1, 0, '5', null]);
      return rng.pick<Json>([s, s, s, s, null, 'text', 42, [s]]);
    };

    /** A document the server should handle normally: not open, or opened and changed only by well-formed messages. */
    const clean = (u: string) => !docs.has(u) || docs.get(u)!.doc !== undefined;

    /** Sends a request and checks its answer; `strict`: well-formed, so it must succeed. */
    const request = (method: string, params: Json, strict: boolean, id: string | number = nextId++) => {
      requests++;
      const msg: Json = params === undefined ? { id, method } : { id, method, params };
      log('request', msg);
      inflight.push(id);
      if (inflight.length > 50) inflight.shift();
      const u = params?.textDocument?.uri ?? params?.uri;
      // The server may answer for a later state of the document (a change sent after the request
      // can arrive while it awaits the settings): judge the answer only if the document did not change since.
      const gen = generation.get(u) ?? 0;
      const wasClean = clean(u);
      const mirror = docs.get(u)?.doc;
      const snapshot = mirror && TextDocument.create(u, mirror.languageId, mirror.version, mirror.getText());
      outstanding.push(c.requestRaw(msg).then((r: Response) => {
        // Random method names are counted together: their answers (-32601) would bury the others.
        const name = /^[a-z]+\/[A-Za-z/]+$|^(initialize|shutdown)$/.test(method) ? method : '(random method)';
        count(answers, r.error ? `${name} error ${r.error.code}` : `${name} result`);
        const unchanged = (generation.get(u) ?? 0) === gen;
        if (r.error && strict && wasClean && unchanged && r.error.code !== -32800) {
          failures.push(`${method} ${JSON.stringify(params).slice(0, 300)} → error ${r.error.code} ${r.error.message}`);
        }
        if (!r.error && r.result && snapshot && unchanged) checkRanges(snapshot, r.result, method);
      }, (e: Error) => { failures.push(e.message); }));
    };

    /** Every range and position in an answer lies inside the document. */
    const checkRanges = (d: TextDocument, result: Json, method: string) => {
      const u = d.uri;
      const inside = (p: Json) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < d.lineCount && p.character >= 0 &&
        d.offsetAt(p) - d.offsetAt({ line: p.line, character: 0 }) === p.character;
      const walk = (x: Json, where: string) => {
        if (!x || typeof x !== 'object') return;
        if ('line' in x && 'character' in x && !inside(x)) failures.push(`${method} on ${u.slice(0, 80)}: ${where} ${JSON.stringify(x)} outside the document (${d.lineCount} lines)`);
        for (const [k, v] of Object.entries(x)) if (k !== 'data' && k !== 'documentation' && k !== 'tooltip') walk(v, `${where}.${k}`);
      };
      walk(result, 'result');
    };

    const ops_ = {
      open: 10, change: 14, close: 3, query: 30, malformedRequest: 10, unknownMethod: 3, cancel: 3, configuration: 1.5,
      malformedFrame: 4, oddNotification: 2, malformedOpen: 2, malformedChange: 3, huge: 0.15, glossary: 0.3,
    };

    const step = () => {
      const op = rng.weighted(ops_);
      count(ops, op);
      switch (op) {
        case 'open': {
          const u = uri();
          const text = textOf();
          const languageId = rng.pick(LANGUAGE_IDS);
          const version = int();
          docs.set(u, { doc: TextDocument.create(u, languageId, version, text) });
          touch(u);
          const m = { textDocument: { uri: u, languageId, version, text } };
          log('didOpen', m);
          c.notify('textDocument/didOpen', m);
          break;
        }
        case 'change': {
          const u = openUri();
          const version = rng.chance(0.7) ? int() : (docs.get(u)?.doc?.version ?? 0) + 1;
          const changes: Json[] = [];
          for (let i = rng.range(rng.chance(0.05) ? 0 : 1, 4); i > 0; i--) {
            if (rng.chance(0.1)) changes.push({ text: textOf() });
            else changes.push({ range: range(u), text: rng.chance(0.3) ? '' : randomText(rng, gen, rng.range(1, 80)) });
          }
          const d = docs.get(u)?.doc;
          if (d && changes.length) updateClamped(d, changes, version);
          touch(u);
          const m = { textDocument: { uri: u, version }, contentChanges: changes };
          log('didChange', m);
          c.notify('textDocument/didChange', m);
          break;
        }
        case 'close': {
          const u = openUri();
          docs.delete(u);
          touch(u);
          log('didClose', u);
          c.notify('textDocument/didClose', { textDocument: { uri: u } });
          break;
        }
        case 'query': {
          const u = openUri();
          const kind = rng.pick(['hover', 'completion', 'codeAction', 'inlayHint', 'documentInfo']);
          if (kind === 'hover') request('textDocument/hover', { textDocument: { uri: u }, position: position(u) }, true);
          else if (kind === 'completion') request('textDocument/completion', { textDocument: { uri: u }, position: position(u), ...(rng.chance(0.5) ? { context: { triggerKind: rng.pick([1, 2, 3]) } } : {}) }, true);
          else if (kind === 'codeAction') {
            const diags = c.diagnostics.get(u)?.diagnostics ?? [];
            const only = rng.pick<Json>([undefined, ['quickfix'], ['refactor'], [''], ['quickfix.lingo']]);
            request('textDocument/codeAction', { textDocument: { uri: u }, range: range(u), context: { diagnostics: rng.chance(0.5) ? diags.slice(0, 3) : [], ...(only ? { only } : {}) } }, true);
          } else if (kind === 'inlayHint') request('textDocument/inlayHint', { textDocument: { uri: u }, range: range(u) }, true);
          else request('lingo/documentInfo', { uri: u }, true);
          break;
        }
        case 'malformedRequest': {
          const u = openUri();
          const method = rng.pick(['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/inlayHint', 'lingo/documentInfo', 'lingo/glossary', 'lingo/glossaryDomains', 'lingo/glossaryConcepts', 'completionItem/resolve', 'inlayHint/resolve']);
          const good = { textDocument: { uri: u }, position: position(u), range: range(u), context: { diagnostics: [] }, uri: u };
          const params = rng.pick<Json>([undefined, null, [], 42, 'x', mangle(good), mangle(mangle(good)), { textDocument: junk(), position: junk(), range: junk(), context: junk() }]);
          const id = rng.pick<string | number>([nextId++, `s${nextId++}`, -(nextId++), nextId++ + 0.5]);
          request(method, params, false, id);
          break;
        }
        case 'unknownMethod': {
          const method = rng.pick(['textDocument/definition', 'textDocument/formatting', 'workspace/executeCommand', 'foo/bar', '$/foo', '', 'textDocument/hover/x', randomCodeUnits(rng, 6)]);
          if (rng.chance(0.6)) request(method, rng.chance(0.5) ? { textDocument: { uri: openUri() } } : undefined, false);
          else { log('notify', method); c.notify(method, rng.chance(0.5) ? junk() : undefined); }
          break;
        }
        case 'cancel': {
          const id = rng.chance(0.7) && inflight.length ? rng.pick(inflight) : junk();
          log('cancel', id);
          c.notify('$/cancelRequest', rng.chance(0.9) ? { id } : junk());
          break;
        }
        case 'configuration': {
          config = randomSettings();
          log('configuration', config);
          c.notify('workspace/didChangeConfiguration', rng.chance(0.8) ? { settings: { lingo: config } } : junk());
          break;
        }
        case 'malformedFrame': {
          const bodies: (string | Buffer)[] = [
            '{', '{"jsonrpc":"2.0","id":', '[]', '42', 'null', '"str"', '{}', '', ' ', '{"jsonrpc":"2.0","id":999999999}', '{"jsonrpc":"2.0","id":1,"result":{}}',
            '{"jsonrpc":"2.0","method":42}', '{"jsonrpc":"2.0","method":null,"id":3}', '{"jsonrpc":"1.0","method":"textDocument/hover","params":{}}',
            '[{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}]', '{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}',
            '{"jsonrpc":"2.0","id":null,"method":"textDocument/hover","params":{}}', `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fz/a.md","text":"\\ud800"`,
            Buffer.from(Array.from({ length: rng.range(1, 300) }, () => rng.int(256))), Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
            '\u0000'.repeat(10), JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///fz/a.md' } } }).slice(0, -5),
          ];
          const body = rng.pick(bodies);
          const headers = rng.pick(['', '', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n', 'X-Junk: 1\r\n', 'Content-Type: application/vscode-jsonrpc; charset=utf8\r\n']);
          log('frame', typeof body === 'string' ? body : `<${body.length} bytes>`);
          c.sendFrame(body, headers);
          break;
        }
        case 'oddNotification': {
          const [method, params] = rng.pick<[string, Json]>([
            ['$/setTrace', { value: rng.pick(['off', 'messages', 'verbose', 'bogus']) }], ['$/setTrace', junk()], ['$/logTrace', junk()],
            ['$/progress', { token: junk(), value: junk() }], ['initialized', junk()], ['textDocument/didSave', { textDocument: { uri: openUri() } }],
            ['textDocument/willSave', { textDocument: { uri: openUri() }, reason: 1 }], ['workspace/didChangeWatchedFiles', { changes: junk() }],
            ['window/workDoneProgress/cancel', { token: junk() }], ['notebookDocument/didOpen', junk()],
          ]);
          log('notify', { method, params });
          c.notify(method, params);
          break;
        }
        case 'malformedOpen': {
          const u = uri();
          const td: Json = { uri: u, languageId: rng.pick(LANGUAGE_IDS), version: int(), text: rng.pick<Json>([null, 42, ['a'], { x: 1 }, true, undefined]) };
          const m = rng.pick<Json>([{ textDocument: td }, { textDocument: mangle({ uri: u, languageId: 'markdown', version: 1, text: 'MQL' }) }, { textDocument: null }, null, {}]);
          docs.set(u, {});
          touch(u);
          taint(m?.textDocument?.uri);
          log('didOpen', m);
          c.notify('textDocument/didOpen', m);
          break;
        }
        case 'malformedChange': {
          const u = openUri();
          const good = { textDocument: { uri: u, version: int() }, contentChanges: [{ range: range(u), text: 'MQL' }] };
          const m = rng.pick<Json>([mangle(good), { ...good, contentChanges: [mangle(good.contentChanges[0])] }, { ...good, contentChanges: junk() },
            { textDocument: { uri: u, version: rng.pick<Json>([null, '2', 1.5, undefined]) }, contentChanges: [{ text: 'x' }] }, null]);
          if (docs.has(u)) docs.set(u, {});
          touch(u);
          taint(m?.textDocument?.uri);
          log('didChange', m);
          c.notify('textDocument/didChange', m);
          break;
        }
        case 'huge': {
          if (hugeDocs >= 3) break;
          const mb = rng.pick([2, 3, 6]);
          const binary = rng.chance(0.25);
          const u = `file:///fz/huge-${hugeDocs++}.md`;
          const text = largeText(rng, gen, mb * 1024 * 1024, { binary });
          console.log(`      huge document: ${u}, ${mb} MB${binary ? ', binary' : ''}`);
          const d = TextDocument.create(u, 'markdown', 1, text);
          log('didOpen', `${u} <${mb} MB>`);
          c.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
          docs.set(u, { doc: d });
          const mid = d.positionAt(text.length >> 1);
          const change = { range: { start: mid, end: mid }, text: ' MQL ' };
          TextDocument.update(d, [change], 2);
          c.notify('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [change] });
          request('textDocument/hover', { textDocument: { uri: u }, position: mid }, true);
          request('textDocument/completion', { textDocument: { uri: u }, position: position(u) }, true);
          request('textDocument/inlayHint', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: mid } }, true);
          break;
        }
        case 'glossary':
          request(rng.pick(['lingo/glossary', 'lingo/glossaryDomains']), rng.pick<Json>([undefined, {}, { lang: 'sv' }, { lang: 'xx' }, { lang: 5 }]), false);
          request('lingo/glossaryConcepts', rng.pick<Json>([undefined, {}, { domain: 'sales-process', lang: 'pl', offset: rng.int(60), limit: rng.int(30) }, { domain: 'sales-process', offset: -1, limit: 1e9 }, { domain: 'xx', lang: 5 }, { domain: {}, offset: 'a' }]), false);
          break;
      }
    };

    const started = Date.now();
    let steps = 0;
    try {
      while (Date.now() - started < SECONDS * 1000 && c.alive) {
        for (let i = 0; i < 25; i++, steps++) step();
        await Promise.all(outstanding);
        outstanding = [];
        // Huge documents are closed again once their requests are answered, so memory measures leaks, not data.
        for (const u of [...docs.keys()]) if (u.startsWith('file:///fz/huge-')) { docs.delete(u); touch(u); c.notify('textDocument/didClose', { textDocument: { uri: u } }); }
      }
      await Promise.all(outstanding);
    } finally {
      const errors = [...answers].filter(([k]) => k.includes(' error ')).reduce((n, [, v]) => n + v, 0);
      console.log(`      ${steps} operations, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (${errors} answered with an error, as malformed requests should be)`);
    }
    // The details of the run (what was sent, what came back, what the server logged) go with a failure only.
    const details = () => [
      `operations: ${JSON.stringify(Object.fromEntries([...ops].sort()))}`,
      `answers: ${JSON.stringify(Object.fromEntries([...answers].sort()))}`,
      `server notifications: ${JSON.stringify(Object.fromEntries(c.counts))}`,
      c.loggedErrors.size ? `server logged ${c.loggedErrors.size} distinct errors, e.g.:\n  ${[...c.loggedErrors].slice(0, 12).join('\n  ')}` : 'the server logged no error',
    ].join('\n');
    const context = () => `seed ${SEED}; ${details()}\nlast messages:\n${recent.join('\n')}\nstderr:\n${c.stderr.slice(-3000)}`;
    assert.ok(c.alive, `server exited ${JSON.stringify(c.exited)}; ${context()}`);
    assert.deepStrictEqual(failures.slice(0, 20), [], context());
    assert.deepStrictEqual(c.protocolErrors, []);

    // Still answers: a clean document with default settings.
    config = {};
    c.notify('workspace/didChangeConfiguration', { settings: { lingo: {} } });
    for (const u of docs.keys()) c.notify('textDocument/didClose', { textDocument: { uri: u } });
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///fz/final.md', languageId: 'markdown', version: 1, text: 'Every MQL is reviewed within two days.' } });
    const h = await c.call('textDocument/hover', { textDocument: { uri: 'file:///fz/final.md' }, position: { line: 0, character: 7 } });
    assert.match(h?.contents?.value ?? '', /marketing qualified lead/i, context());

    const mem = c.memoryMB();
    console.log(`      server memory: ${mem ? `RSS ${mem.rss.toFixed(0)} MB, peak ${mem.peak.toFixed(0)} MB` : 'unknown (no /proc)'}`);
    if (mem) assert.ok(mem.rss < RSS_LIMIT_MB, `RSS ${mem.rss} MB`);
    assert.strictEqual(await c.shutdown(), 0, c.stderr);
  });
});
