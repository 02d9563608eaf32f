import type { ComparisonTable } from '../content/compare.js';
import type { Entry } from '../content/entries.js';
import type { Category } from '../domain/category.js';
import type { Locale } from '../domain/locale.js';
import { relationId, type Relation } from '../domain/relation.js';
import { RELATION_KIND_DEFINITIONS } from '../domain/relationKinds.js';
import { NOTHING_OUTDATED, type OutdatedCheck } from '../content/outdatedTranslations.js';
import { Localizer } from './localizer.js';

/** A category in one locale. */
export function presentCategory(
  category: Entry<Category>,
  locale: Locale,
  outdated: OutdatedCheck = NOTHING_OUTDATED,
) {
  const t = new Localizer(locale, outdated);
  return t.withFallbacks({
    slug: category.slug,
    name: t.text(category.name, 'name'),
    description: t.optional(category.description, 'description'),
    order: category.order,
  });
}

/** A relation as a document (its id, both ends, labels both ways in one locale). */
export function presentRelation(
  relation: Entry<Relation>,
  locale: Locale,
  outdated: OutdatedCheck = NOTHING_OUTDATED,
) {
  const t = new Localizer(locale, outdated);
  const definition = RELATION_KIND_DEFINITIONS[relation.kind];
  return t.withFallbacks({
    id: relationId(relation),
    from: relation.from,
    kind: relation.kind,
    to: relation.to,
    label: t.text(definition.forward, 'label'),
    inverseLabel: t.text(definition.inverse, 'inverseLabel'),
    note: t.optional(relation.note, 'note'),
    source: relation.source ?? null,
  });
}

/** A comparison table in one locale: rows of labelled cells, one per concept, in order. */
export function presentComparison(
  table: ComparisonTable,
  locale: Locale,
  outdated: OutdatedCheck = NOTHING_OUTDATED,
) {
  const t = new Localizer(locale, outdated);
  return t.withFallbacks({
    slug: table.slug,
    title: t.optional(table.title ?? undefined, 'title'),
    description: t.optional(table.description ?? undefined, 'description'),
    concepts: table.concepts.map((concept) => concept.slug),
    rows: table.rows.map((row, r) => ({
      key: row.key,
      label: t.text(row.label, `rows.${r}.label`),
      cells: row.cells.map((points, c) => t.list(points, `rows.${r}.cells.${c}`)),
    })),
    source: table.source,
  });
}
