/**
 * The concept editor's pure draft logic (admin/src/concept/draft.ts): the patch a save sends
 * (only what changed; a localized text's changed locales only; lists whole; English emptied
 * removed), that patch applied as the API applies it giving the user's draft, the other
 * person's changes listed after a CONFLICT, the user's edits reapplied on a newer version, and
 * the API's own zod schema finding a draft's problems at the API's paths before sending.
 */
import {
  changesBetween,
  patchOf,
  rebase,
  setAt,
  toDomain,
  type Draft,
} from '../../admin/src/concept/draft.js';
import { draftIssues } from '../../admin/src/concept/validateDraft.js';
import { conceptSchema } from '../../src/domain/concept.js';
import { applyPatch } from '../../src/editing/inputs.js';

const BASE: Draft = Object.freeze({
  category: 'fundamentals',
  term: { ko: '인코더', en: 'Encoder' },
  aliases: ['ENC'],
  summary: { ko: '입력을 표현으로 바꾼다.', en: 'Turns input into a representation.' },
  definition: { ko: '정의.', en: '' },
  details: [
    {
      title: { ko: '층', en: 'Layers' },
      text: { ko: '여러 층.', en: 'Many layers.' },
      origin: 'lesson',
    },
  ],
  examples: [
    { ko: '번역기', en: 'A translator' },
    { ko: '검색', en: 'Search' },
  ],
  analogies: [],
  limitations: [],
  media: [],
  sources: [],
}) as Draft;

describe('the patch a save sends', () => {
  it('is empty when nothing changed', () => {
    expect(patchOf(BASE, structuredClone(BASE))).toEqual({});
  });

  it('names only the changed locale of a text, and removes emptied English', () => {
    let draft = setAt(BASE, ['term', 'en'], 'The encoder');
    draft = setAt(draft, ['summary', 'ko'], '입력을 벡터로 바꾼다.');
    draft = setAt(draft, ['summary', 'en'], '');
    expect(patchOf(BASE, draft)).toEqual({
      term: { en: 'The encoder' },
      summary: { ko: '입력을 벡터로 바꾼다.', en: null },
    });
  });

  it('sends a changed list whole, in the API’s input shape', () => {
    let draft = setAt(BASE, ['details', 0, 'origin'], 'editorial');
    draft = setAt(draft, ['examples'], [BASE.examples[1]]);
    draft = setAt(draft, ['aliases'], ['ENC', '인코더 블록']);
    expect(patchOf(BASE, draft)).toEqual({
      aliases: ['ENC', '인코더 블록'],
      details: [
        {
          title: { ko: '층', en: 'Layers' },
          text: { ko: '여러 층.', en: 'Many layers.' },
          origin: 'EDITORIAL',
        },
      ],
      examples: [{ ko: '검색', en: 'Search' }],
    });
  });

  it('applied as the API applies a patch, gives the user’s draft', () => {
    let draft = setAt(BASE, ['definition', 'en'], 'A definition.');
    draft = setAt(draft, ['summary', 'en'], '');
    draft = setAt(draft, ['limitations'], [{ ko: '느리다.', en: '' }]);
    draft = setAt(
      draft,
      ['media'],
      [{ path: 'a.png', alt: { ko: '그림', en: 'A picture' }, available: true }],
    );
    const stored = { slug: 'encoder', status: 'DRAFT', ...toDomain(BASE) };
    const patched = conceptSchema.parse(applyPatch(stored, patchOf(BASE, draft)));
    expect(patched).toEqual({ slug: 'encoder', status: 'DRAFT', ...toDomain(draft) });
    expect(patched.summary).toEqual({ ko: '입력을 표현으로 바꾼다.' });
  });
});

describe('a newer version', () => {
  // The other person: an English term, a third example, a new alias.
  const theirs = setAt(
    setAt(setAt(BASE, ['term', 'en'], 'Encoder (theirs)'), ['examples', 1, 'en'], 'Retrieval'),
    ['aliases'],
    ['ENC', 'Encoder block'],
  );

  it('lists what the other person changed, value by value', () => {
    expect(changesBetween(BASE, theirs)).toEqual([
      { path: 'term.en', before: 'Encoder', after: 'Encoder (theirs)' },
      { path: 'aliases.1', before: undefined, after: 'Encoder block' },
      { path: 'examples.1.en', before: 'Search', after: 'Retrieval' },
    ]);
  });

  it('takes the user’s edits on top of it, keeping both sides’ changes', () => {
    let mine = setAt(BASE, ['summary', 'en'], 'Mine.');
    mine = setAt(mine, ['examples', 0, 'ko'], '기계 번역기');
    const { draft, clashes } = rebase(BASE, mine, theirs);
    expect(clashes).toEqual([]);
    expect(draft.term.en).toBe('Encoder (theirs)');
    expect(draft.summary.en).toBe('Mine.');
    expect(draft.examples).toEqual([
      { ko: '기계 번역기', en: 'A translator' },
      { ko: '검색', en: 'Retrieval' },
    ]);
    expect(draft.aliases).toEqual(['ENC', 'Encoder block']);
    // Saved on the newer version, only the user's own changes are sent.
    expect(patchOf(theirs, draft)).toEqual({
      summary: { en: 'Mine.' },
      examples: draft.examples,
    });
  });

  it('keeps the user’s value where both changed one, and says where', () => {
    const mine = setAt(BASE, ['term', 'en'], 'Encoder (mine)');
    const { draft, clashes } = rebase(BASE, mine, theirs);
    expect(draft.term.en).toBe('Encoder (mine)');
    expect(clashes).toEqual(['term.en']);
  });

  it('takes a list whose length the user changed whole from the user', () => {
    const mine = setAt(BASE, ['examples'], [BASE.examples[0]]);
    const { draft, clashes } = rebase(BASE, mine, theirs);
    expect(draft.examples).toEqual([BASE.examples[0]]);
    expect(clashes).toEqual(['examples']);
    // A list only the other person changed is theirs.
    expect(rebase(BASE, BASE, theirs).draft.examples).toEqual(theirs.examples);
  });
});

describe('checking a draft before sending', () => {
  it('finds nothing wrong in a valid draft', () => {
    expect(draftIssues('encoder', BASE)).toEqual([]);
  });

  it('names the API’s paths for what the API would refuse', () => {
    let draft = setAt(BASE, ['term', 'ko'], '   ');
    draft = setAt(draft, ['examples', 1, 'en'], 'x'.repeat(601));
    draft = setAt(draft, ['aliases', 1], 'bad\u202Ealias');
    expect(draftIssues('encoder', draft)).toEqual([
      { path: ['patch', 'term', 'ko'], message: 'must not be empty' },
      { path: ['patch', 'aliases', 1], message: expect.stringContaining('bidirectional') },
      { path: ['patch', 'examples', 1, 'en'], message: 'must be at most 600 characters' },
    ]);
  });
});
