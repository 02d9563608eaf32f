import {
  getNamedType,
  GraphQLError,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../errors.js';

/** How many items a list field returns at most, for fields without a `first`/`limit` argument. */
export const LIST_SIZE_ESTIMATES: Record<string, number> = {
  'Query.categories': 10,
  'Query.lessons': 10,
  'Query.comparisons': 10,
  'Query.glossary': 25,
  'Query.relationKinds': 12,
  'Query.path': 6,
  'Concept.aliases': 1,
  'Concept.relations': 15,
  'Concept.lessons': 5,
  'Concept.details': 1,
  'Concept.analogies': 3,
  'Concept.examples': 1,
  'Concept.limitations': 1,
  'Concept.media': 2,
  'Concept.sources': 3,
  'Category.concepts': 40,
  'GlossaryGroup.entries': 15,
  // Lesson content is a shallow tree: bounds per parent, a little above the course's own maxima.
  'Lesson.sections': 15,
  'Lesson.concepts': 40,
  'LessonPreview.sections': 15,
  'LessonPreview.concepts': 40,
  'Section.blocks': 8,
  'Section.concepts': 15,
  'Block.spans': 5,
  'Block.items': 4,
  'Block.blocks': 2,
  'ListItem.spans': 5,
  'ListItem.blocks': 1,
  'Table.header': 3,
  'Table.rows': 5,
  'TableRow.cells': 3,
  'TableCell.spans': 2,
  'Comparison.rows': 10,
  'Comparison.concepts': 8,
  'ComparisonRow.cells': 8,
  'ChangeSet.concepts': 200,
  'ChangeSet.lessons': 200,
  'ChangeSet.relations': 200,
};
const DEFAULT_LIST_SIZE = 20;
// Fields of which an object has at most one: a block is a paragraph (spans) or a list (items) or
// a table or a quote (blocks) or an image, so its cost is the dearest of them, not their sum.
const EXCLUSIVE_FIELDS: Record<string, ReadonlySet<string>> = {
  Block: new Set(['spans', 'items', 'table', 'blocks', 'image']),
};
// `related(depth)` grows with depth: about 5, 15, 30 concepts at depths 1, 2, 3.
const RELATED_BY_DEPTH = [0, 5, 15, 30];

/**
 * Fields whose resolution costs far more than the objects they return, priced by their work in
 * objects: a search of a long mixed query took up to ~30 ms here (against well under 1 ms for
 * a concept), so 30 aliased searches held an instance for 0.4 s. At 18,000, an operation holds
 * at most five searches.
 */
export const FIELD_WORK: Record<string, number> = {
  'Query.search': 18_000,
  // A preview parses a lesson's markdown (off thread, bounded: up to ~0.3 s), as a search works.
  'Query.previewLesson': 18_000,
};

// A literal argument's value; a variable counts as the largest page any field allows, because
// validation runs once per query text (Apollo caches it) and cannot see variables.
const VARIABLE_PAGE = 100;

function intArgument(node: FieldNode, name: string): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return VARIABLE_PAGE;
  return undefined;
}

// The page a field asks for (`first` or `limit`), if any.
function pageArgument(node: FieldNode): number | undefined {
  return intArgument(node, 'first') ?? intArgument(node, 'limit');
}

// `page`: the page size of the object this list is on, when that object is a page itself (a
// connection's edges, a change set's lists): `concepts(first: 100) { edges … }` returns 100.
function listSize(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  page: number | undefined,
): number {
  const coordinate = `${parent.name}.${field.name}`;
  if (coordinate === 'Concept.related')
    return RELATED_BY_DEPTH[Math.min(3, Math.max(1, intArgument(node, 'depth') ?? 1))]!;
  const first = pageArgument(node) ?? page;
  if (first !== undefined) return Math.max(1, first);
  return LIST_SIZE_ESTIMATES[coordinate] ?? DEFAULT_LIST_SIZE;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * A validation rule that prices a query by the objects it could return: every object field
 * costs 1 times the sizes of the lists around it (a `first` argument, or the field's known
 * bound), so nesting lists multiplies. Over `maxCost`, the query is refused before it runs,
 * with QUERY_TOO_COMPLEX.
 *
 * Linear in the document, whatever it spreads: a fragment is priced once (its cost at a
 * multiplier of 1; every use scales it) and the arithmetic saturates just above the limit, so
 * fragments that each spread the next one twice cost one visit each, not 2^depth, and the
 * walk stops as soon as a selection set is over the limit.
 */
export function listCostRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    // Costs never grow past `over`: every sum and product below saturates there, so the numbers
    // stay small and "over the limit" survives any later multiplication.
    const over = maxCost + 1;
    const plus = (a: number, b: number) => Math.min(over, a + b);
    const times = (a: number, b: number) => Math.min(over, a * b);
    // A fragment's cost at multiplier 1; null while it is being priced (a spread of it inside
    // itself is a cycle, which the spec rule NoFragmentCycles reports).
    const fragmentCosts = new Map<string, number | null>();

    const fragmentCost = (name: string): number => {
      const known = fragmentCosts.get(name);
      if (known !== undefined) return known ?? 0;
      const fragment = context.getFragment(name);
      const onType = fragment && schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !isObjectType(onType)) return 0;
      fragmentCosts.set(name, null);
      const cost = costOf(fragment.selectionSet, onType);
      fragmentCosts.set(name, cost);
      return cost;
    };

    // The objects a selection set could return per object of `type` it is selected on; `page`
    // when that object is a page (see listSize). Fragments are priced without it, by the lists'
    // own bounds, as their cost is kept once for every place they are spread.
    const costOf = (
      selectionSet: SelectionSetNode,
      type: GraphQLObjectType,
      page?: number,
    ): number => {
      let sum = 0;
      let exclusiveMax = 0;
      const exclusive = EXCLUSIVE_FIELDS[type.name];
      for (const selection of selectionSet.selections) {
        if (sum >= over) break;
        if (selection.kind === Kind.FIELD) {
          const field = type.getFields()[selection.name.value];
          if (!field || !selection.selectionSet) continue;
          const named = getNamedType(field.type);
          if (!isObjectType(named)) continue;
          const list = isList(field.type);
          const size = list ? listSize(type, field, selection, page) : 1;
          // A single object asked for by page (a connection, a change set) passes its page on.
          const inner = list ? undefined : pageArgument(selection);
          const work = FIELD_WORK[`${type.name}.${field.name}`] ?? 0;
          const cost = plus(
            work,
            times(size, plus(1, costOf(selection.selectionSet, named, inner))),
          );
          if (exclusive?.has(field.name)) exclusiveMax = Math.max(exclusiveMax, cost);
          else sum = plus(sum, cost);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const onType = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : type;
          if (isObjectType(onType)) sum = plus(sum, costOf(selection.selectionSet, onType, page));
        } else {
          sum = plus(sum, fragmentCost(selection.name.value));
        }
      }
      return plus(sum, exclusiveMax);
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === OperationTypeNode.MUTATION
            ? schema.getMutationType()
            : schema.getQueryType();
        if (!root) return;
        if (costOf(operation.selectionSet, root) > maxCost) {
          context.reportError(
            new GraphQLError(
              `The query could return more than ${maxCost} objects, the most allowed (lists multiply; a search counts as ${FIELD_WORK['Query.search']}). Ask for fewer or smaller lists.`,
              {
                nodes: [operation],
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'cost' },
              },
            ),
          );
        }
      },
    };
  };
}
