import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context.js';

/** Notes on the request's log record which operation runs: its name (or null) and type. */
export function noteOperation(
  context: GraphQLContext,
  operation: OperationDefinitionNode | undefined,
): void {
  if (context.log && operation) {
    context.log.operation = { name: operation.name?.value || null, type: operation.operation };
  }
}

/**
 * Tells the request's log record which operation ran (name and type, never the document or
 * its variables) and which error codes the answer carried, so the one log line per request
 * says what a GraphQL POST was for.
 */
export function operationLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ contextValue, operation }) {
          noteOperation(contextValue, operation);
          return Promise.resolve();
        },
        willSendResponse({ contextValue, response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          if (contextValue.log && errors?.length) {
            const codes = errors.map((error) => {
              const code = error.extensions?.code;
              return typeof code === 'string' ? code : 'UNKNOWN';
            });
            contextValue.log.errorCodes = [...new Set(codes)];
          }
          return Promise.resolve();
        },
      });
    },
  };
}
