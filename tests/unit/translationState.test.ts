/**
 * Translation state (src/domain/translation): fingerprints, which texts a document has, how a
 * state is derived, how a write moves records (translate, outdate, keep current, confirm,
 * reorder, import claims), lessons tracked per section, the per-locale fingerprints that decide
 * whether a reader of a locale sees a change, and a property test holding any sequence of edits
 * to the definitions.
 */
import fc from 'fast-check';
import type { Category } from '../../src/domain/category.js';
import { textFingerprint } from '../../src/domain/translation/fingerprint.js';
import { localeFingerprints } from '../../src/domain/translation/localeView.js';
import { translatableTexts } from '../../src/domain/translation/translatableTexts.js';
import {
  fieldTranslations,
  summarizeTranslations,
  translationStateOf,
} from '../../src/domain/translation/translationState.js';
import type { TranslationMap } from '../../src/domain/translation/translationRecord.js';
import { trackTranslations } from '../../src/domain/translation/trackTranslations.js';
import { buildLesson } from '../../src/markdown/buildLesson.js';

const NOW = '2026-12-03T10:00:00.000Z';
const LATER = '2026-12-03T11:00:00.000Z';

function category(
  name: { ko: string; en?: string },
  description?: { ko: string; en?: string },
): Category {
  return { slug: 'tools', name, ...(description ? { description } : {}), order: 1 };
}

// A write of a category after `previous` (stored with `translations`).
function write(
  previous: { data: Category; translations: TranslationMap } | undefined,
  next: Category,
  extra: Partial<Parameters<typeof trackTranslations>[0]> = {},
) {
  return trackTranslations({
    collection: 'categories',
    previous,
    next,
    actor: 'editor:abc',
    now: LATER,
    ...extra,
  });
}

function stateOf(data: Category, translations: TranslationMap, path = 'name') {
  return fieldTranslations('categories', data, translations).find((f) => f.path === path)!;
}

describe('fingerprints', () => {
  it('are 16 hex digits, equal for equal text in either Unicode normal form', () => {
    const composed = '프롬프트';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(textFingerprint(composed)).toMatch(/^[0-9a-f]{16}$/);
    expect(textFingerprint(decomposed)).toBe(textFingerprint(composed));
    expect(textFingerprint('프롬프트 ')).not.toBe(textFingerprint(composed));
  });
});

describe('translatable texts', () => {
  it('lists every localized field of a concept-like document by its path, lists inside lists too', () => {
    const paths = translatableTexts('comparisons', {
      slug: 'c',
      title: { ko: '제목', en: 'Title' },
      concepts: ['a', 'b'],
      rows: [
        { key: 'r', label: { ko: '행' }, cells: [[{ ko: '가' }], [{ ko: '나' }, { ko: '다' }]] },
      ],
    }).map((t) => t.path);
    expect(paths).toEqual([
      'title',
      'rows.0.label',
      'rows.0.cells.0.0',
      'rows.0.cells.1.0',
      'rows.0.cells.1.1',
    ]);
  });

  it('tracks a lesson per section (heading and body), plus its title and summary', () => {
    const lesson = buildLesson({
      slug: 'l',
      number: 1,
      title: { ko: '강의', en: 'Lesson' },
      status: 'DRAFT',
      markdown: {
        ko: '# 강의\n\n## 하나 {#one}\n\n첫째.\n\n## 둘 {#two}\n\n둘째.\n',
        en: '# Lesson\n\n## One {#one}\n\nFirst.\n\n## Two {#two}\n\nSecond.\n',
      },
    });
    const texts = translatableTexts('lessons', lesson);
    expect(texts.map((t) => t.path)).toEqual(
      expect.arrayContaining(['title', 'sections.one', 'sections.two']),
    );
    const two = texts.find((t) => t.path === 'sections.two')!;
    expect(two.ko).toContain('둘째.');
    expect(two.ko).toContain('둘');
    expect(two.en).toContain('Second.');
  });
});

describe('state', () => {
  it('is MISSING without English, CURRENT when made from the present Korean, OUTDATED otherwise', () => {
    const record = { ko: textFingerprint('가'), en: textFingerprint('A') };
    expect(translationStateOf({ ko: '가', en: undefined }, record)).toBe('MISSING');
    expect(translationStateOf({ ko: '가', en: 'A' }, record)).toBe('CURRENT');
    expect(translationStateOf({ ko: '나', en: 'A' }, record)).toBe('OUTDATED');
    expect(translationStateOf({ ko: '나', en: 'A' }, undefined)).toBe('CURRENT');
  });

  it('summarizes a document by its worst field and counts each state', () => {
    expect(summarizeTranslations([{ state: 'CURRENT' }, { state: 'OUTDATED' }])).toEqual({
      state: 'OUTDATED',
      current: 1,
      outdated: 1,
      missing: 0,
    });
    expect(summarizeTranslations([{ state: 'MISSING' }, { state: 'OUTDATED' }]).state).toBe(
      'MISSING',
    );
    expect(summarizeTranslations([]).state).toBe('CURRENT');
  });
});

describe('tracking a write', () => {
  const first = write(undefined, category({ ko: '도구', en: 'Tools' }), { now: NOW });
  const stored = { data: category({ ko: '도구', en: 'Tools' }), translations: first.translations };

  it('records new English as current, by the writer, when written', () => {
    expect(first.translations.name).toEqual({
      ko: textFingerprint('도구'),
      en: textFingerprint('Tools'),
      by: 'editor:abc',
      at: NOW,
    });
  });

  it('outdates English when only the Korean changes, keeping the Korean it was made from', () => {
    const next = category({ ko: '구글 도구', en: 'Tools' });
    const after = write(stored, next);
    const field = stateOf(next, after.translations);
    expect(field.state).toBe('OUTDATED');
    expect(field.source).toBe('도구');
    expect(field.since).toBe(LATER);
    expect(field.translatedAt).toBe(NOW);
    // A second Korean change keeps the original source and when it first changed.
    const again = write(
      { data: next, translations: after.translations },
      category({ ko: '클라우드 도구', en: 'Tools' }),
      { now: '2026-12-04T00:00:00.000Z' },
    );
    expect(again.translations.name).toMatchObject({ source: '도구', since: LATER });
  });

  it('keeps current English current across a Korean change when the editor says it needs no retranslation', () => {
    const next = category({ ko: '도구들', en: 'Tools' });
    const after = write(stored, next, { keepCurrent: true });
    expect(after.kept).toEqual(['name']);
    expect(stateOf(next, after.translations).state).toBe('CURRENT');
    expect(after.translations.name!.by).toBe('editor:abc');
    expect(after.translations.name!.at).toBe(NOW); // still the translator's time, not the typo fix's
  });

  it('does not make outdated English current by a later "no retranslation" edit', () => {
    const outdated = write(stored, category({ ko: '구글 도구', en: 'Tools' }));
    const next = category({ ko: '구글의 도구', en: 'Tools' });
    const after = write(
      { data: category({ ko: '구글 도구', en: 'Tools' }), translations: outdated.translations },
      next,
      { keepCurrent: true },
    );
    expect(after.kept).toEqual([]);
    expect(stateOf(next, after.translations)).toMatchObject({ state: 'OUTDATED', source: '도구' });
  });

  it('makes English current again when it is rewritten or confirmed', () => {
    const changed = category({ ko: '구글 도구', en: 'Tools' });
    const outdated = write(stored, changed).translations;
    const rewritten = category({ ko: '구글 도구', en: 'Google tools' });
    expect(
      stateOf(rewritten, write({ data: changed, translations: outdated }, rewritten).translations)
        .state,
    ).toBe('CURRENT');
    const confirmed = write({ data: changed, translations: outdated }, changed, {
      confirm: ['name'],
    });
    expect(confirmed.confirmed).toEqual(['name']);
    expect(confirmed.translations.name).toEqual({
      ko: textFingerprint('구글 도구'),
      en: textFingerprint('Tools'),
      by: 'editor:abc',
      at: LATER,
    });
  });

  it('drops the record of removed English (MISSING) and keeps a moved text with its record', () => {
    const withoutEnglish = category({ ko: '도구' });
    expect(write(stored, withoutEnglish).translations).toEqual({});
    const before = {
      slug: 'c',
      category: 'x',
      term: { ko: '용어', en: 'Term' },
      summary: { ko: '요', en: 'S' },
      definition: { ko: '정', en: 'D' },
      examples: [
        { ko: '일', en: 'One' },
        { ko: '이', en: 'Two' },
      ],
    };
    const tracked = trackTranslations({ collection: 'concepts', next: before, now: NOW });
    const outdatedTwo = trackTranslations({
      collection: 'concepts',
      previous: { data: before, translations: tracked.translations },
      next: {
        ...before,
        examples: [
          { ko: '일', en: 'One' },
          { ko: '이이', en: 'Two' },
        ],
      },
      now: LATER,
    });
    const reordered = {
      ...before,
      examples: [
        { ko: '이이', en: 'Two' },
        { ko: '일', en: 'One' },
      ],
    };
    const moved = trackTranslations({
      collection: 'concepts',
      previous: {
        data: {
          ...before,
          examples: [
            { ko: '일', en: 'One' },
            { ko: '이이', en: 'Two' },
          ],
        },
        translations: outdatedTwo.translations,
      },
      next: reordered,
      now: '2026-12-05T00:00:00.000Z',
    });
    const states = fieldTranslations('concepts', reordered, moved.translations);
    expect(states.find((f) => f.path === 'examples.0')).toMatchObject({
      state: 'OUTDATED',
      source: '이',
    });
    expect(states.find((f) => f.path === 'examples.1')!.state).toBe('CURRENT');
  });

  it('treats English stored before records were kept as made from the Korean stored with it', () => {
    const next = category({ ko: '새 도구', en: 'Tools' });
    const after = write({ data: category({ ko: '도구', en: 'Tools' }), translations: {} }, next);
    expect(stateOf(next, after.translations)).toMatchObject({ state: 'OUTDATED', source: '도구' });
  });

  it('lets an import claim records: its Korean changed since its English was made means OUTDATED on arrival', () => {
    const claimed = { name: { ko: textFingerprint('도구'), en: textFingerprint('Tools') } };
    const seeded = category({ ko: '개발 도구', en: 'Tools' });
    const fresh = write(undefined, seeded, { claimed });
    expect(stateOf(seeded, fresh.translations)).toMatchObject({
      state: 'OUTDATED',
      source: undefined,
    });
    const overStore = write(stored, seeded, { claimed });
    expect(stateOf(seeded, overStore.translations)).toMatchObject({
      state: 'OUTDATED',
      source: '도구',
    });
  });
});

describe('per-section lesson tracking', () => {
  const source = (koTwo: string) => ({
    slug: 'l',
    number: 1,
    title: { ko: '강의', en: 'Lesson' },
    status: 'DRAFT' as const,
    markdown: {
      ko: `# 강의\n\n## 하나 {#one}\n\n첫째.\n\n## 둘 {#two}\n\n${koTwo}\n`,
      en: '# Lesson\n\n## One {#one}\n\nFirst.\n\n## Two {#two}\n\nSecond.\n',
    },
  });

  it('flags only the section whose Korean changed', () => {
    const before = buildLesson(source('둘째.'));
    const initial = trackTranslations({ collection: 'lessons', next: before, now: NOW });
    const after = buildLesson(source('둘째 문단.'));
    const tracked = trackTranslations({
      collection: 'lessons',
      previous: { data: before, translations: initial.translations },
      next: after,
      now: LATER,
    });
    const states = Object.fromEntries(
      fieldTranslations('lessons', after, tracked.translations).map((f) => [f.path, f.state]),
    );
    expect(states).toEqual({
      title: 'CURRENT',
      'sections.one': 'CURRENT',
      'sections.two': 'OUTDATED',
    });
  });
});

describe('per-locale fingerprints', () => {
  const first = write(undefined, category({ ko: '도구', en: 'Tools' }, { ko: '설명' }), {
    now: NOW,
  });
  const base = localeFingerprints(
    'categories',
    category({ ko: '도구', en: 'Tools' }, { ko: '설명' }),
    first.translations,
  );

  it('leave English unchanged by a Korean edit that keeps the English current', () => {
    const next = category({ ko: '도구들', en: 'Tools' }, { ko: '설명' });
    const kept = write(
      {
        data: category({ ko: '도구', en: 'Tools' }, { ko: '설명' }),
        translations: first.translations,
      },
      next,
      { keepCurrent: true },
    );
    const after = localeFingerprints('categories', next, kept.translations);
    expect(after.en).toBe(base.en);
    expect(after.ko).not.toBe(base.ko);
  });

  it('change English when a Korean edit outdates its translation or changes what English falls back to', () => {
    const outdatedNext = category({ ko: '도구들', en: 'Tools' }, { ko: '설명' });
    const outdated = write(
      {
        data: category({ ko: '도구', en: 'Tools' }, { ko: '설명' }),
        translations: first.translations,
      },
      outdatedNext,
    );
    expect(localeFingerprints('categories', outdatedNext, outdated.translations).en).not.toBe(
      base.en,
    );
    const fallbackNext = category({ ko: '도구', en: 'Tools' }, { ko: '새 설명' });
    expect(localeFingerprints('categories', fallbackNext, first.translations).en).not.toBe(base.en);
  });
});

// The definitions, as a model: English is CURRENT when the Korean it was made from (written,
// confirmed or kept against) is the present Korean, OUTDATED when it is not, MISSING when absent.
describe('any sequence of edits', () => {
  const korean = fc.constantFrom('가', '나', '다');
  const english = fc.constantFrom('A', 'B');
  const operation = fc.oneof(
    fc.record({ op: fc.constant('ko' as const), text: korean, keep: fc.boolean() }),
    fc.record({ op: fc.constant('en' as const), text: english }),
    fc.record({ op: fc.constant('both' as const), ko: korean, en: english }),
    fc.record({ op: fc.constant('removeEn' as const) }),
    fc.record({ op: fc.constant('confirm' as const) }),
  );

  it('leaves each field in the state the definitions give', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        let data = category({ ko: '가', en: 'A' });
        let translations = write(undefined, data, { now: NOW }).translations;
        let madeFrom: string | undefined = '가';
        for (const step of operations) {
          const ko = data.name.ko;
          const en = data.name.en;
          let next = data;
          let extra: Partial<Parameters<typeof trackTranslations>[0]> = {};
          if (step.op === 'ko') {
            next = category({ ko: step.text, ...(en ? { en } : {}) });
            extra = { keepCurrent: step.keep };
            if (step.keep && en !== undefined && madeFrom === ko && step.text !== ko)
              madeFrom = step.text;
          } else if (step.op === 'en') {
            next = category({ ko, en: step.text });
            if (step.text !== en) madeFrom = ko;
          } else if (step.op === 'both') {
            next = category({ ko: step.ko, en: step.en });
            if (step.en !== en) madeFrom = step.ko;
          } else if (step.op === 'removeEn') {
            next = category({ ko });
            madeFrom = undefined;
          } else {
            extra = { confirm: ['name'] };
            if (en !== undefined) madeFrom = ko;
          }
          translations = write({ data, translations }, next, extra).translations;
          data = next;
          const field = stateOf(data, translations);
          const expected =
            data.name.en === undefined
              ? 'MISSING'
              : madeFrom === data.name.ko
                ? 'CURRENT'
                : 'OUTDATED';
          expect(field.state).toBe(expected);
          if (expected === 'OUTDATED') expect(field.source).toBe(madeFrom);
          // Readers find outdated texts by this: only an outdated record says since when.
          expect(translations.name?.since !== undefined).toBe(expected === 'OUTDATED');
        }
      }),
      { numRuns: 500 },
    );
  });
});
