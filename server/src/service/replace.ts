/**
 * The text that replaces a written term with another term of the same concept: in the case the original is
 * written in (MQL, Lead, lead). Used by the quick fixes (findings.ts) and by rename.
 */
import type { Term } from './types';
import { matchCase } from './util';

/** `written`: the text as the document has it (a form of `from`); the result: `to` written to fit there. */
export function fitTerm(written: string, from: Term, to: Term | string): string {
  void from;
  return matchCase(written, typeof to === 'string' ? to : to.text);
}
