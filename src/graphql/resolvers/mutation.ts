import { COLLECTIONS } from '../../domain/bundle.js';
import type { Locale } from '../../domain/locale.js';
import type { RelationKind } from '../../domain/relationKinds.js';
import { createCategory, updateCategory } from '../../editing/categoryEdits.js';
import {
  createConcept,
  deleteConcept,
  setConceptStatus,
  updateConcept,
} from '../../editing/conceptEdits.js';
import { importContent } from '../../editing/importContent.js';
import { setLessonStatus, upsertLesson } from '../../editing/lessonEdits.js';
import { addRelation, removeRelation } from '../../editing/relationEdits.js';
import { writeCount } from '../../seed/planImport.js';
import { view, type GraphQLContext } from '../context.js';

type Versioned = { slug: string; expectedVersion?: number | null };
type Patch = Record<string, unknown>;

// Each mutation: do the edit, then move the request to the revision it wrote, so the returned
// object (and its nested fields) shows the change. Results are served in the request's locale.
async function adopt<T>(
  ctx: GraphQLContext,
  work: Promise<T>,
): Promise<{ item: T; locale: Locale }> {
  const item = await work;
  await ctx.adoptLatest();
  return view(item, ctx.defaultLocale);
}

/** Mutation fields: thin calls into the editing service. */
export const mutationResolvers = {
  createConcept: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
    adopt(ctx, createConcept(ctx.edit, ctx.viewer, args.input)),
  updateConcept: (_: unknown, args: Versioned & { patch: Patch }, ctx: GraphQLContext) =>
    adopt(ctx, updateConcept(ctx.edit, ctx.viewer, args.slug, args.patch, args.expectedVersion)),
  deleteConcept: async (
    _: unknown,
    args: Versioned & { cascade?: boolean | null },
    ctx: GraphQLContext,
  ) =>
    (
      await adopt(
        ctx,
        deleteConcept(ctx.edit, ctx.viewer, args.slug, args.expectedVersion, args.cascade ?? false),
      )
    ).item,
  publishConcept: (_: unknown, args: Versioned, ctx: GraphQLContext) =>
    adopt(
      ctx,
      setConceptStatus(ctx.edit, ctx.viewer, args.slug, 'PUBLISHED', args.expectedVersion),
    ),
  unpublishConcept: (_: unknown, args: Versioned, ctx: GraphQLContext) =>
    adopt(ctx, setConceptStatus(ctx.edit, ctx.viewer, args.slug, 'DRAFT', args.expectedVersion)),
  addRelation: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
    adopt(ctx, addRelation(ctx.edit, ctx.viewer, args.input)),
  removeRelation: async (
    _: unknown,
    args: { from: string; kind: RelationKind; to: string },
    ctx: GraphQLContext,
  ) => (await adopt(ctx, removeRelation(ctx.edit, ctx.viewer, args.from, args.kind, args.to))).item,
  upsertLesson: (
    _: unknown,
    args: Versioned & {
      markdown: string;
      locale?: Locale | null;
      title?: { ko?: string | null; en?: string | null } | null;
      number?: number | null;
      summary?: { ko?: string | null; en?: string | null } | null;
    },
    ctx: GraphQLContext,
  ) => adopt(ctx, upsertLesson(ctx.edit, ctx.viewer, { ...args, locale: args.locale ?? 'ko' })),
  publishLesson: (_: unknown, args: Versioned, ctx: GraphQLContext) =>
    adopt(ctx, setLessonStatus(ctx.edit, ctx.viewer, args.slug, 'PUBLISHED', args.expectedVersion)),
  unpublishLesson: (_: unknown, args: Versioned, ctx: GraphQLContext) =>
    adopt(ctx, setLessonStatus(ctx.edit, ctx.viewer, args.slug, 'DRAFT', args.expectedVersion)),
  createCategory: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
    adopt(ctx, createCategory(ctx.edit, ctx.viewer, args.input)),
  updateCategory: (_: unknown, args: Versioned & { patch: Patch }, ctx: GraphQLContext) =>
    adopt(ctx, updateCategory(ctx.edit, ctx.viewer, args.slug, args.patch, args.expectedVersion)),
  importContent: async (
    _: unknown,
    args: { bundle: unknown; dryRun?: boolean | null; prune?: boolean | null },
    ctx: GraphQLContext,
  ) => {
    const dryRun = args.dryRun ?? true;
    const result = await importContent(ctx.edit, ctx.viewer, args.bundle, {
      dryRun,
      prune: args.prune ?? false,
    });
    await ctx.adoptLatest();
    return {
      dryRun,
      rev: result.rev,
      written: dryRun ? 0 : writeCount(result.report),
      collections: COLLECTIONS.map((collection) => ({ collection, ...result.report[collection] })),
    };
  },
};
