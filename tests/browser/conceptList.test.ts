// Finding concepts in the admin console, in a real Chromium against the real function: the
// API's search (particles and typos tolerated, the match marked), the category, status and
// translation-state filters, drafts included for an editor; and every failure has an answer on
// the screen: the API unreachable, a 5xx, a token refused mid-session (back to sign-in), a
// screen's code that cannot be fetched.
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { useConsole } from '../helpers/console.js';
import { as, createDraft, versionOf } from '../helpers/editing.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

describe('the concept list', () => {
  it('finds concepts through the API search, drafts included, with the match marked', async () => {
    await createDraft(served.url, 'speculative-decoding');
    const page = await served.signedIn(EDITOR_TOKEN);
    await page.getByLabel('검색').fill('트랜스포머는'); // a particle attached, as Koreans type
    const first = page.locator('.items li').first();
    await first.getByRole('link', { name: /트랜스포머/ }).waitFor();
    expect(await first.locator('code').textContent()).toBe('transformer');
    expect(await first.locator('mark').count()).toBeGreaterThan(0);

    await page.getByLabel('검색').fill('speculative-decoding term');
    await waitForText(page.locator('.items li').first().locator('code'), 'speculative-decoding');
    expect(await page.locator('.items li').first().textContent()).toContain('초안');

    await page.getByLabel('검색').fill('zzqqxx');
    await page.getByText('찾은 개념이 없습니다.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('narrows the list by category, status and English state', async () => {
    // One concept's Korean changes without its English: it becomes OUTDATED.
    const changed = await as(
      'admin',
      served.url,
      'mutation($v: Int) { updateConcept(slug: "decoder", patch: { summary: { ko: "바뀐 요약." } }, expectedVersion: $v, allowUntranslated: true) { version } }',
      { v: await versionOf(served.url, 'decoder') },
    );
    expect(changed.errors).toBeUndefined();
    await createDraft(served.url, 'draft-filter-check');
    const page = await served.signedIn();
    await page.locator('.items li').first().waitFor();
    const all = await page.locator('.items li').count();

    await page.getByLabel('영어 번역').selectOption('OUTDATED');
    await waitForText(page.getByTestId('concept-count'), `표시: 1 / ${all}`);
    expect(await page.locator('.items li code').allTextContents()).toEqual(['decoder']);
    await page.getByLabel('영어 번역').selectOption('ALL');

    const categories = await as('admin', served.url, '{ categories { slug concepts { slug } } }');
    const [category] = categories.data.categories as { slug: string; concepts: unknown[] }[];
    await page.getByLabel('카테고리').selectOption(category!.slug);
    await waitForText(
      page.getByTestId('concept-count'),
      `표시: ${category!.concepts.length} / ${category!.concepts.length}`,
    );

    await page.getByLabel('카테고리').selectOption('');
    await page.getByLabel('상태', { exact: true }).selectOption('DRAFT');
    await page.locator('.items li').filter({ hasText: 'draft-filter-check' }).waitFor();
    for (const item of await page.locator('.items li').allTextContents()) {
      expect(item).toContain('초안'); // the seeded course is all published: only new drafts
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says so when the API cannot be reached or fails, and keeps the rest of the console', async () => {
    const page = await served.signedIn();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByLabel('검색').fill('인코더');
    await waitForText(page.getByRole('alert'), 'API에 연결할 수 없습니다', true);

    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'text/html',
        body: '<h1>Service Unavailable</h1>',
      }),
    );
    await page.getByLabel('검색').fill('디코더');
    await waitForText(page.getByRole('alert'), 'API가 오류를 반환했습니다', true);
    expect(await page.getByRole('navigation', { name: '콘솔 메뉴' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('loads a screen when it is first opened, and says so (menu kept) when its code cannot arrive', async () => {
    const page = await served.signedIn();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.push(request.url());
    });
    // A deploy replaced the files this page was built with, or the network dropped.
    await page.route('**/assets/LessonList-*.js', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: '강의' }).click();
    await waitForText(page.getByRole('alert'), '이 화면을 불러오지 못했습니다', true);
    expect(scripts.some((url) => /\/LessonList-[\w-]+\.js$/.test(url))).toBe(true);
    expect(await page.getByRole('button', { name: '새로고침' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Another screen loads its own code and shows; the menu kept working throughout.
    await page.getByRole('link', { name: '번역 대기열' }).click();
    await page.getByRole('heading', { name: '번역 대기열' }).waitFor();
    expect(scripts.some((url) => /\/TranslationQueue-[\w-]+\.js$/.test(url))).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('goes back to sign-in, saying why, when the API refuses the token mid-session', async () => {
    const page = await served.signedIn(EDITOR_TOKEN);
    // The token is revoked (this function's tokens are fixed at start, so the refusal is
    // answered as the API answers an unknown token).
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'Unknown token.', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      }),
    );
    await page.getByLabel('검색').fill('인코더');
    await page.getByLabel('API 토큰').waitFor();
    await waitForText(page.getByRole('alert'), '토큰이 올바르지 않거나 만료되었습니다.');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
  });
});
