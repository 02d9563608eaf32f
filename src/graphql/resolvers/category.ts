import type { Entry } from '../../content/entries.js';
import type { GlossaryGroup } from '../../content/glossary.js';
import type { Category } from '../../domain/category.js';
import type { Concept } from '../../domain/concept.js';
import { view } from '../context.js';
import { localizedField, optionalLocalizedField, type ViewResolvers } from './fieldHelpers.js';

/** Category fields. */
export const categoryResolvers = {
  slug: ({ item }) => item.slug,
  name: localizedField((c) => c.name),
  description: optionalLocalizedField((c) => c.description),
  order: ({ item }) => item.order,
  concepts: ({ item, locale }, _, ctx) =>
    ctx.index.conceptsIn(item.slug).map((concept) => view(concept, locale)),
} satisfies ViewResolvers<Entry<Category>>;

/** Glossary group fields. */
export const glossaryGroupResolvers = {
  initial: ({ item }) => item.initial,
  entries: ({ item, locale }) => item.entries.map((concept) => view(concept, locale)),
} satisfies ViewResolvers<GlossaryGroup<Entry<Concept>>>;
