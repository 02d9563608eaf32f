/**
 * Edit inputs (src/editing/inputs.ts): applying a patch (given fields replace, `null` removes,
 * localized text changes only the locales given, lists are replaced whole), dropping GraphQL's
 * explicit nulls from new documents, parsing with BAD_USER_INPUT issues under a path prefix,
 * and the required `expectedVersion`. Patches are also parsed as updateConcept and
 * updateCategory parse them, to pin what a patch may and may not leave behind.
 */
import { categorySchema, type Category } from '../../src/domain/category.js';
import { conceptSchema, type Concept } from '../../src/domain/concept.js';
import type { Issue } from '../../src/errors.js';
import { applyPatch, dropNulls, parseInput, requireVersion } from '../../src/editing/inputs.js';
import { validationError } from '../helpers/thrown.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// A stored concept as applyPatch receives it (storage metadata already dropped), frozen: a
// patch must never change the document it is applied to.
const CONCEPT: Concept = deepFreeze(
  conceptSchema.parse({
    slug: 'llm',
    category: 'basics',
    term: { ko: '대규모 언어 모델', en: 'Large language model' },
    summary: { ko: '요약', en: 'Summary' },
    definition: { ko: '정의' },
    aliases: ['LLM'],
    examples: [{ ko: '예', en: 'Example' }],
    details: [{ title: { ko: '제목', en: 'Title' }, text: { ko: '본문' } }],
    status: 'DRAFT',
  }),
);
const CATEGORY: Category = deepFreeze({ slug: 'basics', name: { ko: '기초' }, order: 1 });
const DESCRIBED: Category = deepFreeze({ ...CATEGORY, description: { ko: '설명', en: 'About' } });

describe('applyPatch', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    // [case, patch, the concept after it]
    ['an empty patch changes nothing', {}, { ...CONCEPT }],
    ['a plain field is replaced', { category: 'models' }, { ...CONCEPT, category: 'models' }],
    ['a field given as undefined is left alone', { category: undefined }, { ...CONCEPT }],
    [
      'one locale of a text is set, the other kept',
      { term: { en: 'LLM' } },
      { ...CONCEPT, term: { ko: '대규모 언어 모델', en: 'LLM' } },
    ],
    [
      'a missing translation is added',
      { definition: { en: 'Definition' } },
      { ...CONCEPT, definition: { ko: '정의', en: 'Definition' } },
    ],
    [
      'null removes a translation',
      { summary: { en: null } },
      { ...CONCEPT, summary: { ko: '요약' } },
    ],
    [
      'one locale set and the other removed at once',
      { term: { ko: 'LLM', en: null } },
      { ...CONCEPT, term: { ko: 'LLM' } },
    ],
    ['a text patch without locales keeps the text', { term: {} }, { ...CONCEPT }],
    [
      'a locale given as undefined is left alone',
      { term: { ko: undefined, en: 'LLM' } },
      { ...CONCEPT, term: { ko: '대규모 언어 모델', en: 'LLM' } },
    ],
    [
      'several fields at once',
      { category: 'models', summary: { ko: '새 요약' }, aliases: ['LLMs'] },
      {
        ...CONCEPT,
        category: 'models',
        summary: { ko: '새 요약', en: 'Summary' },
        aliases: ['LLMs'],
      },
    ],
    // Lists are replaced whole: a new list of items, nothing of the old one is kept
    [
      'a list is replaced, not appended to',
      { aliases: ['LLMs'] },
      { ...CONCEPT, aliases: ['LLMs'] },
    ],
    ['a list is emptied', { aliases: [] }, { ...CONCEPT, aliases: [] }],
    [
      // In a new list, a null translation means "not given": there is nothing to remove
      'a list of texts is replaced, nulls in its items dropped',
      { examples: [{ ko: '새 예', en: null }] },
      { ...CONCEPT, examples: [{ ko: '새 예' }] },
    ],
    [
      'a list of objects is replaced, nulls dropped at any depth',
      { details: [{ title: { ko: '새 제목', en: null }, text: { ko: '새 본문' }, origin: null }] },
      { ...CONCEPT, details: [{ title: { ko: '새 제목' }, text: { ko: '새 본문' } }] },
    ],
    // null on any other field removes it (the schema then refuses a required one, below)
    ['null removes a list', { aliases: null }, (({ aliases: _, ...rest }) => rest)(CONCEPT)],
    ['null removes a text', { term: null }, (({ term: _, ...rest }) => rest)(CONCEPT)],
    // Unknown fields are not applyPatch's business: they are copied, and the schema refuses them
    ['an unknown field is copied', { nickname: 'x' }, { ...CONCEPT, nickname: 'x' }],
  ])('%s', (_case, patch, expected) => {
    const merged = applyPatch(CONCEPT, patch);
    expect(merged).toEqual(expected);
    expect(merged).not.toBe(CONCEPT);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    // [case, patch, the category after it]
    [
      'a text the document does not have yet is set',
      { description: { ko: '설명', en: 'About' } },
      { ...CATEGORY, description: { ko: '설명', en: 'About' } },
    ],
    [
      'a text the document does not have yet is set without its nulls',
      { description: { ko: '설명', en: null } },
      { ...CATEGORY, description: { ko: '설명' } },
    ],
    ['a number is replaced', { order: 5 }, { ...CATEGORY, order: 5 }],
    ['zero is a value, not a removal', { order: 0 }, { ...CATEGORY, order: 0 }],
  ])('on a category: %s', (_case, patch, expected) => {
    expect(applyPatch(CATEGORY, patch)).toEqual(expected);
  });
});

describe('a patched document is parsed as updateConcept and updateCategory parse it', () => {
  const patchConcept = (patch: Record<string, unknown>) =>
    parseInput(conceptSchema, applyPatch(CONCEPT, patch), ['patch'], 'The patched concept');
  const patchCategory = (patch: Record<string, unknown>, current: Category = CATEGORY) =>
    parseInput(categorySchema, applyPatch(current, patch), ['patch'], 'The patched category');

  it.each<[string, () => unknown, Concept | Category]>([
    // The schema's default for a removed list: null clears it
    [
      'null clears a list to its default',
      () => patchConcept({ aliases: null }),
      { ...CONCEPT, aliases: [] },
    ],
    [
      'a null in a new list of facets leaves the facet without it',
      () =>
        patchConcept({ details: [{ title: { ko: '제목' }, text: { ko: '본문' }, origin: null }] }),
      { ...CONCEPT, details: [{ title: { ko: '제목' }, text: { ko: '본문' } }] },
    ],
    [
      'an optional text is removed with null',
      () => patchCategory({ description: null }, DESCRIBED),
      CATEGORY,
    ],
    [
      'the English of an optional text is removed, its Korean kept',
      () => patchCategory({ description: { en: null } }, DESCRIBED),
      { ...CATEGORY, description: { ko: '설명' } },
    ],
    // Authored text is trimmed and normalized when parsed
    [
      'a translation is trimmed',
      () => patchConcept({ term: { en: '  LLM  ' } }),
      { ...CONCEPT, term: { ko: '대규모 언어 모델', en: 'LLM' } },
    ],
  ])('accepts %s', (_case, run, expected) => {
    expect(run()).toEqual(expected);
  });

  // [case, the patch, the issue paths]
  it.each<[string, () => unknown, string, (string | number)[][]]>([
    // A removed required field is missing
    ['null on a required text', () => patchConcept({ term: null }), 'concept', [['patch', 'term']]],
    [
      'null on the Korean of a text',
      () => patchConcept({ term: { ko: null } }),
      'concept',
      [['patch', 'term', 'ko']],
    ],
    [
      'null on both locales of a required text',
      () => patchConcept({ summary: { ko: null, en: null } }),
      'concept',
      [['patch', 'summary', 'ko']],
    ],
    [
      'null on a required number',
      () => patchCategory({ order: null }),
      'category',
      [['patch', 'order']],
    ],
    // Korean is the source: a text cannot start out in English only
    [
      'an English-only text where there was none',
      () => patchCategory({ description: { en: 'About' } }),
      'category',
      [['patch', 'description', 'ko']],
    ],
    [
      'a slug that is not kebab-case',
      () => patchConcept({ category: 'Not Kebab' }),
      'concept',
      [['patch', 'category']],
    ],
    [
      'an empty alias in a list',
      () => patchConcept({ aliases: ['ok', '   '] }),
      'concept',
      [['patch', 'aliases', 1]],
    ],
    // The documents are strict: a field they do not have is refused at the patch itself
    ['an unknown field', () => patchConcept({ nickname: 'x' }), 'concept', [['patch']]],
  ])('refuses %s', (_case, run, what, paths) => {
    const error = validationError(run);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`The patched ${what} is invalid`);
    expect(error.issues.map((issue: Issue) => issue.path)).toEqual(paths);
  });

  it('names the unknown field it refuses', () => {
    const error = validationError(() => patchConcept({ nickname: 'x' }));
    expect(error.issues[0]?.message).toContain('nickname');
  });
});

describe('dropNulls: explicit nulls of a new document mean "not given"', () => {
  it.each<[string, unknown, unknown]>([
    ['drops null fields', { a: 1, b: null }, { a: 1 }],
    ['drops undefined fields', { a: 1, b: undefined }, { a: 1 }],
    [
      'drops them at any depth',
      { a: { b: null, c: { d: null, e: 'x' } } },
      { a: { c: { e: 'x' } } },
    ],
    ['drops them inside list items', { list: [{ a: null, b: 2 }] }, { list: [{ b: 2 }] }],
    // Only fields are dropped: a list keeps its length (a null item is the schema's to refuse)
    ['keeps list items themselves', [null, 1], [null, 1]],
    ['keeps falsy values', { zero: 0, no: false, empty: '' }, { zero: 0, no: false, empty: '' }],
    ['keeps a value that is not an object', 'text', 'text'],
    ['keeps null itself', null, null],
  ])('%s', (_case, input, expected) => {
    expect(dropNulls(input)).toEqual(expected);
  });
});

describe('parseInput: the parsed value, or BAD_USER_INPUT naming each path under a prefix', () => {
  it('returns the parsed value, its text normalized', () => {
    expect(
      parseInput(
        categorySchema,
        { slug: 'basics', name: { ko: ' 기초 ' }, order: 1 },
        ['input'],
        'The category',
      ),
    ).toEqual({ slug: 'basics', name: { ko: '기초' }, order: 1 });
  });

  it.each<[string, unknown, (string | number)[], (string | number)[][]]>([
    [
      'every failing field, under the prefix',
      { slug: 'Not Kebab', name: {}, order: -1 },
      ['input'],
      [
        ['input', 'slug'],
        ['input', 'name', 'ko'],
        ['input', 'order'],
      ],
    ],
    [
      'with a longer prefix',
      { slug: 'a', name: { ko: '가' } },
      ['input', 'categories', 3],
      [['input', 'categories', 3, 'order']],
    ],
    ['with no prefix', { slug: 'a', name: { ko: '가' } }, [], [['order']]],
    ['a value that is not an object', 'basics', ['input'], [['input']]],
  ])('%s', (_case, value, prefix, paths) => {
    const error = validationError(() => parseInput(categorySchema, value, prefix, 'The category'));
    expect(error.message).toBe('The category is invalid');
    expect(error.issues.map((issue) => issue.path)).toEqual(paths);
  });

  it("passes its own rules' messages on", () => {
    const error = validationError(() =>
      parseInput(
        categorySchema,
        { slug: 'Not Kebab', name: { ko: '가' }, order: 1 },
        ['input'],
        'The category',
      ),
    );
    expect(error.issues).toEqual([
      {
        path: ['input', 'slug'],
        message: 'must be kebab-case: lowercase letters and digits separated by single hyphens',
      },
    ]);
  });
});

describe('requireVersion: a change to an existing document needs the version last read', () => {
  it.each([1, 2, 41])('accepts version %p', (version) => {
    expect(requireVersion(version)).toBe(version);
  });

  it.each<[unknown, string, string]>([
    [
      null,
      'expectedVersion is required to change an existing document',
      'required: pass the version you last read',
    ],
    [
      undefined,
      'expectedVersion is required to change an existing document',
      'required: pass the version you last read',
    ],
    [0, 'expectedVersion must be a version you read', 'must be an integer of at least 1'],
    [-1, 'expectedVersion must be a version you read', 'must be an integer of at least 1'],
    [1.5, 'expectedVersion must be a version you read', 'must be an integer of at least 1'],
    [NaN, 'expectedVersion must be a version you read', 'must be an integer of at least 1'],
  ])('refuses %p', (version, message, issue) => {
    const error = validationError(() => requireVersion(version as number | null | undefined));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(message);
    expect(error.issues).toEqual([{ path: ['expectedVersion'], message: issue }]);
  });
});
