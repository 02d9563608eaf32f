// Lessons in the console, in a real Chromium against the real function: the list (drafts too,
// with their English state); the editor with Korean and English side by side, the preview the
// API renders as typing pauses, a concept link completed by keyboard and rendered as a concept
// link, a save checked through the API, the English flagged outdated (with the Korean change)
// after a Korean edit, a conflict from a second window, the admin's override when a published
// lesson's English would go outdated, publishing refused then overridden, a section added in
// both columns previewed with no lineup issue and saved in one call (and a pair that does not
// line up shown by the preview and refused at the English), axe and 375 px.
import type { Page } from 'playwright-core';
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as } from '../helpers/editing.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();

const UPSERT = `mutation($s: ID!, $md: String!, $v: Int, $l: Locale, $t: LocalizedInput) {
  upsertLesson(slug: $s, markdown: $md, expectedVersion: $v, locale: $l, title: $t) { version }
}`;
const READ = `query($s: ID!) {
  lesson(slug: $s, locale: KO) { version status markdown translation { fields(all: true) { path state } } }
}`;

const KOREAN = `# 어텐션 기초

## 개요 {#overview}

[인코더](concept:encoder)가 입력을 읽는다.

## 비교 {#comparison}

| 구성 | 역할 |
| --- | --- |
| 인코더 | 읽기 |
`;
const ENGLISH = `# Attention basics

## Overview {#overview}

The [encoder](concept:encoder) reads the input.

## Comparison {#comparison}

| Part | Role |
| --- | --- |
| Encoder | Reading |
`;

// A draft lesson in both languages, English current (made after the Korean).
async function draftLesson(slug: string, title: string): Promise<void> {
  const ko = await as('admin', served.url, UPSERT, {
    s: slug,
    md: KOREAN.replace('어텐션 기초', title),
  });
  expect(ko.errors).toBeUndefined();
  const en = await as('admin', served.url, UPSERT, {
    s: slug,
    md: ENGLISH,
    v: ko.data.upsertLesson.version,
    l: 'EN',
    t: { en: 'Attention basics' },
  });
  expect(en.errors).toBeUndefined();
}

async function read(slug: string) {
  return (await as('admin', served.url, READ, { s: slug })).data.lesson as {
    version: number;
    status: string;
    markdown: string;
    translation: { fields: { path: string; state: string }[] };
  };
}

async function openLesson(page: Page, slug: string): Promise<void> {
  await page.goto(`${served.url}/admin/lessons/${slug}`);
  await page.locator('#lesson-markdown-ko').waitFor();
}

// Puts the caret at the end of the Korean markdown and types there, key by key.
async function typeAtEnd(page: Page, id: string, text: string): Promise<void> {
  const field = page.locator(`#${id}`);
  await field.focus();
  await field.press('Control+End');
  await page.keyboard.type(text);
}

describe('lessons in the console', () => {
  beforeAll(async () => {
    await draftLesson('attention-basics', '어텐션 기초');
    await draftLesson('conflicted', '두 창에서 고치는 강의');
    await draftLesson('to-publish', '게시할 강의');
  });

  it('lists every lesson, drafts too, with its English state', async () => {
    const page = await served.signedIn();
    await page.getByRole('link', { name: '강의', exact: true }).click();
    await page.getByRole('heading', { name: '강의', exact: true }).waitFor();
    await waitForText(page.getByTestId('lesson-count'), '강의 수: 4');
    const published = page.getByTestId('lesson-introduction-to-llms');
    expect(await published.textContent()).toContain('게시됨');
    const draft = page.getByTestId('lesson-attention-basics');
    expect(await draft.textContent()).toContain('초안');
    expect(await draft.textContent()).toContain('번역 최신');
    expect(
      await page.getByRole('link', { name: '강의', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-lessons'));

    // An API answering 500 says so in place, on the editor; one that cannot be reached, on the list.
    await page.route('**/graphql', (route) => route.fulfill({ status: 500, body: 'down' }));
    await page.getByRole('link', { name: '어텐션 기초' }).click();
    await waitForText(
      page.getByRole('alert'),
      'API가 오류를 반환했습니다. 잠시 후 다시 시도하세요.',
    );
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.abort());
    await page.getByRole('link', { name: '강의', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API에 연결할 수 없습니다. 네트워크를 확인하세요.');
  });

  it('edits Korean with the preview from the API, completes a concept link by keyboard, saves, flags the English outdated, and saves the English that brings it current', async () => {
    const page = await served.signedIn();
    await openLesson(page, 'attention-basics');
    // Korean left, English right, each as stored.
    expect(await page.locator('#lesson-markdown-ko').inputValue()).toContain('인코더');
    expect(await page.locator('#lesson-markdown-en').inputValue()).toContain('encoder');
    await waitForText(page.getByTestId('state-sections.overview'), '번역 최신');
    const preview = page.getByTestId('preview');
    await preview.locator('table').waitFor();

    // `](concept:` opens the suggestions; typing narrows them; Enter writes the link.
    await typeAtEnd(page, 'lesson-markdown-ko', '\n[디코더](concept:');
    const listbox = page.getByRole('listbox', { name: '개념 제안' });
    await listbox.waitFor();
    const ko = page.locator('#lesson-markdown-ko');
    expect(await ko.getAttribute('aria-activedescendant')).toBe('lesson-markdown-ko-completions-0');
    await page.keyboard.type('dec');
    await waitForText(listbox.getByRole('option').first(), 'decoder 디코더');
    expect(await listbox.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await listbox.waitFor({ state: 'detached' });
    expect(await ko.inputValue()).toMatch(/\[디코더\]\(concept:decoder\)$/);
    await page.keyboard.type('가 출력을 쓴다.');
    expect(await ko.inputValue()).toMatch(/\[디코더\]\(concept:decoder\)가 출력을 쓴다\.$/);
    // Escape closes the suggestions and leaves the text as typed.
    await page.keyboard.type(' [x](concept:enc');
    await listbox.waitFor();
    await page.keyboard.press('Escape');
    await listbox.waitFor({ state: 'detached' });
    for (let i = 0; i < ' [x](concept:enc'.length; i++) await page.keyboard.press('Backspace');

    // The preview, rendered from the API's blocks, shows the new link as a concept link.
    const link = preview.locator('a.concept-link[data-concept="decoder"]');
    await link.waitFor();
    expect(await link.textContent()).toBe('디코더');
    await waitForText(preview.locator('p').last(), '디코더가 출력을 쓴다.');
    expect(await page.locator('[data-testid="preview"] [role="status"]').textContent()).toBe('');

    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+s');
    await waitForText(
      page.getByRole('status').filter({ hasText: '저장했습니다' }),
      '저장했습니다.',
    );
    const saved = await read('attention-basics');
    expect(saved.version).toBe(3);
    expect(saved.markdown).toContain('[디코더](concept:decoder)가 출력을 쓴다.');

    // The English of the edited section is now outdated, and says how the Korean changed.
    await waitForText(page.getByTestId('state-sections.comparison'), '번역 오래됨');
    expect(await page.getByTestId('state-sections.overview').textContent()).toBe('번역 최신');
    expect(
      await page.getByTestId('diff-sections.comparison').locator('ins').allTextContents(),
    ).toEqual([expect.stringContaining('디코더')]);
    expect(saved.translation.fields).toContainEqual({
      path: 'sections.comparison',
      state: 'OUTDATED',
    });
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-lesson-editor'));

    // The English preview is the English's own.
    await page.locator('#lesson-markdown-en').focus();
    await waitForText(preview.locator('a.concept-link').first(), 'encoder');

    // A translator brings the section's English up to date: CURRENT again.
    await typeAtEnd(
      page,
      'lesson-markdown-en',
      '\nThe [decoder](concept:decoder) writes the output.',
    );
    await page.keyboard.press('Control+s');
    await waitForText(page.getByTestId('state-sections.comparison'), '번역 최신');
    const translated = await read('attention-basics');
    expect(translated.version).toBe(4);
    expect(translated.translation.fields.map((field) => field.state)).not.toContain('OUTDATED');
    await waitForText(preview.locator('a.concept-link[data-concept="decoder"]'), 'decoder');
  });

  it('leaves keys to a Korean IME while it composes, and shows a broken link where it points', async () => {
    const page = await served.signedIn();
    await openLesson(page, 'conflicted');
    const ko = page.locator('#lesson-markdown-ko');
    await typeAtEnd(page, 'lesson-markdown-ko', '\n[');
    // Korean typed through the IME (Chromium's own composition events): no syllable lost or doubled.
    const cdp = await page.context().newCDPSession(page);
    for (const step of ['ㅇ', '유', '율', '유려']) {
      await cdp.send('Input.imeSetComposition', {
        text: step,
        selectionStart: step.length,
        selectionEnd: step.length,
      });
    }
    await cdp.send('Input.insertText', { text: '유령' });
    await page.keyboard.type('](concept:');
    expect(await ko.inputValue()).toMatch(/\n\[유령\]\(concept:$/);
    const listbox = page.getByRole('listbox', { name: '개념 제안' });
    await listbox.waitFor();
    // Enter and Ctrl+S pressed while a syllable is being composed belong to the IME.
    const before = await ko.inputValue();
    for (const init of [{ key: 'Enter' }, { key: 's', ctrlKey: true }]) {
      await ko.evaluate(
        (field, init) =>
          field.dispatchEvent(
            new (globalThis as any).KeyboardEvent('keydown', {
              ...init,
              bubbles: true,
              cancelable: true,
              isComposing: true,
            }),
          ),
        init,
      );
    }
    expect(await listbox.isVisible()).toBe(true);
    expect(await ko.inputValue()).toBe(before);
    expect(await page.getByText('저장했습니다.').count()).toBe(0);

    // A link to no concept: the preview names it, and so does the refused save, at the text.
    await page.keyboard.press('Escape');
    await page.keyboard.type('ghost)');
    await waitForText(page.getByTestId('preview-issues'), 'unknown concept "ghost"', true);
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('alert'), 'API가 저장을 거절했습니다', true);
    expect(await ko.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#lesson-markdown-ko-issue').textContent()).toBe(
      'unknown concept "ghost"',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps what a user typed through a conflict and saves it on top of the other edit', async () => {
    const first = await served.signedIn();
    const second = await served.signedIn();
    await openLesson(first, 'conflicted');
    await openLesson(second, 'conflicted');
    await typeAtEnd(first, 'lesson-markdown-ko', '\n첫 번째 창.');
    await first.getByRole('button', { name: '저장' }).click();
    await waitForText(first.getByRole('status').filter({ hasText: '저장' }), '저장했습니다.');

    await typeAtEnd(second, 'lesson-markdown-ko', '\n두 번째 창.');
    await second.getByRole('button', { name: '저장' }).click();
    await waitForText(second.getByRole('alert'), '다른 사람이 먼저 저장했습니다', true);
    expect(await second.locator('#lesson-markdown-ko').inputValue()).toMatch(/두 번째 창\.$/);
    await second.getByRole('button', { name: '최신 버전 불러오기' }).click();
    await waitForText(second.getByTestId('version'), '3');
    expect(await second.locator('#lesson-markdown-ko').inputValue()).toMatch(/두 번째 창\.$/);
    await second.getByRole('button', { name: '저장' }).click();
    await waitForText(second.getByRole('status').filter({ hasText: '저장' }), '저장했습니다.');
    const saved = await read('conflicted');
    expect(saved.version).toBe(4);
    expect(saved.markdown).toMatch(/두 번째 창\.\n?$/);
  });

  it('explains why a published lesson’s Korean edit is refused and lets an admin save it anyway; publishes with an override', async () => {
    const page = await served.signedIn();
    await openLesson(page, 'introduction-to-llms');
    await typeAtEnd(page, 'lesson-markdown-ko', '\n\n덧붙인 문장.');
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('alert'), '게시된 강의입니다', true);
    // The refusal is also shown at the section it is about, in the list of English texts.
    expect(await page.locator('.section-states li:has(.error)').allTextContents()).toEqual([
      expect.stringContaining('has outdated English'),
    ]);
    expect(await read('introduction-to-llms')).toMatchObject({ version: 1 });
    await page.getByLabel('영어가 오래된 채로 저장', { exact: false }).check();
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('status').filter({ hasText: '저장' }), '저장했습니다.');
    const kept = await read('introduction-to-llms');
    expect(kept.status).toBe('PUBLISHED');
    expect(kept.markdown).toContain('덧붙인 문장.');

    // Publishing a draft whose English is outdated: refused and explained, then overridden.
    await as('admin', served.url, UPSERT, {
      s: 'to-publish',
      md: KOREAN.replace('읽는다', '모두 읽는다'),
      v: 2,
    });
    await openLesson(page, 'to-publish');
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByRole('alert'), 'API가 게시를 거절했습니다', true);
    expect(await page.getByRole('alert').textContent()).toContain('sections.overview');
    await page.getByLabel('영어가 최신이 아니어도 게시', { exact: false }).check();
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByTestId('status'), '게시됨');
    expect((await read('to-publish')).status).toBe('PUBLISHED');
    await page.getByRole('button', { name: '게시 취소' }).click();
    await waitForText(page.getByTestId('status'), '초안');
  });

  it('adds a section in both columns and saves them together: one version, the English current, in the preview and the API', async () => {
    await draftLesson('both-columns', '두 언어로 고치는 강의');
    const before = await read('both-columns');
    const page = await served.signedIn();
    await openLesson(page, 'both-columns');
    await typeAtEnd(
      page,
      'lesson-markdown-ko',
      '\n## 요약 {#recap}\n\n[디코더](concept:decoder)가 쓴다.\n',
    );
    // The Korean alone (the English unchanged) no longer lines up with the English as stored:
    // the preview says so, as a save of the Korean alone would.
    await waitForText(page.getByTestId('preview-issues'), 'must have the same sections', true);
    await typeAtEnd(
      page,
      'lesson-markdown-en',
      '\n## Recap {#recap}\n\nThe [decoder](concept:decoder) writes.\n',
    );
    // Both columns carry the section, unsaved: the preview asks with both texts (as the save
    // will send them) and shows it in either language, with no lineup issue.
    const preview = page.getByTestId('preview');
    const settled = page.locator('[data-testid="preview"][aria-busy="false"]');
    await waitForText(preview.locator('[data-anchor="recap"] a.concept-link'), 'decoder');
    await page.getByTestId('preview-issues').waitFor({ state: 'detached' });
    await settled.waitFor();
    expect(await page.getByTestId('preview-issues').count()).toBe(0);
    await page.getByRole('radio', { name: '한국어' }).check();
    await waitForText(preview.locator('[data-anchor="recap"] a.concept-link'), '디코더');
    await settled.waitFor();
    expect(await page.getByTestId('preview-issues').count()).toBe(0);
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('status').filter({ hasText: '저장' }), '저장했습니다.');

    // One save: one new version, the new section's English current (written with its Korean).
    const saved = await read('both-columns');
    expect(saved.version).toBe(before.version + 1);
    expect(saved.markdown).toMatch(
      /## 요약 \{#recap\}\n\n\[디코더\]\(concept:decoder\)가 쓴다\.\n?$/,
    );
    expect(saved.translation.fields).toContainEqual({ path: 'sections.recap', state: 'CURRENT' });
    expect(saved.translation.fields.map((field) => field.state)).not.toContain('OUTDATED');
    const english = await as(
      'admin',
      served.url,
      'query { lesson(slug: "both-columns", locale: EN) { markdown } }',
    );
    expect(english.data.lesson.markdown).toMatch(
      /## Recap \{#recap\}\n\nThe \[decoder\]\(concept:decoder\) writes\.\n?$/,
    );
    await waitForText(page.getByTestId('version'), String(saved.version));
    await waitForText(page.getByTestId('state-sections.recap'), '번역 최신');

    // The preview shows the saved section in each language, with no issue.
    await waitForText(preview.locator('[data-anchor="recap"] a.concept-link'), '디코더');
    await page.locator('#lesson-markdown-en').focus();
    await waitForText(preview.locator('[data-anchor="recap"] a.concept-link'), 'decoder');
    expect(await page.getByTestId('preview-issues').count()).toBe(0);

    // A pair that does not line up is refused, the issue shown at the English column.
    await typeAtEnd(page, 'lesson-markdown-ko', '\n## 더 {#more}\n\n더.\n');
    await typeAtEnd(page, 'lesson-markdown-en', '\nMore.\n');
    // The preview says so before the save, at the path the save's refusal names: previewed in
    // English, the English is `markdown`; in Korean, it is `otherMarkdown`.
    await waitForText(preview.locator('code'), 'markdown.en');
    expect(await page.getByTestId('preview-issues').textContent()).toContain(
      'must have the same sections as the Korean source',
    );
    await page.getByRole('radio', { name: '한국어' }).check();
    await waitForText(preview.locator('code'), 'otherMarkdown.en');
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('alert'), 'API가 저장을 거절했습니다', true);
    expect(await page.locator('#lesson-markdown-en').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#lesson-markdown-en-issue').textContent()).toContain(
      'must have the same sections as the Korean source',
    );
    expect((await read('both-columns')).version).toBe(saved.version);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers an editor no control it may not use, and fits a 375 px screen', async () => {
    const page = await served.signedIn(EDITOR_TOKEN, { width: 375 });
    await openLesson(page, 'introduction-to-llms');
    await page.getByText('게시된 강의는 관리자만 고칠 수 있습니다.').waitFor();
    await page.getByText('게시와 게시 취소는 관리자만 할 수 있습니다.').waitFor();
    expect(await page.getByRole('button', { name: '저장' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '게시 취소' }).count()).toBe(0);
    await page.getByTestId('preview').locator('a.concept-link').first().waitFor();
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);

    await openLesson(page, 'attention-basics');
    expect(await page.getByRole('button', { name: '저장' }).count()).toBe(1);
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-lesson-editor-375'));
  });
});
