import type { Locale } from '../../domain/locale.js';
import { previewLesson, type LessonPreview } from '../../editing/lessonPreview.js';
import { rootLocale, view, type GraphQLContext, type View } from '../context.js';
import type { ViewResolvers } from './fieldHelpers.js';

/**
 * `Query.previewLesson`: the blocks a save of the markdown would store, and the issues it would
 * refuse, for editors and admins (previewLesson authorizes). Nothing is written; the answer is
 * private and never cached (the schema's cache hint).
 */
export const lessonPreviewQueryResolvers = {
  previewLesson: async (
    _: unknown,
    args: { markdown: string; locale: Locale; slug?: string | null; otherMarkdown?: string | null },
    ctx: GraphQLContext,
  ): Promise<View<LessonPreview>> => {
    const locale = rootLocale(args, ctx);
    const preview = await previewLesson(ctx.snapshot, ctx.viewer, ctx.edit.writable, {
      ...args,
      locale,
    });
    return view(preview, locale);
  },
};

/** LessonPreview fields: its sections are served like a saved lesson's, in the previewed locale. */
export const lessonPreviewResolvers = {
  locale: ({ locale }) => locale,
  title: ({ item }) => item.title,
  sections: ({ item, locale }) =>
    item.lesson.sections.map((section) => view({ lesson: item.lesson, section }, locale)),
  concepts: ({ item, locale }, _, ctx) =>
    item.lesson.concepts.flatMap((slug) => {
      const concept = ctx.index.concept(slug);
      return concept ? [view(concept, locale)] : [];
    }),
  issues: ({ item }) =>
    item.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
} satisfies ViewResolvers<LessonPreview>;
