/** Runs dist/cli.js as a process, the way CI runs it. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../tempDirs';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test', 'cli', 'fixtures');
/** LINGO_CLI runs another build of the CLI (a packaged one, or a private build while dist/ is being rebuilt). */
const CLI = path.resolve(ROOT, process.env.LINGO_CLI ?? path.join('dist', 'cli.js'));

export interface Run { status: number | null; stdout: string; stderr: string }

export function lingo(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed after the run's last test (tempDirs.ts). */
export function tmpDir(): string {
  return tempDir('cli');
}

/** Copies a fixture folder into a fresh temporary folder and returns its path. */
export function copyFixture(name: string): string {
  const dir = tmpDir();
  fs.cpSync(path.join(FIXTURES, name), path.join(dir, name), { recursive: true });
  return dir;
}

/** Every glossary file of a folder as data, by file name, without "$schema". */
export function readConcepts(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    delete data.$schema;
    out[f] = data;
  }
  return out;
}
