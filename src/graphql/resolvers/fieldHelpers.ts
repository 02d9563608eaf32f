import type { GraphQLResolveInfo } from 'graphql';
import type { LocalizedText } from '../../domain/localized.js';
import type { GraphQLContext, View } from '../context.js';

/** A field resolver over a located parent. Args default to `never` so each field annotates its own. */
export type FieldResolver<P, A = never> = (
  parent: P,
  args: A,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
) => unknown;

/** Resolvers of one GraphQL type whose parent is a `View<T>`. */
export type ViewResolvers<T> = Record<string, FieldResolver<View<T>>>;

/** A field serving localized text in the subtree's locale (recording a Korean fallback). */
export function localizedField<T>(get: (item: T) => LocalizedText): FieldResolver<View<T>> {
  return ({ item, locale }, _args, context, info) =>
    context.fallbacks.text(get(item), locale, info);
}

/** A field serving optional localized text (null when absent). */
export function optionalLocalizedField<T>(
  get: (item: T) => LocalizedText | null | undefined,
): FieldResolver<View<T>> {
  return ({ item, locale }, _args, context, info) => {
    const value = get(item);
    return value ? context.fallbacks.text(value, locale, info) : null;
  };
}

/** A field serving a list of localized strings. */
export function localizedListField<T>(
  get: (item: T) => readonly LocalizedText[],
): FieldResolver<View<T>> {
  return ({ item, locale }, _args, context, info) =>
    context.fallbacks.texts(get(item), locale, info);
}
