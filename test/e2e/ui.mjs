// What the end-to-end runs (run.mjs in English, locales.mjs in four other display languages) share about reading
// code-server's UI: waiting for a condition, and the rows of the language status hover.

export const STEP_MS = 15_000; // the longest wait for one thing to appear

/** Polls `fn` until it returns something truthy; the error says what was awaited and the last answer or error. */
export async function waitFor(what, fn, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : last ? `: ${JSON.stringify(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The rows of the language status hover (the `{}` beside the language mode): label, detail, link and severity.
 * The hover is opened afresh when asked (`fresh`) or when it is not open; `entryTimeout` is how long the `{}` may
 * take to appear.
 */
export async function languageStatus(page, { fresh = false, entryTimeout = STEP_MS } = {}) {
  const entry = page.locator('[id="status.languageStatus"]');
  const rows = page.locator('.hover-language-status');
  if (fresh || !(await rows.first().isVisible().catch(() => false))) {
    await entry.waitFor({ timeout: entryTimeout });
    await page.mouse.move(5, 5);
    await rows.first().waitFor({ state: 'hidden', timeout: STEP_MS });
    await entry.hover();
    await rows.first().waitFor({ timeout: STEP_MS });
  }
  return rows.evaluateAll((els) => els.map((el) => {
    let label = '', detail = '', after = false;
    for (const n of el.querySelector('.element .left')?.childNodes ?? []) {
      if (n.nodeType === 1 && n.classList.contains('separator')) after = true;
      else if (after) detail += n.textContent;
      else label += n.textContent;
    }
    const tidy = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
    const severity = /\bsev(\d)\b/.exec(el.querySelector('.severity')?.className ?? '')?.[1];
    return { label: tidy(label), detail: tidy(detail), link: tidy(el.querySelector('.element .right a')?.textContent ?? ''), severity: Number(severity) };
  }));
}

/**
 * Runs a suite's `main` (which resolves to the counts of scenarios passed and failed) and ends the process with
 * the summary line the test runner reads ("N passed, M failed") and its exit code; a crash counts as one failure.
 */
export function runSuite(main) {
  main().then(
    ({ passed, failed }) => {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed === 0 && passed > 0 ? 0 : 1);
    },
    (e) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
