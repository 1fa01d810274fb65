/**
 * References over a workspace of 2,000 files (issue 18), over real LSP: a temporary folder of generated Markdown
 * files (corpus.ts), one of them open; the first references request waits for the workspace scan (its time is the
 * first scan's), then N requests at occurrences of different concepts give the median and p95. Once with a client
 * that watches files (as VS Code: the scan then trusts its events) and once without (as Neovim 0.7: each request
 * walks the folders again and compares each file's time and size). Target: under a second after the first scan.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, resolveSettings, type Glossary } from '../../server/src/service';
import { CorpusWriter } from './corpus';
import { BenchClient } from './lsp';
import { median, now, percentile } from './util';

export const WORKSPACE_FILES = 2000;
const REQUESTS = 50;

export interface WorkspaceFigures {
  client: string;
  files: number;
  megabytes: number;
  firstScanMs: number;
  referencesMedianMs: number;
  referencesP95Ms: number;
  /** Locations per answer (median). */
  locationsMedian: number;
  /** After one file changed on disk (and, with watching, the client said so). */
  afterChangeMs: number;
}

/** The generated workspace: WORKSPACE_FILES Markdown files of one or two sections each, in 20 folders. */
export function writeWorkspace(glossary: Glossary, dir: string): { files: string[]; bytes: number } {
  const w = new CorpusWriter(glossary, 23);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < WORKSPACE_FILES; i++) {
    const sub = path.join(dir, `team-${String(i % 20).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const text = `# Note ${i}\n\n${w.nextSection()}${i % 3 === 0 ? w.nextSection() : ''}`;
    const f = path.join(sub, `note-${String(i).padStart(4, '0')}.md`);
    fs.writeFileSync(f, text);
    files.push(f);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/** Positions of occurrences of up to `n` different concepts in a document (each concept once). */
function conceptPositions(glossary: Glossary, uri: string, text: string, n: number): { line: number; character: number }[] {
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  const a = getLanguageService(glossary).analyze(doc, resolveSettings({}))!;
  const seen = new Set<string>();
  const out: { line: number; character: number }[] = [];
  for (const o of a.occurrences) {
    if (o.doubtful || seen.has(o.term.concept.id)) continue;
    seen.add(o.term.concept.id);
    out.push(doc.positionAt(o.start + 1));
    if (out.length >= n) break;
  }
  return out;
}

export async function workspaceReferences(serverJs: string, glossary: Glossary, log: (s: string) => void): Promise<WorkspaceFigures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-bench-ws-'));
  try {
    const { files, bytes } = writeWorkspace(glossary, dir);
    // The open document: the largest of the first files, so that it has occurrences of many concepts.
    const open = files.slice(0, 30).sort((x, y) => fs.statSync(y).size - fs.statSync(x).size)[0];
    const openText = fs.readFileSync(open, 'utf8');
    const uri = pathToFileURL(open).toString();
    const positions = conceptPositions(glossary, uri, openText, REQUESTS);
    const out: WorkspaceFigures[] = [];
    for (const watching of [true, false]) {
      const client = watching ? 'watches files (VS Code)' : 'no file watching (Neovim 0.7)';
      const c = new BenchClient(serverJs);
      const root = pathToFileURL(dir).toString();
      const capabilities = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: watching } } };
      await c.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities }, 120000);
      c.notify('initialized', {});
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: openText } });
      await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 120000);
      const ask = (k: number) => c.request('textDocument/references', { textDocument: { uri }, position: positions[k % positions.length], context: { includeDeclaration: true } }, 300000);
      const first = await ask(0);
      const times: number[] = [];
      const counts: number[] = [];
      for (let k = 0; k < REQUESTS; k++) {
        const r = await ask(k);
        times.push(r.ms);
        counts.push(r.result.length);
      }
      // One file changes on disk; with watching, the client says so.
      const changed = files[files.length - 1];
      fs.appendFileSync(changed, '\nEvery opportunity needs an owner.\n');
      const t = new Date(Date.now() + 2000);
      fs.utimesSync(changed, t, t);
      if (watching) c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(changed).toString(), type: 2 }] });
      const t0 = now();
      await ask(1);
      const afterChangeMs = now() - t0;
      await c.shutdown();
      const f: WorkspaceFigures = {
        client, files: files.length, megabytes: bytes / 1048576, firstScanMs: first.ms,
        referencesMedianMs: median(times), referencesP95Ms: percentile(times, 95), locationsMedian: median(counts), afterChangeMs,
      };
      log(`workspace ${client}: first scan ${f.firstScanMs.toFixed(0)} ms, references median ${f.referencesMedianMs.toFixed(1)} ms, p95 ${f.referencesP95Ms.toFixed(1)} ms (${f.locationsMedian} locations), after a change ${f.afterChangeMs.toFixed(1)} ms`);
      out.push(f);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
