import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.js';

/**
 * The answer's extensions with `locale` added when any field fell back to Korean or served an
 * outdated translation (what localePlugin and the fast path both send).
 */
export function withLocaleExtension(
  extensions: Record<string, unknown> | undefined,
  context: GraphQLContext,
): Record<string, unknown> | undefined {
  const locale = context.fallbacks?.toExtension();
  return locale ? { ...extensions, locale } : extensions;
}

/**
 * Tells clients about locale: `extensions.locale` lists every field served in Korean because
 * it had no translation in the requested locale.
 */
export function localePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            const extensions = withLocaleExtension(result.extensions, contextValue);
            if (extensions !== result.extensions) result.extensions = extensions;
          }
          return Promise.resolve();
        },
      });
    },
  };
}
