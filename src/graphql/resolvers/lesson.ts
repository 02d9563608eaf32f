import type { GraphQLResolveInfo } from 'graphql';
import type { Entry } from '../../content/entries.js';
import { lessonContentHash } from '../../content/lessonContentHash.js';
import type { Lesson, Section, SectionBody } from '../../domain/lesson.js';
import type { GraphQLContext, View } from '../context.js';
import { view } from '../context.js';
import { localizedField, optionalLocalizedField, type ViewResolvers } from './fieldHelpers.js';

/** A section with the lesson it belongs to. */
export interface SectionItem {
  lesson: Entry<Lesson>;
  section: Section;
}

/** Lesson fields. */
export const lessonResolvers = {
  slug: ({ item }) => item.slug,
  number: ({ item }) => item.number,
  title: localizedField((l) => l.title),
  summary: optionalLocalizedField((l) => l.summary),
  sections: ({ item, locale }) =>
    item.sections.map((section) => view({ lesson: item, section }, locale)),
  section: ({ item, locale }: View<Entry<Lesson>>, args: { anchor: string }) => {
    const section = item.sections.find((s) => s.anchor === args.anchor);
    return section ? view({ lesson: item, section }, locale) : null;
  },
  concepts: ({ item, locale }, _, ctx) => conceptViews(item.concepts, locale, ctx),
  readingMinutes: ({ item, locale }, _, ctx, info) => {
    const minutes = item.readingMinutes[locale];
    if (minutes !== undefined) return minutes;
    ctx.fallbacks.record(info, locale);
    return item.readingMinutes.ko;
  },
  contentHash: ({ item, locale }) => lessonContentHash(item, locale),
  markdown: localizedField((l) => l.markdown),
  status: ({ item }) => item.status,
  version: ({ item }) => item.version,
  updatedAt: ({ item }) => item.updatedAt,
  locale: ({ locale }) => locale,
} satisfies ViewResolvers<Entry<Lesson>>;

/** Section fields; a section without a translation serves its Korean body (and says so). */
export const sectionResolvers = {
  anchor: ({ item }) => item.section.anchor,
  level: ({ item }) => item.section.level,
  title: localizedField((s) => s.section.title),
  blocks: (parent, _, ctx, info) => {
    const body = sectionBody(parent, ctx, info);
    return body.blocks.map((block) => view(block, parent.locale));
  },
  concepts: ({ item, locale }, _, ctx) => conceptViews(item.section.concepts, locale, ctx),
  markdown: (parent, _, ctx, info) => sectionBody(parent, ctx, info).markdown,
} satisfies ViewResolvers<SectionItem>;

function sectionBody(
  { item, locale }: View<SectionItem>,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
): SectionBody {
  return ctx.fallbacks.pick(item.section.body, locale, info);
}

// Linked concepts that are not visible to this reader (drafts) are left out, not errors.
function conceptViews(
  slugs: readonly string[],
  locale: View<unknown>['locale'],
  ctx: GraphQLContext,
) {
  return slugs.flatMap((slug) => {
    const concept = ctx.index.concept(slug);
    return concept ? [view(concept, locale)] : [];
  });
}
