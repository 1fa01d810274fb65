/** GLOSSARY.md: the glossary for people to review, one table per domain, every language side by side. */
import { LANGS, MESSAGES, type Glossary, type Lang, type Term } from '../service';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function terms(ts: Term[], acr: Term[]): string {
  const out: string[] = [];
  for (const t of ts) {
    if (t.status === 'preferred') out.push(`**${cell(t.text)}**`);
    else if (t.status === 'deprecated') out.push(`~~${cell(t.text)}~~${t.mistranslation ? ' ⚠' : ''}`);
    else out.push(cell(t.text));
  }
  if (acr.length) out.push(acr.map((a) => `*${cell(a.text)}*`).join(', '));
  return out.join('<br>');
}

export function glossaryMarkdown(g: Glossary): string {
  const header = LANGS.map((l) => MESSAGES[l].langNames[l]).map((n) => n[0].toUpperCase() + n.slice(1));
  const lines: string[] = [
    '# Lingo glossary',
    '',
    '<!-- Generated from glossary/ by `npm run glossary:md`. Do not edit: edit the JSON files. -->',
    '',
    `${g.concepts.length} concepts in ${LANGS.length} languages. **Bold**: preferred term; plain: admitted; ~~struck~~: deprecated (⚠ mistranslation); *italic*: acronyms.`,
    '',
  ];
  const domains = [...new Set(g.concepts.map((c) => c.domain))];
  for (const d of domains) {
    const cs = g.concepts.filter((c) => c.domain === d).sort((a, b) => a.name.localeCompare(b.name));
    lines.push(`## ${g.domains[d]?.en ?? d}`, '', `| Concept | ${header.join(' | ')} |`, `|---|${LANGS.map(() => '---').join('|')}|`);
    for (const c of cs) lines.push(`| [${cell(c.name)}](#${c.id}) | ${LANGS.map((l: Lang) => terms(c.langs[l]?.terms ?? [], c.langs[l]?.acronyms ?? [])).join(' | ')} |`);
    lines.push('');
  }
  lines.push('## Definitions', '');
  for (const c of [...g.concepts].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`### ${c.name}`, '', `<a id="${c.id}"></a>\`${c.id}\` · ${g.domains[c.domain]?.en ?? c.domain}${c.related.length ? ` · related: ${c.related.join(', ')}` : ''}`, '');
    for (const l of LANGS) {
      const s = c.langs[l];
      if (s?.definition) lines.push(`- **${l}**: ${s.definition}`);
    }
    const notes = LANGS.flatMap((l) => (c.langs[l]?.terms ?? []).filter((t) => t.note).map((t) => `  - ${l} ~~${t.text}~~: ${t.note}`));
    if (notes.length) lines.push('- Notes:', ...notes);
    lines.push('');
  }
  return lines.join('\n');
}
