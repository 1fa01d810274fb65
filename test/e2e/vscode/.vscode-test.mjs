// @vscode/test-cli configuration: `npm run test:e2e:vscode` (= build, tsc, then
// `vscode-test --config test/e2e/vscode/.vscode-test.mjs`). Downloads VS Code (stable) into
// .vscode-test/ on first use, so it needs internet access; it loads the extension from the
// repository (extensionDevelopmentPath) and opens test/e2e/workspace.
import { defineConfig } from '@vscode/test-cli';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export default defineConfig({
  label: 'lingo-e2e',
  files: path.join(root, 'out', 'test', 'e2e', 'vscode', '*.e2e.js'),
  extensionDevelopmentPath: root,
  workspaceFolder: path.join(root, 'test', 'e2e', 'workspace'),
  version: 'stable',
  launchArgs: ['--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 60_000, color: true },
});
