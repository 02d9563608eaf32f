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
import { restoreConcept } from '../../editing/restoreConcept.js';
import { setLessonStatus, upsertLesson } from '../../editing/lessonEdits.js';
import { addRelation, removeRelation } from '../../editing/relationEdits.js';
import { confirmTranslation, updateTranslations } from '../../editing/translationEdits.js';
import type { TranslationChoice } from '../../editing/translationGuard.js';
import { translatedEntry } from '../../content/translationQueue.js';
import { writeCount } from '../../seed/planImport.js';
import { TRANSLATABLE_TYPES, translatedLocale } from './translation.js';
import { view, type GraphQLContext } from '../context.js';
import { importSeedFilesResolver } from './importSeedFiles.js';

type Versioned = { slug: string; expectedVersion?: number | null };
type Patch = Record<string, unknown>;
type Choice = TranslationChoice;
type Translatable = {
  type: keyof typeof TRANSLATABLE_TYPES;
  id: string;
  expectedVersion?: number | null;
  locale?: Locale | null;
};

// A translation mutation's answer: the document's translation state after it.
async function translated(ctx: GraphQLContext, args: Translatable, work: Promise<object>) {
  const collection = TRANSLATABLE_TYPES[args.type];
  const locale = translatedLocale(args.locale);
  const { item } = await adopt(ctx, work);
  return { ...translatedEntry(collection, args.id, item as never), locale };
}

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
  updateConcept: (_: unknown, args: Versioned & Choice & { patch: Patch }, ctx: GraphQLContext) =>
    adopt(
      ctx,
      updateConcept(ctx.edit, ctx.viewer, args.slug, args.patch, args.expectedVersion, args),
    ),
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
  publishConcept: (_: unknown, args: Versioned & Choice, ctx: GraphQLContext) =>
    adopt(
      ctx,
      setConceptStatus(ctx.edit, ctx.viewer, args.slug, 'PUBLISHED', args.expectedVersion, args),
    ),
  unpublishConcept: (_: unknown, args: Versioned, ctx: GraphQLContext) =>
    adopt(ctx, setConceptStatus(ctx.edit, ctx.viewer, args.slug, 'DRAFT', args.expectedVersion)),
  restoreConcept: (
    _: unknown,
    args: Versioned & Choice & { version: number },
    ctx: GraphQLContext,
  ) =>
    adopt(
      ctx,
      restoreConcept(ctx.edit, ctx.viewer, args.slug, args.version, args.expectedVersion, args),
    ),
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
      otherMarkdown?: string | null;
      title?: { ko?: string | null; en?: string | null } | null;
      number?: number | null;
      summary?: { ko?: string | null; en?: string | null } | null;
    } & Choice,
    ctx: GraphQLContext,
  ) =>
    adopt(
      ctx,
      upsertLesson(ctx.edit, ctx.viewer, { ...args, locale: args.locale ?? 'ko', choice: args }),
    ),
  publishLesson: (_: unknown, args: Versioned & Choice, ctx: GraphQLContext) =>
    adopt(
      ctx,
      setLessonStatus(ctx.edit, ctx.viewer, args.slug, 'PUBLISHED', args.expectedVersion, args),
    ),
  unpublishLesson: (_: unknown, args: Versioned, ctx: GraphQLContext) =>
    adopt(ctx, setLessonStatus(ctx.edit, ctx.viewer, args.slug, 'DRAFT', args.expectedVersion)),
  createCategory: (_: unknown, args: { input: unknown } & Choice, ctx: GraphQLContext) =>
    adopt(ctx, createCategory(ctx.edit, ctx.viewer, args.input, args)),
  updateCategory: (_: unknown, args: Versioned & Choice & { patch: Patch }, ctx: GraphQLContext) =>
    adopt(
      ctx,
      updateCategory(ctx.edit, ctx.viewer, args.slug, args.patch, args.expectedVersion, args),
    ),
  confirmTranslation: (_: unknown, args: Translatable & { paths: string[] }, ctx: GraphQLContext) =>
    translated(
      ctx,
      args,
      confirmTranslation(
        ctx.edit,
        ctx.viewer,
        { collection: TRANSLATABLE_TYPES[args.type], id: args.id },
        args.paths,
        args.expectedVersion,
      ),
    ),
  updateTranslations: (
    _: unknown,
    args: Translatable & { translations: { path: string; text: string }[] },
    ctx: GraphQLContext,
  ) =>
    translated(
      ctx,
      args,
      updateTranslations(
        ctx.edit,
        ctx.viewer,
        { collection: TRANSLATABLE_TYPES[args.type], id: args.id },
        args.translations,
        args.expectedVersion,
      ),
    ),
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
  importSeedFiles: importSeedFilesResolver,
};
