import type { ContentIndex } from '../src/content/contentIndex.js';
import type { Concept } from '../src/domain/concept.js';
import { analyzeQuery } from '../src/search/analyzeQuery.js';
import { scoreEntry } from '../src/search/scoreEntry.js';
import { searchEntryOf, type SearchEntry } from '../src/search/searchEntries.js';

/**
 * The baseline: the same analysis and the same scoring, applied to every concept in turn,
 * with the text match found by scanning every text (no inverted index).
 */
export class LinearScan {
  private readonly entries: SearchEntry[];

  constructor(concepts: Iterable<Concept>) {
    this.entries = [...concepts].map(searchEntryOf);
  }

  search(index: ContentIndex, query: string, first: number): string[] {
    const analyzed = analyzeQuery(query);
    const forms = analyzed.words.flat();
    const scored: { slug: string; score: number }[] = [];
    for (const entry of this.entries) {
      if (!index.concept(entry.slug)) continue;
      const inText = entry.texts.some((t) => {
        const lower = t.text.toLowerCase();
        return (
          forms.some((f) => lower.includes(f)) || analyzed.bigrams.some((b) => lower.includes(b))
        );
      });
      const score = scoreEntry(analyzed, entry, inText);
      if (score) scored.push({ slug: entry.slug, score: score.score });
    }
    return scored
      .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
      .slice(0, first)
      .map((s) => s.slug);
  }
}
