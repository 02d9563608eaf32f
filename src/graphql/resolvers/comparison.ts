import type { ComparisonTable } from '../../content/compare.js';
import type { Entry } from '../../content/entries.js';
import type { Concept } from '../../domain/concept.js';
import type { LocalizedText } from '../../domain/localized.js';
import { view } from '../context.js';
import { optionalLocalizedField, type ViewResolvers } from './fieldHelpers.js';

type Row = ComparisonTable['rows'][number] & { concepts: Entry<Concept>[] };
type Cell = { concept: Entry<Concept>; points: LocalizedText[] };

/** Comparison fields (authored tables and ad-hoc comparisons alike). */
export const comparisonResolvers = {
  slug: ({ item }) => item.slug,
  title: optionalLocalizedField((c) => c.title),
  description: optionalLocalizedField((c) => c.description),
  concepts: ({ item, locale }) => item.concepts.map((concept) => view(concept, locale)),
  rows: ({ item, locale }) =>
    item.rows.map((row) => view({ ...row, concepts: item.concepts }, locale)),
  source: ({ item, locale }, _, ctx) =>
    item.source && ctx.index.lesson(item.source.lesson) ? view(item.source, locale) : null,
} satisfies ViewResolvers<ComparisonTable>;

/** A comparison row: its label and one cell per concept. */
export const comparisonRowResolvers = {
  key: ({ item }) => item.key,
  label: ({ item, locale }, _, ctx, info) => ctx.fallbacks.text(item.label, locale, info),
  cells: ({ item, locale }) =>
    item.concepts.map((concept, i) => view({ concept, points: item.cells[i] ?? [] }, locale)),
} satisfies ViewResolvers<Row>;

/** A comparison cell. */
export const comparisonCellResolvers = {
  concept: ({ item, locale }) => view(item.concept, locale),
  points: ({ item, locale }, _, ctx, info) => ctx.fallbacks.texts(item.points, locale, info),
  text: ({ item, locale }, _, ctx, info) =>
    ctx.fallbacks.texts(item.points, locale, info).join('\n'),
} satisfies ViewResolvers<Cell>;
