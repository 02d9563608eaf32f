import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
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
import { FastGraphQLServer } from './fastPath/fastGraphQLServer.js';

/**
 * The Apollo server, configured explicitly from config rather than from NODE_ENV defaults:
 * no stack traces, masked unexpected errors, introspection and schema hints only where allowed,
 * no batching. Started in the background, so a cold start does not await it. With
 * `graphqlExecution: 'fast'` (the default), error-free queries of documents Apollo has validated
 * are answered without its request pipeline, with the same bytes (see FastGraphQLServer).
 */
export function createGraphQLServer(config: Config): ApolloServer<GraphQLContext> {
  const limits = queryLimits<GraphQLContext>(config);
  const schema = buildExecutableSchema();
  const options: ApolloServerOptions<GraphQLContext> = {
    schema,
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
  };
  const server =
    config.graphqlExecution === 'fast'
      ? new FastGraphQLServer(options, {
          schema,
          defaultMaxAge: config.publicLifetimes.maxAge,
          lifetimes: config.publicLifetimes,
        })
      : new ApolloServer<GraphQLContext>(options);
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  return server;
}
