// Categories and comparisons in the console, in a real Chromium against the real function:
// categories listed, edited in both languages (checked through the API), the API's refusal of a
// Korean change without English explained and answered, a CONFLICT kept, and created (without
// English only with an admin's override); an editor is offered no control that the API would
// refuse; comparisons listed and shown with every text in both languages; unknown addresses and
// an unreachable API are said in place; axe finds nothing serious, and the screens fit 375 px.
import type { Page } from 'playwright-core';
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as } from '../helpers/editing.js';
import { composeKorean } from '../helpers/ime.js';
import { tabTo } from '../helpers/keyboard.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

/** A category as the API gives it in both languages, with its English state. */
async function categoryNow(slug: string) {
  const answer = await as(
    'admin',
    served.url,
    'query($s: ID!) { ko: category(slug: $s, locale: KO) { name order } en: category(slug: $s, locale: EN) { name } translationStatus(type: CATEGORY, id: $s) { version translation { state } } }',
    { s: slug },
  );
  return answer.data as {
    ko: { name: string; order: number } | null;
    en: { name: string } | null;
    translationStatus: { version: number; translation: { state: string } } | null;
  };
}

async function openAt(path: string, token?: string, width?: number): Promise<Page> {
  const page = await served.signedIn(token, width ? { width } : undefined);
  await page.goto(`${served.url}/admin${path}`);
  return page;
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);

describe('categories', () => {
  it('lists the categories and edits one in both languages', async () => {
    const page = await served.signedIn();
    await page.getByRole('link', { name: '카테고리', exact: true }).click();
    const list = page.getByTestId('category-list');
    await list.getByRole('link', { name: '프롬프트' }).waitFor();
    expect(await list.locator('li').count()).toBe(5);
    expect(await list.textContent()).toContain('Prompting');
    expect(await page.getByRole('link', { name: '새 카테고리' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // By keyboard alone: open it, change the order and both names, save.
    await tabTo(page, list.getByRole('link', { name: '프롬프트' }));
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('state-name'), '번역 최신');
    expect(await page.getByLabel('영어 (번역)').first().inputValue()).toBe('Prompting');
    await tabTo(page, page.getByLabel('표시 순서'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('프롬프트 작성');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Prompt writing');
    await tabTo(page, page.getByRole('button', { name: '저장' }));
    await page.keyboard.press('Enter');
    await waitForText(
      page.getByRole('status').filter({ hasText: '저장했습니다.' }),
      '저장했습니다.',
    );
    const saved = await categoryNow('prompting');
    expect(saved.ko).toEqual({ name: '프롬프트 작성', order: 7 });
    expect(saved.en).toEqual({ name: 'Prompt writing' });
    expect(saved.translationStatus!.translation.state).toBe('CURRENT');
    await waitForText(
      page.getByTestId('category-version'),
      String(saved.translationStatus!.version),
    );
    console.log(await screenshot(page, 'console-categories'));
  });

  it('explains the refusal of Korean without new English, saves it as a typo, and keeps edits through a CONFLICT', async () => {
    const page = await openAt('/categories/fundamentals');
    await waitForText(page.getByTestId('state-name'), '번역 최신');
    await page.getByLabel('한국어 (원문)').first().fill('기초 개념들');
    // The form asks what the Korean change means for the English; the default is refused.
    await page
      .getByRole('group', { name: '한국어가 바뀌었습니다. 영어는 어떻게 할까요?' })
      .waitFor();
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('alert'), '카테고리는 바로 공개되므로', true);
    expect(await page.locator('#category-name-en-issue').textContent()).toContain('English');
    expect(await page.getByLabel('영어 (번역)').first().getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('오타 수정일 뿐입니다', { exact: false }).check();
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(
      page.getByRole('status').filter({ hasText: '저장했습니다.' }),
      '저장했습니다.',
    );
    const saved = await categoryNow('fundamentals');
    expect(saved.ko!.name).toBe('기초 개념들');
    expect(saved.translationStatus!.translation.state).toBe('CURRENT');

    // Someone else saves meanwhile: what was typed stays, the latest loads under it.
    await page.getByLabel('영어 (번역)').nth(1).fill('The basics of LLMs.');
    const other = await as(
      'admin',
      served.url,
      'mutation($v: Int!) { updateCategory(slug: "fundamentals", patch: { order: 9 }, expectedVersion: $v) { slug } }',
      { v: saved.translationStatus!.version },
    );
    expect(other.errors).toBeUndefined();
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('alert'), '다른 사람이 먼저 저장했습니다', true);
    expect(await page.getByLabel('영어 (번역)').nth(1).inputValue()).toBe('The basics of LLMs.');
    await waitForText(
      page.getByTestId('category-version'),
      String(saved.translationStatus!.version + 1),
    );
    expect(await page.getByLabel('표시 순서').inputValue()).toBe('9');
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(
      page.getByRole('status').filter({ hasText: '저장했습니다.' }),
      '저장했습니다.',
    );
    const english = await as(
      'admin',
      served.url,
      '{ category(slug: "fundamentals", locale: EN) { description order } }',
    );
    expect(english.data.category).toEqual({ description: 'The basics of LLMs.', order: 9 });
  });

  it('saves Korean typed with an IME mid-composition once, without losing or doubling the syllable', async () => {
    const page = await openAt('/categories/tuning-methods');
    const korean = page.getByLabel('한국어 (원문)').first();
    await waitForText(page.getByTestId('state-name'), '번역 최신');
    await korean.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await page.getByLabel('오타 수정일 뿐입니다', { exact: false }).check();
    await korean.focus();
    await page.keyboard.press('End');
    await composeKorean(page, ['ㅂ', '바', '방', '방ㅂ', '방버', '방법']); // still composing
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(
      page.getByRole('status').filter({ hasText: '저장했습니다.' }),
      '저장했습니다.',
    );
    expect((await categoryNow('tuning-methods')).ko!.name).toBe('튜닝 방법 방법');
    expect(await korean.inputValue()).toBe('튜닝 방법 방법');
  });

  it('creates a category; without English only with the admin override', async () => {
    const page = await openAt('/categories');
    await page.getByRole('link', { name: '새 카테고리' }).click();
    await page.getByLabel('슬러그', { exact: false }).fill('evaluation');
    await page.getByLabel('표시 순서').fill('6');
    await page.getByLabel('한국어 (원문)').first().fill('평가');
    await page.getByRole('button', { name: '카테고리 만들기' }).click();
    await waitForText(page.getByRole('alert'), '영어 없이 만들기(관리자 예외)를 고르세요', true);
    expect(await page.locator('#new-category-name-en-issue').textContent()).toContain('English');
    expect((await categoryNow('evaluation')).ko).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('영어 없이 만들기', { exact: false }).check();
    await page.getByRole('button', { name: '카테고리 만들기' }).click();
    await waitForText(page.getByTestId('category-state'), '번역 없음');
    const created = await categoryNow('evaluation');
    expect(created.ko).toEqual({ name: '평가', order: 6 });
    expect(created.translationStatus!.translation.state).toBe('MISSING');

    // With English in both languages, no override is needed.
    await page.goto(`${served.url}/admin/categories/new`);
    await page.getByLabel('슬러그', { exact: false }).fill('safety');
    await page.getByLabel('표시 순서').fill('8');
    await page.getByLabel('한국어 (원문)').first().fill('안전');
    await page.getByLabel('영어 (번역)').first().fill('Safety');
    await page.getByRole('button', { name: '카테고리 만들기' }).click();
    await waitForText(page.getByTestId('category-state'), '번역 최신');
    expect((await categoryNow('safety')).en).toEqual({ name: 'Safety' });
  });

  it('offers an editor no control to change categories, and fits 375 px', async () => {
    const page = await openAt('/categories', EDITOR_TOKEN, 375);
    await page.getByTestId('category-list').waitFor();
    expect(await page.getByRole('link', { name: '새 카테고리' }).count()).toBe(0);
    await page.getByRole('link', { name: 'LLM의 종류' }).click();
    await page.getByText('카테고리는 관리자만 만들고 바꿀 수 있습니다.').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: '저장' }).count()).toBe(0);
    expect(await page.getByTestId('read-name-en').textContent()).toBe('Types of LLMs');
    expect(await fitsWidth(page)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${served.url}/admin/categories/new`);
    await waitForText(page.getByRole('alert'), '카테고리는 관리자만 만들고 바꿀 수 있습니다.');
  });

  it('says so for an unknown category and when the API cannot be reached', async () => {
    const page = await openAt('/categories/no-such-category');
    await waitForText(page.getByRole('alert'), '이런 카테고리는 없습니다.');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: '카테고리 목록으로' }).click();
    await waitForText(page.getByRole('alert'), 'API에 연결할 수 없습니다', true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: '다시 시도' }).click();
    await page.getByTestId('category-list').waitFor();
  });
});

describe('comparisons', () => {
  it('lists the authored comparisons and shows one in both languages, at 375 px too', async () => {
    const page = await served.signedIn(EDITOR_TOKEN);
    await page.getByRole('link', { name: '비교표', exact: true }).click();
    const list = page.getByTestId('comparison-list');
    await list.locator('li').first().waitFor();
    expect(await list.locator('li').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);

    await list.getByRole('link', { name: 'LLM의 세 가지 종류' }).click();
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    await waitForText(page.getByTestId('comparison-state'), '번역 최신');
    expect(await table.locator('thead th').allTextContents()).toEqual([
      expect.stringContaining('Generic'),
      expect.stringContaining('Instruction'),
      expect.stringContaining('Dialog'),
    ]);
    const firstRow = table.locator('tbody tr').first();
    expect(await firstRow.locator('th').textContent()).toBe('훈련 목표Trained to');
    expect(await firstRow.locator('td').first().textContent()).toContain(
      'Predict the next word based on the language in the training data',
    );
    expect(await firstRow.locator('td').first().textContent()).toContain('다음 단어를 예측');
    // No control edits it: the API has no such mutation.
    expect(await page.getByRole('button').filter({ hasText: '저장' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-comparison'));

    await page.setViewportSize({ width: 375, height: 900 });
    expect(await fitsWidth(page)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says so for an unknown comparison and when the API fails', async () => {
    const page = await openAt('/comparisons/no-such-table');
    await waitForText(page.getByRole('alert'), '이런 비교표는 없습니다.');
    await page.getByRole('button', { name: 'English' }).click(); // the console's own language
    await waitForText(page.getByRole('alert'), 'There is no such comparison.');
    await page.getByRole('button', { name: '한국어' }).click();
    await page.route('**/graphql', (route) =>
      route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Unavailable</h1>' }),
    );
    await page.getByRole('link', { name: '비교표 목록으로' }).click();
    await waitForText(page.getByRole('alert'), 'API가 오류를 반환했습니다', true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
