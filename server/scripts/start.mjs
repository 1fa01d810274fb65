// npm start: opens the samples/ workspace (test/e2e/workspace when samples/ is missing) in VS Code
// with the extension loaded.
//  - With `code` on PATH: `code --extensionDevelopmentPath=<repo> samples` (after npm run build).
//  - Otherwise: code-server on localhost (installed into .cache/code-server on first use), with the
//    freshly packaged .vsix installed; prints the URL and runs until Ctrl+C.
// Options: --code-server (use code-server even when `code` exists), --port N (default 8080; 0 = any free
// port), --host ADDR (default 127.0.0.1), or a folder to open instead of samples/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as cs from './code-server.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const forceCodeServer = args.includes('--code-server') ? (args.splice(args.indexOf('--code-server'), 1), true) : false;
const port = Number(opt('--port') ?? 8080);
const host = opt('--host') ?? '127.0.0.1';
const folder = path.resolve(
  args[0] ?? [path.join(cs.ROOT, 'samples'), path.join(cs.ROOT, 'test', 'e2e', 'workspace')].find((d) => fs.existsSync(d)),
);

function onPath(cmd) {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { stdio: 'ignore' }).status === 0;
}

if (!forceCodeServer && onPath('code')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: cs.ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`Opening ${folder} in VS Code with the extension from ${cs.ROOT}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${cs.ROOT}`, folder], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 0);
}

await cs.installCodeServer();
const vsix = cs.packageExtension();
const state = path.join(cs.ROOT, '.cache', 'start');
const extensionsDir = path.join(state, 'extensions');
const userDataDir = path.join(state, 'user-data');
cs.installVsix(vsix, extensionsDir);
if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) cs.writeUserSettings(userDataDir, { 'editor.hover.delay': 300 });
const server = await cs.startCodeServer({
  workspace: folder,
  extensionsDir,
  userDataDir,
  host,
  port: port === 0 ? undefined : port,
  logFile: path.join(state, 'code-server.log'),
});
console.log(`\nLingo in code-server: ${server.url}?folder=${encodeURIComponent(folder)}`);
console.log(`(log: ${path.relative(process.cwd(), path.join(state, 'code-server.log'))}; Ctrl+C stops it)`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.log(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
// Keep the event loop alive while code-server runs.
setInterval(() => undefined, 1 << 30);
