import {
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * Refuses a selection set that holds more than `max` fields once its fragments are spread into
 * it, with QUERY_TOO_COMPLEX.
 *
 * Why: graphql-js compares every pair of same-named fields of a selection set, fragments
 * spread in, to check that they can merge (OverlappingFieldsCanBeMerged), so the work grows
 * with the square of the set's merged width: 730 copies of `related { slug }` in one set took
 * ~140 ms to validate here, seven fragments of 100 copies spread together ~180 ms. Linear like
 * the cost rule: a fragment's width is counted once, and counts saturate just above the limit.
 */
export function selectionWidthRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const over = max + 1;
    // A fragment's merged width; null while it is being counted (a cycle: the spec reports it).
    const fragmentWidths = new Map<string, number | null>();
    // One report per document: the sets around and inside a wide one would only repeat it.
    let reported = false;

    const fragmentWidth = (name: string): number => {
      const known = fragmentWidths.get(name);
      if (known !== undefined) return known ?? 0;
      const fragment = context.getFragment(name);
      if (!fragment) return 0;
      fragmentWidths.set(name, null);
      const width = widthOf(fragment.selectionSet);
      fragmentWidths.set(name, width);
      return width;
    };

    // Fields of a selection set with its fragments (named and inline) spread into it.
    const widthOf = (selectionSet: SelectionSetNode): number => {
      let width = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) width += 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) width += widthOf(selection.selectionSet);
        else width += fragmentWidth(selection.name.value);
        if (width >= over) return over;
      }
      return width;
    };

    return {
      SelectionSet(node) {
        if (reported) return false;
        const width = widthOf(node);
        if (width <= max) return;
        reported = true;
        context.reportError(
          new GraphQLError(
            `A selection set holds over ${max} fields once its fragments are spread into it; at most ${max} are allowed.`,
            { nodes: [node], extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'width' } },
          ),
        );
        return false;
      },
    };
  };
}
