import type { EdgeDirection } from '../../content/contentIndex.js';
import type { Entry } from '../../content/entries.js';
import { MAX_RELATED_DEPTH, relatedConcepts } from '../../content/graph.js';
import type { Analogy, AnalogyPair } from '../../domain/analogy.js';
import type { Concept, Facet } from '../../domain/concept.js';
import type { Media } from '../../domain/media.js';
import type { RelationKind } from '../../domain/relationKinds.js';
import { ValidationError } from '../../errors.js';
import { view, type View } from '../context.js';
import { localizedField, localizedListField, type ViewResolvers } from './fieldHelpers.js';

type ConceptView = View<Entry<Concept>>;

/** Concept fields: localized text, and walks of the relation graph from this concept. */
export const conceptResolvers = {
  slug: ({ item }) => item.slug,
  term: localizedField((c) => c.term),
  aliases: ({ item }) => item.aliases,
  summary: localizedField((c) => c.summary),
  definition: localizedField((c) => c.definition),
  category: ({ item, locale }, _, ctx) => {
    const category = ctx.index.category(item.category);
    // Reference checks guarantee the category exists; a dangling one is a bug, not a client error.
    if (!category) throw new Error(`concept ${item.slug} has unknown category ${item.category}`);
    return view(category, locale);
  },
  details: ({ item, locale }) => item.details.map((facet) => view(facet, locale)),
  examples: localizedListField((c) => c.examples),
  analogies: ({ item, locale }) => item.analogies.map((analogy) => view(analogy, locale)),
  limitations: localizedListField((c) => c.limitations),
  media: ({ item, locale }) => item.media.map((media) => view(media, locale)),
  relations: (
    { item, locale }: ConceptView,
    args: { kinds?: RelationKind[] | null; direction?: EdgeDirection | 'BOTH' | null },
    ctx,
  ) => {
    const direction = args.direction === 'BOTH' ? undefined : (args.direction ?? undefined);
    return ctx.index
      .edgesOf(item.slug, args.kinds ?? undefined, direction)
      .map((edge) => view(edge, locale));
  },
  related: ({ item, locale }: ConceptView, args: { depth?: number | null }, ctx) => {
    const depth = args.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_RELATED_DEPTH) {
      throw new ValidationError(
        `"depth" must be between 1 and ${MAX_RELATED_DEPTH}, got ${depth}`,
        [{ path: ['depth'], message: `must be an integer between 1 and ${MAX_RELATED_DEPTH}` }],
      );
    }
    return relatedConcepts(ctx.index, item.slug, depth).map((concept) => view(concept, locale));
  },
  lessons: ({ item, locale }, _, ctx) =>
    ctx.index.lessonsTeaching(item.slug).map((lesson) => view(lesson, locale)),
  sources: ({ item, locale }, _, ctx) =>
    item.sources.flatMap((source) =>
      ctx.index.lesson(source.lesson) ? [view(source, locale)] : [],
    ),
  status: ({ item }) => item.status,
  version: ({ item }) => item.version,
  updatedAt: ({ item }) => item.updatedAt,
  // Authorship is for the people who edit; anonymous readers get null.
  updatedBy: ({ item }, _, ctx) =>
    ctx.viewer.role === 'anonymous' ? null : (item.updatedBy ?? null),
  locale: ({ locale }) => locale,
} satisfies ViewResolvers<Entry<Concept>>;

/** Facet fields. */
export const facetResolvers = {
  title: localizedField((f) => f.title),
  text: localizedField((f) => f.text),
  origin: ({ item }) => item.origin ?? 'lesson',
} satisfies ViewResolvers<Facet>;

/** Analogy fields. */
export const analogyResolvers = {
  domain: localizedField((a) => a.domain),
  text: localizedField((a) => a.text),
  mapping: ({ item, locale }) => item.mapping.map((pair) => view(pair, locale)),
  caveats: localizedListField((a) => a.caveats),
} satisfies ViewResolvers<Analogy>;

/** Analogy pair fields. */
export const analogyPairResolvers = {
  source: localizedField((p) => p.source),
  target: localizedField((p) => p.target),
  concept: ({ item, locale }, _, ctx) => {
    const concept = item.concept ? ctx.index.concept(item.concept) : undefined;
    return concept ? view(concept, locale) : null;
  },
} satisfies ViewResolvers<AnalogyPair>;

/** Media fields of a concept's images. */
export const mediaResolvers = {
  type: ({ item }) => item.type,
  path: ({ item }) => item.path,
  alt: localizedField((m) => m.alt),
  available: ({ item }) => item.available,
} satisfies ViewResolvers<Media>;
