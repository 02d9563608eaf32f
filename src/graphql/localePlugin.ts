import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.js';

/**
 * Tells clients about locale: `extensions.locale` lists every field served in Korean because
 * it had no translation in the requested locale.
 */
export function localePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          const locale = contextValue.fallbacks?.toExtension();
          if (locale && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, locale };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
