import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';
import { knownOperationTypesRule } from './knownOperationTypesRule.js';
import { listCostRule } from './listCostRule.js';

// graphql-armor reports its refusals without a code; `limit` marks them as ours (Apollo re-codes
// every validation error, so formatError turns the mark into QUERY_TOO_COMPLEX). Reported here,
// once, rather than thrown by armor: a thrown error reached the answer three times.
function tagTooComplex(context: ValidationContext | null, error: GraphQLError): void {
  Object.assign(error.extensions as Record<string, unknown>, {
    code: ErrorCode.QUERY_TOO_COMPLEX,
    limit: 'armor',
  });
  context?.reportError(error);
}

/**
 * The query limits: graphql-armor for depth, aliases and directives, graphql-js's parser for
 * tokens, and our list-multiplying cost rule (armor's cost model does not multiply by list
 * sizes); all refuse before execution. Field suggestions are hidden by Apollo in production.
 */
export function queryLimits(config: Config): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const onReject = [tagTooComplex];
  const armor = new ApolloArmor({
    maxDepth: { n: config.queryLimits.depth, onReject, propagateOnRejection: false },
    maxAliases: { n: config.queryLimits.aliases, onReject, propagateOnRejection: false },
    maxDirectives: { n: config.queryLimits.directives, onReject, propagateOnRejection: false },
    // Tokens are limited by graphql-js's own parser (Apollo's parseOptions): armor's token plugin
    // re-parses and turns plain syntax errors into 500s.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return {
    plugins: protection.plugins as ApolloServerPlugin[],
    validationRules: [
      knownOperationTypesRule,
      ...protection.validationRules,
      listCostRule(config.queryLimits.cost),
    ],
    parseOptions: { maxTokens: config.queryLimits.tokens },
  };
}
