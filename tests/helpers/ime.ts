import type { CDPSession, Page } from 'playwright-core';

/**
 * Types like a Korean IME into the focused field: each step of the syllable being composed
 * (`['ㄷ', '드', '들']`) is an open composition, as Chromium shows it while the user types, and
 * the syllable is committed only by `commit`. Between the two, key presses arrive with
 * `isComposing` (what the console must not act on). Returns the commit function.
 */
export async function composeKorean(page: Page, steps: string[]): Promise<() => Promise<void>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }
  return async () => {
    await cdp.send('Input.insertText', { text: steps.at(-1)! });
    await cdp.detach();
  };
}
