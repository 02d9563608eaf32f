// A concept's history tab in a real Chromium against the real function: versions newest first
// with who and what; a diff between any two chosen versions, field by field and locale by
// locale, that never reports "English changed" for versions that had no English (a reader's
// view would show the Korean fallback there); restoring an old version as a new one, checked
// through the API; an editor is told the history is for admins.
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as, createDraft } from '../helpers/editing.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

const UPDATE =
  'mutation($s: ID!, $p: ConceptPatch!, $v: Int) { updateConcept(slug: $s, patch: $p, expectedVersion: $v) { version } }';

describe('a concept’s history', () => {
  it('diffs two chosen versions per field and locale, and restores one as a new version', async () => {
    await createDraft(served.url, 'history-demo'); // v1: every text in both languages
    const second = await as('admin', served.url, UPDATE, {
      s: 'history-demo',
      v: 1,
      p: { definition: { ko: '영어가 아직 없는 정의.', en: null }, aliases: ['HD'] },
    });
    expect(second.errors).toBeUndefined();
    // The Korean definition changes again, still without English: only Korean changed.
    const third = await as('admin', served.url, UPDATE, {
      s: 'history-demo',
      v: 2,
      p: {
        definition: { ko: '다시 고친 정의.' },
        summary: { ko: '새 요약.', en: 'A new summary.' },
      },
    });
    expect(third.errors).toBeUndefined();

    const page = await served.signedIn(undefined, { width: 375 });
    await page.goto(`${served.url}/admin/concepts/history-demo/history`);
    await page.getByRole('heading', { name: '버전 기록: history-demo 용어' }).waitFor();
    const heads = await page.locator('.version-head strong').allTextContents();
    expect(heads).toEqual(['버전 3', '버전 2', '버전 1']);
    expect(await page.locator('.version-head').first().textContent()).toContain('관리자');
    expect(await page.getByTestId('change-kind').allTextContents()).toEqual([
      '편집함: 요약, 정의',
      '편집함: 별칭, 정의',
      '만듦',
    ]);

    // Default: the newest against the one before. No "정의 · 영어": neither version has English.
    await waitForText(page.locator('.version-diff h3'), '버전 2 → 버전 3');
    expect(await page.getByTestId('field-name').allTextContents()).toEqual([
      '요약 · 한국어',
      '요약 · 영어',
      '정의 · 한국어',
    ]);

    // Any two versions: 1 → 3, where the English definition was removed.
    await page.getByLabel('이전 버전 (기준)').selectOption('1');
    await waitForText(page.locator('.version-diff h3'), '버전 1 → 버전 3');
    expect(await page.getByTestId('field-name').allTextContents()).toEqual([
      '별칭',
      '요약 · 한국어',
      '요약 · 영어',
      '정의 · 한국어',
      '정의 · 영어',
    ]);
    const englishDefinition = page.getByTestId('field-change').nth(4);
    expect(await englishDefinition.locator('del').textContent()).toBe('A definition.');
    expect(await englishDefinition.locator('ins').textContent()).toBe('(없음)');
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-concept-history'));

    // Restore version 1, by keyboard, after confirming.
    await page.getByRole('button', { name: '이 버전으로 되돌리기: 버전 1' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '되돌리기 확인' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(page.getByRole('status').first(), '되돌렸습니다: 버전 1 → 버전 4');
    await waitForText(page.locator('.version-diff h3'), '버전 3 → 버전 4');
    const history = await as(
      'admin',
      served.url,
      '{ conceptHistory(slug: "history-demo", limit: 1) { version data } concept(slug: "history-demo") { status } }',
    );
    const [latest] = history.data.conceptHistory;
    expect(latest.version).toBe(4);
    expect(latest.data.definition).toEqual({ ko: '정의.', en: 'A definition.' });
    expect(latest.data.summary).toEqual({ ko: '한 문장 요약.', en: 'A one-sentence summary.' });
    expect(latest.data.aliases).toEqual(['HISTORY-DEMO']);
    expect(history.data.concept.status).toBe('DRAFT');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tells an editor the history is for admins, with no controls', async () => {
    const page = await served.signedIn(EDITOR_TOKEN);
    await page.goto(`${served.url}/admin/concepts/encoder/history`);
    await page.getByText('버전 기록은 관리자만 볼 수 있습니다', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /되돌리기/ }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists a version’s translation events, and says so when a restore meets a newer version', async () => {
    await createDraft(served.url, 'events-demo');
    const typo = await as(
      'admin',
      served.url,
      'mutation { updateConcept(slug: "events-demo", expectedVersion: 1, needsRetranslation: false, patch: { summary: { ko: "한 문장 요약!" } }) { version } }',
    );
    expect(typo.errors).toBeUndefined();
    const page = await served.signedIn();
    await page.goto(`${served.url}/admin/concepts/events-demo/history`);
    await waitForText(
      page.locator('.events li').first(),
      '재번역 필요 없음으로 표시 (영어 최신 유지): 요약',
    );
    expect(await page.getByTestId('field-name').allTextContents()).toEqual(['요약 · 한국어']);

    // Someone saves in the meantime: the restore is refused as a conflict, in words.
    const meanwhile = await as(
      'admin',
      served.url,
      'mutation { updateConcept(slug: "events-demo", expectedVersion: 2, patch: { aliases: ["ED"] }) { version } }',
    );
    expect(meanwhile.errors).toBeUndefined();
    await page.getByRole('button', { name: '이 버전으로 되돌리기: 버전 1' }).click();
    await page.getByRole('button', { name: '되돌리기 확인' }).click();
    await waitForText(page.getByRole('alert'), '그 사이 다른 사람이 이 개념을 저장했습니다', true);
    const latest = await as('admin', served.url, '{ concept(slug: "events-demo") { version } }');
    expect(latest.data.concept.version).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
