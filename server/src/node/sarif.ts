/**
 * SARIF 2.1.0 output for `lingo check --format sarif`: one run, the four rules in tool.driver.rules,
 * one result per finding with its region (1-based lines, UTF-16 columns as LSP counts them), related
 * locations, and the quick fixes as SARIF fixes (artifactChanges with replacements).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_SETTINGS, RULES, type RuleId } from '../service';

export interface CheckRange { startLine: number; startColumn: number; endLine: number; endColumn: number }

export interface CheckResult extends CheckRange {
  file: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  rule: string;
  message: string;
  related?: (CheckRange & { message: string })[];
  fixes?: { title: string; edits: (CheckRange & { newText: string })[] }[];
}

const RULE_TEXT: Record<RuleId, { name: string; short: string; full: string }> = {
  'acronym-undefined': {
    name: 'AcronymUndefined',
    short: 'An acronym is used before it is spelled out.',
    full: 'The first use of an acronym in a document should be written with its expansion, e.g. "marketing qualified lead (MQL)".',
  },
  'inconsistent-term': {
    name: 'InconsistentTerm',
    short: 'One concept is named with different terms in the same document.',
    full: 'A document should name each concept with one term; the best-ranked term used in the document is suggested.',
  },
  'inconsistent-across-files': {
    name: 'InconsistentAcrossFiles',
    short: 'One concept is named differently in different files of a folder or workspace.',
    full: 'Files of one folder or workspace should name each concept with one term; the best-ranked term used elsewhere is suggested.',
  },
  'deprecated-term': {
    name: 'DeprecatedTerm',
    short: 'A term the glossary marks as deprecated.',
    full: 'The glossary marks this term as deprecated; the replacement it names is suggested.',
  },
  mistranslation: {
    name: 'Mistranslation',
    short: 'A known wrong (often machine) translation of a term.',
    full: 'The glossary lists this text as a mistranslation of a concept; the correct term is suggested.',
  },
};

const LEVEL: Record<CheckResult['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path relative to the base directory, as a URI reference with '/' separators. */
function relUri(file: string, base: string): string {
  const rel = path.relative(base, path.resolve(file)).split(path.sep).join('/');
  return rel.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(results: CheckResult[], options: { version: string; baseDir?: string }): object {
  const base = path.resolve(options.baseDir ?? process.cwd());
  const files = [...new Set(results.map((r) => r.file))];
  const artifactIndex = new Map(files.map((f, i) => [f, i]));
  const loc = (file: string) => ({ uri: relUri(file, base), uriBaseId: 'SRCROOT', index: artifactIndex.get(file)! });
  const region = (r: CheckRange) => ({ startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'lingo',
          semanticVersion: options.version,
          version: options.version,
          rules: RULES.map((id) => ({
            id,
            name: RULE_TEXT[id].name,
            shortDescription: { text: RULE_TEXT[id].short },
            fullDescription: { text: RULE_TEXT[id].full },
            defaultConfiguration: { level: LEVEL[DEFAULT_SETTINGS.rules[id] as CheckResult['severity']] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(base + path.sep).href } },
      artifacts: files.map((f) => ({ location: { uri: relUri(f, base), uriBaseId: 'SRCROOT' }, mimeType: /\.txt$/i.test(f) ? 'text/plain' : 'text/markdown' })),
      columnKind: 'utf16CodeUnits',
      results: results.map((r) => {
        const ruleIndex = (RULES as readonly string[]).indexOf(r.rule);
        const out: Record<string, unknown> = {
          ruleId: r.rule,
          ...(ruleIndex >= 0 ? { ruleIndex } : {}),
          level: LEVEL[r.severity],
          message: { text: r.message },
          locations: [{ physicalLocation: { artifactLocation: loc(r.file), region: region(r) } }],
        };
        if (r.related?.length) {
          out.relatedLocations = r.related.map((x, id) => ({ id, message: { text: x.message }, physicalLocation: { artifactLocation: loc(r.file), region: region(x) } }));
        }
        if (r.fixes?.length) {
          out.fixes = r.fixes.map((f) => ({
            description: { text: f.title },
            artifactChanges: [{
              artifactLocation: loc(r.file),
              replacements: f.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
            }],
          }));
        }
        return out;
      }),
    }],
  };
}
