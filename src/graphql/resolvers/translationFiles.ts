import type { CollectionName } from '../../domain/bundle.js';
import type { Locale } from '../../domain/locale.js';
import type { TranslationState } from '../../domain/translation/translationState.js';
import { DEFAULT_EXPORT_STATES, exportXliff } from '../../translation/exportTranslations.js';
import {
  importTranslations,
  type DocumentImport,
  type TranslationImport,
} from '../../translation/importTranslations.js';
import type { GraphQLContext } from '../context.js';
import { assertTranslator, TRANSLATABLE_TYPES, translatedLocale } from './translation.js';

const TYPE_OF = Object.fromEntries(
  Object.entries(TRANSLATABLE_TYPES).map(([type, collection]) => [collection, type]),
) as Record<CollectionName, keyof typeof TRANSLATABLE_TYPES>;

/**
 * `Query.exportTranslations`: the queue as XLIFF, for editors and admins (the same people the
 * queue itself is for), from the snapshot the request reads.
 */
export const translationFileQueryResolvers = {
  exportTranslations: (
    _: unknown,
    args: { locale?: Locale | null; states?: TranslationState[] | null },
    ctx: GraphQLContext,
  ): Promise<string> => {
    assertTranslator(ctx);
    translatedLocale(args.locale);
    return exportXliff(ctx.snapshot.documents, args.states ?? DEFAULT_EXPORT_STATES);
  },
};

/** `Mutation.importTranslations` (admin: importTranslations authorizes). */
export const translationFileMutationResolvers = {
  importTranslations: async (
    _: unknown,
    args: { xliff: string; dryRun?: boolean | null },
    ctx: GraphQLContext,
  ): Promise<TranslationImport> => {
    const report = await importTranslations(ctx.edit, ctx.viewer, args.xliff, {
      dryRun: args.dryRun ?? false,
    });
    // Later fields of the operation read the revision the import wrote.
    await ctx.adoptLatest();
    return report;
  },
};

/** TranslationImportReport fields: the totals of its documents. */
export const translationImportReportResolvers = {
  applied: (report: TranslationImport) => countOutcome(report, 'APPLIED'),
  conflicts: (report: TranslationImport) => countOutcome(report, 'CONFLICT'),
  rejected: (report: TranslationImport) => countOutcome(report, 'REJECTED'),
};

/** TranslationImportDocument fields that differ from the report's own shape. */
export const translationImportDocumentResolvers = {
  type: (document: DocumentImport) => TYPE_OF[document.collection],
  issues: (document: DocumentImport) =>
    document.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
};

function countOutcome(report: TranslationImport, outcome: DocumentImport['outcome']): number {
  return report.documents.filter((document) => document.outcome === outcome).length;
}
