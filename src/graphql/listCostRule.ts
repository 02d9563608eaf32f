import {
  getNamedType,
  GraphQLError,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type FragmentDefinitionNode,
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

function listSize(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): number {
  const coordinate = `${parent.name}.${field.name}`;
  if (coordinate === 'Concept.related')
    return RELATED_BY_DEPTH[Math.min(3, Math.max(1, intArgument(node, 'depth') ?? 1))]!;
  const first = intArgument(node, 'first') ?? intArgument(node, 'limit');
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
 * with QUERY_TOO_COMPLEX and the cost found.
 */
export function listCostRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();
    const costOf = (
      selectionSet: SelectionSetNode,
      type: GraphQLObjectType,
      multiplier: number,
      seen: Set<string>,
    ): number => {
      let sum = 0;
      let exclusiveMax = 0;
      const exclusive = EXCLUSIVE_FIELDS[type.name];
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const field = type.getFields()[selection.name.value];
          if (!field || !selection.selectionSet) continue;
          const named = getNamedType(field.type);
          if (!isObjectType(named)) continue;
          const times = isList(field.type)
            ? multiplier * listSize(type, field, selection)
            : multiplier;
          const cost = times + costOf(selection.selectionSet, named, times, seen);
          if (exclusive?.has(field.name)) exclusiveMax = Math.max(exclusiveMax, cost);
          else sum += cost;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const onType = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : type;
          if (isObjectType(onType)) sum += costOf(selection.selectionSet, onType, multiplier, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A fragment spread inside itself is a cycle: the spec rule for it reports that.
          if (!fragment || seen.has(name)) continue;
          const onType = schema.getType(fragment.typeCondition.name.value);
          if (isObjectType(onType))
            sum += costOf(fragment.selectionSet, onType, multiplier, new Set([...seen, name]));
        }
      }
      return sum + exclusiveMax;
    };
    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === OperationTypeNode.MUTATION
            ? schema.getMutationType()
            : schema.getQueryType();
        if (!root) return;
        const cost = costOf(operation.selectionSet, root, 1, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `The query could return about ${Math.round(cost)} objects; at most ${maxCost} are allowed. Ask for fewer or smaller lists.`,
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
