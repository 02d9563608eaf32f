// The GraphQL explorer in a real Chromium against the real function: a browser opening /graphql
// gets GraphiQL from the function's own files (no CDN: every request stays on this origin, and
// the strict Content-Security-Policy refuses nothing it needs), with the README's examples as
// tabs; running one shows the API's answer; the locale switch and the bearer token reach the
// request, and the token is in no URL and no storage.
import { EXPLORER_EXAMPLES } from '../../explorer/src/examples.js';
import { newContext, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { ADMIN_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

describe('the GraphQL explorer', () => {
  it('opens from /graphql, runs an example and shows the answer, with nothing from elsewhere', async () => {
    const requested: string[] = [];
    const context = await newContext(served.browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requested.push(request.url()));
    try {
      const response = await page.goto(`${served.url}/graphql`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.locator('.graphiql-container').waitFor();
      // One tab per README example, the first one open.
      await expect(page.locator('.graphiql-tab').count()).resolves.toBe(EXPLORER_EXAMPLES.length);
      // Run once the editor holds the example (a click while Monaco is still starting is lost).
      await waitForText(
        page.locator('.graphiql-query-editor .view-lines'),
        'parameter-efficient-tuning',
        true,
      );
      await page.locator('.graphiql-execute-button').click();
      const answer = page.locator('.result-window');
      // Monaco renders spaces as no-break spaces: look for words without one.
      await waitForText(answer, '"PETM"', true);
      await waitForText(answer, '"fine-tuning"', true);
      console.log(await screenshot(page, 'graphql-explorer', false));
      expect(errors).toEqual([]);
      const origin = new URL(served.url).origin;
      expect(
        requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:')),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends the chosen locale and the token on the request, and keeps the token out of URLs and storage', async () => {
    const context = await newContext(served.browser);
    const page = await context.newPage();
    const sent: Record<string, string>[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
        sent.push(request.headers());
      }
    });
    try {
      await page.goto(`${served.url}/graphql`);
      await page.locator('.graphiql-container').waitFor();
      await page.getByLabel('Locale').selectOption('en');
      await page.getByLabel('Bearer token').fill(ADMIN_TOKEN);
      await waitForText(
        page.locator('.graphiql-query-editor .view-lines'),
        'parameter-efficient-tuning',
        true,
      );
      await page.locator('.graphiql-execute-button').click();
      await waitForText(page.locator('.result-window'), '"data"', true);
      const withToken = sent.filter((headers) => headers.authorization === `Bearer ${ADMIN_TOKEN}`);
      expect(withToken.length).toBeGreaterThan(0);
      expect(withToken.every((headers) => headers['accept-language'] === 'en')).toBe(true);
      const stored = await page.evaluate(() =>
        JSON.stringify({
          local: { ...(globalThis as any).localStorage },
          session: { ...(globalThis as any).sessionStorage },
        }),
      );
      expect(stored).not.toContain(ADMIN_TOKEN);
      expect(page.url()).not.toContain(ADMIN_TOKEN);
    } finally {
      await context.close();
    }
  });
});
