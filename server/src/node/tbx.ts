/**
 * TBX (ISO 30042:2019, TBX-Basic dialect, DCA style) export and import of glossary files.
 *
 * Standard TBX-Basic data categories carry what they can:
 *   conceptEntry/@id                      concept id (an id that is not an XML name gets a leading "_")
 *   descrip type="subjectField"           domain (the file the concept belongs to)
 *   ref type="crossReference" @target     related concepts
 *   langSec/@xml:lang                     en, sv, nl, pl, zh-Hant (as is)
 *   descrip type="definition" (langSec)   definition
 *   termSec/term                          term or acronym text
 *   termNote type="termType"              fullForm (terms), acronym / abbreviation (acronyms)
 *   termNote type="administrativeStatus"  preferredTerm-admn-sts / admittedTerm-admn-sts / deprecatedTerm-admn-sts
 *   termNote type="grammaticalGender"     masculine / feminine / neuter / other
 *   termNote type="partOfSpeech"          noun (written for tools that expect it; not read back)
 *   note (termSec)                        note
 * Fields TBX-Basic has no category for use Lingo data categories, named "x-lingo-…" so that a reader
 * that does not know them can tell them apart:
 *   admin x-lingo-conceptName, x-lingo-seed (one per seed), x-lingo-disabled, x-lingo-emptyList (a list
 *   present but empty: "related", "seeds", "acronyms", "forms"); termNote x-lingo-loanword,
 *   x-lingo-mistranslation, x-lingo-replacement, x-lingo-ambiguous, x-lingo-homograph, x-lingo-gender
 *   (only where grammaticalGender does not give the exact value), x-lingo-head, x-lingo-plural,
 *   x-lingo-form (one per form), x-lingo-inflect, x-lingo-expansion; on terms and acronyms, when the text is not
 *   the concept (see the schema): x-lingo-notIn (one per phrase), x-lingo-notNear and x-lingo-cue (one per word).
 * The XML reader below is a small, strict, non-validating XML 1.0 parser (no external entities, no DTD
 * processing): enough for TBX, with file:line:col errors.
 */
import { isLang, type AcronymData, type ConceptData, type GlossaryFileData, type Lang, type LangSectionData, type Status, type TermContext, type TermData } from '../service';
import { FileError, filePositions, posKey, type Imported, type Pos } from './interchange';
import { looksTraditional, mapLanguage, STATUS_CATEGORIES, type RawConcept, type RawLang, type RawTerm, type TermbaseLog } from './termbaseVocab';

// ---- XML reader ------------------------------------------------------------------

export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: Map<string, string>;
  children: XmlNode[];
  pos: Pos;
}
export interface XmlText { kind: 'text'; text: string; pos: Pos }
export type XmlNode = XmlElement | XmlText;

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Called when an element closes, with its depth (0: the root): returning true takes it out of the tree (the
 * caller has used it), so that a large file is read concept by concept without keeping them all.
 */
export type OnClose = (el: XmlElement, depth: number) => boolean;

/** Parses an XML document; throws FileError (file:line:col) on the first well-formedness error. */
export function parseXml(file: string, input: string, onClose?: OnClose): XmlElement {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Places are asked for in order while reading: lines are counted up to each (the next line break found is
  // kept, so a file on one long line is not searched again and again). An error's place is looked up afresh.
  let line = 1, lineStart = 0, nextBreak = text.indexOf('\n');
  const posOf = (at: number): Pos => {
    while (nextBreak >= 0 && nextBreak < at) { line++; lineStart = nextBreak + 1; nextBreak = text.indexOf('\n', lineStart); }
    return { line, col: at - lineStart + 1 };
  };
  let i = 0;
  const fail = (msg: string, at = i): never => {
    const p = filePositions(text)(at);
    throw new FileError(file, p.line, p.col, msg);
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail(`expected a name, found ${describe(text[i])}`);
    i += m![0].length;
    return m![0];
  };
  const ws = () => { for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10; c = text.charCodeAt(++i)); };
  const decode = (s: string, at: number): string => {
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0) return s;
    let out = '';
    for (let k = 0; k < s.length; k++) {
      const c = s[k];
      if (c === '<') fail('"<" is not allowed here (write &lt;)', at + k);
      if (c !== '&') { out += c; continue; }
      const end = s.indexOf(';', k);
      if (end < 0) fail('"&" starts no entity (write &amp;)', at + k);
      const ent = s.slice(k + 1, end);
      let ch: string | undefined;
      if (/^#x[0-9a-fA-F]+$/.test(ent)) ch = codePoint(parseInt(ent.slice(2), 16));
      else if (/^#[0-9]+$/.test(ent)) ch = codePoint(parseInt(ent.slice(1), 10));
      else ch = PREDEFINED[ent];
      if (ch === undefined) fail(`unknown entity &${ent};`, at + k);
      out += ch;
      k = end;
    }
    return out;
  };
  const codePoint = (n: number): string | undefined => {
    if (n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff)) return String.fromCodePoint(n);
    return undefined;
  };
  const skipUntil = (end: string, what: string): number => {
    const k = text.indexOf(end, i);
    if (k < 0) fail(`${what} is not closed (expected "${end}")`);
    const from = i;
    i = k + end.length;
    return from;
  };

  // Prolog: declaration, comments, processing instructions, doctype.
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      i += 4;
      const from = skipUntil('-->', 'a comment');
      if (text.slice(from, i - 3).includes('--')) fail('"--" is not allowed inside a comment', from);
      continue;
    }
    if (text.startsWith('<?', i)) { i += 2; skipUntil('?>', 'a processing instruction'); continue; }
    if (text.startsWith('<![CDATA[', i)) {
      if (!stack.length) fail('text outside the root element');
      const at = i;
      i += 9;
      const from = skipUntil(']]>', 'a CDATA section');
      addText(stack[stack.length - 1], text.slice(from, i - 3), posOf(at));
      continue;
    }
    if (text.startsWith('<!DOCTYPE', i)) {
      if (root || stack.length) fail('a DOCTYPE must come before the root element');
      // Skip it, internal subset included; entities declared there are not expanded (unknown entity errors).
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '[') depth++;
        else if (text[i] === ']') depth--;
        else if (text[i] === '>' && depth === 0) break;
      }
      if (i >= text.length) fail('the DOCTYPE is not closed');
      i++;
      continue;
    }
    if (text.startsWith('</', i)) {
      const at = i;
      i += 2;
      const n = name();
      ws();
      if (text[i] !== '>') fail(`expected ">" to close </${n}`);
      i++;
      const open = stack.pop();
      if (!open) fail(`closing tag </${n}> without an opening tag`, at);
      if (open!.name !== n) fail(`closing tag </${n}> does not match <${open!.name}> opened at line ${open!.pos.line}, column ${open!.pos.col}`, at);
      if (onClose && stack.length && onClose(open!, stack.length)) stack[stack.length - 1].children.pop();
      continue;
    }
    if (text[i] === '<') {
      const at = i;
      i++;
      if (root && !stack.length) fail('a second root element', at);
      const el: XmlElement = { kind: 'element', name: name(), attrs: new Map(), children: [], pos: posOf(at) };
      for (;;) {
        const before = i;
        ws();
        if (text[i] === '>' || text.startsWith('/>', i)) break;
        if (i >= text.length) fail(`<${el.name}> is not closed`, at);
        if (i === before) fail(`expected whitespace, ">" or "/>" in <${el.name}>, found ${describe(text[i])}`);
        const attrAt = i;
        const an = name();
        ws();
        if (text[i] !== '=') fail(`expected "=" after attribute ${an}`);
        i++;
        ws();
        const q = text[i];
        if (q !== '"' && q !== "'") fail(`the value of attribute ${an} must be quoted`);
        const end = text.indexOf(q, i + 1);
        if (end < 0) fail(`the value of attribute ${an} is not closed`);
        if (el.attrs.has(an)) fail(`attribute ${an} is given twice`, attrAt);
        el.attrs.set(an, decode(text.slice(i + 1, end), i + 1).replace(/[\t\n]/g, ' '));
        i = end + 1;
      }
      if (stack.length) stack[stack.length - 1].children.push(el);
      else root = el;
      if (text[i] === '>') { i++; stack.push(el); } else {
        i += 2;
        if (onClose && stack.length && onClose(el, stack.length)) stack[stack.length - 1].children.pop();
      }
      continue;
    }
    // Character data.
    const next = text.indexOf('<', i);
    const end = next < 0 ? text.length : next;
    const chunk = text.slice(i, end);
    if (!stack.length) {
      if (/\S/.test(chunk)) fail(root ? 'text after the root element' : 'text before the root element', i + chunk.search(/\S/));
    } else {
      const gt = chunk.indexOf(']]>');
      if (gt >= 0) fail('"]]>" is not allowed in text', i + gt);
      // Indentation (white space with a line break) between elements is not kept: no TBX text is only that.
      if (!(chunk.includes('\n') && !/\S/.test(chunk))) addText(stack[stack.length - 1], decode(chunk, i), posOf(i));
    }
    i = end;
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    fail(`<${open.name}> opened at line ${open.pos.line}, column ${open.pos.col} is not closed at the end of the file`);
  }
  if (!root) fail('the file has no root element', 0);
  return root!;
}

function addText(el: XmlElement, s: string, pos: Pos): void {
  const last = el.children[el.children.length - 1];
  if (last?.kind === 'text') last.text += s;
  else el.children.push({ kind: 'text', text: s, pos });
}

const describe = (c: string | undefined) => (c === undefined ? 'the end of the file' : c === '\n' ? 'a line break' : JSON.stringify(c));

// ---- XML writer --------------------------------------------------------------------

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function esc(s: string, where: string): string {
  if (INVALID_XML.test(s)) throw new Error(`${where}: ${JSON.stringify(s)} has a character XML cannot hold`);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

// ---- TBX mapping ---------------------------------------------------------------------

const STATUS_TBX: Record<Status, string> = { preferred: 'preferredTerm-admn-sts', admitted: 'admittedTerm-admn-sts', deprecated: 'deprecatedTerm-admn-sts' };
const TBX_STATUS: Record<string, Status> = {
  'preferredTerm-admn-sts': 'preferred', 'admittedTerm-admn-sts': 'admitted', 'deprecatedTerm-admn-sts': 'deprecated', 'supersededTerm-admn-sts': 'deprecated',
};
const ACRONYM_TYPES = new Set(['acronym', 'abbreviation', 'initialism', 'shortForm', 'short form']);
const GENDER_TBX: Record<string, string> = { c: 'other', n: 'neuter', de: 'other', het: 'neuter', m1: 'masculine', m2: 'masculine', m3: 'masculine', f: 'feminine' };
const TBX_GENDER: Partial<Record<Lang, Record<string, string>>> = {
  sv: { other: 'c', neuter: 'n' },
  nl: { other: 'de', masculine: 'de', feminine: 'de', neuter: 'het' },
  pl: { feminine: 'f', neuter: 'n' },
};

/** An XML name (NCName) cannot start with a digit; such ids are written with a leading "_" (concept ids never have one). */
const toXmlId = (id: string) => (/^[A-Za-z_]/.test(id) ? id : `_${id}`);
const fromXmlId = (id: string) => id.replace(/^_/, '');

export interface TbxExportOptions { title?: string; sourceDesc?: string }

/** Writes glossary files as one TBX-Basic document; concepts keep their order, files follow each other. */
export function exportTbx(files: GlossaryFileData[], options: TbxExportOptions = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
    '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${esc(options.title ?? 'Lingo glossary', 'title')}</title></titleStmt>`,
    `      <sourceDesc><p>${esc(options.sourceDesc ?? 'Exported by lingo glossary export', 'sourceDesc')}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const f of files) for (const c of f.concepts) conceptXml(out, f.domain, c);
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}

function conceptXml(out: string[], domain: string, c: ConceptData): void {
  const at = `concept ${c.id}`;
  const e = (s: string) => esc(s, at);
  out.push(`      <conceptEntry id="${e(toXmlId(c.id))}">`);
  out.push(`        <descrip type="subjectField">${e(domain)}</descrip>`);
  out.push(`        <admin type="x-lingo-conceptName">${e(c.name)}</admin>`);
  for (const s of c.seeds ?? []) out.push(`        <admin type="x-lingo-seed">${e(s)}</admin>`);
  if (c.disabled !== undefined) out.push(`        <admin type="x-lingo-disabled">${c.disabled}</admin>`);
  if (c.related?.length === 0) out.push('        <admin type="x-lingo-emptyList">related</admin>');
  if (c.seeds?.length === 0) out.push('        <admin type="x-lingo-emptyList">seeds</admin>');
  for (const r of c.related ?? []) out.push(`        <ref type="crossReference" target="${e(toXmlId(r))}">${e(r)}</ref>`);
  for (const [lang, s] of Object.entries(c.langs) as [Lang, LangSectionData][]) {
    out.push(`        <langSec xml:lang="${e(lang)}">`);
    if (s.definition !== undefined) out.push(`          <descrip type="definition">${e(s.definition)}</descrip>`);
    if (s.acronyms?.length === 0) out.push('          <admin type="x-lingo-emptyList">acronyms</admin>');
    for (const t of s.terms) termXml(out, lang, t, e);
    for (const a of s.acronyms ?? []) acronymXml(out, a, e);
    out.push('        </langSec>');
  }
  out.push('      </conceptEntry>');
}

function termXml(out: string[], lang: Lang, t: TermData, e: (s: string) => string): void {
  const n = (type: string, v: unknown) => out.push(`            <termNote type="${type}">${e(String(v))}</termNote>`);
  out.push('          <termSec>', `            <term>${e(t.text)}</term>`);
  n('partOfSpeech', 'noun');
  n('termType', 'fullForm');
  n('administrativeStatus', STATUS_TBX[t.status] ?? t.status);
  if (t.gender !== undefined) {
    const g = GENDER_TBX[t.gender];
    if (g) n('grammaticalGender', g);
    if (!g || TBX_GENDER[lang]?.[g] !== t.gender) n('x-lingo-gender', t.gender);
  }
  if (t.loanword !== undefined) n('x-lingo-loanword', t.loanword);
  if (t.mistranslation !== undefined) n('x-lingo-mistranslation', t.mistranslation);
  if (t.replacement !== undefined) n('x-lingo-replacement', t.replacement);
  if (t.ambiguous !== undefined) n('x-lingo-ambiguous', t.ambiguous);
  if (t.homograph !== undefined) n('x-lingo-homograph', t.homograph);
  if (t.register !== undefined) n('register', `${t.register}Register`);
  if (t.head !== undefined) n('x-lingo-head', t.head);
  if (t.plural !== undefined) n('x-lingo-plural', t.plural);
  for (const f of t.forms ?? []) n('x-lingo-form', f);
  if (t.forms?.length === 0) n('x-lingo-emptyList', 'forms');
  if (t.inflect !== undefined) n('x-lingo-inflect', t.inflect);
  contextXml(n, t);
  if (t.note !== undefined) out.push(`            <note>${e(t.note)}</note>`);
  out.push('          </termSec>');
}

/** When a term or acronym is not the concept: one termNote per phrase or word (x-lingo-notIn, x-lingo-notNear, x-lingo-cue). */
function contextXml(n: (type: string, v: unknown) => void, t: TermContext): void {
  for (const [key, type] of CONTEXT_NOTES) {
    const list = t[key];
    for (const v of list ?? []) n(type, v);
    if (list?.length === 0) n('x-lingo-emptyList', key);
  }
}

const CONTEXT_NOTES: [keyof TermContext, string][] = [['notIn', 'x-lingo-notIn'], ['notNear', 'x-lingo-notNear'], ['cues', 'x-lingo-cue']];

/** The context lists of a termSec's notes (removed from `notes`), as they were exported. */
function contextOf(notes: Map<string, XmlElement[]>, text: (e: XmlElement) => string): TermContext {
  const c: TermContext = {};
  const empty = (notes.get('x-lingo-emptyList') ?? []).map((e) => text(e).trim());
  for (const [key, type] of CONTEXT_NOTES) {
    const list = (notes.get(type) ?? []).map(text);
    notes.delete(type);
    if (list.length || empty.includes(key)) c[key] = list;
  }
  return c;
}

function acronymXml(out: string[], a: AcronymData, e: (s: string) => string): void {
  const n = (type: string, v: unknown) => out.push(`            <termNote type="${type}">${e(String(v))}</termNote>`);
  out.push('          <termSec>', `            <term>${e(a.text)}</term>`);
  n('partOfSpeech', 'noun');
  n('termType', /^[\p{Lu}\p{N}&' ]+$/u.test(a.text) || /\p{Script=Han}/u.test(a.text) ? 'acronym' : 'abbreviation');
  if (a.status !== undefined) n('administrativeStatus', STATUS_TBX[a.status] ?? a.status);
  if (a.expansion !== undefined) n('x-lingo-expansion', a.expansion);
  if (a.ambiguous !== undefined) n('x-lingo-ambiguous', a.ambiguous);
  contextXml(n, a);
  if (a.note !== undefined) out.push(`            <note>${e(a.note)}</note>`);
  out.push('          </termSec>');
}

// ---- TBX import ----------------------------------------------------------------------

const local = (n: string) => n.slice(n.indexOf(':') + 1);
/** TBX v2 (<martif>) names read as their v3 equivalents. */
const V2: Record<string, string> = { martif: 'tbx', martifHeader: 'tbxHeader', termEntry: 'conceptEntry', langSet: 'langSec', tig: 'termSec', ntig: 'termSec' };
const tag = (el: XmlElement) => { const n = local(el.name); return V2[n] ?? n; };
const elements = (el: XmlElement) => el.children.filter((c): c is XmlElement => c.kind === 'element');
const textOf = (el: XmlElement): string => el.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');

/** Reads a TBX document into glossary files (one per subject field, in order of first appearance). */
export function importTbx(file: string, input: string): Imported {
  const root = parseXml(file, input);
  const fail = (el: { pos: Pos }, msg: string): never => { throw new FileError(file, el.pos.line, el.pos.col, msg); };
  if (tag(root) !== 'tbx') fail(root, `the root element is <${root.name}>, not <tbx> (or <martif>): this is not a TBX file`);
  const warnings: string[] = [];
  const warn = (el: { pos: Pos }, msg: string) => warnings.push(`${file}:${el.pos.line}:${el.pos.col} warning: ${msg}`);
  const text = elements(root).find((e) => tag(e) === 'text');
  if (!text) fail(root, '<tbx> has no <text> element');
  const body = elements(text!).find((e) => tag(e) === 'body');
  if (!body) fail(text!, '<text> has no <body> element');

  const files: GlossaryFileData[] = [];
  const byDomain = new Map<string, number>();
  const positions = new Map<string, Pos>();
  const seenIds = new Map<string, Pos>();
  const bool = (el: XmlElement): boolean => {
    const v = textOf(el).trim();
    if (v !== 'true' && v !== 'false') fail(el, `<${el.name} type="${el.attrs.get('type')}"> must be true or false, not ${JSON.stringify(v)}`);
    return v === 'true';
  };

  for (const ce of elements(body!)) {
    if (tag(ce) !== 'conceptEntry') { warn(ce, `<${ce.name}> in <body> is not a concept entry; left out`); continue; }
    const rawId = ce.attrs.get('id');
    if (!rawId) fail(ce, '<conceptEntry> has no id attribute');
    const id = fromXmlId(rawId!);
    if (seenIds.has(id)) { const p = seenIds.get(id)!; fail(ce, `concept id "${id}" is used twice (also at line ${p.line}, column ${p.col})`); }
    seenIds.set(id, ce.pos);
    let domain: string | undefined;
    let name: string | undefined;
    const related: string[] = [];
    const seeds: string[] = [];
    const empty = new Set<string>();
    let disabled: boolean | undefined;
    const langs: ConceptData['langs'] = {};
    const termPos: [Lang, 'terms' | 'acronyms', number, Pos][] = [];
    const langPos: [Lang, Pos][] = [];
    for (const el of elements(ce)) {
      const t = tag(el), type = el.attrs.get('type') ?? '';
      if (t === 'descrip' && type === 'subjectField') domain = textOf(el).trim();
      else if (t === 'admin' && type === 'x-lingo-conceptName') name = textOf(el);
      else if (t === 'admin' && type === 'x-lingo-seed') seeds.push(textOf(el));
      else if (t === 'admin' && type === 'x-lingo-disabled') disabled = bool(el);
      else if ((t === 'admin' || t === 'note') && type === 'x-lingo-emptyList') empty.add(textOf(el).trim());
      else if (t === 'ref' && type === 'crossReference') {
        const target = el.attrs.get('target');
        related.push(target ? fromXmlId(target) : textOf(el).trim());
      } else if (t === 'langSec') {
        const lang = el.attrs.get('xml:lang') ?? '';
        if (!isLang(lang)) fail(el, `language "${lang}" is not one of en, sv, nl, pl, zh-Hant`);
        if (langs[lang as Lang]) fail(el, `concept "${id}" has two <langSec xml:lang="${lang}">`);
        langs[lang as Lang] = readLangSec(el, lang as Lang, termPos);
        langPos.push([lang as Lang, el.pos]);
      } else warn(el, `<${el.name}${type ? ` type="${type}"` : ''}> on a concept has no place in a Lingo glossary; left out`);
    }
    if (!domain) fail(ce, `concept "${id}" has no <descrip type="subjectField"> (its domain)`);
    if (name === undefined) {
      // A TBX file from another tool: name the concept by its English (or first) preferred term.
      const s = langs.en ?? Object.values(langs)[0];
      name = s?.terms[0]?.text ?? id;
    }
    const concept: ConceptData = { id, name } as ConceptData;
    if (related.length || empty.has('related')) concept.related = related;
    if (seeds.length || empty.has('seeds')) concept.seeds = seeds;
    if (disabled !== undefined) concept.disabled = disabled;
    concept.langs = langs;
    let fi = byDomain.get(domain!);
    if (fi === undefined) { fi = files.length; byDomain.set(domain!, fi); files.push({ domain: domain!, concepts: [] }); }
    const ci = files[fi].concepts.length;
    files[fi].concepts.push(concept);
    const base = `/concepts/${ci}`;
    positions.set(posKey(fi, base), ce.pos);
    for (const [lang, p] of langPos) positions.set(posKey(fi, `${base}/langs/${lang}`), p);
    for (const [lang, list, k, p] of termPos) positions.set(posKey(fi, `${base}/langs/${lang}/${list}/${k}`), p);
  }

  function readLangSec(ls: XmlElement, lang: Lang, termPos: [Lang, 'terms' | 'acronyms', number, Pos][]): LangSectionData {
    const sec: LangSectionData = { terms: [] };
    const acronyms: AcronymData[] = [];
    let emptyAcronyms = false;
    const definition = (el: XmlElement) => {
      if (sec.definition !== undefined) fail(el, 'a second definition in one language section');
      sec.definition = textOf(el);
    };
    for (const el of elements(ls)) {
      const t = tag(el), type = el.attrs.get('type') ?? '';
      if (t === 'descrip' && type === 'definition') definition(el);
      else if (t === 'descripGrp') {
        const d = elements(el).find((x) => tag(x) === 'descrip' && x.attrs.get('type') === 'definition');
        if (d) definition(d); else warn(el, '<descripGrp> without a definition; left out');
      } else if ((t === 'admin' || t === 'note') && type === 'x-lingo-emptyList' && textOf(el).trim() === 'acronyms') emptyAcronyms = true;
      else if (t === 'termSec') {
        const r = readTermSec(el, lang);
        if (r.acronym) { termPos.push([lang, 'acronyms', acronyms.length, el.pos]); acronyms.push(r.acronym); }
        else { termPos.push([lang, 'terms', sec.terms.length, el.pos]); sec.terms.push(r.term!); }
      } else warn(el, `<${el.name}${type ? ` type="${type}"` : ''}> in a language section has no place in a Lingo glossary; left out`);
    }
    if (!sec.terms.length) fail(ls, `<langSec xml:lang="${lang}"> has no term (only acronyms or nothing); every language needs at least one full term`);
    if (acronyms.length || emptyAcronyms) sec.acronyms = acronyms;
    return sec;
  }

  function readTermSec(ts: XmlElement, lang: Lang): { term?: TermData; acronym?: AcronymData } {
    const kids = elements(ts);
    const termEl = kids.find((k) => tag(k) === 'term');
    if (!termEl) fail(ts, '<termSec> has no <term>');
    const notes = new Map<string, XmlElement[]>();
    let note: string | undefined;
    for (const k of kids) {
      const t = tag(k), type = k.attrs.get('type') ?? '';
      if (t === 'term') continue;
      if (t === 'note' && !type) {
        if (note !== undefined) fail(k, 'a second <note> on one term; a Lingo term has one note');
        note = textOf(k);
      } else if (t === 'termNote' || ((t === 'admin' || t === 'descrip' || t === 'note') && type.startsWith('x-lingo-'))) {
        notes.set(type, [...(notes.get(type) ?? []), k]);
      } else warn(k, `<${k.name}${type ? ` type="${type}"` : ''}> on a term has no place in a Lingo glossary; left out`);
    }
    const one = (type: string): XmlElement | undefined => {
      const list = notes.get(type);
      if (list && list.length > 1) fail(list[1], `a second <termNote type="${type}"> on one term`);
      notes.delete(type);
      return list?.[0];
    };
    const str = (type: string) => { const el = one(type); return el && textOf(el); };
    const flag = (type: string) => { const el = one(type); return el && bool(el); };
    const termType = one('termType');
    const kind = termType ? textOf(termType).trim() : 'fullForm';
    const statusEl = one('administrativeStatus');
    let status: Status | undefined;
    if (statusEl) {
      const v = textOf(statusEl).trim();
      status = TBX_STATUS[v];
      if (!status) fail(statusEl, `administrativeStatus "${v}" is not one of ${Object.keys(STATUS_TBX).map((s) => STATUS_TBX[s as Status]).join(', ')}`);
    }
    one('partOfSpeech');
    const text = textOf(termEl!);
    let result: { term?: TermData; acronym?: AcronymData };
    if (ACRONYM_TYPES.has(kind)) {
      const a: AcronymData = { text };
      const expansion = str('x-lingo-expansion');
      if (expansion !== undefined) a.expansion = expansion;
      if (status) a.status = status;
      const amb = flag('x-lingo-ambiguous');
      if (amb !== undefined) a.ambiguous = amb;
      if (note !== undefined) a.note = note;
      Object.assign(a, contextOf(notes, textOf));
      notes.delete('x-lingo-emptyList');
      result = { acronym: a };
    } else {
      if (termType && !['fullForm', 'term', 'variant', 'phrase', 'synonym'].includes(kind)) warn(termType, `termType "${kind}" read as a full term`);
      if (!status) fail(ts, `term "${text}" has no <termNote type="administrativeStatus">`);
      const t: TermData = { text, status: status! };
      const set = <K extends keyof TermData>(k: K, v: TermData[K] | undefined) => { if (v !== undefined) t[k] = v; };
      set('loanword', flag('x-lingo-loanword'));
      set('mistranslation', flag('x-lingo-mistranslation'));
      set('replacement', str('x-lingo-replacement'));
      set('ambiguous', flag('x-lingo-ambiguous'));
      set('homograph', str('x-lingo-homograph') as TermData['homograph']);
      const reg = str('register');
      if (reg !== undefined) t.register = reg.replace(/Register$/, '') as TermData['register'];
      const exact = str('x-lingo-gender');
      const gEl = one('grammaticalGender');
      if (exact !== undefined) t.gender = exact;
      else if (gEl) {
        const g = TBX_GENDER[lang]?.[textOf(gEl).trim()];
        if (g) t.gender = g; else warn(gEl, `grammaticalGender "${textOf(gEl).trim()}" has no Lingo value in ${lang}; left out`);
      }
      const headEl = one('x-lingo-head');
      if (headEl) {
        const v = textOf(headEl).trim();
        if (!/^\d+$/.test(v)) fail(headEl, `x-lingo-head must be a whole number, not ${JSON.stringify(v)}`);
        t.head = Number(v);
      }
      set('plural', str('x-lingo-plural'));
      const forms = (notes.get('x-lingo-form') ?? []).map(textOf);
      notes.delete('x-lingo-form');
      Object.assign(t, contextOf(notes, textOf));
      const emptyList = notes.get('x-lingo-emptyList') ?? [];
      notes.delete('x-lingo-emptyList');
      if (forms.length || emptyList.some((e) => textOf(e).trim() === 'forms')) t.forms = forms;
      set('inflect', flag('x-lingo-inflect'));
      if (note !== undefined) t.note = note;
      result = { term: t };
    }
    for (const [type, list] of notes) warn(list[0], `<${list[0].name} type="${type}"> has no place on ${result.acronym ? 'an acronym' : 'a term'}; left out`);
    return result;
  }

  return { files, positions, warnings };
}


// ---- TBX from termbase tools ----------------------------------------------------------------

/**
 * What termbase tools export, read leniently: TBX v2 (<martif>: termEntry / langSet / tig / ntig, TBX-Basic and
 * TBX-Default), TBX v3 (<tbx>: conceptEntry / langSec / termSec) in DCA style (<termNote type="administrativeStatus">)
 * and DCT style (<min:administrativeStatus>), Lingo's own x-lingo- categories where present. Concepts are handed
 * to `onConcept` one by one as they close (the file's tree is never whole in memory). What has no place in a Lingo
 * glossary is counted in the log's report, not one warning each; only what leaves an entry out is a problem.
 */
export function readTbxTermbase(file: string, input: string, log: TermbaseLog, onConcept: (c: RawConcept) => void): void {
  const head = input.slice(0, 4096);
  const rootLang = /<(?:\w+:)?(?:martif|tbx)\b[^>]*?\sxml:lang\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  const fileLang = rootLang ? mapLanguage(rootLang) : undefined;
  let concepts = 0;
  const root = parseXml(file, input, (el) => {
    if (tag(el) !== 'conceptEntry') return false;
    concepts++;
    const c = readEntry(el);
    if (c) onConcept(c);
    return true;
  });
  if (tag(root) !== 'tbx') throw new FileError(file, root.pos.line, root.pos.col, `the root element is <${root.name}>, not <tbx> (or <martif>): this is not a TBX file`);
  if (!concepts) log.problem(root.pos, 'the file has no concept entries (<conceptEntry> or <termEntry>)', 'warning');

  function readEntry(ce: XmlElement): RawConcept {
    const raw: RawConcept = { id: ce.attrs.get('id') ?? undefined, pos: ce.pos, related: [], langs: [] };
    const lingo: Partial<ConceptData> = {};
    let isLingo = false;
    const empty = new Set<string>();
    for (const { el, type, value } of categories(ce)) {
      if (type === 'langSec') { readLangSec(el, raw); continue; }
      if (type.startsWith('x-lingo-')) {
        isLingo = true;
        if (type === 'x-lingo-conceptName') raw.name = value();
        else if (type === 'x-lingo-seed') (lingo.seeds ??= []).push(value());
        else if (type === 'x-lingo-disabled') lingo.disabled = value().trim() === 'true';
        else if (type === 'x-lingo-emptyList') empty.add(value().trim());
        else log.note('category', type, el.pos, 'left out');
      } else if (type === 'subjectField') raw.domain ??= value().trim();
      else if (type === 'crossReference') {
        const target = el.attrs.get('target');
        raw.related.push(target ? fromXmlId(target) : value().trim());
      } else if (type === 'definition') {
        // A definition of the concept, not of one language: the file's language's, when that is one of Lingo's.
        if (fileLang && 'lang' in fileLang) sectionOf(raw, fileLang.lang, el.pos).definition ??= value();
        else log.note('category', 'definition (of the concept, in no language)', el.pos, 'left out');
      } else if (!IGNORED.has(type)) log.note('category', type, el.pos, 'left out');
    }
    if (isLingo) {
      if (raw.id) raw.id = fromXmlId(raw.id);
      if (empty.has('related')) lingo.related = [];
      if (empty.has('seeds')) lingo.seeds ??= [];
      raw.lingo = lingo;
    }
    return raw;
  }

  function sectionOf(raw: RawConcept, lang: Lang, pos: Pos): RawLang {
    let sec = raw.langs.find((l) => l.lang === lang);
    if (!sec) raw.langs.push(sec = { lang, pos, terms: [] });
    return sec;
  }

  function readLangSec(ls: XmlElement, raw: RawConcept): void {
    const tagText = ls.attrs.get('xml:lang') ?? ls.attrs.get('lang') ?? '';
    let read = mapLanguage(tagText);
    const termSecs = elements(ls).filter((e) => tag(e) === 'termSec');
    if (read && 'zh' in read) {
      read = looksTraditional(termSecs.map((t) => termOf(t)?.text ?? '')) ? { lang: 'zh-Hant' } : { simplified: true };
      log.note('language', tagText, ls.pos, `read as ${'lang' in read ? 'Traditional' : 'Simplified'} Chinese from its characters`);
    }
    if (!read) { log.problem(ls.pos, `the language "${tagText}" is not a language tag; the language section is left out`, 'warning'); return; }
    if ('other' in read) { log.note('language', read.other, ls.pos, 'not a language Lingo checks; left out'); return; }
    if ('simplified' in read) {
      log.note('language', tagText, ls.pos, 'Simplified Chinese left out: Lingo writes Traditional Chinese, whose terms match Simplified text too');
      return;
    }
    const sec = sectionOf(raw, read.lang, ls.pos);
    for (const { el, type, value } of categories(ls)) {
      if (type === 'termSec') { const t = termOf(el, read.lang); if (t) sec.terms.push(t); }
      else if (type === 'definition') { if (sec.definition === undefined) sec.definition = value(); else log.note('category', 'second definition', el.pos, 'left out'); }
      else if (type === 'x-lingo-emptyList') { /* an empty acronym list: nothing to keep */ }
      else if (!IGNORED.has(type)) log.note('category', type, el.pos, 'left out');
    }
  }

  function termOf(ts: XmlElement, lang?: Lang): RawTerm | undefined {
    // ntig: the term and its notes in a termGrp.
    const kids = elements(ts).flatMap((k) => (local(k.name) === 'termGrp' ? elements(k) : [k]));
    const termEl = kids.find((k) => tag(k) === 'term');
    if (!termEl) { log.problem(ts.pos, `<${ts.name}> has no <term>; it is left out`, 'warning'); return undefined; }
    const t: RawTerm = { text: textOf(termEl), pos: termEl.pos, acronym: false };
    const statuses = new Map<string, { value: string; pos: Pos }>();
    const notes: string[] = [];
    const lingo: Record<string, unknown> = {};
    const fields = { lingo, put: (k: string, v: unknown) => { lingo[k] = v; } };
    for (const { el, type, value } of categories({ ...ts, children: kids.filter((k) => k !== termEl) })) {
      const lower = type.toLowerCase();
      if (STATUS_CATEGORIES.some((c) => c.toLowerCase() === lower)) { if (!statuses.has(lower)) statuses.set(lower, { value: value(), pos: el.pos }); }
      else if (type === 'termType') {
        const v = value().trim();
        if (ACRONYM_TYPES.has(v) || ACRONYM_TYPES.has(v.toLowerCase())) t.acronym = true;
        else if (!TERM_TYPES.has(v.toLowerCase())) log.note('termType', v, el.pos, 'read as a term');
      } else if (type === 'note' || type === 'usageNote') notes.push(value());
      else if (type === 'grammaticalGender') fields.put('tbxGender', value().trim());
      else if (type.startsWith('x-lingo-')) lingoField(type, value, el, fields);
      else if (!IGNORED.has(type)) log.note('category', type, el.pos, 'left out');
    }
    for (const c of STATUS_CATEGORIES) { const s = statuses.get(c.toLowerCase()); if (s) { t.status = s; break; } }
    if (notes.length) t.note = notes.join(' ');
    if (typeof lingo.tbxGender === 'string' && lingo.gender === undefined && !t.acronym && lang) {
      const g = lingo.tbxGender.toLowerCase();
      const mapped = TBX_GENDER[lang]?.[g] ?? (lang === 'sv' && g === 'common' ? 'c' : lang === 'nl' && g === 'common' ? 'de' : undefined);
      if (mapped) lingo.gender = mapped;
    }
    if (Object.keys(lingo).length) t.lingo = lingoTerm(lingo, t);
    return t;
  }

  /** Lingo's own fields on a term (x-lingo- categories), as tbx export writes them. */
  function lingoField(type: string, value: () => string, el: XmlElement, f: { lingo: Record<string, unknown>; put: (k: string, v: unknown) => void }): void {
    const name = type.slice('x-lingo-'.length);
    const v = value();
    const list = (k: string) => { const a = (f.lingo[k] as string[] | undefined) ?? []; a.push(v); f.put(k, a); };
    switch (name) {
      case 'loanword': case 'mistranslation': case 'ambiguous': case 'inflect': f.put(name, v.trim() === 'true'); break;
      case 'replacement': case 'expansion': case 'plural': f.put(name, v); break;
      case 'homograph': if (v.trim() === 'verb') f.put(name, 'verb'); break;
      case 'gender': f.put('gender', v.trim()); break;
      case 'head': if (/^\d+$/.test(v.trim())) f.put('head', Number(v.trim())); break;
      case 'form': list('forms'); break;
      case 'notIn': list('notIn'); break;
      case 'notNear': list('notNear'); break;
      case 'cue': list('cues'); break;
      case 'emptyList': f.put(`empty:${v.trim()}`, true); break;
      default: log.note('category', type, el.pos, 'left out');
    }
  }

  function lingoTerm(l: Record<string, unknown>, t: RawTerm): RawTerm['lingo'] {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(l)) if (!k.startsWith('empty:') && k !== 'tbxGender') out[k] = v;
    for (const k of ['forms', 'notIn', 'notNear', 'cues']) if (l[`empty:${k}`]) out[k] ??= [];
    if (t.acronym) for (const k of ['loanword', 'mistranslation', 'gender', 'head', 'plural', 'forms', 'inflect', 'homograph', 'replacement']) delete out[k];
    else delete out.expansion;
    return out as RawTerm['lingo'];
  }
}

/** Categories with no meaning for terminology checks (history, workflow, who and when): left out without a word. */
const IGNORED = new Set(['transacGrp', 'transac', 'transacNote', 'date', 'partOfSpeech', 'responsibility', 'processStatus', 'entrySource',
  'customerSubset', 'projectSubset', 'originatingPerson', 'sortKey', 'xGraphic', 'externalCrossReference', 'source', 'tbxGender']);
/** termType values read as full terms without a note. */
const TERM_TYPES = new Set(['fullform', 'full form', 'term', 'variant', 'phrase', 'synonym', 'phraseologicalunit', 'collocation', 'standardtext', 'internationalism', 'transcribedform', 'transliteratedform', 'romanizedform', 'clippedterm', 'lemma', 'commonname', 'entryterm', 'mainentryterm']);
/** Element names of TBX's structure: everything else, outside the core categories, is a DCT-style data category. */
const STRUCTURE = new Set(['tbx', 'tbxHeader', 'text', 'body', 'back', 'conceptEntry', 'langSec', 'termSec', 'term', 'termGrp']);
const CORE = new Set(['descrip', 'termNote', 'admin', 'ref', 'xref', 'transacNote', 'adminNote', 'descripNote']);
const GROUPS = new Set(['descripGrp', 'adminGrp', 'termNoteGrp']);

/**
 * The data categories of an element's children, each with its type: a DCA element's type attribute
 * (<termNote type="administrativeStatus">), a DCT element's name (<min:administrativeStatus>), a group's main
 * category (<descripGrp><descrip type="definition">), "note", or a structure element's name (langSec, termSec).
 */
function categories(el: XmlElement): { el: XmlElement; type: string; value: () => string }[] {
  const out: { el: XmlElement; type: string; value: () => string }[] = [];
  for (const k of elements(el)) {
    const t = tag(k);
    if (GROUPS.has(t)) {
      const main = elements(k).find((x) => CORE.has(tag(x)) || !STRUCTURE.has(tag(x)) && tag(x) !== 'note' && tag(x) !== 'transacGrp');
      if (main) out.push(...categories({ ...k, children: [main] }));
      continue;
    }
    const type = CORE.has(t) ? (k.attrs.get('type') ?? t) : t === 'note' ? (k.attrs.get('type')?.startsWith('x-lingo-') ? k.attrs.get('type')! : 'note') : t;
    out.push({ el: k, type, value: () => textOf(k) });
  }
  return out;
}
