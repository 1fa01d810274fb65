/**
 * SARIF 2.1.0 output for `lingo check --format sarif`: one run, the rules (declarations.ts) in tool.driver.rules
 * (in English) and in run.translations (Swedish, Dutch, Polish, Chinese),
 * one result per finding with its region (1-based lines, UTF-16 columns as LSP counts them), related
 * locations, and the quick fixes as SARIF fixes (artifactChanges with replacements).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LANGS, RULE_DECLARATIONS, RULES, sarifRuleName, type Lang } from '../service';

export interface CheckRange { startLine: number; startColumn: number; endLine: number; endColumn: number }

export interface CheckResult extends CheckRange {
  file: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  rule: string;
  message: string;
  related?: (CheckRange & { message: string })[];
  fixes?: { title: string; edits: (CheckRange & { newText: string })[] }[];
}

const LEVEL: Record<CheckResult['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * The rules' descriptions in another language, as a SARIF translation of the driver (§3.19: a toolComponent with
 * translationMetadata, associated with the component it translates; its rules in the driver's order). Viewers
 * that do not read translations show the driver's English.
 */
function translation(lang: Lang, version: string): object {
  return {
    name: 'lingo',
    language: lang,
    associatedComponent: { name: 'lingo' },
    translationMetadata: { name: `lingo (${lang})` },
    localizedDataSemanticVersion: version,
    rules: RULE_DECLARATIONS.map((r) => ({ id: r.id, shortDescription: { text: r.text[lang].short }, fullDescription: { text: r.text[lang].full } })),
  };
}

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
          language: 'en',
          localizedDataSemanticVersion: options.version,
          rules: RULE_DECLARATIONS.map((r) => ({
            id: r.id,
            name: sarifRuleName(r.id),
            shortDescription: { text: r.text.en.short },
            fullDescription: { text: r.text.en.full },
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      translations: LANGS.filter((l) => l !== 'en').map((l) => translation(l, options.version)),
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
