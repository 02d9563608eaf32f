// The translation queue in a real Chromium against the real function: Korean edited through the
// API puts its English in the queue, oldest change first, with the Korean's diff; a translator
// writes new English (by keyboard alone) or confirms the present English in place, the entry
// leaves the queue and the API reports the text CURRENT; a CONFLICT keeps what was typed and
// reloads the entry; lesson sections are queued too; an editor is offered only what the API
// allows; and the screen passes axe and fits 375 px.
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as, draftInput } from '../helpers/editing.js';
import { composeKorean } from '../helpers/ime.js';
import { tabTo, waitForFocus } from '../helpers/keyboard.js';
import { editKoreanDefinition, editKoreanMarkdown } from '../helpers/koreanEdits.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';
import type { Page } from 'playwright-core';

const served = useConsole();

/** The state of a concept's definition English, as the API reports it. */
async function definitionState(slug: string): Promise<string> {
  const answer = await as(
    'admin',
    served.url,
    'query($id: ID!) { translationStatus(type: CONCEPT, id: $id) { translation { fields(all: true) { path state translation } } } }',
    { id: slug },
  );
  const fields = answer.data.translationStatus.translation.fields as {
    path: string;
    state: string;
  }[];
  return fields.find((field) => field.path === 'definition')!.state;
}

async function openQueue(token?: string, width?: number): Promise<Page> {
  const page = await served.signedIn(token, width ? { width } : undefined);
  await page.getByRole('link', { name: '번역 대기열' }).click();
  await page.getByRole('heading', { name: '번역 대기열' }).waitFor();
  await page.getByTestId('queue-count').waitFor();
  return page;
}

describe('the translation queue', () => {
  it('lists outdated English oldest first with the diff; translates by keyboard and confirms in place', async () => {
    const empty = await openQueue();
    await waitForText(empty.getByTestId('queue-count'), '대기 중인 문서: 0');
    await empty.getByText('대기열이 비었습니다', { exact: false }).waitFor();

    await editKoreanDefinition(
      served,
      'encoder',
      '입력 시퀀스를 벡터 표현으로 바꾸는 트랜스포머의 앞부분.',
      'outdated',
    );
    await new Promise((resolve) => setTimeout(resolve, 20)); // distinct change times
    await editKoreanDefinition(
      served,
      'decoder',
      '표현을 바탕으로 출력 시퀀스를 만드는 트랜스포머의 뒷부분.',
      'outdated',
    );

    const page = await openQueue();
    await waitForText(page.getByTestId('queue-count'), '대기 중인 문서: 2');
    expect(
      await page
        .locator('article.queued')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid'))),
    ).toEqual(['queued-encoder', 'queued-decoder']);
    const encoder = page.getByTestId('entry-encoder-definition');
    expect(await encoder.getByRole('heading', { level: 4 }).textContent()).toContain('정의');
    expect(await encoder.locator('.diff ins').count()).toBeGreaterThan(0);
    expect(await encoder.locator('.diff del').count()).toBeGreaterThan(0);
    expect(await encoder.textContent()).toContain('트랜스포머 모델을 구성하는 두 부분 중 하나로'); // made from
    expect(await encoder.textContent()).toContain('One of the two parts of a transformer model'); // English now
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-translation-queue'));

    // Keyboard only: Tab to the field, replace the English, Tab to Save, Enter.
    await page.getByLabel('문서 종류').focus();
    const field = encoder.getByLabel('새 영어 번역');
    await tabTo(page, field);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(
      'The front half of a transformer: it turns the input sequence into vectors.',
    );
    await tabTo(page, encoder.getByRole('button', { name: '영어 저장' }));
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('queue-done'), '영어를 저장했습니다', true);
    // The focus, whose entry is gone, is on the message saying so.
    await waitForFocus(page.getByTestId('queue-done'));
    await page.getByTestId('queued-encoder').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('queue-count'), '대기 중인 문서: 1');
    expect(await definitionState('encoder')).toBe('CURRENT');

    // Confirm the decoder's English, also by keyboard (Space on the button).
    const decoder = page.getByTestId('entry-decoder-definition');
    await tabTo(page, decoder.getByRole('button', { name: '지금 영어가 맞음' }));
    await page.keyboard.press('Space');
    await waitForText(page.getByTestId('queue-done'), '영어가 맞다고 확인했습니다', true);
    await page.getByTestId('queued-decoder').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('queue-count'), '대기 중인 문서: 0');
    expect(await definitionState('decoder')).toBe('CURRENT');
  });

  it('keeps what was typed after a CONFLICT, reloads the entry and saves on top', async () => {
    await editKoreanDefinition(served, 'chatbot', '사용자와 대화하는 프로그램.', 'outdated');
    const page = await openQueue();
    const entry = page.getByTestId('entry-chatbot-definition');
    await entry.getByLabel('새 영어 번역').fill('A program that talks with users.');
    // Meanwhile someone changes the Korean again.
    await editKoreanDefinition(
      served,
      'chatbot',
      '사용자와 대화하며 질문에 답하는 프로그램.',
      'outdated',
    );
    await entry.getByRole('button', { name: '영어 저장' }).click();
    await waitForText(entry.getByRole('alert'), '그 사이에 문서가 바뀌었습니다', true);
    expect(await entry.getByLabel('새 영어 번역').inputValue()).toBe(
      'A program that talks with users.',
    );
    await waitForText(
      entry.locator('p[lang="ko"]').first(),
      '사용자와 대화하며 질문에 답하는 프로그램.',
    );
    await entry
      .getByLabel('새 영어 번역')
      .fill('A program that talks with users and answers their questions.');
    await entry.getByRole('button', { name: '영어 저장' }).click();
    await page.getByTestId('queued-chatbot').waitFor({ state: 'detached' });
    expect(await definitionState('chatbot')).toBe('CURRENT');
  });

  it('queues a lesson’s sections; narrows by kind and state; offers an editor only confirming published English; fits 375 px', async () => {
    await editKoreanMarkdown(
      served,
      'introduction-to-llms',
      (ko) =>
        ko.replace(
          '## 생성형 AI의 정의 {#generative-ai-definition}\n',
          '## 생성형 AI의 정의 {#generative-ai-definition}\n\n새로 더한 문장.\n',
        ),
      'outdated',
    );
    await editKoreanDefinition(served, 'encoder', '인코더는 입력을 벡터로 바꾼다.', 'outdated');
    const page = await openQueue(EDITOR_TOKEN, 375);
    await page.getByLabel('문서 종류').selectOption('LESSON');
    const section = page.getByTestId(
      'entry-introduction-to-llms-sections.generative-ai-definition',
    );
    await waitForText(
      section.getByRole('heading', { level: 4 }),
      '강의 섹션: generative-ai-definition',
      true,
    );
    expect(await section.locator('.diff ins').textContent()).toContain('새로 더한 문장.');
    expect(await page.locator('article.queued').count()).toBe(1);
    // The lesson is published: an editor may not write its English, only confirm it.
    expect(await section.getByLabel('새 영어 번역').count()).toBe(0);
    expect(await section.getByRole('button', { name: '지금 영어가 맞음' }).count()).toBe(1);
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-translation-queue-375'));

    await page.getByLabel('문서 종류').selectOption('ALL');
    await page.getByLabel('번역 상태').selectOption('MISSING');
    await page.getByText('대기열이 비었습니다', { exact: false }).waitFor();
    await page.getByLabel('번역 상태').selectOption('OUTDATED');
    await page.getByTestId('queued-encoder').waitFor();
  });

  it('lets an editor write the missing English of a draft', async () => {
    const input = draftInput('speculative-decoding');
    const created = await as(
      'editor',
      served.url,
      'mutation($i: ConceptInput!) { createConcept(input: $i) { version } }',
      { i: { ...input, definition: { ko: '작은 모델이 먼저 쓰고 큰 모델이 검증하는 디코딩.' } } },
    );
    expect(created.errors).toBeUndefined();
    const page = await openQueue(EDITOR_TOKEN);
    await page.getByLabel('번역 상태').selectOption('MISSING');
    const entry = page.getByTestId('entry-speculative-decoding-definition');
    await entry.getByText('아직 영어가 없습니다.').waitFor();
    expect(await entry.getByRole('button', { name: '지금 영어가 맞음' }).count()).toBe(0);
    await entry
      .getByLabel('새 영어 번역')
      .fill('Decoding where a small model drafts and a large model verifies.');
    await entry.getByRole('button', { name: '영어 저장' }).click();
    await page.getByTestId('queued-speculative-decoding').waitFor({ state: 'detached' });
    expect(await definitionState('speculative-decoding')).toBe('CURRENT');
  });

  it('does not save while a syllable is being composed (IME), and saves it once committed', async () => {
    await editKoreanDefinition(served, 'gemini', 'Google의 멀티모달 모델.', 'outdated');
    const page = await openQueue();
    const entry = page.getByTestId('entry-gemini-definition');
    const field = entry.getByLabel('새 영어 번역');
    await field.fill('Google’s multimodal model (제미');
    await field.focus();
    await page.keyboard.press('End');
    const commit = await composeKorean(page, ['ㄴ', '나', '니']);
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('UpdateTranslation')) saves.push(request.url());
    });
    await page.keyboard.press('Control+Enter'); // the IME's Enter, not a save
    await page.waitForTimeout(300); // a save would have been sent at once
    expect(saves).toEqual([]);
    await commit();
    await page.keyboard.type(')');
    expect(await field.inputValue()).toBe('Google’s multimodal model (제미니)');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('queued-gemini').waitFor({ state: 'detached' });
    const saved = await as(
      'admin',
      served.url,
      '{ concept(slug: "gemini", locale: EN) { definition } }',
    );
    expect(saved.data.concept.definition).toBe('Google’s multimodal model (제미니)');
  });

  it('pages through a long queue', async () => {
    const slugs = [
      'deep-learning',
      'dialog-tuned-model',
      'few-shot-learning',
      'fine-tuning',
      'foundation-model',
      'generative-ai',
      'generative-model',
      'generic-language-model',
      'instruction-tuned-model',
      'chain-of-thought',
      'chatbot',
    ];
    for (const slug of slugs)
      await editKoreanDefinition(served, slug, `${slug}의 새 정의.`, 'outdated');
    const total = (await as('admin', served.url, '{ translationQueue(first: 0) { totalCount } }'))
      .data.translationQueue.totalCount as number;
    expect(total).toBeGreaterThan(10);
    const page = await openQueue();
    await waitForText(page.getByTestId('queue-count'), `대기 중인 문서: ${total}`);
    expect(await page.locator('article.queued').count()).toBe(10);
    await page.getByRole('button', { name: '더 보기' }).click();
    await page
      .locator('article.queued')
      .nth(total - 1)
      .waitFor();
    expect(await page.locator('article.queued').count()).toBe(total);
    expect(await page.getByRole('button', { name: '더 보기' }).count()).toBe(0);
  });

  it('says so when the API cannot be reached, and tries again', async () => {
    const page = await served.signedIn();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: '번역 대기열' }).click();
    await waitForText(page.getByRole('alert'), 'API에 연결할 수 없습니다', true);
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: '다시 시도' }).click();
    await page.getByTestId('queue-count').waitFor();
  });
});
