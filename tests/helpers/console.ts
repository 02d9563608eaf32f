import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { launchChromium, newContext } from './browser.js';
import { serveApi } from './httpServer.js';
import { ADMIN_TOKEN, TEST_API_TOKENS } from './tokens.js';

/** A running function with the console and a Chromium to drive it, for one browser suite. */
export interface ConsoleFixture {
  /** The function's address (`http://127.0.0.1:PORT`). */
  url: string;
  /** The running API (its store, for tests that set content up directly). */
  api: Awaited<ReturnType<typeof serveApi>>['api'];
  browser: Browser;
  /** A new window (its own context: its own sessionStorage) on the console, not signed in. */
  open(options?: { width?: number; path?: string }): Promise<ConsolePage>;
  /** A new window signed in with the token (the admin's by default), on the concepts list. */
  signedIn(token?: string, options?: { width?: number }): Promise<Page>;
}

/** A console window and the errors its page logged (CSP refusals and uncaught errors included). */
export interface ConsolePage {
  page: Page;
  errors: string[];
}

/**
 * Starts the function (memory store, test tokens, any extra environment) and Chromium once for a
 * suite, and closes both after it. Call at the top of a test file, or inside a describe block
 * after a `beforeAll` that prepares what `env` (then a function, read when the suite starts)
 * needs, such as a Firestore emulator.
 */
export function useConsole(
  env: Record<string, string> | (() => Record<string, string>) = {},
): ConsoleFixture {
  let served: Awaited<ReturnType<typeof serveApi>>;
  const contexts: BrowserContext[] = [];
  const fixture = {
    url: '',
    api: undefined as unknown as ConsoleFixture['api'],
    browser: undefined as unknown as Browser,
    async open({ width = 1024, path = '/admin/' } = {}): Promise<ConsolePage> {
      const context = await newContext(fixture.browser, { viewport: { width, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${fixture.url}${path}`);
      return { page, errors };
    },
    async signedIn(token = ADMIN_TOKEN, { width = 1024 } = {}): Promise<Page> {
      const { page } = await fixture.open({ width });
      await page.getByLabel('API 토큰').fill(token);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByRole('heading', { name: '개념' }).waitFor();
      return page;
    },
  };
  beforeAll(async () => {
    served = await serveApi({
      API_TOKENS: TEST_API_TOKENS,
      ...(typeof env === 'function' ? env() : env),
    });
    fixture.url = served.url;
    fixture.api = served.api;
    fixture.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await fixture.browser?.close();
    await served?.close();
  });
  return fixture;
}

const screenshotDir =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(projectRoot(), 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'console-shots-'));

/**
 * Photographs the page as `<name>.png`: into docs/screenshots (the README's pictures) with
 * UPDATE_SCREENSHOTS=1, else into a temporary directory (so the step runs, and fails, either way).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
