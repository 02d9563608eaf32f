// The admin console in a real Chromium (Debian's package, driven by playwright-core) against the
// real function: it is served under /admin/ with a strict CSP and the right caching, signs in
// with a pasted token (kept in the tab's sessionStorage only), shows the role and what it may do
// in Korean or English, refuses a wrong token with a message, lists the concepts, signs out,
// fits a 375 px screen,
// and axe-core finds no serious or critical violation. Screenshots go to docs/screenshots with
// UPDATE_SCREENSHOTS=1 (else to a temporary directory).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { useConsole, type ConsolePage } from '../helpers/console.js';
import { request } from '../helpers/httpServer.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const screenshots =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(projectRoot(), 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'console-shots-'));

const served = useConsole();
beforeAll(() => mkdirSync(screenshots, { recursive: true }));

async function openConsole(width = 1024): Promise<ConsolePage> {
  const opened = await served.open({ width });
  await opened.page.getByLabel('API 토큰').waitFor();
  return opened;
}

describe('the admin console', () => {
  it('is served under /admin/ with a strict CSP, a revalidated page and immutable hashed assets', async () => {
    const page = await request(`${served.url}/admin/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(page.text)![1]!;
    const asset = await request(`${served.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await request(`${served.url}/admin/assets/missing.js`)).status).toBe(404);
    // The app's own routes are the app.
    expect((await request(`${served.url}/admin/concepts/encoder`)).text).toBe(page.text);
  });

  it('refuses a wrong token with a message, and signs an editor in with the role and what it may do', async () => {
    const { page, errors } = await openConsole();
    await page.getByLabel('API 토큰').fill('llmc_not-a-real-token-000000000000000000000000');
    await page.getByRole('button', { name: '로그인' }).click();
    await waitForText(page.getByRole('alert'), '토큰이 올바르지 않거나', true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'console-sign-in.png') });

    await page.getByLabel('API 토큰').fill(EDITOR_TOKEN);
    await page.getByRole('button', { name: '로그인' }).click();
    await waitForText(page.getByTestId('role'), '편집자');
    await page.getByText('할 수 있는 일').click(); // the permissions, folded away
    expect(await page.locator('[data-permission]').allTextContents()).toEqual([
      '초안 만들기',
      '초안 편집',
      '관계 추가',
      '번역 작업',
      '변경 이벤트 읽기',
    ]);
    // An editor is offered to create drafts, and the concepts to work on.
    await page.getByRole('link', { name: '새 개념' }).waitFor();
    expect(await page.getByRole('heading', { name: '개념' }).count()).toBe(1);
    // The token is in this tab's sessionStorage only: not in the URL, not in localStorage.
    expect(page.url()).not.toContain(EDITOR_TOKEN);
    expect(await page.evaluate(() => Object.keys((globalThis as any).localStorage).length)).toBe(0);
    expect(await page.evaluate(() => Object.values((globalThis as any).sessionStorage))).toEqual([
      EDITOR_TOKEN,
    ]);

    await page.getByRole('button', { name: 'English' }).click();
    await waitForText(page.getByTestId('role'), 'editor');
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'console-signed-in.png') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    // Nothing was refused by the CSP, nothing threw. (The wrong token's 401 is the one error
    // Chromium logs for a failed request.)
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('works from the keyboard alone and fits a 375 px screen', async () => {
    const { page } = await openConsole(375);
    await page.keyboard.press('Tab'); // the language switch
    await page.keyboard.press('Tab'); // the token field
    await page.keyboard.type(EDITOR_TOKEN);
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('role'), '편집자');
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
  });
});
