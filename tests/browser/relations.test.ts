// A concept's relations tab in a real Chromium against the real function: relations both ways,
// read in Korean with the right particles; a relation added by keyboard through the combobox
// (an Enter the IME is composing with picks nothing), its kinds limited by the categories the
// API allows, a duplicate refused in words, then removed after confirming, each checked through
// the API; an editor is offered no remove button and only drafts for a published concept.
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as, createDraft } from '../helpers/editing.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

const relationsOf = async (slug: string) =>
  (
    await as(
      'admin',
      served.url,
      'query($s: ID!) { concept(slug: $s) { relations { kind direction concept { slug } } } }',
      { s: slug },
    )
  ).data.concept.relations as { kind: string; direction: string; concept: { slug: string } }[];

describe('a concept’s relations', () => {
  it('shows both directions, adds one by keyboard with only the kinds that fit, and removes it', async () => {
    await createDraft(served.url, 'sparse-attention');
    const incoming = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "transformer", kind: USES, to: "sparse-attention", note: { ko: "긴 문맥에서.", en: "For long contexts." } }) { id } }',
    );
    expect(incoming.errors).toBeUndefined();

    const page = await served.signedIn();
    await page.goto(`${served.url}/admin/concepts/sparse-attention/relations`);
    await page.getByRole('heading', { name: '관계: sparse-attention 용어' }).waitFor();
    expect(await page.getByText('이 개념에서 나가는 관계가 없습니다.').count()).toBe(1);
    const incomingList = page.locator('.relation-list').nth(1);
    await waitForText(incomingList.getByTestId('relation'), '트랜스포머에서 활용된다', true);
    expect(await incomingList.textContent()).toContain('긴 문맥에서.');

    // The combobox, by keyboard: type, ArrowDown, an Enter the IME is still composing, Enter.
    const combobox = page.getByRole('combobox', { name: '관계를 맺을 개념' });
    await combobox.focus();
    await page.keyboard.type('디코더');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    const active = await combobox.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).textContent()).toContain('decoder');
    await combobox.evaluate((input) => {
      const Keyboard = (globalThis as any).KeyboardEvent;
      input.dispatchEvent(
        new Keyboard('keydown', { key: 'Enter', isComposing: true, bubbles: true }),
      );
    });
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await combobox.inputValue()).toBe('디코더');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');

    // Kinds: read from this concept with the target's term and its particle; PROVIDED_BY needs
    // a Google Cloud tool at its `to` end, so it is not offered for two fundamentals.
    const kind = page.getByLabel('관계 종류');
    const values = await kind
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(values).toContain('SPECIALIZES:OUTGOING');
    expect(values).toContain('IS_A:INCOMING');
    expect(values.filter((v) => v.startsWith('PROVIDED_BY'))).toEqual([]);
    expect(await kind.locator('option[value="SPECIALIZES:OUTGOING"]').textContent()).toBe(
      '디코더를 전문화한 것이다',
    );
    await kind.focus();
    await kind.selectOption('SPECIALIZES:OUTGOING');
    await page.getByLabel('한국어 (원문)').fill('디코더만 쓰는 변형.');
    await page.getByRole('button', { name: '관계 추가', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForText(page.getByRole('status').first(), '관계를 추가했습니다', true);
    const outgoingList = page.locator('.relation-list').first();
    await waitForText(outgoingList.getByTestId('relation'), '디코더를 전문화한 것이다', true);
    expect(await relationsOf('sparse-attention')).toEqual(
      expect.arrayContaining([
        { kind: 'SPECIALIZES', direction: 'OUTGOING', concept: { slug: 'decoder' } },
        { kind: 'USES', direction: 'INCOMING', concept: { slug: 'transformer' } },
      ]),
    );
    expect(await seriousViolations(page)).toEqual([]);

    // A Google Cloud tool at the other end: PROVIDED_BY is offered one way only.
    await combobox.fill('Gemini');
    await page
      .getByRole('option', { name: /gemini/ })
      .first()
      .click();
    const withTool = await kind
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(withTool).toContain('PROVIDED_BY:OUTGOING');
    expect(withTool).not.toContain('PROVIDED_BY:INCOMING');

    // The same relation again: the API's refusal, in words.
    await combobox.fill('디코더');
    await page
      .getByRole('option', { name: /decoder/ })
      .first()
      .click();
    await kind.selectOption('SPECIALIZES:OUTGOING');
    await page.getByRole('button', { name: '관계 추가', exact: true }).click();
    await waitForText(page.getByRole('alert'), '이 관계는 이미 있습니다', true);
    expect(await page.getByRole('alert').textContent()).toContain('already exists');
    console.log(await screenshot(page, 'console-concept-relations'));

    // Remove, after confirming.
    await page.getByRole('button', { name: '삭제: 디코더를 전문화한 것이다' }).click();
    await page.getByRole('button', { name: '삭제 확인' }).click();
    await waitForText(page.getByRole('status').first(), '관계를 삭제했습니다', true);
    // The message may come before the list is read again: wait for the list, not a snapshot of it.
    await page.getByText('이 개념에서 나가는 관계가 없습니다.').waitFor();
    expect(await relationsOf('sparse-attention')).toEqual([
      { kind: 'USES', direction: 'INCOMING', concept: { slug: 'transformer' } },
    ]);
  });

  it('offers an editor no removal, only drafts for a published concept, and fits 375 px', async () => {
    await createDraft(served.url, 'draft-for-editor');
    const page = await served.signedIn(EDITOR_TOKEN, { width: 375 });
    await page.goto(`${served.url}/admin/concepts/encoder/relations`);
    await page.getByRole('heading', { name: '관계: 인코더' }).waitFor();
    await waitForText(page.getByTestId('relation').first(), '트랜스포머의 구성 요소이다', true);
    expect(await page.getByRole('button', { name: /^삭제/ }).count()).toBe(0);
    expect(await page.getByText('관계 삭제는 관리자만 할 수 있습니다.').count()).toBe(1);
    expect(await page.getByText('편집자는 초안 개념과의 관계만').count()).toBe(1);

    // A published concept is not offered; a draft is.
    const combobox = page.getByRole('combobox', { name: '관계를 맺을 개념' });
    await combobox.fill('디코더');
    await waitForText(
      page.locator('.combobox [role="status"]'),
      '관계를 맺을 수 있는 개념을 찾지 못했습니다.',
    );
    await combobox.fill('draft-for-editor');
    await page.getByRole('option', { name: /draft-for-editor/ }).waitFor();

    // In English, the labels and terms come in English, the term after the label.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Relations: Encoder' }).waitFor();
    await waitForText(page.getByTestId('relation').first(), 'is part of Transformer', true);
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-concept-relations-editor'));
  });

  it('says so in place when the API cannot be reached or fails (relations and history tabs)', async () => {
    const page = await served.signedIn();
    await page.goto(`${served.url}/admin/concepts/encoder/publish`);
    await page.getByRole('heading', { name: /게시와 게시 취소/ }).waitFor();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: '관계', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API에 연결할 수 없습니다', true);

    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) =>
      route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Unavailable</h1>' }),
    );
    await page.getByRole('link', { name: '버전 기록' }).click();
    await waitForText(page.getByRole('alert'), 'API가 오류를 반환했습니다', true);
    expect(await page.getByRole('link', { name: '편집' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
