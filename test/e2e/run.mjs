// End-to-end tests in a real VS Code workbench: code-server (installed into .cache/code-server on
// first use) with the packaged .vsix installed, driven by playwright-core in the system Chromium.
//
//   npm run test:e2e            (env: CHROMIUM=/path/to/chromium, E2E_KEEP=1 keeps the temp folders,
//                                E2E_ONLY=regex runs only the matching scenarios)
//
// Each scenario saves a screenshot in test-output/e2e/. The last line printed is "N passed, N failed".
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cs from '../../server/scripts/code-server.mjs';
import { languageStatus, runSuite, STEP_MS, waitFor } from './ui.mjs';

const ROOT = cs.ROOT;
const FIXTURES = path.join(ROOT, 'test', 'e2e', 'workspace');
const OUT = path.join(ROOT, 'test-output', 'e2e');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

// ---- the glossary, for expected texts (definitions, expansions) --------------------------------

const concepts = fs
  .readdirSync(path.join(ROOT, 'glossary', 'concepts'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary', 'concepts', f), 'utf8')).concepts);

/** The glossary section (definition, terms, acronyms) in `lang` of the concept that has `term` in that language. */
function sectionOf(lang, term) {
  const hits = concepts.filter((c) => c.langs[lang]?.terms.some((t) => t.text === term) || c.langs[lang]?.acronyms?.some((a) => a.text === term));
  assert.equal(hits.length, 1, `expected one concept with the ${lang} term "${term}", found ${hits.map((c) => c.id).join(', ') || 'none'}`);
  return hits[0].langs[lang];
}

const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

// ---- workbench helpers ---------------------------------------------------------------------------

/** Opens a workspace file from the Explorer (double click: a pinned editor) and waits until it shows text. */
async function openFile(page, name) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
  await row.waitFor({ timeout: STEP_MS });
  await row.dblclick();
  await page.locator(`.monaco-editor[data-uri$="/${name}"] .view-lines .view-line`).first().waitFor({ timeout: STEP_MS });
  return editor(page, name);
}

const editor = (page, name) => page.locator(`.monaco-editor[data-uri$="/${name}"]`);

/**
 * The screen box of `word` inside the first editor line that contains `context` (which must contain
 * `word`; the n-th `word` in `context` when given). Measured with a DOM Range over the rendered text.
 */
async function wordBox(page, name, context, word, n = 0) {
  const handle = editor(page, name);
  await handle.locator('.view-line', { hasText: context }).first().waitFor({ timeout: STEP_MS });
  const box = await handle.evaluate(
    (ed, { context, word, n }) => {
      for (const line of ed.querySelectorAll('.view-lines .view-line')) {
        // Only the document's own text: injected inlay hints (dyn-rule-*) are skipped.
        const nodes = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          if (![...t.parentElement.classList].some((c) => c.startsWith('dyn-rule'))) nodes.push(t);
        }
        const text = nodes.map((t) => t.data).join('').replace(/\u00a0/g, ' ');
        const at = text.indexOf(context);
        if (at < 0) continue;
        let start = at - 1;
        for (let i = 0; i <= n; i++) start = text.indexOf(word, start + 1);
        if (start < 0 || start >= at + context.length) return { error: `"${word}" #${n} is not in "${context}"` };
        const end = start + word.length;
        const range = document.createRange();
        let pos = 0;
        for (const t of nodes) {
          const len = t.data.length;
          if (start >= pos && start <= pos + len) range.setStart(t, start - pos);
          if (end >= pos && end <= pos + len) { range.setEnd(t, end - pos); break; }
          pos += len;
        }
        const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const view = ed.querySelector('.lines-content')?.parentElement?.getBoundingClientRect() ?? ed.getBoundingClientRect();
        if (r.right > view.right || r.left < view.left) return { error: `"${word}" is outside the visible editor area (x ${r.left}..${r.right}, editor ${view.left}..${view.right})` };
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, right: r.right };
      }
      return { error: `no line with "${context}"` };
    },
    { context, word, n },
  );
  if (box.error) throw new Error(box.error);
  return box;
}

/** Moves the mouse over a word and returns the text of the hover that opens. */
async function hoverText(page, name, context, word, expect) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const box = await wordBox(page, name, context, word);
  const hover = page.locator('.monaco-hover-content').filter({ hasText: expect }).first();
  // A hover can be slow the first time (the language server starts): move again until it shows.
  const deadline = Date.now() + 2 * STEP_MS;
  for (let i = 0; ; i++) {
    await page.mouse.move(box.x - 2 + (i % 3), box.y);
    try {
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        const shown = await page.locator('.monaco-hover-content').allTextContents();
        throw new Error(`no hover with ${expect} over "${word}"; hovers shown: ${JSON.stringify(shown)}`, { cause: e });
      }
      await page.mouse.move(5, 5);
    }
  }
  return norm(await hover.textContent());
}

/** The document text of a rendered editor line (inlay hints left out). */
async function lineText(page, name, context) {
  const line = editor(page, name).locator('.view-line', { hasText: context }).first();
  await line.waitFor({ timeout: STEP_MS });
  return line.evaluate((l) => {
    let s = '';
    const walker = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (![...t.parentElement.classList].some((c) => c.startsWith('dyn-rule'))) s += t.data;
    }
    return s.replace(/\u00a0/g, ' ');
  });
}

/** Runs a command from the command palette and picks an item of the quick pick it opens. */
async function runCommand(page, title, pick) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*?: /, '') }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first();
  await item.waitFor({ timeout: STEP_MS });
  await item.click();
}

/** Runs a command from the command palette (by its title as the palette shows it). */
async function command(page, title) {
  await page.mouse.move(5, 5);
  // Keys typed while a webview (the concept card) has the focus go to it: give the focus to the side bar first.
  await page.locator('.part.sidebar .composite.title').first().click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*?: /, '') }).first();
  await row.waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
}

/** Closes the editor tab (a document or the concept card) titled `title` (a middle click, as a person would). */
async function closeTab(page, title) {
  const tab = page.locator('.tabs-container .tab', { has: page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) }).first();
  await tab.click({ button: 'middle' });
  await tab.waitFor({ state: 'detached', timeout: STEP_MS });
}

/**
 * The rows of the language status: the `{}` beside the language mode in the status bar opens them in a hover (each
 * extension's items: a label, a detail, a command link, a pin). Hovers the `{}` when they are not on screen. Each
 * row: { label, detail, link, severity } (severity: the class `sevN` of its icon).
 */

/** Lingo's two rows of the language status: the document's language and its findings. */
const lingoRows = (rows) => ({
  language: rows.find((r) => r.detail.startsWith('Lingo: ') && r.detail !== 'Lingo: terminology check'),
  findings: rows.find((r) => r.detail === 'Lingo: terminology check'),
});

/** Waits until the language status shows the document's language and its findings: the language server has the document. */
async function checked(page, language) {
  const rows = await waitFor(`the language status to show ${language}`, async () => {
    const { language: l, findings: f } = lingoRows(await languageStatus(page));
    return l?.label === language && /^(No findings|\d+ findings?)$/.test(f?.label ?? '') ? { language: l, findings: f } : undefined;
  }, 2 * STEP_MS);
  await page.mouse.move(5, 5);
  return rows;
}

/** The Glossary view of the Explorer, opened and expanded. */
async function glossaryView(page) {
  await page.keyboard.press('Control+Shift+E');
  // The folder's files fold away, so that the view has room.
  const folders = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: 'workspace' }) }).first();
  if (((await folders.getAttribute('class')) ?? '').split(/\s+/).includes('expanded')) await folders.click();
  const header = page.locator('.pane-header', { hasText: 'Glossary' }).first();
  await header.waitFor({ timeout: STEP_MS });
  if (!((await header.getAttribute('class')) ?? '').split(/\s+/).includes('expanded')) await header.click();
  await waitFor('the Glossary view to open', async () => ((await header.getAttribute('class')) ?? '').split(/\s+/).includes('expanded'));
  return header.locator('xpath=..');
}

/** The concept card's document (the webview's inner frame), once it shows a title. */
async function conceptCard(page) {
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await frame.locator('h1').first().waitFor({ timeout: 2 * STEP_MS }); // the first card waits for the workspace scan
  return frame;
}

// ---- scenarios -----------------------------------------------------------------------------------

const PLAYBOOK = 'outbound.playbook.md';
const SLA = 'partner.sla.md';
const POLISH = 'kwalifikacja.md';
const CHINESE = 'customer-success.zh.md';
const SWEDISH = 'uppfoljning.md';
const CHINESE_SLA = 'support.zh.sla.md';
const REVIEW = 'pipeline-review.md';
const DUTCH_REVIEW = 'kansen.md';
const POLISH_REVIEW = 'okazje.md';

/** okazje.md after the rename to "okazja sprzedażowa": every name of the concept becomes it, in its case and number. */
const POLISH_RENAMED = `# Przegląd lejka sprzedaży

W każdy poniedziałek handlowcy przeglądają w CRM wszystkie otwarte okazje sprzedażowe.
Okazja sprzedażowa bez kolejnego kroku wraca do handlowca, a jej wartość nie trafia do prognozy.
Wartość każdej okazji sprzedażowej aktualizujemy po rozmowie z klientem.
`;

const scenarios = [
  {
    name: 'language mode of *.playbook.md is "Sales playbook / SLA"',
    async run({ page, snap }) {
      await openFile(page, PLAYBOOK);
      const mode = page.locator('[id="status.editor.mode"]');
      await waitFor('the language mode', async () => norm((await mode.textContent()) ?? '') === 'Sales playbook / SLA');
      // The language status ({} beside the language mode): the detected language, with "Change language", and the
      // number of findings, with the severity of the worst and "Show problems".
      const { language, findings } = await checked(page, 'English');
      assert.deepStrictEqual(language, { ...language, label: 'English', detail: 'Lingo: detected automatically', link: 'Change language' });
      assert.match(findings.label, /^\d+ findings?$/);
      assert.strictEqual(findings.link, 'Show problems');
      // Its findings are information only: the {} is plain.
      const icon = await page.locator('[id="status.languageStatus"] .codicon').first().getAttribute('class');
      assert.match(icon, /codicon-bracket(?!-)/, `the {} icon: ${icon}`);
      await languageStatus(page, { fresh: true });
      await snap('language-status', { x: 900, y: 600, width: 700, height: 400 });
      // "Change language" opens the language picker.
      await page.locator('.hover-language-status .element .right a', { hasText: 'Change language' }).click();
      await page.locator('.quick-input-widget input[placeholder="Language of this document"]').waitFor({ timeout: STEP_MS });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the language status of the Dutch SLA shows its warning, and "Show problems" lists it',
    async run({ page, snap }) {
      await openFile(page, SLA);
      const { findings } = await checked(page, 'Dutch');
      // A warning among the findings (an inconsistency): the {} and the row say so.
      const icon = await page.locator('[id="status.languageStatus"] .codicon').first().getAttribute('class');
      assert.match(icon, /codicon-bracket-dot/, `the {} icon: ${icon}`);
      const rows = await languageStatus(page, { fresh: true });
      assert.ok(lingoRows(rows).findings.severity > lingoRows(rows).language.severity, `severities: ${JSON.stringify(rows)}`);
      assert.match(findings.label, /^\d+ findings$/);
      await snap('language-status', { x: 900, y: 600, width: 700, height: 400 });
      await page.locator('.hover-language-status .element .right a', { hasText: 'Show problems' }).click();
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'zowel ‘kans’' }).first().waitFor({ timeout: STEP_MS });
      await command(page, 'View: Hide Panel');
    },
  },
  {
    name: 'hover on an English term shows its definition',
    async run({ page }) {
      await openFile(page, PLAYBOOK); // each scenario stands alone (E2E_ONLY)
      const en = sectionOf('en', 'sales pipeline');
      const text = await hoverText(page, PLAYBOOK, 'Review the sales pipeline every Monday', 'pipeline', en.definition.slice(0, 40));
      assert.ok(text.includes('sales pipeline'), text);
      assert.ok(text.includes(norm(en.definition)), `the hover lacks the definition: ${text}`);
    },
  },
  {
    name: 'hover on a bare acronym shows its expansion',
    async run({ page }) {
      await openFile(page, PLAYBOOK); // each scenario stands alone (E2E_ONLY)
      const en = sectionOf('en', 'SQL');
      const expansion = en.acronyms.find((a) => a.text === 'SQL').expansion;
      // The problem hover of the same word also says "(SQL)": wait for the part with the definition.
      const text = await hoverText(page, PLAYBOOK, 'the lead becomes an SQL', 'SQL', en.definition.slice(0, 30));
      assert.ok(text.toLowerCase().includes(`${expansion.toLowerCase()} (sql)`), `no "${expansion} (SQL)" in: ${text}`);
      assert.ok(text.includes(norm(en.definition)), `the hover lacks the definition: ${text}`);
    },
  },
  {
    name: 'the inlay hint after a bare acronym is visible',
    async run({ page }) {
      await openFile(page, PLAYBOOK); // each scenario stands alone (E2E_ONLY)
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const hintsOf = (context) => waitFor(`inlay hints on "${context}"`, async () => {
        const found = await editor(page, PLAYBOOK)
          .locator('.view-line', { hasText: context })
          .first()
          .evaluate((l) => [...l.querySelectorAll('[class*="dyn-rule"]')].map((e) => e.textContent.replace(/\u00a0/g, ' ')).filter((s) => s.length > 0));
        return found.length ? found : undefined;
      });
      // Lingo keeps the hints of a line within editor.inlayHints.maximumLength (43 for all of them): VS Code shows
      // each whole, not cut with "…".
      assert.deepStrictEqual(await hintsOf('the timeline in the CRM'), ['(Customer Relationship Management)']);
      assert.deepStrictEqual(await hintsOf('the lead becomes an SQL'), ['(Sales Qualified Lead)']);
      const crm = await wordBox(page, PLAYBOOK, 'in the CRM', 'CRM');
      const after = await editor(page, PLAYBOOK).locator('.view-line [class*="dyn-rule"]', { hasText: 'Customer' }).first().boundingBox();
      assert.ok(after && after.x >= crm.right - 1 && after.width > 20, `the hint is not drawn right after CRM: ${JSON.stringify({ crm, after })}`);
    },
  },
  {
    name: 'a long line of a playbook wraps (the language wraps by default)',
    async run({ page }) {
      await openFile(page, PLAYBOOK);
      const first = await wordBox(page, PLAYBOOK, 'When a prospect agrees', 'prospect');
      const last = await wordBox(page, PLAYBOOK, 'longer than one business day', 'longer');
      assert.ok(last.y > first.y + 5, `one long line, drawn on one screen line: ${JSON.stringify({ first, last })}`);
    },
  },
  {
    name: 'a Chinese SLA shows no ambiguous-character boxes around full-width punctuation',
    async run({ page }) {
      await openFile(page, CHINESE_SLA);
      const mode = page.locator('[id="status.editor.mode"]');
      await waitFor('the language mode', async () => norm((await mode.textContent()) ?? '') === 'Sales playbook / SLA');
      await editor(page, CHINESE_SLA).locator('.view-line', { hasText: '首次回應時間' }).first().waitFor({ timeout: STEP_MS });
      await page.waitForTimeout(1000); // decorations come after the text
      const boxes = await editor(page, CHINESE_SLA).locator('.unicode-highlight').count();
      assert.strictEqual(boxes, 0, `${boxes} characters are boxed as ambiguous`);
    },
  },
  {
    name: 'a hover shows the essentials first and needs no scrolling',
    async run({ page }) {
      await openFile(page, PLAYBOOK);
      const en = sectionOf('en', 'sales pipeline');
      const text = await hoverText(page, PLAYBOOK, 'Review the sales pipeline every Monday', 'pipeline', en.definition.slice(0, 40));
      // Name first, then the definition, then the other languages.
      const name = text.indexOf('sales pipeline'), def = text.indexOf(norm(en.definition)), other = text.indexOf('Swedish:');
      assert.ok(name >= 0 && name < def && def < other, `order of the hover: ${text}`);
      const fits = await page.locator('.monaco-hover-content').filter({ hasText: en.definition.slice(0, 40) }).first().evaluate((el) => {
        for (let e = el; e && !e.classList.contains('monaco-hover'); e = e.parentElement) if (e.scrollHeight > e.clientHeight + 1) return { scroll: e.scrollHeight, client: e.clientHeight, cls: e.className };
        return true;
      });
      assert.strictEqual(fits, true, `the hover scrolls: ${JSON.stringify(fits)}`);
    },
  },
  {
    name: 'hover in a Polish document (inflected form) shows the Polish definition',
    async run({ page }) {
      await openFile(page, POLISH);
      const pl = sectionOf('pl', 'szansa sprzedażowa');
      const text = await hoverText(page, POLISH, 'jako szansa', 'szansa', pl.definition.slice(0, 30));
      assert.ok(text.includes('szansa sprzedażowa'), text);
      assert.ok(text.includes(norm(pl.definition)), `the hover lacks the definition: ${text}`);
      const pipeline = sectionOf('pl', 'pipeline');
      const text2 = await hoverText(page, POLISH, "przechodzi do pipeline'u", "pipeline'u", pipeline.definition.slice(0, 30));
      assert.ok(text2.includes(norm(pipeline.definition)), text2);
    },
  },
  // Hovers in documents of other languages: [language name, file, lang, term, context, word, definition prefix length]
  ...[
    ['Chinese', CHINESE, 'zh-Hant', '流失率', '每季我們會檢視流失率', '流失率', 12],
    ['Swedish', SWEDISH, 'sv', 'affärsmöjlighet', 'uppdaterar affärsmöjligheten', 'affärsmöjligheten', 30],
  ].map(([language, name, lang, term, context, word, prefix]) => ({
    name: `hover in a ${language} document shows the ${language} definition`,
    async run({ page }) {
      await openFile(page, name);
      const def = sectionOf(lang, term);
      const text = await hoverText(page, name, context, word, def.definition.slice(0, prefix));
      assert.ok(text.includes(norm(def.definition)), `the hover lacks the definition: ${text}`);
    },
  })),
  {
    name: 'the Problems panel lists the consistency warning of the Dutch SLA',
    async run({ page }) {
      await openFile(page, SLA);
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: STEP_MS });
      const row = panel.locator('.monaco-list-row', { hasText: 'Dit document gebruikt zowel ‘kans’ als ‘opportunity’' });
      await row.first().waitFor({ timeout: STEP_MS });
      const label = norm((await row.first().getAttribute('aria-label')) ?? (await row.first().textContent()));
      assert.match(label, /Gebruik overal ‘opportunity’/);
      // The acronym finding of the same document is there too (as information).
      await panel.locator('.monaco-list-row', { hasText: '‘MQL’ wordt gebruikt voordat de afkorting is uitgeschreven' }).first().waitFor({ timeout: STEP_MS });
      // The problems are those of the Dutch document, at the place of "kans" (line 12, column 5).
      await panel.locator('.monaco-list-row', { hasText: '[Ln 12, Col 5]' }).first().waitFor({ timeout: STEP_MS });
    },
  },
  {
    name: 'the quick fix replaces exactly the inconsistent term',
    async run({ page, workspace, snap }) {
      const file = path.join(workspace, SLA);
      const before = fs.readFileSync(file, 'utf8');
      const at = before.indexOf('Een kans die') + 'Een '.length;
      const expected = before.slice(0, at) + 'opportunity' + before.slice(at + 'kans'.length);
      const box = await wordBox(page, SLA, 'Een kans die', 'kans');
      await page.mouse.click(box.x, box.y);
      await page.keyboard.press('Control+Period');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Vervangen door ‘opportunity’' }).first();
      await item.waitFor({ timeout: STEP_MS });
      await snap('menu');
      await item.click();
      await waitFor('the edited line', async () => (await lineText(page, SLA, 'die na dertig dagen')).startsWith('Een opportunity die na dertig dagen'));
      await page.keyboard.press('Control+S');
      const after = await waitFor('the saved file', async () => {
        const now = fs.readFileSync(file, 'utf8');
        return now !== before ? now : undefined;
      });
      assert.equal(after, expected);
      // With the document consistent, the warning leaves the Problems panel.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'zowel ‘kans’' }).first().waitFor({ state: 'detached', timeout: STEP_MS });
    },
  },
  {
    name: 'typing part of a term opens a completion list with the term',
    async run({ page, snap }) {
      await openFile(page, PLAYBOOK);
      const box = await wordBox(page, PLAYBOOK, 'Keep the win rate', 'Keep');
      await page.mouse.click(box.left + 1, box.y);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- Hand every marketing qual', { delay: 60 });
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'marketing qualified lead' }).first();
      try {
        await item.waitFor({ timeout: STEP_MS }); // quick suggestions: the list opens while typing
      } catch {
        throw new Error('typing did not open a completion list with "marketing qualified lead"');
      }
      await snap('list');
      const labels = await page.locator('.suggest-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
      log(`  completion list: ${labels.slice(0, 6).join(' | ')}`);
      await item.click();
      await waitFor('the accepted completion', async () => (await lineText(page, PLAYBOOK, '- Hand every')) === '- Hand every marketing qualified lead');
    },
  },
  {
    name: 'the command "Set document language" fixes the language, and hovers follow it',
    async run({ page, snap }) {
      await openFile(page, PLAYBOOK);
      await runCommand(page, 'Lingo: Set document language', 'Swedish');
      const { language } = await checked(page, 'Swedish');
      assert.strictEqual(language.detail, 'Lingo: set in the settings');
      // The English playbook, now read as Swedish: the hover speaks Swedish.
      const text = await hoverText(page, PLAYBOOK, 'Review the sales pipeline every Monday', 'pipeline', 'På andra språk');
      assert.ok(text.includes('säljpipeline'), text);
      await snap('swedish-hover');
      // Back to detection.
      await page.keyboard.press('Escape');
      await runCommand(page, 'Lingo: Set document language', 'Detect automatically');
      await checked(page, 'English');
    },
  },
  {
    name: 'the Glossary view filtered to "churn", and the concept card of churn',
    async run({ page, snap }) {
      await openFile(page, PLAYBOOK);
      const pane = await glossaryView(page);
      await command(page, 'Lingo: Filter glossary…');
      await page.locator('.quick-input-widget input[placeholder^="For example: churn"]').waitFor({ timeout: STEP_MS });
      await page.keyboard.type('churn');
      await page.keyboard.press('Enter');
      // The message says the filter; every domain with a match is open; concepts are named in English.
      const message = pane.locator('.message');
      await waitFor('the filter message', async () => /Filter: “churn” — \d+ concepts/.test(norm((await message.textContent()) ?? '')));
      const labels = async () => pane.locator('.monaco-list-row .label-name').allTextContents();
      await waitFor('churn in the view', async () => (await labels()).map(norm).includes('churn'));
      const shown = (await labels()).map(norm);
      for (const name of ['churn', 'churn rate', 'logo churn', 'revenue churn', 'Customer success', 'Revenue metrics']) assert.ok(shown.includes(name), `the view lacks "${name}": ${shown.join(' | ')}`);
      assert.ok(!shown.includes('opportunity'), `the filter kept "opportunity": ${shown.join(' | ')}`);
      // A concept's row describes its other names.
      const churnRow = pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^churn$/ }) }).first();
      assert.equal(norm(await churnRow.locator('.label-description').textContent()), 'customer churn, customer attrition');

      await churnRow.click();
      const card = await conceptCard(page);
      assert.equal(norm(await card.locator('h1').textContent()), 'churn');
      // Terms in every language, each language under its name, and the definition of each.
      for (const [lang, name] of [['en', 'English'], ['sv', 'Swedish'], ['nl', 'Dutch'], ['pl', 'Polish'], ['zh-Hant', 'Chinese']]) {
        const s = concepts.find((c) => c.id === 'churn').langs[lang];
        const section = card.locator(`section[data-lang="${lang}"]`);
        assert.equal(norm(await section.locator('h2').textContent()), name);
        const terms = (await section.locator('.term').allTextContents()).map(norm);
        assert.deepEqual(terms.slice(0, 2), s.terms.slice(0, 2).map((t) => t.text), `${lang} terms: ${terms.join(', ')}`);
        assert.equal(norm(await section.locator('.definition').textContent()), norm(s.definition));
      }
      // The preferred term is bold.
      assert.equal(norm(await card.locator('section[data-lang="sv"] .term.preferred strong').textContent()), 'churn');
      await snap('card');
      // The view and the card side by side, for the README: the card in the one editor group.
      await command(page, 'View: Hide Panel'); // the Problems panel of the scenarios before
      await command(page, 'View: Single Column Editor Layout');
      await waitFor('the card in the one group', async () => (await page.locator('.editor-group-container').count()) === 1);
      await conceptCard(page);
      await snap('readme', { x: 0, y: 0, width: 1120, height: 860 });

      // Clearing the filter shows every domain again, folded.
      await command(page, 'Lingo: Clear glossary filter');
      await waitFor('the filter to go', async () => !(await message.isVisible()) || norm((await message.textContent()) ?? '') === '');
      await waitFor('every domain', async () => (await labels()).length >= 10 && !(await labels()).includes('churn rate'));
      await page.locator('.pane-header', { has: page.locator('h3.title', { hasText: 'workspace' }) }).first().click();
      await closeTab(page, 'churn'); // the card: the next scenarios open files in one group
    },
  },
  {
    name: 'Find All References on "opportunity" lists kans, opportunity and okazja in three files',
    async run({ page, snap }) {
      await openFile(page, REVIEW);
      await checked(page, 'English');
      const box = await wordBox(page, REVIEW, 'each open opportunity', 'opportunity');
      await page.mouse.click(box.x, box.y);
      // The References view (Shift+Alt+F12): a row per file, then a row per use with its line.
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /References|Results/ }) }).first();
      const rows = pane.locator('.monaco-list-row');
      const texts = async () => (await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label') ?? r.textContent))).map(norm);
      const listed = async () => {
        const t = await texts();
        return [REVIEW, DUTCH_REVIEW, POLISH_REVIEW].every((f) => t.some((x) => x.includes(f)));
      };
      // Pressed again if the view does not come (the built-in References extension may still be starting).
      for (let i = 0; ; i++) {
        await page.keyboard.press('Shift+Alt+F12');
        try {
          await waitFor('the three files in the References view', listed, 2 * STEP_MS);
          break;
        } catch (e) {
          if (i === 1) throw e;
          await page.mouse.click(box.x, box.y);
        }
      }
      log(`  references: ${(await texts()).join(' | ')}`);
      // Open the Dutch and the Polish file's uses (the list opens the file of the cursor only).
      for (const f of [DUTCH_REVIEW, POLISH_REVIEW]) {
        const row = rows.filter({ hasText: f }).first();
        if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
      }
      // The uses under each file, as written: in English, in Dutch (plural and singular) and in Polish.
      const uses = () => pane.locator('.monaco-list-row .highlight').allTextContents();
      await waitFor('the uses in the three files', async () => (await uses()).length >= 7);
      const found = (await uses()).map(norm);
      for (const word of ['opportunity', 'kansen', 'kans', 'okazje', 'Okazja', 'szansy sprzedażowej']) assert.ok(found.includes(word), `no use "${word}" among ${found.join(', ')}`);
      await snap('references', { x: 0, y: 0, width: 1060, height: 440 });
      await page.keyboard.press('Control+Shift+E'); // back to the Explorer
    },
  },
  {
    name: 'F12 on a built-in term and "Show concept" open the concept card',
    async run({ page }) {
      await openFile(page, REVIEW);
      await checked(page, 'English');
      const box = await wordBox(page, REVIEW, 'An opportunity without', 'opportunity');
      await page.mouse.click(box.x, box.y);
      await page.keyboard.press('F12');
      let card = await conceptCard(page);
      await waitFor('the card of opportunity', async () => norm(await card.locator('h1').textContent()) === 'opportunity');
      // The read-only concept document F12 opened gave way to the card.
      await waitFor('no concept document', async () => (await page.locator('.monaco-editor[data-uri^="lingo-concept:"]').count()) === 0);
      // "Show concept" in a Polish document: the card titled and led by Polish.
      await closeTab(page, 'opportunity');
      await openFile(page, POLISH_REVIEW);
      const w = await wordBox(page, POLISH_REVIEW, 'każdej szansy sprzedażowej', 'szansy');
      await page.mouse.click(w.x, w.y);
      await command(page, 'Lingo: Show concept');
      card = await conceptCard(page);
      await waitFor('the card in Polish', async () => norm(await card.locator('h1').textContent()) === 'szansa sprzedażowa');
      assert.equal(await card.locator('section.lang').first().getAttribute('data-lang'), 'pl');
      // "Insert term" writes the Polish term at the cursor of the Polish document (then undone).
      const start = await wordBox(page, POLISH_REVIEW, 'Okazja bez', 'Okazja');
      await page.mouse.click(start.left + 1, start.y);
      await page.keyboard.press('Control+End');
      await card.locator('button', { hasText: 'Insert term' }).click();
      const lines = async () => (await editor(page, POLISH_REVIEW).locator('.view-line').allTextContents()).map(norm);
      await waitFor('the inserted term', async () => (await lines()).includes('szansa sprzedażowa'));
      await page.keyboard.press('Control+Z');
      await waitFor('the undone insert', async () => !(await lines()).includes('szansa sprzedażowa'));
      // "Find all uses" lists the uses in every language, in the references peek of that document.
      await card.locator('button', { hasText: 'Find all uses' }).click();
      const peek = page.locator('.reference-zone-widget');
      await peek.waitFor({ timeout: STEP_MS });
      const files = async () => (await peek.locator('.monaco-list-row').allTextContents()).map(norm).join(' | ');
      await waitFor('the uses in the peek', async () => {
        const shown = await files();
        return [REVIEW, DUTCH_REVIEW, POLISH_REVIEW].every((f) => shown.includes(f));
      });
      await page.keyboard.press('Escape');
      await closeTab(page, 'szansa sprzedażowa');
    },
  },
  {
    name: 'the client restarts a server that dies, and hovers work again',
    async run({ page }) {
      await openFile(page, PLAYBOOK);
      await checked(page, 'English');
      const serverPids = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
        try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('lingo-terms.lingo-terms-0.1.0/dist/server.js'); } catch { return false; }
      });
      const before = serverPids();
      assert.ok(before.length >= 1, 'no language server process found');
      for (const pid of before) process.kill(Number(pid), 'SIGKILL');
      await waitFor('a new language server process', async () => serverPids().some((pid) => !before.includes(pid)), 3 * STEP_MS);
      const en = sectionOf('en', 'sales pipeline');
      const text = await hoverText(page, PLAYBOOK, 'Review the sales pipeline every Monday', 'pipeline', en.definition.slice(0, 40));
      assert.ok(text.includes(norm(en.definition)), `the hover lacks the definition after the restart: ${text}`);
    },
  },
  // ---- company termbases (lingo.glossaries, issue 19): its own block ----
  {
    name: 'a termbase in lingo.glossaries (TBX): hover shows its term and definition',
    async run({ page, workspace, snap }) {
      // terms/tenders.tbx (a TBX v2 export with one concept) and tenders.md are in the workspace; the setting is
      // written into its settings.json here and removed at the end, so the other scenarios see the built-in glossary.
      const settings = path.join(workspace, '.vscode', 'settings.json');
      const doc = 'tenders.md';
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, JSON.stringify({ 'lingo.glossaries': ['terms/tenders.tbx'] }, null, 2));
      try {
        await openFile(page, doc);
        const definition = 'The shared list of every open tender and who writes each bid.';
        // The termbase is built in the server's worker once the setting arrives; hoverText moves again until it shows.
        const text = await hoverText(page, doc, 'reads the bid board together', 'board', definition.slice(0, 40));
        await snap('hover');
        assert.ok(text.includes(definition), text);
        assert.ok(text.includes('bid board'), text);
      } finally {
        fs.rmSync(settings, { force: true });
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      }
    },
  },
  // Last: it renames in kwalifikacja.md too, which the Polish hover scenario reads.
  {
    name: 'F2 renames the concept in both Polish files, inflected',
    async run({ page, workspace, snap }) {
      await openFile(page, POLISH_REVIEW);
      await checked(page, 'Polish');
      const box = await wordBox(page, POLISH_REVIEW, 'otwarte okazje', 'okazje');
      await page.mouse.click(box.x, box.y);
      await page.keyboard.press('F2');
      // The rename box opens on the word (the server's prepareRename); the new name is typed into it.
      const input = page.locator('.rename-box input:visible, .rename-box textarea:visible').first();
      await waitFor('the rename box on "okazje"', async () => (await input.inputValue({ timeout: 1000 })) === 'okazje');
      await input.fill('okazja sprzedażowa');
      await snap('input');
      await input.press('Enter');
      await waitFor('the renamed line', async () => !(await lineText(page, POLISH_REVIEW, 'wszystkie otwarte')).endsWith('otwarte okazje.'));
      // Save what the rename left unsaved (VS Code saves the files a refactoring changes, by default).
      await page.keyboard.press('Control+K');
      await page.keyboard.press('s');
      const read = (name) => fs.readFileSync(path.join(workspace, name), 'utf8');
      const before = { review: fs.readFileSync(path.join(FIXTURES, POLISH_REVIEW), 'utf8'), other: fs.readFileSync(path.join(FIXTURES, POLISH), 'utf8') };
      await waitFor('both files saved', async () => read(POLISH_REVIEW) !== before.review && read(POLISH) !== before.other);
      await snap('renamed');
      const got = read(POLISH_REVIEW).split('\n'), want = POLISH_RENAMED.split('\n');
      const wrong = want.flatMap((line, i) => (got[i] === line ? [] : [`line ${i + 1}: “${got[i]}”, expected “${line}”`]));
      assert.deepEqual(wrong, [], `${POLISH_REVIEW} after the rename:\n${wrong.join('\n')}`);
      // Files of other languages keep their names.
      assert.match(read(DUTCH_REVIEW), /alle open kansen in het CRM/);
      assert.match(read(REVIEW), /each open opportunity/);
    },
  },
];

// ---- runner --------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);

  await cs.installCodeServer();
  log('code-server is installed');
  const vsix = cs.packageExtension();
  log(`packaged ${path.relative(ROOT, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-e2e-'));
  const removeTmp = () => (process.env.E2E_KEEP ? log(`kept ${tmp}`) : fs.rmSync(tmp, { recursive: true, force: true }));
  const workspace = path.join(tmp, 'workspace');
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  let server;
  try {
    fs.cpSync(FIXTURES, workspace, { recursive: true });
    cs.installVsix(vsix, extensionsDir);
    cs.writeUserSettings(userDataDir, {
      'files.autoSave': 'off',
      'editor.inlayHints.enabled': 'on',
      'editor.minimap.enabled': false,
      'workbench.editor.enablePreview': false,
      // The document lines must fit the editor: each scenario finds its words on one rendered line.
      'editor.wordWrap': 'off',
      '[markdown]': { 'editor.wordWrap': 'off' },
    });
    log('installed the .vsix with code-server --install-extension');
    // code-server's own temporary files (its IPC socket, left when it is stopped) go into the folder too.
    fs.mkdirSync(path.join(tmp, 'tmp'));
    server = await cs.startCodeServer({ workspace, extensionsDir, userDataDir, logFile: path.join(OUT, 'code-server.log'), env: { TMPDIR: path.join(tmp, 'tmp') } });
  } catch (e) {
    removeTmp(); // the install or code-server failed: its folder goes all the same
    throw e;
  }
  log(`code-server listens on ${server.url} (process group ${server.child.pid})`);
  let browser;
  const results = [];
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The Explorer lists the workspace once the remote file system answers.
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${SLA}"]`).first().waitFor({ timeout: 60_000 });
    log('workbench is up');

    const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
    let i = 0;
    for (const s of scenarios) {
      i++;
      if (only && !only.test(s.name)) continue;
      const shot = path.join(OUT, `${String(i).padStart(2, '0')}-${s.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60)}.png`);
      const t0 = Date.now();
      try {
        // `clip` (a box of the page) keeps a screenshot small, for the README.
        const snap = (suffix, clip) => page.screenshot({ path: shot.replace(/\.png$/, `-${suffix}.png`), clip });
        await s.run({ page, workspace, snap });
        results.push({ name: s.name, ok: true });
        console.log(`  ✔ ${s.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        results.push({ name: s.name, ok: false, error: e });
        console.log(`  ✘ ${s.name} (${Date.now() - t0} ms)\n      ${String(e.stack ?? e).split('\n').slice(0, 4).join('\n      ')}`);
      } finally {
        await page.screenshot({ path: shot }).catch(() => undefined);
      }
    }
    if (consoleErrors.length) log(`page errors (not failures): ${consoleErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await browser?.close().catch(() => undefined);
    server.stop();
    removeTmp();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`screenshots in ${path.relative(ROOT, OUT)}/`);
  return { passed, failed };
}

runSuite(main);
