import { authorize } from '../../auth/permissions.js';
import type { Entry } from '../../content/entries.js';
import { pageSize } from '../../content/pagination.js';
import {
  translatedEntry,
  translationQueue,
  type TranslatedEntry,
} from '../../content/translationQueue.js';
import type { CollectionName } from '../../domain/bundle.js';
import type { Locale } from '../../domain/locale.js';
import type {
  FieldTranslation,
  TranslationState,
} from '../../domain/translation/translationState.js';
import { sourceDiff } from '../../domain/translation/sourceDiff.js';
import { ValidationError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';

/** GraphQL's TranslatableType values, as the collections they name. */
export const TRANSLATABLE_TYPES = {
  CONCEPT: 'concepts',
  LESSON: 'lessons',
  COMPARISON: 'comparisons',
  CATEGORY: 'categories',
  RELATION: 'relations',
} as const satisfies Record<string, CollectionName>;

type TypeName = keyof typeof TRANSLATABLE_TYPES;

const TYPE_OF = Object.fromEntries(
  Object.entries(TRANSLATABLE_TYPES).map(([type, collection]) => [collection, type]),
) as Record<CollectionName, TypeName>;

/** Translation state is for the people who write the course: editors and admins. */
export function assertTranslator(ctx: GraphQLContext): void {
  authorize(ctx.viewer, 'translate', ctx.edit.writable);
}

/** Korean is the source: only English is a translation (the `locale` argument says which). */
export function translatedLocale(locale: Locale | null | undefined): Locale {
  if (locale === 'ko') {
    throw new ValidationError('Korean is the source language: only English is translated', [
      { path: ['locale'], message: 'must be EN' },
    ]);
  }
  return 'en';
}

/** The `translation` field of a Concept, Lesson, Category or Comparison: null for an ad-hoc comparison. */
export function translationField(collection: CollectionName) {
  return (
    { item }: { item: { slug: string } },
    args: { locale?: Locale | null },
    ctx: GraphQLContext,
  ) => {
    assertTranslator(ctx);
    const locale = translatedLocale(args.locale);
    const entry = (ctx.snapshot.documents[collection] as ReadonlyMap<string, Entry<object>>).get(
      item.slug,
    );
    return entry ? { ...translatedEntry(collection, item.slug, entry), locale } : null;
  };
}

type Located = TranslatedEntry & { locale: Locale };

/** `Query.translationQueue` and `Query.translationStatus`. */
export const translationQueryResolvers = {
  translationQueue: (
    _: unknown,
    args: {
      locale?: Locale | null;
      states?: TranslationState[] | null;
      type?: TypeName | null;
      first?: number | null;
      after?: string | null;
    },
    ctx: GraphQLContext,
  ) => {
    assertTranslator(ctx);
    const locale = translatedLocale(args.locale);
    const page = translationQueue(
      ctx.snapshot.documents,
      { states: args.states, collection: args.type ? TRANSLATABLE_TYPES[args.type] : null },
      { first: pageSize(args.first), after: args.after },
    );
    return {
      edges: page.items.map((item, i) => ({ cursor: page.cursors[i], node: { ...item, locale } })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      },
      totalCount: page.totalCount,
    };
  },
  translationStatus: (
    _: unknown,
    args: { type: TypeName; id: string; locale?: Locale | null },
    ctx: GraphQLContext,
  ) => {
    assertTranslator(ctx);
    const locale = translatedLocale(args.locale);
    const collection = TRANSLATABLE_TYPES[args.type];
    const entry = (ctx.snapshot.documents[collection] as ReadonlyMap<string, Entry<object>>).get(
      args.id,
    );
    return entry ? { ...translatedEntry(collection, args.id, entry), locale } : null;
  },
};

/** TranslatedDocument fields. */
export const translatedDocumentResolvers = {
  type: (item: Located) => TYPE_OF[item.collection],
  id: (item: Located) => item.id,
  title: (item: Located) => item.title,
  version: (item: Located) => item.entry.version,
  status: (item: Located) => (item.entry as { status?: string }).status ?? null,
  since: (item: Located) => item.since,
  translation: (item: Located) => item,
};

/** Translation fields. */
export const translationResolvers = {
  locale: (item: Located) => item.locale,
  state: (item: Located) => item.translation.summary.state,
  current: (item: Located) => item.translation.summary.current,
  outdated: (item: Located) => item.translation.summary.outdated,
  missing: (item: Located) => item.translation.summary.missing,
  fields: (item: Located, args: { all?: boolean | null }) =>
    args.all
      ? item.translation.fields
      : item.translation.fields.filter((f) => f.state !== 'CURRENT'),
};

/** FieldTranslation fields. */
export const fieldTranslationResolvers = {
  path: (field: FieldTranslation) => field.path,
  state: (field: FieldTranslation) => field.state,
  source: (field: FieldTranslation) => field.ko,
  translation: (field: FieldTranslation) => field.en ?? null,
  translatedFrom: (field: FieldTranslation) => field.source ?? null,
  sourceDiff: (field: FieldTranslation) =>
    field.source === undefined ? null : sourceDiff(field.source, field.ko),
  sourceChangedAt: (field: FieldTranslation) => field.since ?? null,
  translatedBy: (field: FieldTranslation) => field.translatedBy ?? null,
  translatedAt: (field: FieldTranslation) => field.translatedAt ?? null,
};
