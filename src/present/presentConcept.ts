import type { ContentIndex } from '../content/contentIndex.js';
import type { Entry } from '../content/entries.js';
import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';
import { edgeLabel } from '../domain/relationKinds.js';
import { NOTHING_OUTDATED, type OutdatedCheck } from '../content/outdatedTranslations.js';
import { Localizer } from './localizer.js';

/** A concept in a list: enough to show it and link to it. */
export function presentConceptItem(
  concept: Entry<Concept>,
  locale: Locale,
  outdated: OutdatedCheck = NOTHING_OUTDATED,
) {
  const t = new Localizer(locale, outdated);
  const body = {
    slug: concept.slug,
    category: concept.category,
    term: t.text(concept.term, 'term'),
    summary: t.text(concept.summary, 'summary'),
    aliases: concept.aliases,
    version: concept.version,
  };
  return t.withFallbacks(body);
}

/**
 * A whole concept as JSON in one locale: every field, its relations resolved (kind, direction,
 * label in this locale, the concept at the other end), and `fallbacks` naming each field served
 * in Korean for want of a translation. `concept` is the reader's view of it (see publicView.ts:
 * no links to what the reader may not see); relations only to concepts this reader may see.
 * With `derived: false` (sync), only the concept's own document: no relations or lessons, so
 * the JSON changes only when the concept, or the visibility of what it links, does.
 */
export function presentConcept(
  index: ContentIndex,
  concept: Entry<Concept>,
  locale: Locale,
  options: { derived: boolean } = { derived: true },
) {
  const t = new Localizer(locale, index.outdated);
  const body = {
    slug: concept.slug,
    category: concept.category,
    term: t.text(concept.term, 'term'),
    aliases: concept.aliases,
    summary: t.text(concept.summary, 'summary'),
    definition: t.text(concept.definition, 'definition'),
    details: concept.details.map((facet, i) => ({
      title: t.text(facet.title, `details.${i}.title`),
      text: t.text(facet.text, `details.${i}.text`),
      origin: facet.origin ?? 'lesson',
    })),
    examples: t.list(concept.examples, 'examples'),
    analogies: concept.analogies.map((analogy, i) => ({
      domain: t.text(analogy.domain, `analogies.${i}.domain`),
      text: t.text(analogy.text, `analogies.${i}.text`),
      mapping: analogy.mapping.map((pair, j) => ({
        source: t.text(pair.source, `analogies.${i}.mapping.${j}.source`),
        target: t.text(pair.target, `analogies.${i}.mapping.${j}.target`),
        concept: pair.concept ?? null,
      })),
      caveats: t.list(analogy.caveats, `analogies.${i}.caveats`),
    })),
    limitations: t.list(concept.limitations, 'limitations'),
    media: concept.media.map((media, i) => ({
      type: media.type,
      path: media.path,
      alt: t.text(media.alt, `media.${i}.alt`),
      available: media.available,
    })),
    sources: concept.sources,
    ...(options.derived ? derivedFields(index, concept, t) : {}),
    status: concept.status,
    version: concept.version,
    updatedAt: concept.updatedAt,
    locale,
  };
  return t.withFallbacks(body);
}

// What other documents say about a concept: its relations (from this reader's view) and lessons.
function derivedFields(index: ContentIndex, concept: Entry<Concept>, t: Localizer) {
  return {
    relations: index.edgesOf(concept.slug).map((edge, i) => ({
      kind: edge.relation.kind,
      direction: edge.direction,
      label: t.text(edgeLabel(edge.relation.kind, edge.direction), `relations.${i}.label`),
      concept: edge.other,
    })),
    lessons: index.lessonsTeaching(concept.slug).map((lesson) => lesson.slug),
  };
}
