/** The fold tables, computed at start for all units at once, against their definition one unit at a time. */
import * as assert from 'assert';
import { caseAndClass, HAN, WORD } from '../../server/src/service/fold';

describe('fold tables', () => {
  it('give every unit of the BMP its own lower case (if of the same length) and classes, as the unit alone has them', () => {
    const fold = new Uint16Array(0x10000).map((_, c) => c), cls = new Uint8Array(0x10000);
    caseAndClass(fold, cls);
    const letter = /[\p{L}\p{N}\p{M}]/u, han = /\p{Script=Han}/u;
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      let f = c, k = 0;
      if (c < 0xd800 || c > 0xdfff) {
        const s = String.fromCharCode(c);
        if (letter.test(s)) k |= WORD;
        if (han.test(s)) k |= HAN;
        const lower = s.toLowerCase();
        if (lower.length === 1) f = lower.charCodeAt(0);
      }
      if (fold[c] !== f || cls[c] !== k) wrong.push(`U+${c.toString(16)}: ${fold[c]}/${cls[c]}, expected ${f}/${k}`);
    }
    assert.deepStrictEqual(wrong.slice(0, 10), []);
    // Context would change these: a final sigma, a dotted capital I.
    assert.strictEqual(fold[0x3a3], 0x3c3);
    assert.strictEqual(fold[0x130], 0x130);
  });
});
