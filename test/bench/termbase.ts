/**
 * Reading a 50,000-concept termbase: the generated TBX (genTbx.ts, v2 and v3) read by node/termbases.ts in a fresh
 * process each, then merged over the built-in glossary and built as the server would. Prints wall and CPU time,
 * peak RSS and what the reader reported; no target is asserted (figures for BENCHMARKS.md).
 *
 *   node out/test/bench/termbase.js [concepts=50000]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGlossary, mergeGlossaries } from '../../server/src/service';
import { loadBuiltinGlossary } from '../../server/src/node/glossaryFiles';
import { readGlossaryPathSync } from '../../server/src/node/termbases';
import { cachedTbx, ROOT, type TbxFlavour } from './genTbx';

interface Figures { flavour: string; mb: number; concepts: number; readMs: number; readCpuMs: number; buildMs: number; terms: number; peakRssMb: number; report: number; problems: number }

function child(file: string, flavour: string): Figures {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const read = readGlossaryPathSync(file);
  const readMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const builtin = loadBuiltinGlossary(path.join(ROOT, 'dist'));
  const t1 = performance.now();
  const merged = mergeGlossaries(builtin.sources, read.sources);
  const built = buildGlossary(merged.sources, { domains: { ...read.domains, ...builtin.domains }, trusted: true });
  const buildMs = performance.now() - t1;
  return {
    flavour, mb: fs.statSync(file).size / 1048576, concepts: read.concepts, readMs, readCpuMs: (cpu.user + cpu.system) / 1000, buildMs,
    terms: built.glossary.terms.length, peakRssMb: process.resourceUsage().maxRSS / 1024, report: read.statusReport.length, problems: read.problems.length,
  };
}

function main(): void {
  const n = Number(process.argv[2] ?? 50000);
  const rows: Figures[] = [];
  for (const flavour of ['v2', 'v3'] as TbxFlavour[]) {
    const file = cachedTbx(n, flavour);
    const r = spawnSync(process.execPath, [__filename, 'child', file, flavour], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) { process.stderr.write(r.stderr); process.exitCode = 1; return; }
    rows.push(JSON.parse(r.stdout) as Figures);
  }
  const f = (x: number) => x.toFixed(0);
  process.stdout.write(`Termbase of ${n.toLocaleString('en-US')} concepts (test/bench/genTbx.ts), read in a fresh process each (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)\n`);
  process.stdout.write('| TBX | MB | concepts read | read (wall) | read (CPU) | merge + build | terms | peak RSS | report lines | problems |\n|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.flavour} | ${r.mb.toFixed(1)} | ${r.concepts} | ${f(r.readMs)} ms | ${f(r.readCpuMs)} ms | ${f(r.buildMs)} ms | ${r.terms} | ${f(r.peakRssMb)} MB | ${r.report} | ${r.problems} |\n`);
}

if (process.argv[2] === 'child') process.stdout.write(JSON.stringify(child(process.argv[3], process.argv[4])));
else main();
