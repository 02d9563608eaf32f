// A concept's publishing tab in a real Chromium against the real function: it says which English
// is not current before the API has to refuse, shows what anonymous readers will see (a draft:
// nothing yet), lists the API's refusal field by field, publishes with an admin's recorded
// override, then unpublishes, each checked against what an anonymous reader of the API gets.
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as, draftInput } from '../helpers/editing.js';
import { graphql } from '../helpers/httpServer.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

const anonymousRead = async (slug: string) =>
  (
    await graphql<any>(served.url, 'query($s: ID!) { concept(slug: $s, locale: EN) { term } }', {
      s: slug,
    })
  ).data.concept;

describe('publishing a concept', () => {
  it('explains what is missing, shows the readers’ view, publishes with an override and unpublishes', async () => {
    // A draft whose definition has no English yet.
    const input = draftInput('mixture-of-experts');
    const created = await as(
      'admin',
      served.url,
      'mutation($i: ConceptInput!) { createConcept(input: $i) { version } }',
      { i: { ...input, definition: { ko: '여러 전문가 중 일부만 계산하는 모델.' } } },
    );
    expect(created.errors).toBeUndefined();

    const page = await served.signedIn();
    await page.goto(`${served.url}/admin/concepts/mixture-of-experts/publish`);
    await waitForText(page.getByTestId('publish-status'), '초안');
    expect(await page.getByTestId('not-current').textContent()).toContain('정의');
    // Before publishing: readers see nothing yet, and here is what they will see.
    await page.getByText('지금은 아무것도 보이지 않습니다', { exact: false }).waitFor();
    await waitForText(
      page.getByTestId('readers-EN').locator('dd').first(),
      'mixture-of-experts term',
    );
    expect(await page.getByTestId('readers-EN').textContent()).toContain(
      '영어가 없어 한국어로 보입니다',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API가 게시를 거절했습니다', true);
    expect(await page.locator('.refusal li').allTextContents()).toEqual([
      expect.stringMatching(/^정의: .*English/),
    ]);
    expect(await anonymousRead('mixture-of-experts')).toBeNull();
    console.log(await screenshot(page, 'console-concept-publishing'));

    await page.getByLabel('번역이 최신이 아니어도 게시', { exact: false }).check();
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByTestId('publish-status'), '게시됨');
    expect(await anonymousRead('mixture-of-experts')).toEqual({ term: 'mixture-of-experts term' });
    // Now the readers' view is what anonymous readers get.
    await waitForText(page.getByRole('heading', { level: 3 }), '익명 독자에게 보이는 내용');
    const history = await as(
      'admin',
      served.url,
      '{ conceptHistory(slug: "mixture-of-experts", limit: 1) { translationEvents { kind } } }',
    );
    expect(history.data.conceptHistory[0].translationEvents).toEqual([
      expect.objectContaining({ kind: 'PUBLISHED_OUTDATED' }),
    ]);

    await page.getByRole('button', { name: '게시 취소' }).click();
    await waitForText(page.getByTestId('publish-status'), '초안');
    expect(await anonymousRead('mixture-of-experts')).toBeNull();
  });

  it('offers an editor no publishing control, and fits a 375 px screen', async () => {
    const page = await served.signedIn(EDITOR_TOKEN, { width: 375 });
    await page.goto(`${served.url}/admin/concepts/encoder/publish`);
    await page.getByText('게시와 게시 취소는 관리자만 할 수 있습니다.').waitFor();
    expect(await page.getByRole('button', { name: '게시 취소' }).count()).toBe(0);
    await waitForText(page.getByTestId('readers-KO').locator('dd').first(), '인코더', true);
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
