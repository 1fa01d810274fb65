/** The built-in glossary as data: schema, completeness, overlaps, seed headwords, Simplified input, GLOSSARY.md. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, issueSummary, LANGS, resolveSettings, validateGlossaryFile, foldKey, mergeGlossaries, termForms, type GlossarySource } from '../../server/src/service';
import { readGlossaryFolder } from '../../server/src/node/glossaryFiles';
import { glossaryMarkdown } from '../../server/src/node/markdown';
import { builtin, found, foundAll, ROOT } from '../helpers';

const SEEDS = path.join(ROOT, '..', 'shared', 'seeds');
const folder = readGlossaryFolder(path.join(ROOT, 'glossary'));

describe('built-in glossary', () => {
  it('every file parses and holds to the schema', () => {
    assert.deepStrictEqual(folder.issues, []);
    for (const s of folder.sources) assert.deepStrictEqual(validateGlossaryFile(s.file, s.data), [], s.file);
  });

  it('builds without a single issue (no term in two concepts unless marked ambiguous, every related id known)', () => {
    const { issues } = buildGlossary(folder.sources, { domains: folder.domains });
    assert.deepStrictEqual(issues.map((i) => `${i.file}: ${i.entry}: ${i.field} ${i.message}`), []);
  });

  const { glossary } = builtin();

  it('knows the field: at least 400 concepts, in every domain', () => {
    assert.ok(glossary.concepts.length >= 400, String(glossary.concepts.length));
    const used = new Set(glossary.concepts.map((c) => c.domain));
    assert.deepStrictEqual(Object.keys(folder.domains).filter((d) => !used.has(d)), []);
  });

  it('every concept has a definition and a preferred term first in all five languages, and a known domain', () => {
    const problems: string[] = [];
    for (const c of glossary.concepts) {
      if (!folder.domains[c.domain]) problems.push(`${c.id}: unknown domain ${c.domain}`);
      for (const l of LANGS) {
        const s = c.langs[l];
        if (!s?.definition?.trim()) problems.push(`${c.id}.${l}: no definition`);
        if (!s?.terms.length) { problems.push(`${c.id}.${l}: no terms`); continue; }
        if (s.terms[0].status !== 'preferred') problems.push(`${c.id}.${l}: first term is not preferred`);
        if (s.terms.filter((t) => t.status === 'preferred').length !== 1) problems.push(`${c.id}.${l}: not exactly one preferred term`);
        const defs = s.definition!.split(/(?<=[.!?。！？])\s*/).filter(Boolean);
        if (defs.length > 4) problems.push(`${c.id}.${l}: definition longer than three sentences`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('every mistranslation is deprecated, explained, and points at a term of its concept', () => {
    const problems: string[] = [];
    let count = 0;
    for (const t of glossary.terms.filter((x) => x.mistranslation)) {
      count++;
      if (t.status !== 'deprecated') problems.push(`${t.text}: not deprecated`);
      if (!t.note) problems.push(`${t.text}: no note`);
      const repl = t.replacement ?? '';
      const hits = found(repl).filter(([, c]) => c === t.concept.id);
      if (!hits.length) problems.push(`${t.text}: replacement "${repl}" is not a term of ${t.concept.id}`);
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(count >= 10, `only ${count} mistranslations`);
  });

  it('records the known machine-translation errors of the seeds', () => {
    const expect: [string, string][] = [['特別提款權', 'sales-development-representative'], ['產品合格鉛', 'product-qualified-lead'], ['銷售抵押品', 'sales-collateral'], ['typ ołowiu', 'lead-type'], ['główny wynik', 'lead-scoring']];
    for (const [text, concept] of expect) {
      const t = glossary.terms.find((x) => x.text === text);
      assert.ok(t && t.mistranslation && t.concept.id === concept, text);
    }
  });

  it('acronyms with several meanings are marked ambiguous in every concept that has them', () => {
    const byText = new Map<string, Set<string>>();
    for (const t of glossary.terms.filter((x) => x.acronym)) byText.set(t.text, (byText.get(t.text) ?? new Set()).add(t.concept.id));
    const multi = [...byText].filter(([, s]) => s.size > 1).map(([a]) => a).sort();
    for (const a of ['ACV', 'CSM', 'SAO', 'SLA']) assert.ok(multi.includes(a), `${a} should have several meanings: ${multi}`);
    for (const t of glossary.terms.filter((x) => x.acronym && multi.includes(x.text))) assert.ok(t.ambiguous, `${t.text} in ${t.concept.id}`);
  });

  describe('recognises every headword of every seed as its concept', () => {
    const list = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed-headwords.json'), 'utf8')) as { seed: string; headword: string; concept: string; notATerm?: string }[];
    const seeds = new Map<string, string>();
    before(function () {
      if (!fs.existsSync(SEEDS)) this.skip();
    });
    for (const seed of [...new Set(list.map((h) => h.seed))]) {
      it(seed, () => {
        seeds.set(seed, fs.readFileSync(path.join(SEEDS, seed), 'utf8'));
        const problems: string[] = [];
        for (const h of list.filter((x) => x.seed === seed)) {
          if (!seeds.get(seed)!.includes(h.headword)) problems.push(`"${h.headword}" is not in the seed`);
          const hits = foundAll(h.headword);
          const recognised = hits.some(([, cs]) => cs.includes(h.concept));
          // A few seed headwords are everyday words that the seed misused; matching them would flag correct text.
          if (h.notATerm) { if (recognised) problems.push(`"${h.headword}" is listed as not a term but is recognised`); }
          else if (!recognised) problems.push(`"${h.headword}" → ${h.concept}, found ${JSON.stringify(hits)}`);
        }
        assert.deepStrictEqual(problems, []);
      });
    }
    it('covers every concept that a seed defines', () => {
      const covered = new Set(list.map((h) => h.concept));
      const missing = glossary.concepts.filter((c) => c.seeds.length && !covered.has(c.id)).map((c) => c.id);
      assert.deepStrictEqual(missing, []);
    });
  });

  it('recognises every zh-Hant term in its Simplified form', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js');
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const problems: string[] = [];
    let checked = 0;
    for (const t of glossary.terms.filter((x) => x.lang === 'zh-Hant' && !x.acronym)) {
      const simplified: string = toSimplified(t.text);
      checked++;
      // In quotation marks: the characters around a term decide whether it is a word there (senses.ts), and this test is about the characters of the term.
      if (!foundAll(`「${simplified}」`).some(([, cs]) => cs.includes(t.concept.id))) problems.push(`${t.text} → ${simplified}`);
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(checked > 100);
  });

  it('GLOSSARY.md is up to date (npm run glossary:md)', () => {
    const file = path.join(ROOT, 'glossary', 'GLOSSARY.md');
    assert.ok(fs.existsSync(file), 'glossary/GLOSSARY.md is missing');
    assert.ok(fs.readFileSync(file, 'utf8') === glossaryMarkdown(glossary), 'glossary/GLOSSARY.md is stale: run npm run glossary:md');
  });

  it('repeats no sentence of the seeds (seed-overlap prints nothing)', function () {
    const tool = path.join(ROOT, '..', 'shared', 'tools', 'seed-overlap');
    if (!fs.existsSync(tool)) this.skip();
    const r = spawnSync('python3', [tool, 'glossary/'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  });

  it('folds every key it stores (no key with double spaces or capitals)', () => {
    for (const t of glossary.terms) for (const f of termForms(t)) assert.strictEqual(foldKey(foldKey(f)), foldKey(f));
  });
});

describe('glossary build: terms written alike in two concepts', () => {
  const en = (text: string, more: object = {}) => ({ en: { terms: [{ text, status: 'preferred', ...more }] } });
  const concepts = [
    { id: 'win-room', name: 'Win room', langs: en('Win room') },
    { id: 'war-room', name: 'War room', langs: { sv: { terms: [{ text: 'win room', status: 'admitted', ambiguous: true }] } } },
    { id: 'pipeline-review', name: 'Pipeline review', langs: { en: { terms: [{ text: 'Pipeline review', status: 'preferred' }], acronyms: [{ text: 'PR' }] } } },
    { id: 'pipeline-check', name: 'Pipeline check', langs: en('pipeline-review') },
    { id: 'press-release', name: 'Press release', langs: en('pr') },
    { id: 'deal-desk', name: 'Deal desk', langs: en('Deal desk', { ambiguous: true }) },
    { id: 'deal-team', name: 'Deal team', langs: en('deal desk', { ambiguous: true }) },
    { id: 'dash', name: 'Dash', langs: en('-') },
    { id: 'hyphen', name: 'Hyphen', langs: en('\u2010') },
  ];
  const { issues } = buildGlossary([{ file: 'x.json', data: { domain: 'sales', concepts } }]);

  it('warns once per text, at the first term not marked ambiguous, in the order of the terms', () => {
    assert.deepStrictEqual(issues.map((i) => `${i.entry} ${i.field}: ${i.message}`), [
      'win-room langs.en.terms: "Win room" also names war-room; mark it "ambiguous": true in each concept if that is intended',
      'pipeline-review langs.en.terms: "Pipeline review" also names pipeline-check; mark it "ambiguous": true in each concept if that is intended',
      'dash langs.en.terms: "-" also names hyphen; mark it "ambiguous": true in each concept if that is intended',
    ]);
  });
});

describe('a later glossary\'s term written like an earlier one\'s (merge order: built-in < termbases < team glossary)', () => {
  const term = (text: string, more: object = {}) => ({ text, status: 'preferred', ...more });
  const BUILTIN: GlossarySource = { file: 'builtin.json', data: { domain: 'sales', concepts: [
    { id: 'lead', name: 'Lead', langs: { en: { terms: [term('lead'), { text: 'sales lead', status: 'admitted' }], acronyms: [{ text: 'SQL' }] }, sv: { terms: [term('lead')] } } },
    { id: 'prospect', name: 'Prospect', langs: { en: { terms: [term('prospect')] } } },
  ] } };
  // A termbase (two subject fields: two sources of one file, one layer) that calls its own concepts "Lead" and "SQL".
  const TERMBASE: GlossarySource[] = [
    { file: 'acme.tbx', data: { domain: 'crm', concepts: [{ id: 'acme-1', name: 'Lead', langs: { en: { terms: [term('Lead')] } } }] } },
    { file: 'acme.tbx', data: { domain: 'data', concepts: [
      { id: 'acme-2', name: 'Structured Query Language', langs: { en: { terms: [term('structured query language')], acronyms: [{ text: 'SQL', ambiguous: true }] } } },
      { id: 'acme-3', name: 'Prospect', langs: { en: { terms: [term('prospect')] } } },
    ] } },
  ];
  const TEAM: GlossarySource = { file: 'lingo.glossary.json', data: { concepts: [{ id: 'our-lead', name: 'Lead', langs: { en: { terms: [term('lead')] } } }] } };

  /** Each term found in an English text, with the concepts it names. */
  const namesIn = (workspace: GlossarySource[], text: string) => {
    const merged = mergeGlossaries([BUILTIN], workspace);
    const built = buildGlossary(merged.sources, { trusted: true });
    const doc = TextDocument.create('file:///later.md', 'markdown', 1, text);
    const a = getLanguageService(built.glossary).analyze(doc, resolveSettings({ language: 'en' }))!;
    return { found: a.occurrences.map((o) => `${text.slice(o.start, o.end)}→${[...new Set(o.terms.map((t) => t.concept.id))].join('|')}`), built };
  };
  const TEXT = 'Every lead and every sales lead, two Leads, one prospect, an SQL.';

  it('without later glossaries, the built-in concepts', () => {
    assert.deepStrictEqual(namesIn([], TEXT).found, ['lead→lead', 'sales lead→lead', 'Leads→lead', 'prospect→prospect', 'SQL→lead']);
  });

  it('the termbase\'s term takes the text over, in every form; the earlier concept keeps its term and its other names', () => {
    const { found, built } = namesIn(TERMBASE, TEXT);
    // "SQL" is marked ambiguous in the termbase: both stay, as within one glossary.
    assert.deepStrictEqual(found, ['lead→acme-1', 'sales lead→lead', 'Leads→acme-1', 'prospect→acme-3', 'SQL→lead|acme-2']);
    assert.deepStrictEqual(built.glossary.byId.get('lead')!.langs.en!.terms.map((t) => t.text), ['lead', 'sales lead']);
    // Reported once per text, on the later concept, as an override; summed up in one line for the log.
    const overrides = built.issues.filter((i) => i.kind === 'override').map((i) => `${i.file} ${i.entry} ${i.field}: ${i.message}`);
    assert.deepStrictEqual(overrides, [
      'acme.tbx acme-1 langs.en.terms: "Lead" is also a term of lead in an earlier glossary; this one, the later, is found there',
      'acme.tbx acme-3 langs.en.terms: "prospect" is also a term of prospect in an earlier glossary; this one, the later, is found there',
    ]);
    assert.deepStrictEqual(issueSummary(built.issues, 1), [
      'Terms of a later glossary that take over a text an earlier one also uses (the later one is found): 2, e.g. acme-1: "Lead" is also a term of lead in an earlier glossary; and 1 more',
      'Texts that name several concepts without being marked "ambiguous" (each is found as all of them): 1, e.g. lead: "SQL" also names acme-2',
    ]);
  });

  it('the team glossary, merged last, takes the text over from both', () => {
    assert.deepStrictEqual(namesIn([...TERMBASE, TEAM], TEXT).found, ['lead→our-lead', 'sales lead→lead', 'Leads→our-lead', 'prospect→acme-3', 'SQL→lead|acme-2']);
  });

  it('a Swedish document: the Swedish "lead" of the earlier concept is taken over too (the text is the later glossary\'s)', () => {
    const merged = mergeGlossaries([BUILTIN], TERMBASE);
    const g = buildGlossary(merged.sources, { trusted: true }).glossary;
    const text = 'Varje lead ska följas upp inom två dagar av säljaren.';
    const a = getLanguageService(g).analyze(TextDocument.create('file:///later-sv.md', 'markdown', 1, text), resolveSettings({ language: 'sv' }))!;
    assert.deepStrictEqual(a.occurrences.map((o) => [...new Set(o.terms.map((t) => t.concept.id))].join('|')), ['acme-1']);
  });

  it('within one layer, nothing is taken over: the text names both, with a warning, as before', () => {
    const same = buildGlossary([{ ...TERMBASE[0], layer: 1 }, { file: 'acme.tbx', data: { domain: 'x', concepts: [{ id: 'acme-9', name: 'Lead', langs: { en: { terms: [term('lead')] } } }] }, layer: 1 }], { trusted: true });
    assert.deepStrictEqual(same.issues.map((i) => `${i.kind} ${i.entry}`), ['overlap acme-1']);
  });
});

describe('merging a team glossary over the built-in one', () => {
  it('changes the merged copy, never the built-in data', () => {
    const before = JSON.stringify(folder.sources);
    const [a, b, c] = (folder.sources[0].data as { concepts: { id: string }[] }).concepts;
    const team = { file: 'team.json', data: { concepts: [
      { id: a.id, related: [c.id], langs: { en: { terms: [{ text: 'Team word', status: 'preferred' }] }, sv: { terms: [{ text: 'lagord', status: 'preferred' }] } } },
      { id: b.id, disabled: true },
      { id: 'team-only', name: 'Team only', langs: { en: { terms: [{ text: 'team only', status: 'preferred' }] } } },
    ] } };
    const { sources, issues } = mergeGlossaries(folder.sources, [team]);
    assert.deepStrictEqual(issues, []);
    const g = buildGlossary(sources, { domains: folder.domains, trusted: true }).glossary;
    const preferred = g.byId.get(a.id)!.langs.en!.terms.filter((t) => t.status === 'preferred').map((t) => t.text);
    assert.deepStrictEqual(preferred, ['Team word']);
    assert.ok(g.byId.get(a.id)!.related.includes(c.id));
    assert.ok(!g.byId.has(b.id) && g.byId.has('team-only'));
    assert.strictEqual(JSON.stringify(folder.sources), before);
  });
});
