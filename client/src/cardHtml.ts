/**
 * The concept card as HTML (no `vscode` here: tests render it in-process). It follows the editor's theme through
 * the --vscode-* CSS variables, loads nothing from outside, and runs only its own script (a strict
 * Content-Security-Policy with a nonce). Links and buttons post a message `{ action, id?, uri? }` to the extension.
 */
import type { ConceptCard, Lang } from '../../server/src/protocol';
import { capital, LANG_CODES, timesCount, type L10n } from './l10n';

export interface CardView {
  card: ConceptCard;
  /** The language the card is read in (the document's, else the editor's): its section comes first, its term is the title. */
  focus: Lang;
  /** The files that use the concept, named for people (a path relative to the workspace). */
  usage: { label: string; uri: string; count: number }[];
  /** The client's words (vscode.l10n in the extension). */
  l10n: L10n;
  nonce: string;
}

export type CardMessage =
  | { action: 'openConcept'; id: string }
  | { action: 'openUsage'; uri: string }
  | { action: 'openTeamEntry' }
  | { action: 'insertTerm' | 'insertDefinition' | 'findUses' };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The card's title: the concept's preferred term in `lang`, else the name the server gave. */
export function cardTitle(card: ConceptCard, lang: Lang): string {
  const terms = card.langs[lang]?.terms ?? [];
  return (terms.find((t) => t.status === 'preferred') ?? terms.find((t) => t.status !== 'deprecated'))?.text ?? card.name;
}

type CardTerm = NonNullable<ConceptCard['langs'][Lang]>['terms'][number];

function termHtml(t: CardTerm, l10n: L10n): string {
  const text = esc(t.text);
  if (t.mistranslation) {
    const says = esc(l10n.t('mistranslation: do not use'));
    return `<li class="term mistranslation" title="${says}"><span aria-hidden="true">⚠ </span><s>${text}</s><span class="sr"> (${says})</span></li>`;
  }
  if (t.status === 'preferred') return `<li class="term preferred" title="${esc(l10n.t('preferred term'))}"><strong>${text}</strong></li>`;
  if (t.status === 'deprecated') {
    const says = esc(l10n.t('avoid'));
    return `<li class="term deprecated" title="${says}"><s>${text}</s><span class="sr"> (${says})</span></li>`;
  }
  return `<li class="term admitted" title="${esc(l10n.t('also accepted'))}">${text}</li>`;
}

export function cardHtml(v: CardView): string {
  const { card, l10n, nonce } = v;
  const langs = [v.focus, ...LANG_CODES.filter((l) => l !== v.focus)].filter((l) => card.langs[l]);
  const sections = langs.map((l) => {
    const s = card.langs[l]!;
    const acronyms = s.acronyms.length
      ? `<ul class="acronyms" aria-label="${esc(l10n.t('Acronyms'))}">${s.acronyms.map((a) => `<li><strong>${esc(a.text)}</strong>${a.expansion ? ` — ${esc(a.expansion)}` : ''}</li>`).join('')}</ul>`
      : '';
    return `<section class="lang" lang="${l}" data-lang="${l}">
  <h2>${esc(capital(card.langNames[l] ?? l))}</h2>
  <div>
    <ul class="terms">${s.terms.map((t) => termHtml(t, l10n)).join('')}</ul>
    ${acronyms}
    ${s.definition ? `<p class="definition">${esc(s.definition)}</p>` : ''}
  </div>
</section>`;
  });
  const related = card.related.length
    ? `<section class="related"><h3>${esc(l10n.t('Related concepts'))}</h3><ul class="links">${card.related.map((r) => `<li><a href="#" data-action="openConcept" data-id="${esc(r.id)}">${esc(r.name)}</a></li>`).join('')}</ul></section>`
    : '';
  const usage = `<section class="usage"><h3>${esc(l10n.t('Used in'))}</h3>${
    v.usage.length
      ? `<ul class="files">${v.usage.map((u) => `<li><a href="#" data-action="openUsage" data-uri="${esc(u.uri)}">${esc(u.label)}</a> <span class="count">${esc(timesCount(l10n, u.count))}</span></li>`).join('')}</ul>`
      : `<p class="muted">${esc(l10n.t('No document in this workspace uses it yet.'))}</p>`
  }</section>`;
  const source = card.source === 'team'
    ? `${esc(l10n.t('Team glossary'))}${card.definitionLocation ? ` · <a href="#" data-action="openTeamEntry">${esc(l10n.t('Open in the team glossary'))}</a>` : ''}`
    : esc(l10n.t('Built-in glossary'));
  return `<!DOCTYPE html>
<html lang="${v.focus}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(cardTitle(card, v.focus))}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <h1>${esc(cardTitle(card, v.focus))}</h1>
  <p class="muted meta">${esc(card.domain)} · ${source}</p>
  <div class="actions">
    <button data-action="insertTerm">${esc(l10n.t('Insert term'))}</button>
    <button data-action="insertDefinition" class="secondary">${esc(l10n.t('Insert definition'))}</button>
    <button data-action="findUses" class="secondary">${esc(l10n.t('Find all uses'))}</button>
  </div>
</header>
<main>
${sections.join('\n')}
</main>
${related}
${usage}
<footer class="muted legend">${esc(l10n.t('Bold: preferred term · plain: also accepted · struck through: avoid · ⚠ mistranslation'))}</footer>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target.closest('[data-action]') : null;
  if (!el) return;
  e.preventDefault();
  vscode.postMessage({ action: el.dataset.action, id: el.dataset.id, uri: el.dataset.uri });
});
</script>
</body>
</html>`;
}

/** The page shown when there is no card to show (the concept left the glossary, the server could not answer). */
export function noticeHtml(message: string, nonce: string): string {
  return `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">${STYLE}</style></head><body><p class="muted notice">${esc(message)}</p></body></html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); line-height: 1.5; padding: 4px 24px 24px; max-width: 56em; }
h1 { font-size: 1.7em; font-weight: 600; margin: 0.5em 0 0; }
h2 { font-size: 1em; font-weight: 600; margin: 0; color: var(--vscode-descriptionForeground); }
h3 { font-size: 1em; font-weight: 600; margin: 1.2em 0 0.3em; }
.muted { color: var(--vscode-descriptionForeground); }
.meta { margin: 0.1em 0 0.8em; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 1em; }
button { font: inherit; padding: 4px 12px; border-radius: 2px; cursor: pointer; color: var(--vscode-button-foreground);
  background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
section.lang { display: grid; grid-template-columns: 9em 1fr; gap: 0 1.2em; padding: 0.7em 0;
  border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, rgba(128, 128, 128, 0.35))); }
ul { margin: 0; padding: 0; list-style: none; }
.terms, .links { display: flex; flex-wrap: wrap; gap: 0.1em 1.3em; }
.term.deprecated, .term.mistranslation { color: var(--vscode-descriptionForeground); }
.term.mistranslation span[aria-hidden] { color: var(--vscode-editorWarning-foreground); }
.acronyms { margin-top: 0.2em; }
.definition { margin: 0.35em 0 0; }
.files li { margin: 0.15em 0; }
.count { color: var(--vscode-descriptionForeground); margin-left: 0.4em; }
.legend { margin-top: 1.6em; font-size: 0.92em; }
.notice { margin-top: 2em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
