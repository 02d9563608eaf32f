import {
  getNamedType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

function hasCacheHint(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return directives?.some((directive) => directive.name.value === 'cacheControl') ?? false;
}

function typeHasCacheHint(type: GraphQLNamedType): boolean {
  return (
    hasCacheHint(type.astNode?.directives) ||
    type.extensionASTNodes.some((node) => hasCacheHint(node.directives))
  );
}

function fieldHasCacheHint(field: GraphQLField<unknown, unknown>): boolean {
  return hasCacheHint(field.astNode?.directives) || typeHasCacheHint(getNamedType(field.type));
}

/**
 * Whether the fast path may answer an operation, whose cache policy it then knows without
 * running Apollo's cache-control plugin: Apollo gives every root field and every field of an
 * object type the default max-age and takes the least over the fields that ran, so when no
 * field the operation can reach carries a `@cacheControl` hint (on itself or on its type) and
 * a root field always runs (one without @skip/@include), the policy is the default max-age,
 * public. Operations that reach a hinted field (the private ones: viewer, translations,
 * webhooks…), introspection (`__schema`, `__type`) or only conditional root fields are left to
 * Apollo, as are mutations.
 */
export function isFastEligible(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const root = schema.getQueryType();
  if (operation.operation !== OperationTypeNode.QUERY || !root) return false;
  const alwaysRuns = operation.selectionSet.selections.some(
    (selection) =>
      selection.kind === Kind.FIELD &&
      !selection.name.value.startsWith('__') &&
      (selection.directives?.length ?? 0) === 0,
  );
  if (!alwaysRuns) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  // Fragments already checked on a type (spreads of a fragment inside itself are refused by
  // validation, which the document passed).
  const checked = new Set<string>();
  const plain = (selectionSet: SelectionSetNode, type: GraphQLObjectType): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (name.startsWith('__')) return false;
        const field = type.getFields()[name];
        if (!field || fieldHasCacheHint(field)) return false;
        const named = getNamedType(field.type);
        if (selection.selectionSet) {
          if (!isObjectType(named) || !plain(selection.selectionSet, named)) return false;
        }
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) return false;
        const onType = fragment.typeCondition
          ? schema.getType(fragment.typeCondition.name.value)
          : type;
        if (!isObjectType(onType)) return false;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const key = `${selection.name.value} ${onType.name}`;
          if (checked.has(key)) continue;
          checked.add(key);
        }
        if (!plain(fragment.selectionSet, onType)) return false;
      }
    }
    return true;
  };
  return plain(operation.selectionSet, root);
}
