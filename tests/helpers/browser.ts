import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';

/** Debian's Chromium package (Playwright cannot download its own browsers on these machines). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches the real Chromium, headless. There is no skipping: without the browser the console
 * is untested, so the test fails saying how to install it (`.ci/run` does).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. The console's browser tests cannot run without it.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * How long one browser step (a wait, a click, a navigation) may take before it fails naming
 * itself. Well under jest's 30 s test timeout: a step that never happens (a key press that
 * landed elsewhere) would otherwise run the test into that timeout, whose message names no step.
 */
export const STEP_TIMEOUT_MS = 15_000;

/** A new window context in `browser` whose steps fail after STEP_TIMEOUT_MS. */
export async function newContext(
  browser: Browser,
  options?: BrowserContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's serious and critical violations on the page as it is now (rule id and targets). */
export async function seriousViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (an injected <script> would be refused, as it should be).
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<any> } }).axe;
    return axe.run();
  });
  return (results.violations as any[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n: any) => String(n.target)) }));
}

/**
 * Waits until the element shows exactly `text` (or, with `partial`, contains it): the page
 * answers asynchronously, so reading its text once right after a click would race it.
 */
export async function waitForText(locator: Locator, text: string, partial = false): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await locator
    .filter({ hasText: partial ? text : new RegExp(`^${escaped}$`) })
    .first()
    .waitFor({ timeout: 10_000 });
}
