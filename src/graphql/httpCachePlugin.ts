import type { ApolloServerPlugin } from '@apollo/server';
import type { Viewer } from '../auth/viewer.js';
import type { PublicLifetimes } from '../http/httpCaching.js';
import type { GraphQLContext } from './context.js';

/** The Vary of every GraphQL answer: it depends on the language asked for and on the token. */
export const GRAPHQL_VARY = 'Accept-Language, Authorization';

/**
 * The Cache-Control of a GraphQL answer: `public, max-age, s-maxage` when it has no error, its
 * every field is public and cacheable (`publicMaxAge` > 0: the least max-age of Apollo's cache
 * hints) and an anonymous reader asked; `private, no-store` for a token holder (drafts);
 * otherwise `no-store`.
 */
export function graphqlCacheControl(
  answer: { hasErrors: boolean; publicMaxAge: number; viewerRole: Viewer['role'] | undefined },
  lifetimes: PublicLifetimes,
): string {
  if (answer.hasErrors || answer.publicMaxAge === 0) return 'no-store';
  if (answer.viewerRole !== 'anonymous') return 'private, no-store';
  return `public, max-age=${Math.min(answer.publicMaxAge, lifetimes.maxAge)}, s-maxage=${lifetimes.sMaxAge}`;
}

/**
 * Turns Apollo's cache hints into our HTTP caching (see graphqlCacheControl); anything with an
 * error (a persisted-query miss included) is `no-store`. Reads the policy Apollo computed
 * (`overallCachePolicy`); Apollo's cache-control plugin writes no header of its own
 * (`calculateHttpHeaders: false`), so this is the one writer of Cache-Control.
 */
export function httpCachePlugin(lifetimes: PublicLifetimes): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue, overallCachePolicy }) {
          const headers = response.http.headers;
          headers.set('vary', GRAPHQL_VARY);
          const hasErrors =
            response.body.kind !== 'single' || (response.body.singleResult.errors?.length ?? 0) > 0;
          const hint = overallCachePolicy.policyIfCacheable();
          const publicMaxAge = hint?.scope === 'PUBLIC' ? hint.maxAge : 0;
          headers.set(
            'cache-control',
            graphqlCacheControl(
              { hasErrors, publicMaxAge, viewerRole: contextValue.viewer?.role },
              lifetimes,
            ),
          );
          return Promise.resolve();
        },
      });
    },
  };
}
