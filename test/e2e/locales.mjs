// The extension in VS Code's other display languages: code-server started with `--locale sv|nl|pl|zh-tw` and a
// language pack for it, so that VS Code loads l10n/bundle.l10n.<locale>.json (vscode.l10n) and package.nls.<locale>.json
// as it does for a person who runs VS Code in that language. One code-server per language (the locale is fixed
// when it starts), about a minute each.
//
//   npm run test:e2e:locales      (env: E2E_LOCALES=sv,pl runs only those; CHROMIUM=/path/to/chromium)
//
// The language pack is a stand-in, made here: no network reaches the marketplace. It declares the language and an
// empty translation of VS Code's own words (which stay English), which is all VS Code needs to take the locale as its
// display language (`vscode.env.language`) and to look for the extensions' bundles of that language. Screenshots in
// test-output/e2e-locales/. The last line printed is "N passed, N failed".
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cs from '../../server/scripts/code-server.mjs';
import { languageStatus, runSuite, STEP_MS, waitFor } from './ui.mjs';

const ROOT = cs.ROOT;
const FIXTURES = path.join(ROOT, 'test', 'e2e', 'workspace');
const OUT = path.join(ROOT, 'test-output', 'e2e-locales');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PLAYBOOK = 'outbound.playbook.md'; // English, two findings (information)

// What a reader sees, per display language: the Glossary view's name (package.nls), the language status rows of the
// English playbook (l10n bundle; the language's name comes from the server, in the display language), and the
// language picker that "Change language" opens.
const LOCALES = {
  sv: {
    view: 'Ordlista',
    language: { label: 'Engelska', detail: 'Lingo: identifierat automatiskt', link: 'Byt språk' },
    findings: { label: '2 anmärkningar', detail: 'Lingo: terminologikontroll', link: 'Visa problem' },
    picker: { placeholder: 'Dokumentets språk', first: 'Identifiera automatiskt' },
  },
  nl: {
    view: 'Woordenlijst',
    language: { label: 'Engels', detail: 'Lingo: automatisch herkend', link: 'Taal wijzigen' },
    findings: { label: '2 meldingen', detail: 'Lingo: terminologiecontrole', link: 'Problemen tonen' },
    picker: { placeholder: 'Taal van dit document', first: 'Automatisch herkennen' },
  },
  pl: {
    view: 'Słowniczek',
    language: { label: 'Angielski', detail: 'Lingo: wykryty automatycznie', link: 'Zmień język' },
    findings: { label: '2 uwagi', detail: 'Lingo: kontrola terminologii', link: 'Pokaż problemy' },
    picker: { placeholder: 'Język tego dokumentu', first: 'Wykryj automatycznie' },
  },
  'zh-tw': {
    view: '詞彙表',
    language: { label: '英文', detail: 'Lingo：自動偵測', link: '變更語言' },
    findings: { label: '2 項提示', detail: 'Lingo：術語檢查', link: '顯示問題' },
    picker: { placeholder: '此文件的語言', first: '自動偵測' },
  },
};

const started = Date.now();
const log = (msg) => console.log(`[e2e-locales ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);

/** A language pack for `locale` in `extensionsDir`, registered as installed, and listed in `userDataDir`'s languagepacks.json. */
function installLanguagePack(locale, extensionsDir, userDataDir) {
  const id = `lingo-test.language-pack-${locale}`;
  const dir = path.join(extensionsDir, `${id}-1.0.0`);
  const translations = path.join(dir, 'translations', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: `language-pack-${locale}`, publisher: 'lingo-test', version: '1.0.0', engines: { vscode: '*' },
    contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }));
  const installed = path.join(extensionsDir, 'extensions.json');
  const list = JSON.parse(fs.readFileSync(installed, 'utf8'));
  list.push({ identifier: { id }, version: '1.0.0', location: { $mid: 1, fsPath: dir, external: `file://${dir}`, path: dir, scheme: 'file' }, relativeLocation: path.basename(dir), metadata: { installedTimestamp: Date.now(), source: 'vsix' } });
  fs.writeFileSync(installed, JSON.stringify(list));
  // What VS Code writes when a language pack is installed: which packs give which language.
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: { hash: `lingo-test-${locale}`, extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }], translations: { vscode: translations }, label: locale },
  }));
}

async function checkLocale(browser, vsix, locale, want) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `lingo-e2e-${locale}-`));
  const removeTmp = () => { if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true }); };
  const workspace = path.join(tmp, 'workspace');
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  let server, page;
  try {
    fs.cpSync(FIXTURES, workspace, { recursive: true });
    cs.installVsix(vsix, extensionsDir);
    cs.writeUserSettings(userDataDir, { 'workbench.editor.enablePreview': false });
    installLanguagePack(locale, extensionsDir, userDataDir);
    fs.mkdirSync(path.join(tmp, 'tmp')); // code-server's own temporary files (its IPC socket, left when it is stopped)
    server = await cs.startCodeServer({ workspace, extensionsDir, userDataDir, logFile: path.join(OUT, `code-server-${locale}.log`), args: ['--locale', locale], env: { TMPDIR: path.join(tmp, 'tmp') } });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  } catch (e) {
    server?.stop(); // the install, code-server or the page failed: the server and the folder go all the same
    removeTmp();
    throw e;
  }
  const shot = path.join(OUT, `${locale}-language-status.png`);
  try {
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    assert.equal(await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE), locale, 'VS Code did not take the locale as its display language');
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${PLAYBOOK}"]`).first();
    await row.waitFor({ timeout: 60_000 });
    await row.dblclick();
    // The manifest's words: the Glossary view's name.
    await page.locator('.pane-header h3.title', { hasText: want.view }).first().waitFor({ timeout: 4 * STEP_MS });
    // The client's words: the language status of the English playbook, once the server has checked it.
    const rows = await waitFor('the language status rows', async () => {
      // Label, detail and link (the severity is run.mjs's concern).
      const got = (await languageStatus(page, { fresh: true, entryTimeout: 4 * STEP_MS })).map(({ label, detail, link }) => ({ label, detail, link }));
      const language = got.find((r) => r.link === want.language.link);
      const findings = got.find((r) => r.detail === want.findings.detail);
      return language?.label === want.language.label && findings ? { language, findings } : undefined;
    }, 6 * STEP_MS);
    assert.deepEqual(rows, { language: want.language, findings: want.findings });
    await page.screenshot({ path: shot, clip: { x: 900, y: 600, width: 700, height: 400 } });
    // "Change language" opens the picker, in the same language.
    await page.locator('.hover-language-status .element .right a', { hasText: want.language.link }).click();
    const input = page.locator(`.quick-input-widget input[placeholder="${want.picker.placeholder}"]`);
    await input.waitFor({ timeout: STEP_MS });
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await waitFor('the first choice of the picker', async () => ((await first.textContent()) ?? '').includes(want.picker.first));
    await page.keyboard.press('Escape');
  } catch (e) {
    await page.screenshot({ path: shot.replace(/\.png$/, '-failed.png') }).catch(() => undefined);
    throw e;
  } finally {
    await page.close().catch(() => undefined);
    server.stop();
    removeTmp();
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  await cs.installCodeServer();
  const vsix = cs.packageExtension();
  log(`packaged ${path.relative(ROOT, vsix)}`);
  const only = process.env.E2E_LOCALES?.split(',').map((s) => s.trim()).filter(Boolean);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let passed = 0, failed = 0;
  try {
    for (const [locale, want] of Object.entries(LOCALES)) {
      if (only && !only.includes(locale)) continue;
      const t0 = Date.now();
      try {
        await checkLocale(browser, vsix, locale, want);
        passed++;
        console.log(`  ✔ ${locale}: the view, the language status and the language picker in ${locale} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`  ✘ ${locale} (${Date.now() - t0} ms)\n      ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  log(`screenshots in ${path.relative(ROOT, OUT)}/`);
  return { passed, failed };
}

runSuite(main);
