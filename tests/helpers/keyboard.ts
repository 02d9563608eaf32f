import type { Locator, Page } from 'playwright-core';

/**
 * Presses Tab until the focus is on `target`, as a keyboard user moves through a screen (at
 * most 60 presses, then fails: the control cannot be reached by keyboard).
 */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}
