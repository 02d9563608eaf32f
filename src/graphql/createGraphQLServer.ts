import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { httpCachePlugin } from './httpCachePlugin.js';
import { queryLimits } from './queryLimits.js';
import { snapshotPlugin } from './snapshotPlugin.js';
import type { Config } from '../config.js';
import type { GraphQLContext } from './context.js';
import { createFormatError } from './formatError.js';
import { localePlugin } from './localePlugin.js';
import { operationLogPlugin } from './operationLogPlugin.js';
import { buildExecutableSchema } from './executableSchema.js';

/**
 * The Apollo server, configured explicitly from config rather than from NODE_ENV defaults:
 * no stack traces, masked unexpected errors, introspection and schema hints only where allowed,
 * no batching. Started in the background, so a cold start does not await it.
 */
export function createGraphQLServer(config: Config): ApolloServer<GraphQLContext> {
  const limits = queryLimits<GraphQLContext>(config);
  const server = new ApolloServer<GraphQLContext>({
    schema: buildExecutableSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: createFormatError({ hideSuggestions: config.production }),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Cache hints first: the HTTP cache plugin reads the policy they compute.
    plugins: [
      ...limits.plugins,
      snapshotPlugin(),
      ApolloServerPluginCacheControl({
        defaultMaxAge: config.publicLifetimes.maxAge,
        calculateHttpHeaders: false,
      }),
      httpCachePlugin(config.publicLifetimes),
      ApolloServerPluginLandingPageDisabled(),
      localePlugin(),
      operationLogPlugin(),
    ],
  });
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  return server;
}
