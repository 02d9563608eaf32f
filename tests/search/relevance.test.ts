// Measured relevance: the relevance set's top-1 and top-3 accuracy over the shipped course,
// printed, with the floors the search promises (90% top-1, 98% top-3).
import { applyChanges } from '../../src/content/applyChanges.js';
import { emptyDocumentSet } from '../../src/content/entries.js';
import { ContentSnapshot } from '../../src/content/snapshot.js';
import { defaultSeedDir } from '../../src/paths.js';
import { searchConcepts } from '../../src/search/searchConcepts.js';
import { importSeed } from '../../src/seed/importSeed.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { RELEVANCE_SET } from './relevanceSet.js';

let snapshot: ContentSnapshot;
beforeAll(async () => {
  const store = new MemoryStore();
  await importSeed(store, defaultSeedDir());
  const { rev, documents } = await store.readChanges(0);
  snapshot = new ContentSnapshot(rev, applyChanges(emptyDocumentSet(), documents), new Date());
});

describe('search relevance', () => {
  it('has at least 60 queries of every promised kind', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(RELEVANCE_SET.map((q) => q.kind));
    for (const kind of [
      'particle',
      'spacing',
      'choseong',
      'korean-typo',
      'english-typo',
      'plural',
      'hyphen',
      'abbreviation',
      'mixed',
      'text',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('finds the right concept first for at least 90% of the set, and in the top 3 for 98%', () => {
    const misses: string[] = [];
    let top1 = 0;
    let top3 = 0;
    for (const { query, expected } of RELEVANCE_SET) {
      const slugs = searchConcepts(snapshot.public, snapshot.search, query, {
        first: 3,
        locale: 'ko',
      }).map((h) => h.concept.slug);
      if (slugs[0] === expected) top1++;
      if (slugs.includes(expected)) top3++;
      if (slugs[0] !== expected)
        misses.push(`${query} → ${slugs.join(', ') || '(nothing)'} (expected ${expected})`);
    }
    const n = RELEVANCE_SET.length;
    console.log(
      `search relevance over ${n} queries: top-1 ${((100 * top1) / n).toFixed(1)}%, top-3 ${((100 * top3) / n).toFixed(1)}%` +
        (misses.length ? `\nnot first:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(top1 / n).toBeGreaterThanOrEqual(0.9);
    expect(top3 / n).toBeGreaterThanOrEqual(0.98);
  });
});
