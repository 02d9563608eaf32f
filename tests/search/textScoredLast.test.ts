// A search scores a concept only a text matched last, and not at all once enough visible names
// matched (matchInStages): every name match outranks every text match, so those concepts cannot
// be among the answers. Over the shipped course scaled 3× (so names fill a page) and a corpus of
// queries of every kind: the answers are those of a match that scores every concept it finds.
import { analyzeQuery } from '../../src/search/analyzeQuery.js';
import type { Concept } from '../../src/domain/concept.js';
import { defaultSeedDir } from '../../src/paths.js';
import { NAME_FLOOR, TEXT_CEILING } from '../../src/search/scoreEntry.js';
import type { SearchMatch } from '../../src/search/matchStages.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { scaleContent } from '../../bench/generateContent.js';
import { queryCorpus, type CorpusQuery } from './queryCorpus.js';

let concepts: Map<string, Concept>;
let corpus: CorpusQuery[];
beforeAll(async () => {
  const course = (await loadSeedDirectory(defaultSeedDir())).concepts;
  corpus = queryCorpus(course);
  const scaled = scaleContent({ concepts: course } as never, 3);
  concepts = new Map(scaled.map((c) => [c.slug, c]));
});

// The best `first` matches a reader who sees every other concept may see, as searchConcepts
// orders them.
function page(matches: SearchMatch[], first: number, visible: (slug: string) => boolean) {
  return matches
    .filter((m) => visible(m.entry.slug))
    .sort((a, b) => b.score.score - a.score.score || (a.entry.slug < b.entry.slug ? -1 : 1))
    .slice(0, first)
    .map((m) => ({ slug: m.entry.slug, score: m.score.score, field: m.score.field }));
}

describe('text matches scored last', () => {
  it('every name match outranks every text match', () => {
    expect(NAME_FLOOR).toBeGreaterThan(TEXT_CEILING);
  });

  it.each([
    ['built index', true],
    ['scan', false],
  ])('leave every answer as it was (%s)', (_path, built) => {
    const index = new SearchIndex(concepts, { candidatesPerField: Infinity });
    if (built) index.build();
    const visible = (slug: string) => !slug.endsWith('-2');
    let fewer = 0;
    for (const { query } of corpus) {
      const analyzed = analyzeQuery(query);
      const everything = index.match(analyzed, Infinity, visible);
      for (const first of [1, 10]) {
        const matches = index.match(analyzed, first, visible);
        if (matches.length < everything.length) fewer++;
        expect({ query, first, hits: page(matches, first, visible) }).toEqual({
          query,
          first,
          hits: page(everything, first, visible),
        });
      }
    }
    // Some searches did leave text matches unscored.
    expect(fewer).toBeGreaterThan(0);
  });
});
