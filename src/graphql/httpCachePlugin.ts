import type { ApolloServerPlugin } from '@apollo/server';
import type { CachePolicy } from '../http/httpCaching.js';
import type { GraphQLContext } from './context.js';

/**
 * Turns Apollo's cache hints into our HTTP caching: a query whose every field is cacheable
 * answers `public, max-age, s-maxage`; anything with an error (a persisted-query miss included)
 * is `no-store`; answers for a token holder (drafts) are `private, no-store`.
 */
export function httpCachePlugin(policy: CachePolicy): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          const headers = response.http.headers;
          headers.set('vary', 'Accept-Language, Authorization');
          const hasErrors =
            response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          const hinted = /max-age=(\d+)/.exec(headers.get('cache-control') ?? '');
          const publicHint =
            hinted && /public/.test(headers.get('cache-control') ?? '') ? Number(hinted[1]) : 0;
          if (hasErrors || publicHint === 0) headers.set('cache-control', 'no-store');
          else if (contextValue.viewer?.role !== 'anonymous')
            headers.set('cache-control', 'private, no-store');
          else {
            headers.set(
              'cache-control',
              `public, max-age=${Math.min(publicHint, policy.maxAge)}, s-maxage=${policy.sMaxAge}`,
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
