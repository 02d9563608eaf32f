// Before a revision's index is built, the scan answers its searches (SearchIndex): it must give
// the same answers. Over the shipped course and a corpus of queries of every kind (Korean,
// English, particles, partial names, letter and jamo typos, initial consonants, text words):
// every lookup finds the same concepts, and every answer is the same, hit for hit (concept,
// score, field, snippet), with the default limit of candidates per lookup. On a course scaled
// 10× a lookup can match more concepts than the index ranks (CANDIDATES_PER_FIELD, its best by
// BM25): there the scan matches the index without that limit, and differs from the limited
// index only in answers where some lookup matched more than the limit.
import { analyzeQuery, type AnalyzedQuery } from '../../src/search/analyzeQuery.js';
import type { Concept } from '../../src/domain/concept.js';
import type { Locale } from '../../src/domain/locale.js';
import { defaultSeedDir } from '../../src/paths.js';
import { matchInStages } from '../../src/search/matchStages.js';
import { searchConcepts } from '../../src/search/searchConcepts.js';
import { searchEntryOf } from '../../src/search/searchEntries.js';
import { newVersion } from '../../src/search/indexedVersion.js';
import type { Lookup } from '../../src/search/lookup.js';
import { jamo } from '../../src/search/normalize.js';
import { SearchGeneration } from '../../src/search/searchGeneration.js';
import { CANDIDATES_PER_FIELD, SearchIndex } from '../../src/search/searchIndex.js';
import { SearchScan } from '../../src/search/searchScan.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { scaleContent } from '../../bench/generateContent.js';
import { queryCorpus, type CorpusQuery } from './queryCorpus.js';

let course: Concept[];
let corpus: CorpusQuery[];
beforeAll(async () => {
  const bundle = await loadSeedDirectory(defaultSeedDir());
  course = bundle.concepts;
  corpus = queryCorpus(course);
});

const bySlug = (concepts: Concept[]) => new Map(concepts.map((c) => [c.slug, c]));

// Every lookup the stages can make for a query (whether or not they stop before it).
function lookupsOf(query: AnalyzedQuery): Parameters<Lookup>[] {
  const forms = query.words.flat();
  const all = [...query.folded, ...forms];
  return [
    [query.folded, 'names', { prefix: true }],
    [query.choseong ? [query.choseong] : [], 'initials', { prefix: true }],
    [forms, 'text', { prefix: true }],
    [query.bigrams, 'text', {}],
    [forms, 'names', { prefix: true }],
    [query.bigrams, 'names', {}],
    [all, 'names', { fuzzy: 0.3 }],
    [all.filter((t) => /[\uAC00-\uD7A3]/.test(t)).map(jamo), 'jamo', { fuzzy: 0.2 }],
  ];
}

// An answer as a client sees it.
function answer(
  index: SearchIndex,
  concepts: Map<string, Concept>,
  query: string,
  first: number,
  locale: Locale,
) {
  return searchConcepts({ concept: (slug) => concepts.get(slug) }, index, query, {
    first,
    locale,
  }).map((hit) => ({ ...hit, concept: hit.concept.slug }));
}

describe('the scan that answers before the index is built', () => {
  it('has a corpus of every kind of query', () => {
    expect(corpus.length).toBeGreaterThan(400);
    const kinds = new Set(corpus.map((q) => q.kind));
    for (const kind of [
      'korean',
      'name',
      'prefix',
      'partial',
      'typo',
      'jamo',
      'choseong',
      'text-word',
      'text-typo',
      'particle',
      'common',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('finds the same concepts as the inverted index, lookup by lookup', () => {
    const concepts = bySlug(course);
    const entries = new Map(course.map((c) => [c.slug, searchEntryOf(c)]));
    const generation = new SearchGeneration();
    const live = new Map([...entries].map(([slug, entry]) => [slug, newVersion(entry)]));
    for (const version of live.values()) generation.add(version);
    const scan = new SearchScan(concepts, (slug) => entries.get(slug)!);
    const differences: string[] = [];
    let lookups = 0;
    for (const { query } of corpus) {
      for (const [terms, field, options] of lookupsOf(analyzeQuery(query))) {
        const indexed = generation.lookup(terms, field, options, live, Infinity).map((c) => c.slug);
        const scanned = scan.lookup(terms, field, options).map((c) => c.slug);
        if (JSON.stringify(indexed.sort()) !== JSON.stringify(scanned.sort())) {
          differences.push(
            `${query} ${field} ${JSON.stringify(options)}: index ${indexed.join()} scan ${scanned.join()}`,
          );
        }
        lookups++;
      }
    }
    expect(differences).toEqual([]);
    expect(lookups).toBe(corpus.length * 8);
  });

  it('answers every query of the corpus over the course as the built index does', () => {
    const concepts = bySlug(course);
    const scanned = new SearchIndex(concepts);
    const built = new SearchIndex(concepts).build();
    let compared = 0;
    for (const { query } of corpus) {
      for (const [first, locale] of [
        [10, 'ko'],
        [50, 'en'],
      ] as const) {
        expect({ query, hits: answer(scanned, concepts, query, first, locale) }).toEqual({
          query,
          hits: answer(built, concepts, query, first, locale),
        });
        compared++;
      }
    }
    expect(scanned.isBuilt).toBe(false);
    expect(compared).toBe(corpus.length * 2);
  });

  it('on a course 10× as large, differs from the index only where a lookup matched more concepts than it ranks', () => {
    const scaled = scaleContent({ concepts: course } as never, 10);
    const concepts = bySlug(scaled);
    const scanned = new SearchIndex(concepts);
    const unlimited = new SearchIndex(concepts, { candidatesPerField: Infinity }).build();
    const limited = new SearchIndex(concepts).build();
    const entries = new Map(scaled.map((c) => [c.slug, searchEntryOf(c)]));
    const scan = new SearchScan(concepts, (slug) => entries.get(slug)!);
    let differing = 0;
    for (const { query } of corpus) {
      const fromScan = answer(scanned, concepts, query, 10, 'ko');
      expect({ query, hits: fromScan }).toEqual({
        query,
        hits: answer(unlimited, concepts, query, 10, 'ko'),
      });
      if (JSON.stringify(fromScan) === JSON.stringify(answer(limited, concepts, query, 10, 'ko')))
        continue;
      differing++;
      // The stages' own lookups for this query: one of them matched more than the index ranks.
      let most = 0;
      const counting: Lookup = (terms, field, options) => {
        const found = scan.lookup(terms, field, options);
        most = Math.max(most, found.length);
        return found;
      };
      matchInStages(
        analyzeQuery(query),
        10,
        () => true,
        counting,
        (slug) => entries.get(slug)!,
      );
      expect({ query, most: most > CANDIDATES_PER_FIELD }).toEqual({ query, most: true });
    }
    // Few answers differ (this is what the default limit costs at this size), but some do.
    expect(differing).toBeGreaterThan(0);
    expect(differing).toBeLessThan(corpus.length / 10);
  });
});
