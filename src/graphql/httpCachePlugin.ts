import type { ApolloServerPlugin } from '@apollo/server';
import type { PublicLifetimes } from '../http/httpCaching.js';
import type { GraphQLContext } from './context.js';

/**
 * Turns Apollo's cache hints into our HTTP caching: a query whose every field is cacheable
 * answers `public, max-age, s-maxage`; anything with an error (a persisted-query miss included)
 * is `no-store`; answers for a token holder (drafts) are `private, no-store`. Reads the policy
 * Apollo computed (`overallCachePolicy`); Apollo's cache-control plugin writes no header of its
 * own (`calculateHttpHeaders: false`), so this is the one writer of Cache-Control.
 */
export function httpCachePlugin(lifetimes: PublicLifetimes): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue, overallCachePolicy }) {
          const headers = response.http.headers;
          headers.set('vary', 'Accept-Language, Authorization');
          const hasErrors =
            response.body.kind !== 'single' || (response.body.singleResult.errors?.length ?? 0) > 0;
          const hint = overallCachePolicy.policyIfCacheable();
          const publicHint = hint?.scope === 'PUBLIC' ? hint.maxAge : 0;
          if (hasErrors || publicHint === 0) headers.set('cache-control', 'no-store');
          else if (contextValue.viewer?.role !== 'anonymous')
            headers.set('cache-control', 'private, no-store');
          else {
            headers.set(
              'cache-control',
              `public, max-age=${Math.min(publicHint, lifetimes.maxAge)}, s-maxage=${lifetimes.sMaxAge}`,
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
