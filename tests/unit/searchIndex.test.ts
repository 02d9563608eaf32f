// A revision's search index never changes: the next revision's (SearchIndex.next) indexes what
// changed and shares the rest, and the index it came from keeps finding what it found, also
// once later revisions move to a new generation of the inverted index.
import type { Concept } from '../../src/domain/concept.js';
import { analyzeQuery } from '../../src/search/analyzeQuery.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { concept } from '../helpers/contentFixtures.js';

const bySlug = (concepts: Concept[]) => new Map(concepts.map((c) => [c.slug, c]));

const found = (index: SearchIndex, query: string) =>
  index
    .match(analyzeQuery(query))
    .map((m) => m.entry.slug)
    .sort();

describe('SearchIndex.next', () => {
  it('indexes created and changed concepts, forgets deleted ones, and leaves the index before as it was', () => {
    const first = new SearchIndex(
      bySlug([concept('a', 'k'), concept('b', 'k', { aliases: ['비버'] })]),
    );
    expect(found(first, '새별칭')).toEqual([]);
    const second = first.next(
      bySlug([
        concept('a', 'k', { aliases: ['새별칭'] }),
        concept('c', 'k', { aliases: ['카피바라'] }),
      ]),
      ['a', 'b', 'c'],
    );
    expect(second.size).toBe(2);
    expect(found(second, '새별칭')).toEqual(['a']);
    expect(found(second, '비버')).toEqual([]);
    expect(found(second, '카피바라')).toEqual(['c']);
    expect(found(first, '새별칭')).toEqual([]);
    expect(found(first, '비버')).toEqual(['b']);
    expect(found(first, '카피바라')).toEqual([]);
  });

  it('follows an index that was never searched (both are built on their first search)', () => {
    const first = new SearchIndex(bySlug([concept('a', 'k')]));
    const second = first.next(bySlug([concept('a', 'k', { aliases: ['새별칭'] })]), ['a']);
    expect(found(second, '새별칭')).toEqual(['a']);
    expect(found(first, '새별칭')).toEqual([]);
  });

  it('keeps superseded versions bounded over many edits, and the first revision answers as itself', () => {
    const base = Array.from({ length: 10 }, (_, i) => concept(`c-${i}`, 'k'));
    const first = new SearchIndex(bySlug(base)).build();
    let concepts = bySlug(base);
    let index = first;
    let mostSuperseded = 0;
    for (let edit = 0; edit < 200; edit++) {
      const edited = concept(`c-${edit % 10}`, 'k', {
        summary: { ko: `요약 ${edit}`, en: `revised summary number${edit}` },
      });
      concepts = new Map(concepts).set(edited.slug, edited);
      index = index.next(concepts, [edited.slug]);
      mostSuperseded = Math.max(mostSuperseded, index.superseded);
      // Searched now and then, as a serving instance would.
      if (edit % 7 === 0) expect(found(index, `number${edit}`)).toEqual([edited.slug]);
    }
    // 16 superseded before later revisions fill a new generation, and a few while they do
    // (without new generations, all 200 edits would be).
    expect(mostSuperseded).toBeLessThanOrEqual(20);
    expect(found(index, 'revised summary')).toEqual(
      found(new SearchIndex(concepts), 'revised summary'),
    );
    expect(found(first, 'revised')).toEqual([]);
    expect(found(first, 'summary')).toEqual(base.map((c) => c.slug).sort());
  });
});
