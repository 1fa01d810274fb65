// ESLint (`npx eslint .`; `npm test` runs it, see test/run-all.mjs). Two things:
// - the layers of ARCHITECTURE.md ("Invariants") as restricted imports: the service does no I/O and knows
//   neither vscode nor the LSP connection; only server.ts speaks LSP; only client/ imports vscode, and the
//   client takes nothing of the server but protocol.ts. test/lint/layers.test.ts checks that these catch
//   a violation. (tsc -b enforces the same from the other side: see tsconfig.json.)
// - the recommended rules of ESLint and typescript-eslint, less the few turned off below, each with its reason.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const RULE = '@typescript-eslint/no-restricted-imports';
const WHY = ' (ARCHITECTURE.md, Invariants)';

/** One `no-restricted-imports` setting from several restrictions (a later setting of a rule replaces an earlier one whole). */
const restrict = (...rs) => ({
  [RULE]: ['error', { paths: rs.flatMap((r) => r.paths ?? []), patterns: rs.flatMap((r) => r.patterns ?? []) }],
});
const pattern = (regex, message) => ({ patterns: [{ regex, caseSensitive: true, message: message + WHY }] });

const VSCODE = { paths: [{ name: 'vscode', message: 'Only client/ imports vscode' + WHY }] };
const CONNECTION = pattern(
  '^(vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(/.*)?$',
  'Only server.ts speaks LSP: take LSP data types from vscode-languageserver-types or vscode-languageserver-textdocument',
);
const NODE_BUILTINS = pattern(
  `^(node:.*|(${builtinModules.join('|')})(/.*)?)$`,
  'The service does no I/O: no Node module here; server/src/node/ reads and writes, and hands the service data',
);
const OUTSIDE_SERVICE = pattern(
  '^\\.\\./(?!\\.\\./\\.\\./glossary/schema/[^/]+\\.json$|protocol$)',
  'The service imports only its own modules, packages, protocol.ts (names and types) and the glossary schemas: node/, server.ts and cli.ts build on it, not the reverse',
);

export default defineConfig(
  globalIgnores(['out/', 'dist/', '.cache/', '.vscode-test/', '.work/', 'test-output/', 'test/e2e/workspace/']),
  {
    files: ['**/*.{ts,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-imports': 'off',
      ...restrict(VSCODE),
      // `const { key: _, ...rest } = o` is how the code leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Every control character in a regular expression here is meant: terminal-safe output, the characters
      // XML 1.0 forbids, hostile input in the tests.
      'no-control-regex': 'off',
    },
  },

  // The layers.
  { files: ['server/src/service/**'], rules: restrict(VSCODE, CONNECTION, NODE_BUILTINS, OUTSIDE_SERVICE) },
  {
    files: ['server/src/protocol.ts'],
    rules: restrict(VSCODE, CONNECTION, NODE_BUILTINS, pattern('^\\.', 'protocol.ts is names and types only: the client bundles it without the server')),
  },
  { files: ['server/src/node/**'], rules: restrict(VSCODE, CONNECTION, pattern('^\\.\\./(server|cli)$', 'server/src/node/ serves server.ts and cli.ts; it does not import them')) },
  { files: ['server/src/cli.ts'], rules: restrict(VSCODE, CONNECTION, pattern('^\\./server$', 'The CLI does not start the language server')) },
  { files: ['client/**'], rules: restrict(pattern('^(\\.\\./)+server/(?!src/protocol$)', 'The client imports nothing of the server but server/src/protocol.ts')) },
  // Runs inside VS Code's extension host, through the vscode API.
  { files: ['test/e2e/vscode/**'], rules: { [RULE]: 'off' } },

  // JavaScript files: Node's globals (those of the Node that runs the lint), CommonJS in .cjs.
  { files: ['**/*.{mjs,cjs}'], languageOptions: { globals: Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((n) => [n, 'readonly'])) } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The functions it hands to page.evaluate run in the browser.
  { files: ['test/e2e/run.mjs'], languageOptions: { globals: { document: 'readonly', NodeFilter: 'readonly' } } },
  // `declare var` is how a declaration file declares a global (as TypeScript's own lib files do).
  { files: ['**/*.d.ts'], rules: { 'no-var': 'off' } },
);
