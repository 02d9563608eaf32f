import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { LocalizedText } from '../domain/localized.js';
import type { SourceRef } from '../domain/source.js';
import { AppError, ErrorCode, ValidationError } from '../errors.js';
import type { ContentIndex } from './contentIndex.js';
import type { Entry } from './entries.js';

/** Fewest and most concepts an ad-hoc comparison takes. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 8;

/** A comparison ready to serve: authored or built on the fly. */
export interface ComparisonTable {
  slug: string | null;
  title: LocalizedText | null;
  description: LocalizedText | null;
  concepts: Entry<Concept>[];
  rows: { key: string; label: LocalizedText; cells: LocalizedText[][] }[];
  source: SourceRef | null;
}

const LABELS = {
  category: { ko: '분류', en: 'Category' },
  summary: { ko: '요약', en: 'Summary' },
  definition: { ko: '정의', en: 'Definition' },
  analogy: { ko: '비유', en: 'Analogy' },
  limitations: { ko: '한계', en: 'Limitations' },
} satisfies Record<string, LocalizedText>;

/** An authored comparison with its concepts resolved. */
export function authoredTable(index: ContentIndex, comparison: Comparison): ComparisonTable {
  return {
    slug: comparison.slug,
    title: comparison.title,
    description: comparison.description ?? null,
    concepts: comparison.concepts.map((slug) => index.concept(slug)!),
    rows: comparison.rows,
    source: comparison.source ?? null,
  };
}

/**
 * Compares concepts side by side: category, summary, definition, analogies and limitations,
 * then the rows of every authored comparison covering all of them (columns in the asked order).
 * Throws BAD_USER_INPUT for too few, too many or repeated slugs, NOT_FOUND for unknown ones.
 */
export function compareConcepts(index: ContentIndex, slugs: readonly string[]): ComparisonTable {
  if (slugs.length < COMPARE_MIN || slugs.length > COMPARE_MAX) {
    throw new ValidationError(
      `"slugs" must list ${COMPARE_MIN} to ${COMPARE_MAX} concepts, got ${slugs.length}`,
      [{ path: ['slugs'], message: `must have between ${COMPARE_MIN} and ${COMPARE_MAX} items` }],
    );
  }
  const repeated = slugs.findIndex((slug, i) => slugs.indexOf(slug) !== i);
  if (repeated >= 0) {
    throw new ValidationError(`"slugs" lists "${slugs[repeated]}" twice`, [
      { path: ['slugs', repeated], message: 'must not repeat a concept' },
    ]);
  }
  const unknown = slugs.flatMap((slug, i) => (index.concept(slug) ? [] : [{ slug, i }]));
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `unknown concept${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => u.slug).join(', ')}`,
      unknown.map(({ i }) => ({ path: ['slugs', i], message: 'no such concept' })),
    );
  }
  const concepts = slugs.map((slug) => index.concept(slug)!);
  const rows: ComparisonTable['rows'] = [
    {
      key: 'category',
      label: LABELS.category,
      cells: concepts.map((c) => {
        const category = index.category(c.category);
        return category ? [category.name] : [];
      }),
    },
    { key: 'summary', label: LABELS.summary, cells: concepts.map((c) => [c.summary]) },
    { key: 'definition', label: LABELS.definition, cells: concepts.map((c) => [c.definition]) },
    {
      key: 'analogy',
      label: LABELS.analogy,
      cells: concepts.map((c) => c.analogies.map((a) => a.text)),
    },
    { key: 'limitations', label: LABELS.limitations, cells: concepts.map((c) => c.limitations) },
  ];
  // Only comparisons of the first concept can cover them all (listed in the index's order).
  for (const authored of index.comparisonsOf(slugs[0]!)) {
    const columns = slugs.map((slug) => authored.concepts.indexOf(slug));
    if (columns.some((column) => column < 0)) continue;
    for (const row of authored.rows) {
      rows.push({
        key: `${authored.slug}/${row.key}`,
        label: row.label,
        cells: columns.map((column) => row.cells[column] ?? []),
      });
    }
  }
  return {
    slug: null,
    title: joinTerms(concepts),
    description: null,
    concepts,
    rows,
    source: null,
  };
}

// "A vs B" in each locale; English only when every term has an English form.
function joinTerms(concepts: readonly Entry<Concept>[]): LocalizedText {
  const en = concepts.map((c) => c.term.en);
  const title: LocalizedText = { ko: concepts.map((c) => c.term.ko).join(' vs ') };
  if (en.every((term) => term !== undefined)) title.en = en.join(' vs ');
  return title;
}
