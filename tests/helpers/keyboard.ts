import type { Locator, Page } from 'playwright-core';

/** Whether `target` has the focus now. */
const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === element.ownerDocument.activeElement);

/**
 * Presses Tab until the focus is on `target`, as a keyboard user moves through a screen (at
 * most 60 presses, then fails: the control cannot be reached by keyboard).
 */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

/**
 * Waits until `target` has the focus (at most 10 s, then fails). A screen that moves the focus
 * does it in an effect, a moment after the element shows: a test that starts pressing keys as
 * soon as it shows races that move, and on a loaded machine loses it (its Tab or Enter lands
 * before the focus jumps).
 */
export async function waitForFocus(target: Locator): Promise<void> {
  const element = await target.elementHandle({ timeout: 10_000 });
  await target
    .page()
    .waitForFunction((el) => el === el?.ownerDocument.activeElement, element, { timeout: 10_000 });
}
