import type { Edge } from '../../content/contentIndex.js';
import type { PathHop } from '../../content/graph.js';
import { relationId } from '../../domain/relation.js';
import {
  edgeLabel,
  RELATION_KIND_DEFINITIONS,
  type RelationKind,
} from '../../domain/relationKinds.js';
import type { SourceRef } from '../../domain/source.js';
import { view } from '../context.js';
import { localizedField, optionalLocalizedField, type ViewResolvers } from './fieldHelpers.js';

/** A relation seen from one end. */
export const relationResolvers = {
  id: ({ item }) => relationId(item.relation),
  subject: ({ item, locale }, _, ctx) =>
    view(
      ctx.index.concept(item.direction === 'INCOMING' ? item.relation.to : item.relation.from),
      locale,
    ),
  kind: ({ item }) => item.relation.kind,
  direction: ({ item }) => item.direction,
  label: localizedField((edge) => edgeLabel(edge.relation.kind, edge.direction)),
  concept: ({ item, locale }, _, ctx) => view(ctx.index.concept(item.other), locale),
  note: optionalLocalizedField((edge) => edge.relation.note),
  source: ({ item, locale }, _, ctx) => {
    const source = item.relation.source;
    return source && ctx.index.lesson(source.lesson) ? view(source, locale) : null;
  },
} satisfies ViewResolvers<Edge>;

/** One hop of a path, labelled in the direction it is walked. */
export const pathStepResolvers = {
  from: ({ item, locale }, _, ctx) => view(ctx.index.concept(item.from), locale),
  kind: ({ item }) => item.edge.relation.kind,
  label: localizedField((hop) => edgeLabel(hop.edge.relation.kind, hop.edge.direction)),
  to: ({ item, locale }, _, ctx) => view(ctx.index.concept(item.to), locale),
} satisfies ViewResolvers<PathHop>;

/** A relation kind and its labels. */
export const relationKindInfoResolvers = {
  kind: ({ item }) => item,
  label: localizedField((kind) => RELATION_KIND_DEFINITIONS[kind].forward),
  inverseLabel: localizedField((kind) => RELATION_KIND_DEFINITIONS[kind].inverse),
  symmetric: ({ item }) => RELATION_KIND_DEFINITIONS[item].symmetric,
  transitive: ({ item }) => RELATION_KIND_DEFINITIONS[item].transitive,
  // The rule addRelation enforces (checkReferences), so a client offers only kinds that fit.
  fromCategories: ({ item }) => RELATION_KIND_DEFINITIONS[item].fromCategories ?? null,
  toCategories: ({ item }) => RELATION_KIND_DEFINITIONS[item].toCategories ?? null,
} satisfies ViewResolvers<RelationKind>;

/** A citation of a lesson section (the section is null if the lesson no longer has it). */
export const sourceRefResolvers = {
  lesson: ({ item, locale }, _, ctx) => view(ctx.index.lesson(item.lesson), locale),
  section: ({ item, locale }, _, ctx) => {
    const lesson = ctx.index.lesson(item.lesson);
    const section = lesson?.sections.find((s) => s.anchor === item.section);
    return lesson && section ? view({ lesson, section }, locale) : null;
  },
} satisfies ViewResolvers<SourceRef>;
