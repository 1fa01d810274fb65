/**
 * The client's words as VS Code gives them, for tests in-process: the keys the code asks `l10n.t` for (read from
 * the source as `@vscode/l10n-dev export` reads them), and an `L10n` over a bundle of l10n/ that looks a message up
 * and fills it in as `vscode.l10n.t` does (extHostLocalizationService: key = message, plus "/" and the comments
 * joined when there are comments; `{0}`/`{name}` replaced by the arguments).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import type { L10n, L10nArg } from '../../client/src/l10n';
import type { Lang } from '../../server/src/protocol';
import { ROOT } from '../helpers';

/** The bundles, by VS Code's locale id (the display language of a language pack: `zh-tw`, not `zh-Hant`). */
export const LOCALES = ['sv', 'nl', 'pl', 'zh-tw'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_OF: Record<Exclude<Lang, 'en'>, Locale> = { sv: 'sv', nl: 'nl', pl: 'pl', 'zh-Hant': 'zh-tw' };

export const bundlePath = (locale: Locale) => path.join(ROOT, 'l10n', `bundle.l10n.${locale}.json`);
export const readBundle = (locale: Locale): Record<string, unknown> => JSON.parse(fs.readFileSync(bundlePath(locale), 'utf8'));

export interface UsedKey {
  key: string;
  message: string;
  comment: string[];
  /** The plural form the key is for (its comment "plural form: few"), when it is one. */
  form?: Intl.LDMLPluralRule;
  /** file:line of each use. */
  at: string[];
}

/** Every `l10n.t(…)` / `vscode.l10n.t(…)` of the client's source, by key; `errors`: calls whose key is not a literal. */
export function usedKeys(dir = path.join(ROOT, 'client', 'src')): { keys: Map<string, UsedKey>; errors: string[] } {
  const keys = new Map<string, UsedKey>();
  const errors: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const file = path.join(dir, name);
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${path.relative(ROOT, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const literal = (e: ts.Expression | undefined) => (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined);
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 't' && /(^|\.)l10n$/.test(n.expression.expression.getText(src))) {
        const first = n.arguments[0];
        let message = literal(first);
        let comment: string[] = [];
        if (first && ts.isObjectLiteralExpression(first)) {
          for (const p of first.properties) {
            if (!ts.isPropertyAssignment(p)) continue;
            const prop = p.name.getText(src);
            if (prop === 'message') message = literal(p.initializer);
            if (prop === 'comment') {
              const c = p.initializer;
              const list = ts.isArrayLiteralExpression(c) ? c.elements.map((e) => literal(e)) : [literal(c)];
              if (list.some((x) => x === undefined)) errors.push(`${where(n)}: a comment that is not a string literal`);
              comment = list.filter((x): x is string => x !== undefined);
            }
          }
        }
        if (message === undefined) errors.push(`${where(n)}: a message that is not a string literal: ${n.getText(src).slice(0, 80)}`);
        else {
          const key = comment.length ? `${message}/${comment.join('')}` : message;
          const form = comment.map((c) => /^plural form: (zero|one|two|few|many|other)$/.exec(c)?.[1]).find(Boolean) as Intl.LDMLPluralRule | undefined;
          const k = keys.get(key) ?? { key, message, comment, form, at: [] };
          k.at.push(where(n));
          keys.set(key, k);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return { keys, errors };
}

/** Fills `{0}`, `{name}` in as VS Code does. */
export function format(message: string, args: L10nArg[] | Record<string, unknown>): string {
  return Object.keys(args).length === 0 ? message : message.replace(/{([^}]+)}/g, (m, k: string) => String((args as Record<string, unknown>)[k] ?? m));
}

/** `vscode.l10n` in `locale` (English: no bundle), with the plural rules of that language. */
export function bundleL10n(locale: Locale | 'en'): L10n {
  const bundle = locale === 'en' ? {} : readBundle(locale);
  const rules = new Intl.PluralRules(locale);
  const t = (first: string | { message: string; args?: L10nArg[]; comment: string | string[] }, ...rest: L10nArg[]): string => {
    const o = typeof first === 'string' ? { message: first, args: rest, comment: [] as string[] } : first;
    const comment = Array.isArray(o.comment) ? o.comment.join('') : o.comment;
    const key = comment ? `${o.message}/${comment}` : o.message;
    const found = bundle[key];
    return format(typeof found === 'string' ? found : o.message, o.args ?? []);
  };
  return { t, plural: (n) => rules.select(n) };
}
