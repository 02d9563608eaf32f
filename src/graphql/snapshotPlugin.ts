import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.js';

/**
 * Loads the request's content snapshot only after the operation was parsed, validated (query
 * limits included) and resolved: a refused query never touches the store.
 */
export function snapshotPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ contextValue }) {
          await contextValue.loadSnapshot();
        },
      });
    },
  };
}
