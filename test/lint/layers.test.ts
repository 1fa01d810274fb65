/**
 * The layer rules of eslint.config.mjs (ARCHITECTURE.md, "Invariants") catch a violation: each line is an import
 * written in a file of a layer, and what the lint must say about it. ESLint lints the text as if it were that file,
 * so the config's file patterns and ignores are tested too: a rule that stopped applying to a folder fails here.
 */
import * as assert from 'assert';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers';

const RULE = '@typescript-eslint/no-restricted-imports';

const SERVICE = 'The service does no I/O';
const OUTSIDE = 'The service imports only its own modules';
const VSCODE = 'Only client/ imports vscode';
const LSP = 'Only server.ts speaks LSP';
const CLIENT = 'The client imports nothing of the server but server/src/protocol.ts';

/** [file, import, the message it must get, or null: allowed]. */
const CASES: [string, string, string | null][] = [
  ['server/src/service/x.ts', "import * as fs from 'fs';", SERVICE],
  ['server/src/service/x.ts', "import { readFile } from 'node:fs/promises';", SERVICE],
  ['server/src/service/x.ts', "import * as path from 'path';", SERVICE],
  ['server/src/service/x.ts', "import * as os from 'os';", SERVICE],
  ['server/src/service/x.ts', "import { spawn } from 'child_process';", SERVICE],
  ['server/src/service/x.ts', "import { Worker } from 'worker_threads';", SERVICE],
  ['server/src/service/x.ts', "import * as http from 'http';", SERVICE],
  ['server/src/service/x.ts', "import * as vscode from 'vscode';", VSCODE],
  ['server/src/service/x.ts', "import { createConnection } from 'vscode-languageserver/node';", LSP],
  ['server/src/service/x.ts', "import type { Connection } from 'vscode-languageserver';", LSP],
  ['server/src/service/x.ts', "import { readLimited } from '../node/files';", OUTSIDE],
  ['server/src/service/x.ts', "export { readLimited } from '../node/files';", OUTSIDE],
  ['server/src/service/x.ts', "import '../server';", OUTSIDE],
  ['server/src/service/x.ts', "import '../cli';", OUTSIDE],
  ['server/src/service/x.ts', "import type { Range } from 'vscode-languageserver-types';", null],
  ['server/src/service/x.ts', "import type { TextDocument } from 'vscode-languageserver-textdocument';", null],
  ['server/src/service/x.ts', "import schema from '../../../glossary/schema/glossary.schema.json';", null],
  ['server/src/service/x.ts', "import { foldText } from './fold';", null],
  ['server/src/service/x.ts', "import type { ConceptCard } from '../protocol';", null],
  ['server/src/service/x.ts', "import type { Card } from '../protocolx';", OUTSIDE],
  ['server/src/protocol.ts', "import type { Lang } from './service/types';", 'protocol.ts is names and types only'],
  ['server/src/node/x.ts', "import * as vscode from 'vscode';", VSCODE],
  ['server/src/node/x.ts', "import { createConnection } from 'vscode-languageserver/node';", LSP],
  ['server/src/node/x.ts', "import * as fs from 'fs';", null],
  ['server/src/cli.ts', "import * as vscode from 'vscode';", VSCODE],
  ['server/src/cli.ts', "import { createConnection } from 'vscode-languageserver/node';", LSP],
  ['server/src/server.ts', "import * as vscode from 'vscode';", VSCODE],
  ['server/src/server.ts', "import { createConnection } from 'vscode-languageserver/node';", null],
  ['client/src/x.ts', "import { getLanguageService } from '../../server/src/service';", CLIENT],
  ['client/src/x.ts', "import { readLimited } from '../../server/src/node/files';", CLIENT],
  ['client/src/x.ts', "import { GlossaryRequest } from '../../server/src/protocol';", null],
  ['client/src/x.ts', "import * as vscode from 'vscode';", null],
  ['test/service/x.test.ts', "import * as vscode from 'vscode';", VSCODE],
  ['server/scripts/x.mjs', "import * as vscode from 'vscode';", VSCODE],
];

describe('lint: the layer rules catch a violation', function () {
  this.timeout(60_000); // loading typescript-eslint takes a few seconds on a busy machine
  const eslint = new ESLint({ cwd: ROOT });

  for (const [file, code, expected] of CASES) {
    it(`${file}: ${code}${expected ? '' : ' (allowed)'}`, async () => {
      const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: `${ROOT}/${file}`, warnIgnored: true });
      const said = result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
      const other = result.messages.filter((m) => m.ruleId !== RULE && m.ruleId !== '@typescript-eslint/no-unused-vars');
      assert.deepStrictEqual(other, [], 'nothing else (a file the lint ignores is reported here)');
      if (expected) assert.ok(said.length === 1 && said[0].includes(expected), `expected "${expected}", got ${JSON.stringify(said)}`);
      else assert.deepStrictEqual(said, []);
    });
  }
});
