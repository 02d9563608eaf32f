// Carrying a concept from draft to published in the admin console, in a real Chromium against
// the real function: an admin creates a draft in both languages, a Korean edit flags its English
// OUTDATED, the Publishing tab refuses to publish until the English is current again, then the
// public API serves it. Two windows editing one concept: the second save gets CONFLICT, keeps
// what its user typed, shows the other window's change, reapplies its own on the latest version
// and saves on top.
import type { Page } from 'playwright-core';
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { useConsole } from '../helpers/console.js';
import { graphql } from '../helpers/httpServer.js';

const served = useConsole();

async function open(page: Page, slug: string) {
  await page.getByRole('listitem').filter({ hasText: slug }).getByRole('link').click();
  await page.getByTestId('version').waitFor();
}

describe('a concept in the console', () => {
  it('goes from a draft in both languages to published, with its English kept current', async () => {
    const page = await served.signedIn();
    await page.getByRole('link', { name: '새 개념' }).click();
    await page.getByLabel('슬러그 (영문 소문자, 하이픈)').fill('retrieval-augmented-generation');
    await page.getByLabel('카테고리').fill('fundamentals');
    const pairs = {
      term: ['검색 증강 생성', 'Retrieval-augmented generation'],
      summary: ['검색한 문서로 답하는 방식.', 'Answering with retrieved documents.'],
      definition: [
        '질문과 관련된 문서를 찾아 프롬프트에 넣는 방식.',
        'Adding documents relevant to the question to the prompt.',
      ],
    };
    for (const [field, [ko, en]] of Object.entries(pairs)) {
      await page.locator(`#new-${field}-ko`).fill(ko!);
      await page.locator(`#new-${field}-en`).fill(en!);
    }
    await page.getByRole('button', { name: '초안 만들기' }).click();
    await page.getByTestId('status').waitFor();
    await waitForText(page.getByTestId('status'), '초안');
    await waitForText(page.getByTestId('state-definition'), '번역 최신');
    expect(await seriousViolations(page)).toEqual([]);

    // A Korean edit: the English is flagged outdated, and publishing is refused until it is current.
    await page
      .locator('#definition-ko')
      .fill('질문과 관련된 문서를 검색해 프롬프트에 넣고 답을 생성하는 방식.');
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByTestId('state-definition'), '번역 오래됨');
    // The translator sees how the Korean changed: what was added, what was removed.
    const diff = page.getByTestId('diff-definition');
    expect(await diff.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('검색해')]),
    );
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    // Publishing is the Publishing tab's: it is refused while the English is outdated.
    await page.getByRole('link', { name: '게시', exact: true }).click();
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API가 게시를 거절했습니다', true);
    expect(await page.locator('.refusal li').allTextContents()).toEqual([
      expect.stringMatching(/^정의: .*outdated English/),
    ]);

    await page.getByRole('link', { name: '편집', exact: true }).click();
    await page
      .locator('#definition-en')
      .fill(
        'Retrieving documents relevant to the question and adding them to the prompt before answering.',
      );
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByTestId('state-definition'), '번역 최신');
    await page.getByRole('link', { name: '게시', exact: true }).click();
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByTestId('publish-status'), '게시됨');

    const publicAnswer = await graphql<any>(
      served.url,
      '{ concept(slug: "retrieval-augmented-generation", locale: EN) { term definition } }',
    );
    expect(publicAnswer.data.concept).toEqual({
      term: 'Retrieval-augmented generation',
      definition:
        'Retrieving documents relevant to the question and adding them to the prompt before answering.',
    });
  });

  it('keeps what a user typed through a conflict and saves it on top of the other edit', async () => {
    const first = await served.signedIn();
    const second = await served.signedIn();
    await open(first, 'encoder');
    await open(second, 'encoder');
    await first.locator('#term-en').fill('Encoder (first window)');
    await first.getByRole('button', { name: '저장' }).click();
    await first.getByText('저장했습니다.').waitFor();

    await second.locator('#summary-en').fill('The encoder half of a transformer (second window).');
    await second.getByRole('button', { name: '저장' }).click();
    await waitForText(second.getByRole('alert'), '다른 사람이 먼저 저장했습니다', true);
    expect(await second.locator('#summary-en').inputValue()).toBe(
      'The encoder half of a transformer (second window).',
    );
    // What the other window changed is shown, field by field, before anything is merged.
    expect(
      await second.getByTestId('conflict').locator('[data-path="term.en"] ins').textContent(),
    ).toContain('Encoder (first window)');
    await second.getByRole('button', { name: '최신 버전에 내 변경 다시 적용' }).click();
    // The latest version arrives under the user's edit: the other window's term appears.
    await second.waitForFunction(
      () =>
        ((globalThis as any).document.querySelector('#term-en') as { value: string }).value ===
        'Encoder (first window)',
    );
    expect(await second.locator('#summary-en').inputValue()).toBe(
      'The encoder half of a transformer (second window).',
    );
    await second.getByRole('button', { name: '저장' }).click();
    await second.getByText('저장했습니다.').waitFor();

    const stored = await graphql<any>(
      served.url,
      '{ concept(slug: "encoder", locale: EN) { term summary } }',
    );
    expect(stored.data.concept).toEqual({
      term: 'Encoder (first window)',
      summary: 'The encoder half of a transformer (second window).',
    });
  });
});
