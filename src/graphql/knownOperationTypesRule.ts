import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses operations of a type the schema does not have (this API has no subscriptions) at
 * validation, as a 400 with GRAPHQL_VALIDATION_FAILED. graphql-js 16 only notices at execution,
 * with an error that carries no code (it was masked as an internal error).
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === OperationTypeNode.QUERY
          ? schema.getQueryType()
          : node.operation === OperationTypeNode.MUTATION
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        context.reportError(
          new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }),
        );
      }
    },
  };
}
