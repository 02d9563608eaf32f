import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * Refuses a selection set that lists more than `max` selections (fields, inline fragments and
 * fragment spreads), with QUERY_TOO_COMPLEX.
 *
 * Why: graphql-js compares every pair of same-named fields in a selection set to check that
 * they can merge (OverlappingFieldsCanBeMerged), so the work grows with the square of the
 * set's width: 730 copies of `related { slug }` in one set, within the token limit, took
 * ~140 ms to validate here. No real query lists a hundred selections in one place.
 */
export function selectionWidthRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    SelectionSet(node) {
      if (node.selections.length <= max) return;
      context.reportError(
        new GraphQLError(
          `A selection set lists ${node.selections.length} fields or fragments; at most ${max} are allowed.`,
          { nodes: [node], extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'width' } },
        ),
      );
    },
  });
}
