// Texts are looked in last, and not at all once `wanted` concepts score above any text match
// (matchInStages): the `first` best hits must be those of all matches, ranked. Over the course
// and the course scaled 10× (where typo queries match many copies by name and skip the texts),
// for every query of the corpus, on the built index and on the scan alike.
import { analyzeQuery } from '../../src/search/analyzeQuery.js';
import type { Concept } from '../../src/domain/concept.js';
import { defaultSeedDir } from '../../src/paths.js';
import type { SearchMatch } from '../../src/search/matchStages.js';
import { TEXT_SCORE_CEILING } from '../../src/search/scoreEntry.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { scaleContent } from '../../bench/generateContent.js';
import { queryCorpus, type CorpusQuery } from './queryCorpus.js';

let course: Concept[];
let corpus: CorpusQuery[];
beforeAll(async () => {
  course = (await loadSeedDirectory(defaultSeedDir())).concepts;
  corpus = queryCorpus(course);
});

// The best `first`, as searchConcepts ranks them.
const best = (matches: SearchMatch[], first: number) =>
  matches
    .map((m) => ({ slug: m.entry.slug, score: m.score.score, field: m.score.field }))
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
    .slice(0, first);

describe('text lookups last', () => {
  it.each([1, 10])(
    'leave the best hits as they are, at %i× the course',
    (factor) => {
      const concepts = factor === 1 ? course : scaleContent({ concepts: course } as never, factor);
      const bySlug = new Map(concepts.map((c) => [c.slug, c]));
      // Drafts are passed over: a reader sees only some concepts.
      const visible = (slug: string) => !slug.endsWith('-3');
      let skipped = 0;
      for (const index of [new SearchIndex(bySlug), new SearchIndex(bySlug).build()]) {
        for (const { query } of corpus) {
          const analyzed = analyzeQuery(query);
          const all = index.match(analyzed).filter((m) => visible(m.entry.slug));
          const some = index.match(analyzed, 10, visible).filter((m) => visible(m.entry.slug));
          expect({ query, hits: best(some, 10) }).toEqual({ query, hits: best(all, 10) });
          if (some.length < all.length) skipped++;
        }
      }
      // Some queries did skip the texts (at 10×, typo queries match ten copies by name).
      if (factor === 10) expect(skipped).toBeGreaterThan(0);
    },
    120_000,
  );

  it('rest on text matches scoring under TEXT_SCORE_CEILING and name matches over it', () => {
    const index = new SearchIndex(new Map(course.map((c) => [c.slug, c])));
    let texts = 0;
    for (const { query } of corpus) {
      for (const { score } of index.match(analyzeQuery(query))) {
        if (score.name) expect(score.score).toBeGreaterThan(TEXT_SCORE_CEILING);
        else {
          expect(score.score).toBeLessThanOrEqual(TEXT_SCORE_CEILING);
          texts++;
        }
      }
    }
    expect(texts).toBeGreaterThan(100);
  });
});
