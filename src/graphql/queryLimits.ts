import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  Kind,
  validate,
  type DocumentNode,
  type GraphQLError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';
import { knownOperationTypesRule } from './knownOperationTypesRule.js';
import { listCostRule } from './listCostRule.js';
import { selectionWidthRule } from './selectionWidthRule.js';

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

// The refusals of documents over a limit, keyed by the empty stand-in document that replaced
// each of them for Apollo's validation (see limitsFirst).
const refusals = new WeakMap<DocumentNode, readonly GraphQLError[]>();

/** Reports the limit refusals recorded for the document being validated (none for most). */
function reportLimitRefusals(context: ValidationContext) {
  for (const error of refusals.get(context.getDocument()) ?? []) context.reportError(error);
  return {};
}

/**
 * Applies the limit rules to a parsed document before graphql-js's own validation rules see it.
 *
 * Why: Apollo runs its validation rules and ours in one pass, so a document our linear limits
 * refuse at once still went through every spec rule, and OverlappingFieldsCanBeMerged is
 * quadratic in repeated fields (graphql-js meters it at 500,000 comparisons: ~200 ms of one
 * core for a 7 KB document of 270 aliases, which the alias limit refuses). A refused document
 * is replaced by an empty stand-in, which the spec rules pass in no time and whose recorded
 * refusals `reportLimitRefusals` reports: the answer is exactly what Apollo makes of any
 * validation error (status, formatting, logs). Runs once per distinct document, as Apollo's
 * validation does (validated documents are cached by query hash).
 */
function limitsFirst<TContext extends BaseContext>(
  rules: readonly ValidationRule[],
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        validationDidStart(requestContext) {
          const errors = validate(requestContext.schema, requestContext.document, rules);
          if (errors.length === 0) return Promise.resolve();
          const standIn: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
          refusals.set(standIn, errors);
          // Apollo validates `requestContext.document` as it stands once these hooks return.
          (requestContext as { document: DocumentNode }).document = standIn;
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The query limits: graphql-armor for depth, aliases and directives, graphql-js's parser for
 * tokens, our selection-width rule, and our list-multiplying cost rule (armor's cost model does
 * not multiply by list sizes); all refuse before execution, and before the spec's validation rules spend any time
 * on a refused document. Field suggestions are hidden by Apollo in production.
 */
export function queryLimits<TContext extends BaseContext>(
  config: Config,
): {
  plugins: ApolloServerPlugin<TContext>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const onReject = [tagTooComplex];
  const armor = new ApolloArmor({
    // Fragments count by the fields inside them, not as a level of their own: a client's
    // generated fragments must not make its query "deeper" than the same query written inline.
    maxDepth: {
      n: config.queryLimits.depth,
      flattenFragments: true,
      onReject,
      propagateOnRejection: false,
    },
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
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<TContext>[]),
      limitsFirst<TContext>([
        ...protection.validationRules,
        selectionWidthRule(config.queryLimits.selections),
        listCostRule(config.queryLimits.cost),
      ]),
    ],
    validationRules: [knownOperationTypesRule, reportLimitRefusals],
    parseOptions: { maxTokens: config.queryLimits.tokens },
  };
}
