// The concept editor in a real Chromium against the real function: every kind of field edited
// in Korean and English (lists grown and shrunk) and checked through the API; the API's issue
// and the shared zod schema's issue each shown at their field; a conflict with a second window
// showing the other person's change and reapplying the user's on top; Ctrl+S, a Korean IME
// composition driven through the DevTools protocol, a keyboard-only save; axe-core and 375 px.
import type { Page } from 'playwright-core';
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as, draftInput } from '../helpers/editing.js';
import { rewriteKoreanDefinition } from '../helpers/translationFixtures.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

const FULL = `
  term aliases summary definition
  details { title text origin }
  examples limitations
  analogies { domain text mapping { source target concept { slug } } caveats }
  media { path alt available }
  version
  translation { state }`;

async function read(slug: string, locale: 'KO' | 'EN') {
  const answer = await as(
    'admin',
    served.url,
    `query($s: ID!) { concept(slug: $s, locale: ${locale}) { ${FULL} } }`,
    {
      s: slug,
    },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.concept;
}

async function createDraft(slug: string) {
  const answer = await as(
    'admin',
    served.url,
    'mutation($i: ConceptInput!) { createConcept(input: $i) { version } }',
    { i: draftInput(slug) },
  );
  expect(answer.errors).toBeUndefined();
}

async function openEditor(page: Page, slug: string) {
  await page.goto(`${served.url}/admin/concepts/${slug}`);
  await page.getByTestId('version').waitFor();
}

async function fillPair(page: Page, id: string, ko: string, en: string) {
  await page.locator(`#${id}-ko`).fill(ko);
  await page.locator(`#${id}-en`).fill(en);
}

describe('the concept editor', () => {
  it('edits every kind of field in both languages, adding and removing list items', async () => {
    await createDraft('beam-search');
    const page = await served.signedIn();
    await openEditor(page, 'beam-search');
    expect(await page.getByRole('button', { name: '게시' }).count()).toBe(0);

    await fillPair(page, 'term', '빔 서치', 'Beam search');
    await fillPair(
      page,
      'summary',
      '여러 후보를 함께 펼치는 탐색.',
      'Search that keeps several candidates.',
    );
    await fillPair(
      page,
      'definition',
      '매 단계 점수가 높은 k개 후보만 남기는 디코딩.',
      'Decoding that keeps the k best candidates at each step.',
    );
    await page.getByRole('button', { name: '추가 별칭' }).click();
    await page.locator('#aliases-1').fill('빔 탐색');

    await page.getByRole('button', { name: '추가 세부 항목' }).click();
    await fillPair(page, 'details-0-title', '빔 너비', 'Beam width');
    await fillPair(page, 'details-0-text', '남기는 후보의 수.', 'How many candidates are kept.');
    await page.locator('#details-0-origin').selectOption('editorial');

    // Two examples, then the first removed: the second takes its place.
    await page.getByRole('button', { name: '추가 예시' }).click();
    await page.getByRole('button', { name: '추가 예시' }).click();
    await fillPair(page, 'examples-0', '지울 예시', 'An example to remove');
    await fillPair(page, 'examples-1', '기계 번역', 'Machine translation');
    await page.getByRole('button', { name: '삭제 예시 1' }).click();
    expect(await page.locator('#examples-0-en').inputValue()).toBe('Machine translation');
    expect(await page.locator('#examples-1-en').count()).toBe(0);

    await page.getByRole('button', { name: '추가 한계' }).click();
    await fillPair(
      page,
      'limitations-0',
      '최적해를 보장하지 않음.',
      'It does not guarantee the best sequence.',
    );

    await page.getByRole('button', { name: '추가 비유' }).click();
    await fillPair(page, 'analogies-0-domain', '등산', 'Hiking');
    await fillPair(
      page,
      'analogies-0-text',
      '여러 길을 동시에 정찰하는 등산대.',
      'A party scouting several trails at once.',
    );
    await page.getByRole('button', { name: '추가 비유 1 대응' }).click();
    await fillPair(page, 'analogies-0-mapping-0-source', '정찰대', 'Scouts');
    await fillPair(page, 'analogies-0-mapping-0-target', '후보 시퀀스', 'Candidate sequences');
    await page.locator('#analogies-0-mapping-0-concept').fill('encoder');
    await page.getByRole('button', { name: '추가 비유 1 비유의 한계' }).click();
    await fillPair(
      page,
      'analogies-0-caveats-0',
      '정찰대는 서로 대화한다.',
      'Scouts talk to each other.',
    );

    await page.getByRole('button', { name: '추가 이미지' }).click();
    await page.locator('#media-0-path').fill('images/beam.png');
    await fillPair(page, 'media-0-alt', '빔 서치 나무', 'A beam search tree');
    await page.locator('#media-0-available').check();

    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(page.getByRole('status'), '저장했습니다.');

    const ko = await read('beam-search', 'KO');
    const en = await read('beam-search', 'EN');
    expect(ko).toMatchObject({
      term: '빔 서치',
      aliases: ['BEAM-SEARCH', '빔 탐색'],
      details: [{ title: '빔 너비', text: '남기는 후보의 수.', origin: 'EDITORIAL' }],
      examples: ['기계 번역'],
      limitations: ['최적해를 보장하지 않음.'],
      analogies: [
        {
          domain: '등산',
          mapping: [{ source: '정찰대', target: '후보 시퀀스', concept: { slug: 'encoder' } }],
          caveats: ['정찰대는 서로 대화한다.'],
        },
      ],
      media: [{ path: 'images/beam.png', alt: '빔 서치 나무', available: true }],
    });
    expect(en).toMatchObject({
      term: 'Beam search',
      summary: 'Search that keeps several candidates.',
      definition: 'Decoding that keeps the k best candidates at each step.',
      details: [{ title: 'Beam width', text: 'How many candidates are kept.' }],
      examples: ['Machine translation'],
      limitations: ['It does not guarantee the best sequence.'],
      analogies: [
        {
          domain: 'Hiking',
          text: 'A party scouting several trails at once.',
          mapping: [{ source: 'Scouts', target: 'Candidate sequences' }],
          caveats: ['Scouts talk to each other.'],
        },
      ],
      media: [{ alt: 'A beam search tree' }],
      translation: { state: 'CURRENT' },
    });
    // The reloaded editor shows each English text's state.
    await waitForText(page.getByTestId('state-analogies.0.caveats.0'), '번역 최신');

    console.log(await screenshot(page, 'console-concept-editor'));

    // Removing items is saved too.
    await page.getByRole('button', { name: '삭제 별칭 2' }).click();
    await page.getByRole('button', { name: '삭제 비유 1', exact: true }).click();
    await page.keyboard.press('Control+s');
    await waitForText(page.getByRole('status'), '저장했습니다.');
    const after = await read('beam-search', 'KO');
    expect(after.aliases).toEqual(['BEAM-SEARCH']);
    expect(after.analogies).toEqual([]);
    expect(after.examples).toEqual(['기계 번역']);
  });

  it('shows the API’s issue at its field, and the shared schema’s before sending anything', async () => {
    const page = await served.signedIn();
    await openEditor(page, 'decoder');
    // A Korean change to a published concept would leave its English outdated: refused.
    const definition = await page.locator('#definition-ko').inputValue();
    await page.locator('#definition-ko').fill(`${definition} (개정)`);
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API가 저장을 거절했습니다', true);
    expect(await page.locator('#definition-en-issue').textContent()).toContain('outdated English');
    expect(await page.locator('#definition-en').getAttribute('aria-invalid')).toBe('true');
    // An admin may keep it published anyway; anyone may call it a typo fix.
    expect(await page.getByLabel('게시 상태 유지', { exact: false }).count()).toBe(1);
    await page.getByLabel('오타 수정', { exact: false }).check();
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(page.getByRole('status'), '저장했습니다.');
    await waitForText(page.getByTestId('state-definition'), '번역 최신');
    expect((await read('decoder', 'KO')).definition).toBe(`${definition} (개정)`);

    // An empty Korean term: the shared zod schema refuses it before any request is made.
    await createDraft('greedy-decoding');
    await openEditor(page, 'greedy-decoding');
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('SaveConcept')) saves.push(request.url());
    });
    await page.locator('#term-ko').fill('   ');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(page.getByRole('alert'), '저장하기 전에 표시된 항목을 고치세요.');
    expect(await page.locator('#term-ko-issue').textContent()).toBe('must not be empty');
    expect(await page.locator('#term-ko').getAttribute('aria-invalid')).toBe('true');
    expect(saves).toEqual([]);
    expect((await read('greedy-decoding', 'KO')).version).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // A deeper path: an analogy's pair linked to a concept that does not exist (a valid slug,
    // so only the API can tell) is refused at that pair's concept field.
    await page.locator('#term-ko').fill('탐욕적 디코딩');
    await page.getByRole('button', { name: '추가 비유' }).click();
    await fillPair(page, 'analogies-0-domain', '쇼핑', 'Shopping');
    await fillPair(
      page,
      'analogies-0-text',
      '눈앞의 최저가만 고르기.',
      'Always taking the cheapest item in sight.',
    );
    await page.getByRole('button', { name: '추가 비유 1 대응' }).click();
    await fillPair(page, 'analogies-0-mapping-0-source', '최저가', 'Cheapest item');
    await fillPair(page, 'analogies-0-mapping-0-target', '최고 확률 토큰', 'Likeliest token');
    await page.locator('#analogies-0-mapping-0-concept').fill('no-such-concept');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API가 저장을 거절했습니다', true);
    expect(await page.locator('#analogies-0-mapping-0-concept-issue').textContent()).toContain(
      'no-such-concept',
    );
    expect(saves).toHaveLength(1);
    expect((await read('greedy-decoding', 'KO')).version).toBe(1);
  });

  it('checks a new concept with the shared schema before sending it', async () => {
    const page = await served.signedIn();
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('CreateConcept')) creates.push(request.url());
    });
    await page.getByRole('link', { name: '새 개념' }).click();
    await page.getByLabel('슬러그 (영문 소문자, 하이픈)').fill('Top P');
    await page.getByLabel('카테고리').fill('fundamentals');
    await fillPair(page, 'new-term', '탑 P', 'Top-p');
    await fillPair(page, 'new-summary', '요약.', 'Summary.');
    await fillPair(page, 'new-definition', '정의.', 'Definition.');
    await page.getByRole('button', { name: '초안 만들기' }).click();
    await waitForText(page.getByRole('alert'), '저장하기 전에 표시된 항목을 고치세요.');
    expect(await page.locator('#new-slug-issue').textContent()).toContain('kebab-case');
    expect(await page.locator('#new-slug').getAttribute('aria-invalid')).toBe('true');
    expect(creates).toEqual([]);
    await page.getByLabel('슬러그 (영문 소문자, 하이픈)').fill('top-p');
    await page.getByRole('button', { name: '초안 만들기' }).click();
    await page.getByTestId('version').waitFor();
    expect(creates).toHaveLength(1);
    expect((await read('top-p', 'EN')).term).toBe('Top-p');
  });

  it('shows what another window changed on a conflict and reapplies the user’s edits on it', async () => {
    await createDraft('top-k-sampling');
    const first = await served.signedIn();
    const second = await served.signedIn();
    await openEditor(first, 'top-k-sampling');
    await openEditor(second, 'top-k-sampling');

    await first.locator('#summary-en').fill('Sampling among the k likeliest tokens.');
    await first.getByRole('button', { name: '추가 예시' }).click();
    await fillPair(first, 'examples-0', '챗봇 응답', 'Chatbot answers');
    await first.keyboard.press('Control+s');
    await waitForText(first.getByRole('status'), '저장했습니다.');

    await second.locator('#definition-en').fill('Keeping only the k most probable next tokens.');
    await second.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(second.getByRole('alert'), '다른 사람이 먼저 저장했습니다', true);
    const conflict = second.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.locator('[data-path="summary.en"] del').textContent()).toContain(
      'A one-sentence summary.',
    );
    expect(await conflict.locator('[data-path="summary.en"] ins').textContent()).toContain(
      'Sampling among the k likeliest tokens.',
    );
    expect(await conflict.locator('[data-path="examples.0.ko"] dt').textContent()).toBe(
      '예시 1 · 한국어 (원문)',
    );
    // Nothing typed is lost while the user reads it.
    expect(await second.locator('#definition-en').inputValue()).toBe(
      'Keeping only the k most probable next tokens.',
    );
    expect(await seriousViolations(second)).toEqual([]);
    console.log(await screenshot(second, 'console-concept-conflict'));

    await second.getByRole('button', { name: '최신 버전에 내 변경 다시 적용' }).click();
    await waitForText(
      second.getByRole('status'),
      '최신 버전 위에 내 변경을 다시 적용했습니다',
      true,
    );
    expect(await second.locator('#summary-en').inputValue()).toBe(
      'Sampling among the k likeliest tokens.',
    );
    expect(await second.locator('#examples-0-en').inputValue()).toBe('Chatbot answers');
    expect(await second.locator('#definition-en').inputValue()).toBe(
      'Keeping only the k most probable next tokens.',
    );
    await second.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(second.getByRole('status'), '저장했습니다.');
    expect(await read('top-k-sampling', 'EN')).toMatchObject({
      summary: 'Sampling among the k likeliest tokens.',
      definition: 'Keeping only the k most probable next tokens.',
      examples: ['Chatbot answers'],
      version: 3,
    });
  });

  it('saves with Ctrl+S mid-composition or right after, without losing or doubling a syllable', async () => {
    await createDraft('nucleus-sampling');
    const page = await served.signedIn();
    await openEditor(page, 'nucleus-sampling');
    const cdp = await page.context().newCDPSession(page);

    // Saving while the last syllable is still being composed: it is saved once committed.
    await page.locator('#definition-ko').fill('');
    await page.locator('#definition-ko').focus();
    await cdp.send('Input.insertText', { text: '누적 확률로 자르는 샘플' });
    for (const text of ['ㄹ', '리', '링']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: 1, selectionEnd: 1 });
    }
    await page.keyboard.press('Control+s');
    // The editor saw the composition and waits for it instead of saving half a syllable.
    await waitForText(page.getByRole('status'), '입력이 끝나면 저장합니다…');
    await cdp.send('Input.insertText', { text: '링' });
    await waitForText(page.getByRole('status'), '저장했습니다.');
    expect((await read('nucleus-sampling', 'KO')).definition).toBe('누적 확률로 자르는 샘플링');
    expect(await page.locator('#definition-ko').inputValue()).toBe('누적 확률로 자르는 샘플링');

    // Saving right after the composition ends.
    await page.locator('#summary-ko').fill('');
    await page.locator('#summary-ko').focus();
    await cdp.send('Input.insertText', { text: '확률 질량으로 후보를 고르는 방' });
    for (const text of ['ㅅ', '시', '식']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: 1, selectionEnd: 1 });
    }
    await cdp.send('Input.insertText', { text: '식' });
    await page.keyboard.press('Meta+s');
    await waitForText(page.getByRole('status'), '저장했습니다.');
    expect((await read('nucleus-sampling', 'KO')).summary).toBe('확률 질량으로 후보를 고르는 방식');
    expect(await page.locator('#summary-ko').inputValue()).toBe('확률 질량으로 후보를 고르는 방식');
  });

  it('saves with the keyboard alone', async () => {
    await createDraft('temperature');
    const page = await served.signedIn();
    await openEditor(page, 'temperature');
    const focused = () => page.evaluate(() => (globalThis as any).document.activeElement?.id ?? '');
    const isSave = () =>
      page.evaluate(
        () => (globalThis as any).document.activeElement?.getAttribute('type') === 'submit',
      );
    for (let i = 0; i < 40 && (await focused()) !== 'term-en'; i++)
      await page.keyboard.press('Tab');
    expect(await focused()).toBe('term-en');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Sampling temperature');
    for (let i = 0; i < 200 && !(await isSave()); i++) await page.keyboard.press('Tab');
    expect(await isSave()).toBe(true);
    const sent = page.waitForRequest((request) => !!request.postData()?.includes('SaveConcept'));
    await page.keyboard.press('Enter');
    await waitForText(page.getByRole('status'), '저장했습니다.');
    expect((await read('temperature', 'EN')).term).toBe('Sampling temperature');
    // Only what changed, with the version the user started from.
    const { variables } = (await sent).postDataJSON();
    expect(variables.version).toBe(1);
    expect(variables.patch).toEqual({ term: { en: 'Sampling temperature' } });

    // In English, the editor speaks English (every text of its word table has both).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Add Example' }).waitFor();
    await waitForText(page.getByTestId('state-term'), 'English current');
    expect(await page.getByText('Ctrl+S (Mac: ⌘S) saves too.').count()).toBe(1);
  });

  it('fits 375 px, offers an editor only what an editor may do, and answers every state', async () => {
    await createDraft('logit');
    const page = await served.signedIn(EDITOR_TOKEN, { width: 375 });
    await openEditor(page, 'logit');
    expect(await seriousViolations(page)).toEqual([]);
    const width = await page.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(375);
    console.log(await screenshot(page, 'console-concept-editor-375', false));
    await page.locator('#summary-en').fill('The score before softmax.');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForText(page.getByRole('status'), '저장했습니다.');
    expect(await page.getByLabel('게시 상태 유지', { exact: false }).count()).toBe(0);

    // A published concept: an editor reads it, with no control to change it.
    await openEditor(page, 'encoder');
    await page.getByText('게시된 개념은 관리자만 편집할 수 있습니다.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '저장', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '추가', exact: false }).count()).toBe(0);
    expect(await page.locator('#term-en').getAttribute('readonly')).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    // An unknown slug, a 5xx, an unreachable API and a slow one: each says so.
    await page.goto(`${served.url}/admin/concepts/no-such-concept`);
    await waitForText(page.getByRole('alert'), '이 슬러그의 개념이 없습니다.', true);
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('ConceptEdit')
        ? route.fulfill({ status: 503, body: 'unavailable' })
        : route.continue(),
    );
    await page.goto(`${served.url}/admin/concepts/logit`);
    await waitForText(page.getByRole('alert'), 'API가 오류를 반환했습니다', true);
    await page.unrouteAll();
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('ConceptEdit') ? route.abort() : route.continue(),
    );
    await page.goto(`${served.url}/admin/concepts/logit`);
    await waitForText(page.getByRole('alert'), 'API에 연결할 수 없습니다', true);
    await page.unrouteAll();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('ConceptEdit')) await held;
      await route.continue();
    });
    await page.goto(`${served.url}/admin/concepts/logit`);
    await waitForText(page.getByRole('status'), '불러오는 중…');
    release();
    await page.getByTestId('version').waitFor();
    await page.unrouteAll();
  });

  it('shows an outdated English text with how its Korean changed', async () => {
    const runtime = await served.api.ready;
    await rewriteKoreanDefinition(runtime.store, (ko) =>
      ko.replace('입력 시퀀스를', '입력 토큰 시퀀스를').replace('변환한다', '바꾼다'),
    );
    await runtime.readModel.refresh();
    const page = await served.signedIn();
    await openEditor(page, 'encoder');
    await waitForText(page.getByTestId('state-definition'), '번역 오래됨');
    const diff = page.getByTestId('diff-definition');
    expect(await diff.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('토큰')]),
    );
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The picture starts at the definition: its state, both texts and the Korean's change.
    await page.evaluate(() =>
      (globalThis as any).document
        .querySelector('#definition-ko')
        .closest('fieldset')
        .scrollIntoView(),
    );
    console.log(await screenshot(page, 'console-concept-outdated', false));
  });
});
